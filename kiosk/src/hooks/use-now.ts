import { createContext, useContext, useEffect, useState } from 'react';

/** Server clock minus local clock, provided once at the top of the kiosk. */
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
