import { useCallback, useEffect, useEffectEvent, useState } from 'react';
import type { ApiFailure, ApiResult } from '../api/http.ts';

export interface Loaded<T> {
  data: T | null;
  failure: ApiFailure | null;
  reload: () => void;
}

/** Loads a list or settings once, and again on `reload()` (after every change, so the screen shows the server's state). */
export function useLoad<T>(load: () => Promise<ApiResult<T>>): Loaded<T> {
  const [data, setData] = useState<T | null>(null);
  const [failure, setFailure] = useState<ApiFailure | null>(null);
  const [version, setVersion] = useState(0);
  const fetchIt = useEffectEvent(load);

  useEffect(() => {
    let cancelled = false;
    void fetchIt().then((result) => {
      if (cancelled) return;
      if (result.ok) {
        setData(result.body);
        setFailure(null);
      } else if (result.kind !== 'unauthorized') setFailure(result);
    });
    return () => {
      cancelled = true;
    };
  }, [version]);

  const reload = useCallback(() => setVersion((v) => v + 1), []);
  return { data, failure, reload };
}
