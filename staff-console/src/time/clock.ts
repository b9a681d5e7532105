import { createContext, useContext, useEffect, useState } from 'react';

/** Server clock minus local clock, from the live link's heartbeat; timers count in the server's time. */
export const ServerOffsetContext = createContext(0);

/** The server's current time in epoch milliseconds, refreshed every `everyMs`. */
export function useNow(everyMs: number): number {
  const offset = useContext(ServerOffsetContext);
  const [local, setLocal] = useState(() => Date.now());
  useEffect(() => {
    const timer = window.setInterval(() => setLocal(Date.now()), everyMs);
    return () => window.clearInterval(timer);
  }, [everyMs]);
  return local + offset;
}

/** Whole seconds from an ISO time to `now`, never negative (clocks a little apart must not show -0:01). */
export function secondsSince(iso: string, now: number): number {
  const at = Date.parse(iso);
  return Number.isNaN(at) ? 0 : Math.max(0, Math.floor((now - at) / 1000));
}

const pad2 = (n: number) => String(n).padStart(2, '0');

/** A running timer: 'm:ss', or 'h:mm:ss' past an hour. */
export function formatTimer(seconds: number): string {
  const h = Math.floor(seconds / 3600);
  const m = Math.floor((seconds % 3600) / 60);
  const s = seconds % 60;
  return h > 0 ? `${h}:${pad2(m)}:${pad2(s)}` : `${m}:${pad2(s)}`;
}

/** Vietnam is UTC+7 all year; a fixed offset is exact and ignores a PC's wrong time zone setting. */
const vnOffsetMs = 7 * 60 * 60 * 1000;

/** 'HH:mm' in Asia/Ho_Chi_Minh. */
export function clockTime(iso: string): string {
  const at = Date.parse(iso);
  if (Number.isNaN(at)) return '—';
  const d = new Date(at + vnOffsetMs);
  return `${pad2(d.getUTCHours())}:${pad2(d.getUTCMinutes())}`;
}

/** 'dd/mm HH:mm' in Asia/Ho_Chi_Minh, for lists that span days (audit, devices last seen). */
export function dateTime(iso: string): string {
  const at = Date.parse(iso);
  if (Number.isNaN(at)) return '—';
  const d = new Date(at + vnOffsetMs);
  return `${pad2(d.getUTCDate())}/${pad2(d.getUTCMonth() + 1)} ${pad2(d.getUTCHours())}:${pad2(d.getUTCMinutes())}`;
}
