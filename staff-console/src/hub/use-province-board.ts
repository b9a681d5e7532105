import { HubServerMessage, type BoardRow } from '@luot/shared';
import { useEffect, useState } from 'react';
import { Value } from 'typebox/value';

export interface ProvinceLive {
  rows: BoardRow[] | null;
  link: 'connecting' | 'online' | 'lost';
  /** Counts every change received, so a drilled-down center board can refresh when its row moves. */
  changes: number;
}

const firstRetryMs = 500;
const maxRetryMs = 5_000;

/**
 * The province board over /api/hub/ws: hello with the session token, the whole board, then one row per changed
 * center (pushed by whichever hub process stored the change, through PostgreSQL). Reconnects with backoff and
 * gets the whole board again, so nothing missed while away stays wrong.
 */
export function useProvinceBoard(token: string, onRefused: () => void): ProvinceLive {
  const [state, setState] = useState<ProvinceLive>({ rows: null, link: 'connecting', changes: 0 });

  useEffect(() => {
    let socket: WebSocket | null = null;
    let retry = firstRetryMs;
    let timer: number | undefined;
    let closed = false;
    const url = `${window.location.protocol === 'https:' ? 'wss' : 'ws'}://${window.location.host}/api/hub/ws`;

    const connect = () => {
      const ws = new WebSocket(url);
      socket = ws;
      ws.onopen = () => ws.send(JSON.stringify({ type: 'hello', token }));
      ws.onmessage = (event) => {
        let message: unknown;
        try {
          message = JSON.parse(String(event.data));
        } catch {
          return;
        }
        if (!Value.Check(HubServerMessage, message)) return;
        retry = firstRetryMs;
        if (message.type === 'board') setState((s) => ({ rows: message.board.rows, link: 'online', changes: s.changes + 1 }));
        else {
          const row = message.row;
          setState((s) => ({ ...s, link: 'online', changes: s.changes + 1, rows: s.rows && (s.rows.some((r) => r.centerId === row.centerId) ? s.rows.map((r) => (r.centerId === row.centerId ? row : r)) : [...s.rows, row]) }));
        }
      };
      ws.onclose = (event) => {
        if (closed) return;
        if (event.code === 4001) return onRefused();
        setState((s) => ({ ...s, link: 'lost' }));
        timer = window.setTimeout(connect, retry);
        retry = Math.min(maxRetryMs, retry * 2);
      };
    };
    connect();
    return () => {
      closed = true;
      window.clearTimeout(timer);
      socket?.close();
    };
  }, [token, onRefused]);

  return state;
}
