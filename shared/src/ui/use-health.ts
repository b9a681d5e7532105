import { useEffect, useState } from 'react';
import { fetchHealth } from './health.ts';

export interface Connection {
  state: 'loading' | 'online' | 'lost';
  /** Last known center name; kept while the connection is lost so the screen stays recognisable. */
  center: string | null;
}

const pollMs = 15_000;

/** Polls the server so a dropped LAN link is shown, and cleared again, without a reload. */
export function useHealth(): Connection {
  const [connection, setConnection] = useState<Connection>({ state: 'loading', center: null });

  useEffect(() => {
    const controller = new AbortController();
    let timer: number | undefined;

    const check = async () => {
      const health = await fetchHealth(controller.signal);
      if (controller.signal.aborted) return;
      setConnection((previous) =>
        health ? { state: 'online', center: health.center } : { state: 'lost', center: previous.center },
      );
      timer = window.setTimeout(() => void check(), pollMs);
    };
    void check();

    return () => {
      controller.abort();
      window.clearTimeout(timer);
    };
  }, []);

  return connection;
}
