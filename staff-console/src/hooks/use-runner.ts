import { useCallback, useRef, useState } from 'react';
import type { ApiFailure, ApiResult } from '../api/http.ts';

export type Notice = { tone: 'error'; failure: ApiFailure } | { tone: 'info' | 'ok'; text: string };

export type Run = <T>(name: string, send: () => Promise<ApiResult<T>>, done?: (body: T) => Notice | null) => Promise<boolean>;

export interface Runner {
  /** Which action is waiting for the server; buttons are disabled meanwhile. */
  busy: string | null;
  notice: Notice | null;
  say: (notice: Notice | null) => void;
  /** Sends one request at a time; a refusal is kept as the notice, with the server's own words. */
  run: Run;
}

/** `onConflict`: the server answered 409, so this screen was behind it (e.g. ask the live link for a snapshot). */
export function useRunner(onConflict?: () => void): Runner {
  const [busy, setBusy] = useState<string | null>(null);
  const [notice, setNotice] = useState<Notice | null>(null);
  // A key held down or pressed twice fires before React re-renders the disabled button; this guard is synchronous.
  const inFlight = useRef(false);

  const run = useCallback<Run>(
    async (name, send, done) => {
      if (inFlight.current) return false;
      inFlight.current = true;
      setBusy(name);
      try {
        const result = await send();
        if (!result.ok) {
          // 401 is handled once for the whole console: it goes back to sign-in.
          if (result.kind !== 'unauthorized') setNotice({ tone: 'error', failure: result });
          if (result.kind === 'refused' && result.status === 409) onConflict?.();
          return false;
        }
        setNotice(done?.(result.body) ?? null);
        return true;
      } finally {
        inFlight.current = false;
        setBusy(null);
      }
    },
    [onConflict],
  );

  return { busy, notice, say: setNotice, run };
}
