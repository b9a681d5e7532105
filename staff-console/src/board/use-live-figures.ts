import type { LiveFigures, SatisfactionToday } from '@luot/shared';
import { useEffect, useRef, useState } from 'react';
import type { ConsoleApi } from '../api/console-api.ts';
import type { ApiFailure } from '../api/http.ts';

export interface Figures {
  figures: LiveFigures | null;
  /** Today's ratings; they arrive without any queue change, so the ten-second poll brings them. */
  satisfaction: SatisfactionToday | null;
  failure: ApiFailure | null;
}

const pollMs = 10_000;
/** Changes come in bursts (a call is a ticket and a counter change); one fetch per burst is enough. */
const settleMs = 800;

/**
 * GET /api/live and /api/ratings/today every ten seconds, and shortly after the live stream reports a change
 * that moves the figures (`changes`), so averages and alerts follow a call or a new ticket within a second or so.
 */
export function useLiveFigures(api: ConsoleApi, changes: number): Figures {
  const [state, setState] = useState<Figures>({ figures: null, satisfaction: null, failure: null });
  const pending = useRef<number | undefined>(undefined);
  const poll = useRef<number | undefined>(undefined);
  const fetchNow = useRef<() => void>(() => undefined);

  useEffect(() => {
    let cancelled = false;
    const load = async () => {
      window.clearTimeout(poll.current);
      const [result, ratings] = await Promise.all([api.live(), api.satisfactionToday()]);
      if (cancelled) return;
      if (ratings.ok) setState((s) => ({ ...s, satisfaction: ratings.body }));
      if (result.ok) setState((s) => ({ ...s, figures: result.body, failure: null }));
      else if (result.kind !== 'unauthorized') setState((s) => ({ ...s, failure: result }));
      poll.current = window.setTimeout(() => void load(), pollMs);
    };
    fetchNow.current = () => void load();
    void load();
    return () => {
      cancelled = true;
      window.clearTimeout(poll.current);
      window.clearTimeout(pending.current);
    };
  }, [api]);

  useEffect(() => {
    if (changes === 0) return;
    window.clearTimeout(pending.current);
    pending.current = window.setTimeout(() => fetchNow.current(), settleMs);
  }, [changes]);

  return state;
}
