import { useCallback, useEffect, useState } from 'react';
import { kioskApi } from '../api/kiosk-api.ts';
import { clearToken, readToken, saveToken } from '../api/device-token-store.ts';

export type DeviceToken =
  | { status: 'checking' }
  | { status: 'pairing' }
  /** `renewing`: the server said the token expired; it is being traded for a fresh one. */
  | { status: 'ready'; token: string; renewing: boolean };

interface TokenState {
  device: DeviceToken;
  /** The token the server refused last: the demo route would hand the same one back, so it is not reused. */
  refused: string | null;
}

const retryMs = 3_000;

function initial(): TokenState {
  const stored = readToken();
  return { device: stored ? { status: 'ready', token: stored, renewing: false } : { status: 'checking' }, refused: null };
}

/**
 * The kiosk's device token: from storage, else from the demo center's route (404 on a real center),
 * else from the pairing screen. When the server refuses it, `refused(token, code)` decides: an expired token
 * (a kiosk switched off over a holiday) is renewed without anyone noticing; any other refusal means the
 * device was revoked or forgotten, and only pairing again helps.
 */
export function useDeviceToken(): { device: DeviceToken; paired: (token: string) => void; refused: (token: string, code: string) => void } {
  const [{ device, refused: refusedToken }, setState] = useState(initial);

  // Storage follows the state: a refused token must not come back after a reload.
  useEffect(() => {
    if (device.status !== 'ready') clearToken();
  }, [device.status]);

  useEffect(() => {
    if (device.status !== 'checking') return;
    const controller = new AbortController();
    let timer: number | undefined;
    const ask = async () => {
      const result = await kioskApi.demoToken(controller.signal);
      if (controller.signal.aborted) return;
      if (result.ok && result.body.token !== refusedToken) {
        saveToken(result.body.token);
        setState({ device: { status: 'ready', token: result.body.token, renewing: false }, refused: refusedToken });
      } else if (result.ok || result.kind !== 'network') {
        setState({ device: { status: 'pairing' }, refused: refusedToken });
      } else {
        // Server not reachable yet (the kiosk often boots before the server machine): keep asking.
        timer = window.setTimeout(() => void ask(), retryMs);
      }
    };
    void ask();
    return () => {
      controller.abort();
      window.clearTimeout(timer);
    };
  }, [device.status, refusedToken]);

  const renewing = device.status === 'ready' && device.renewing ? device.token : null;
  useEffect(() => {
    if (renewing === null) return;
    const controller = new AbortController();
    let timer: number | undefined;
    const renew = async () => {
      const result = await kioskApi.renew(renewing, controller.signal);
      if (controller.signal.aborted) return;
      if (result.ok) {
        saveToken(result.body.token);
        setState((s) => ({ ...s, device: { status: 'ready', token: result.body.token, renewing: false } }));
      } else if (result.kind === 'unauthorized') {
        setState({ device: { status: 'checking' }, refused: renewing });
      } else {
        timer = window.setTimeout(() => void renew(), retryMs);
      }
    };
    void renew();
    return () => {
      controller.abort();
      window.clearTimeout(timer);
    };
  }, [renewing]);

  const paired = useCallback((token: string) => {
    saveToken(token);
    setState((s) => ({ ...s, device: { status: 'ready', token, renewing: false } }));
  }, []);

  const refused = useCallback((token: string, code: string) => {
    setState((s) => {
      // A late answer to a call made with a token already renewed or replaced says nothing about the current one.
      if (s.device.status !== 'ready' || s.device.token !== token) return s;
      // Several calls may fail at once (socket, center, ticket); one renewal serves them all.
      if (code === 'DEVICE_TOKEN_EXPIRED') return s.device.renewing ? s : { ...s, device: { ...s.device, renewing: true } };
      return { device: { status: 'checking' }, refused: token };
    });
  }, []);

  return { device, paired, refused };
}
