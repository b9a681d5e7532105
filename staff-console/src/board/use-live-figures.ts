import type { LiveFigures } from '@luot/shared';
import { useEffect, useRef, useState } from 'react';
import type { ConsoleApi } from '../api/console-api.ts';
import type { ApiFailure } from '../api/http.ts';

export interface Figures {
  figures: LiveFigures | null;
  failure: ApiFailure | null;
}

const pollMs = 10_000;
/** Changes come in bursts (a call is a ticket and a counter change); one fetch per burst is enough. */
const settleMs = 800;

/**
 * GET /api/live every ten seconds, and shortly after the live stream reports a change that moves the
 * figures (`changes`), so averages and alerts follow a call or a new ticket within a second or so.
 */
export function useLiveFigures(api: ConsoleApi, changes: number): Figures {
  const [state, setState] = useState<Figures>({ figures: null, failure: null });
  const pending = useRef<number | undefined>(undefined);
  const poll = useRef<number | undefined>(undefined);
  const fetchNow = useRef<() => void>(() => undefined);

  useEffect(() => {
    let cancelled = false;
    const load = async () => {
      window.clearTimeout(poll.current);
      const result = await api.live();
      if (cancelled) return;
      if (result.ok) setState({ figures: result.body, failure: null });
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
