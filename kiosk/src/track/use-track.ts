import type { TrackView } from '@luot/shared';
import { useEffect, useState } from 'react';
import { fetchTrack } from './track-api.ts';

export type TrackState =
  | { kind: 'loading' }
  | { kind: 'ready'; view: TrackView; offline: boolean }
  | { kind: 'not_found' }
  | { kind: 'expired' }
  | { kind: 'too_many' };

const RETRY_MS = 3_000;
const LIMITED_MS = 60_000;

/**
 * Follows the ticket with a long poll: each answer carries a version, the next request waits for a newer one.
 * On a lost link it keeps the last view (marked offline) and retries every 3 s.
 */
export function useTrack(code: string | null, refresh: number): TrackState {
  const [state, setState] = useState<TrackState>(code === null ? { kind: 'not_found' } : { kind: 'loading' });

  useEffect(() => {
    if (code === null) return;
    const stop = new AbortController();
    let since: string | null = null;
    let last: TrackView | null = null;
    const pause = (ms: number) => new Promise((r) => window.setTimeout(r, ms));

    async function loop(code: string): Promise<void> {
      while (!stop.signal.aborted) {
        const result = await fetchTrack(code, since, stop.signal);
        if (stop.signal.aborted) return;
        if (result.ok) {
          last = result.body;
          since = result.body.version;
          setState({ kind: 'ready', view: result.body, offline: false });
          // A finished, no-show or cancelled ticket changes only by its rating; stop holding a request open.
          if (!['waiting', 'called', 'serving', 'held'].includes(result.body.status)) return;
          continue;
        }
        if (result.kind === 'refused' && result.status === 404) return setState({ kind: 'not_found' });
        if (result.kind === 'refused' && result.status === 410) return setState({ kind: 'expired' });
        if (result.kind === 'refused' && result.status === 429) {
          setState(last ? { kind: 'ready', view: last, offline: true } : { kind: 'too_many' });
          await pause(LIMITED_MS);
          continue;
        }
        setState(last ? { kind: 'ready', view: last, offline: true } : { kind: 'loading' });
        since = null;
        await pause(RETRY_MS);
      }
    }
    void loop(code);
    return () => stop.abort();
  }, [code, refresh]);

  return state;
}
