import type { LoginResponse, Me } from '@luot/shared';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { ConsoleApi } from '../api/console-api.ts';
import { clearToken, readToken, saveToken } from './token-store.ts';

export type Session =
  | { status: 'checking' }
  /** A token is stored but the server did not answer: keep it and try again, do not sign anyone out. */
  | { status: 'unreachable' }
  | { status: 'signed-out'; ended: boolean }
  | { status: 'signed-in'; token: string; me: Me };

export interface SessionControl {
  session: Session;
  api: ConsoleApi | null;
  signedIn: (response: LoginResponse) => void;
  signOut: () => Promise<void>;
  /** The server refused the token (401 or socket close 4001): back to sign-in, saying why. */
  ended: () => void;
  /** The counter this session sits at changed (join, leave, or the server said so on reconnect). */
  seated: (counterId: number | null) => void;
}

const retryMs = 3_000;

export function useSession(): SessionControl {
  const [session, setSession] = useState<Session>(() => (readToken() ? { status: 'checking' } : { status: 'signed-out', ended: false }));

  const ended = useCallback(() => {
    clearToken();
    setSession((s) => (s.status === 'signed-out' ? s : { status: 'signed-out', ended: true }));
  }, []);

  // A stored token is checked once at start; the server keeps sessions across restarts, so it usually still works.
  const checking = session.status === 'checking' || session.status === 'unreachable';
  useEffect(() => {
    if (!checking) return;
    const token = readToken();
    if (!token) return;
    let cancelled = false;
    let timer: number | undefined;
    const api = new ConsoleApi(token, ended);
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
  const api = useMemo(() => (token ? new ConsoleApi(token, ended) : null), [token, ended]);

  const signedIn = useCallback((response: LoginResponse) => {
    saveToken(response.token);
    setSession({ status: 'signed-in', token: response.token, me: response.me });
  }, []);

  const signOut = useCallback(async () => {
    if (api) await api.logout();
    clearToken();
    setSession({ status: 'signed-out', ended: false });
  }, [api]);

  const seated = useCallback((counterId: number | null) => {
    setSession((s) => (s.status === 'signed-in' && s.me.counterId !== counterId ? { ...s, me: { ...s.me, counterId } } : s));
  }, []);

  return { session, api, signedIn, signOut, ended, seated };
}
