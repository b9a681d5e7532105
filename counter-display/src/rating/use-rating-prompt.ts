import type { CounterView } from '@luot/shared';
import { useCallback, useEffect, useState } from 'react';
import { ratingApi } from './rating-api.ts';

/**
 * Watches the counter's current ticket. When it leaves the counter (X → none), the server is asked whether X
 * was finished here and awaits a rating; only then is the citizen asked. A new call ends the question at once,
 * so the next citizen sees their number, never the previous one's question.
 */
export function useRatingPrompt(token: string | null, counter: CounterView | null): [number | null, () => void] {
  const currentId = counter?.current?.id ?? null;
  const [previous, setPrevious] = useState<number | null>(currentId);
  const [left, setLeft] = useState<number | null>(null);
  const [ticketId, setTicketId] = useState<number | null>(null);

  // Adjusting state while rendering (React's pattern for "what changed since the last render").
  if (currentId !== previous) {
    setPrevious(currentId);
    setLeft(currentId === null ? previous : null);
    setTicketId(null);
  }

  useEffect(() => {
    if (token === null || left === null) return;
    const stop = new AbortController();
    void ratingApi.pending(token, stop.signal).then((result) => {
      if (result.ok && result.body.ticketId === left) setTicketId(left);
    });
    return () => stop.abort();
  }, [token, left]);

  // Stable, so the rating screen's timer is not restarted by every render of the screen around it.
  const close = useCallback(() => setTicketId(null), []);
  return [ticketId, close];
}
