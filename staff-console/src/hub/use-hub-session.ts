import type { HubLoginResponse, HubMe } from '@luot/shared';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { clearToken, readToken, saveToken } from '../session/token-store.ts';
import { HubApi } from './hub-api.ts';

export type HubSession =
  | { status: 'checking' }
  | { status: 'unreachable' }
  | { status: 'signed-out'; ended: boolean }
  | { status: 'signed-in'; token: string; me: HubMe };

const retryMs = 3_000;

/** The province staff session: the same token store and checks as the center console's, with the hub's roles. */
export function useHubSession() {
  const [session, setSession] = useState<HubSession>(() => (readToken() ? { status: 'checking' } : { status: 'signed-out', ended: false }));

  const ended = useCallback(() => {
    clearToken();
    setSession((s) => (s.status === 'signed-out' ? s : { status: 'signed-out', ended: true }));
  }, []);

  const checking = session.status === 'checking' || session.status === 'unreachable';
  useEffect(() => {
    if (!checking) return;
    const token = readToken();
    if (!token) return;
    let cancelled = false;
    let timer: number | undefined;
    const api = new HubApi(token, ended);
    const check = async () => {
      const result = await api.me();
      if (cancelled) return;
      if (result.ok) setSession({ status: 'signed-in', token, me: result.body });
      else if (result.kind === 'network') {
        setSession({ status: 'unreachable' });
        timer = window.setTimeout(() => void check(), retryMs);
      } else if (result.kind === 'refused') ended();
    };
    void check();
    return () => {
      cancelled = true;
      window.clearTimeout(timer);
    };
  }, [checking, ended]);

  const token = session.status === 'signed-in' ? session.token : null;
  const api = useMemo(() => (token ? new HubApi(token, ended) : null), [token, ended]);

  const signedIn = useCallback((response: HubLoginResponse) => {
    saveToken(response.token);
    setSession({ status: 'signed-in', token: response.token, me: response.me });
  }, []);

  const signOut = useCallback(async () => {
    if (api) await api.logout();
    clearToken();
    setSession({ status: 'signed-out', ended: false });
  }, [api]);

  return { session, api, signedIn, signOut, ended };
}
