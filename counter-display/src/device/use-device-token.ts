import type { StringKey } from '@luot/shared';
import { useCallback, useEffect, useState } from 'react';
import { displayApi } from '../api/display-api.ts';
import type { DemoRequest } from './boot-params.ts';
import { clearToken, readToken, saveToken } from './token-store.ts';

export type DeviceToken =
  | { status: 'checking' }
  /** `notice`: why the screen is asking to pair again, if it was paired before. */
  | { status: 'pairing'; notice: StringKey | null }
  /** `renewing`: the server said the token expired; it is being traded for a fresh one. */
  | { status: 'ready'; token: string; renewing: boolean };

/** Why the current token was refused: by the server (its error code) or by the app (a kiosk's token). */
export type RefusalCode = 'DEVICE_TOKEN_EXPIRED' | 'UNAUTHENTICATED' | 'WRONG_KIND' | (string & {});

interface TokenState {
  device: DeviceToken;
  /** The token refused last: the demo route would hand the same one back, so it is not taken again. */
  refused: string | null;
}

const retryMs = 3_000;

/**
 * The screen's device token: from storage, else (demo addresses only) from the demo route, else from the
 * pairing screen. An expired token — a screen switched off over a holiday, or simply a short token lifetime —
 * is traded for a new one without anyone touching the screen; only a revoked or unknown device pairs again.
 */
export function useDeviceToken(demo: DemoRequest | null, storageKey: string) {
  const [{ device, refused: refusedToken }, setState] = useState<TokenState>(() => {
    const stored = readToken(storageKey);
    if (stored) return { device: { status: 'ready', token: stored, renewing: false }, refused: null };
    return { device: demo ? { status: 'checking' } : { status: 'pairing', notice: null }, refused: null };
  });

  // Storage follows the state: a refused token must not come back after a reload.
  useEffect(() => {
    if (device.status === 'ready') saveToken(storageKey, device.token);
    else clearToken(storageKey);
  }, [device, storageKey]);

  useEffect(() => {
    if (device.status !== 'checking' || demo === null) return;
    const controller = new AbortController();
    let timer: number | undefined;
    const ask = async () => {
      const result = await displayApi.demoToken(demo, controller.signal);
      if (controller.signal.aborted) return;
      if (result.ok && result.body.token !== refusedToken) {
        setState({ device: { status: 'ready', token: result.body.token, renewing: false }, refused: refusedToken });
      } else if (result.ok || result.kind !== 'network') {
        // 404: not a demo server (or no such counter), so an admin pairs this screen.
        setState({ device: { status: 'pairing', notice: refusedToken ? 'displayPairAgain' : null }, refused: refusedToken });
      } else {
        // The screen often boots before the server machine: keep asking.
        timer = window.setTimeout(() => void ask(), retryMs);
      }
    };
    void ask();
    return () => {
      controller.abort();
      window.clearTimeout(timer);
    };
  }, [device.status, demo, refusedToken]);

  const renewing = device.status === 'ready' && device.renewing ? device.token : null;
  useEffect(() => {
    if (renewing === null) return;
    const controller = new AbortController();
    let timer: number | undefined;
    const renew = async () => {
      const result = await displayApi.renew(renewing, controller.signal);
      if (controller.signal.aborted) return;
      if (result.ok) {
        setState((s) => ({ ...s, device: { status: 'ready', token: result.body.token, renewing: false } }));
      } else if (result.kind === 'network') {
        timer = window.setTimeout(() => void renew(), retryMs);
      } else {
        // Revoked, or switched off past the renewal grace period: only pairing again helps.
        setState({ device: demo ? { status: 'checking' } : { status: 'pairing', notice: 'displayPairAgain' }, refused: renewing });
      }
    };
    void renew();
    return () => {
      controller.abort();
      window.clearTimeout(timer);
    };
  }, [renewing, demo]);

  const paired = useCallback((token: string) => {
    setState((s) => ({ ...s, device: { status: 'ready', token, renewing: false } }));
  }, []);

  const refused = useCallback(
    (token: string, code: RefusalCode) => {
      setState((s) => {
        // A late answer to a request made with a token already replaced says nothing about the current one.
        if (s.device.status !== 'ready' || s.device.token !== token) return s;
        // The socket and an announcement may both hit the expiry; one renewal serves them all.
        if (code === 'DEVICE_TOKEN_EXPIRED') return s.device.renewing ? s : { ...s, device: { ...s.device, renewing: true } };
        if (code === 'WRONG_KIND') return { device: { status: 'pairing', notice: 'displayWrongKind' }, refused: token };
        return { device: demo ? { status: 'checking' } : { status: 'pairing', notice: 'displayPairAgain' }, refused: token };
      });
    },
    [demo],
  );

  return { device, paired, refused };
}
