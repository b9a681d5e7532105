import { createContext, useContext, useEffect, useState } from 'react';

/** Server clock minus local clock, provided once at the top of a device's app from the socket's heartbeats. */
export const ServerOffsetContext = createContext(0);

/**
 * The server's current time in epoch milliseconds, refreshed at each multiple of `everyMs` (for 1 000, at each
 * new second, so a clock's minute turns over on time without a drifting interval).
 */
export function useNow(everyMs: number): number {
  const offset = useContext(ServerOffsetContext);
  const [local, setLocal] = useState(() => Date.now());
  useEffect(() => {
    let timer: number;
    const wait = () => everyMs - (Date.now() % everyMs) + 5;
    const tick = () => {
      setLocal(Date.now());
      timer = window.setTimeout(tick, wait());
    };
    timer = window.setTimeout(tick, wait());
    return () => window.clearTimeout(timer);
  }, [everyMs]);
  return local + offset;
}
