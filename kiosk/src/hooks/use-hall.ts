import type { FieldView } from '@luot/shared';
import { useEffect, useEffectEvent, useState } from 'react';
import { HallSocket, type LinkState } from '../live/hall-socket.ts';

export interface Hall {
  link: LinkState;
  /** Live fields with their waiting counts; null until the first snapshot. */
  fields: FieldView[] | null;
  /** Server clock minus local clock: the kiosk shows the server's time, which issued the tickets. */
  serverOffsetMs: number;
  /** Counts welcomes, so data fetched over HTTP can be refreshed after every reconnection. */
  epoch: number;
}

function upsert(current: FieldView[] | null, changed: FieldView[]): FieldView[] {
  const byId = new Map((current ?? []).map((f) => [f.id, f]));
  const added: FieldView[] = [];
  for (const f of changed) {
    if (byId.has(f.id)) byId.set(f.id, f);
    else added.push(f);
  }
  return [...byId.values(), ...added];
}

/** Follows the `hall` stream for as long as the kiosk has a token. */
export function useHall(token: string | null, onTokenRefused: (token: string, code: string) => void): Hall {
  const [hall, setHall] = useState<Hall>({ link: 'connecting', fields: null, serverOffsetMs: 0, epoch: 0 });
  const tokenRefused = useEffectEvent(onTokenRefused);

  useEffect(() => {
    if (token === null) return;
    const socket = new HallSocket(token, {
      state: (link) => setHall((h) => ({ ...h, link, epoch: link === 'online' ? h.epoch + 1 : h.epoch })),
      fields: (fields, replace) => setHall((h) => ({ ...h, fields: replace ? fields : upsert(h.fields, fields) })),
      serverOffset: (serverOffsetMs) => setHall((h) => ({ ...h, serverOffsetMs })),
      tokenRefused: (code) => tokenRefused(token, code),
    });
    return () => {
      socket.dispose();
      setHall((h) => ({ ...h, link: 'connecting' }));
    };
  }, [token]);

  return hall;
}
