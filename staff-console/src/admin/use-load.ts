import { QueryClient, useQuery } from '@tanstack/react-query';
import { useCallback } from 'react';
import type { ApiFailure, ApiResult } from '../api/http.ts';

export interface Loaded<T> {
  data: T | null;
  failure: ApiFailure | null;
  reload: () => void;
}

/** A read that failed, thrown so TanStack Query can retry it and keep the last good data on screen. */
export class LoadFailed extends Error {
  constructor(readonly failure: ApiFailure) {
    super(`load failed: ${failure.kind}`);
  }
}

/**
 * The admin screens' reads, one client per signed-in session so nothing read under one account shows under the
 * next. A lost link is retried twice (1 s, then 2 s) before the screen says so; a refusal is shown at once.
 * Nothing is kept for a tab that is closed (`gcTime: 0`) and nothing is refetched behind the admin's back:
 * a list is read when its tab opens and again after every change, so the screen shows the server's state.
 */
export function adminQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        retry: (failures, error) => failures < 2 && error instanceof LoadFailed && error.failure.kind === 'network',
        gcTime: 0,
        refetchOnWindowFocus: false,
        refetchOnReconnect: false,
      },
    },
  });
}

/** Loads a list or settings when the tab opens, and again on `reload()`; a tab that closes aborts its request. */
export function useLoad<T>(key: string, load: (signal: AbortSignal) => Promise<ApiResult<T>>): Loaded<T> {
  const query = useQuery({
    queryKey: ['admin', key],
    queryFn: async ({ signal }) => {
      const result = await load(signal);
      if (result.ok) return result.body;
      throw new LoadFailed(result);
    },
  });
  // A 401 is the session's business: the console returns to sign-in by itself.
  const failure = query.error instanceof LoadFailed && query.error.failure.kind !== 'unauthorized' ? query.error.failure : null;
  const { refetch } = query;
  const reload = useCallback(() => void refetch(), [refetch]);
  return { data: query.data ?? null, failure, reload };
}
