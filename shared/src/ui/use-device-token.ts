import { useCallback, useEffect, useState } from 'react';
import type { ApiResult } from './api-request.ts';
import { afterDemoAnswer, afterRefusal, afterRenewal, initialTokenState, type RefusalCode } from './device-token-state.ts';
import { clearToken, readToken, saveToken } from './device-token-store.ts';

type TokenCall = (signal: AbortSignal) => Promise<ApiResult<{ token: string }>>;

export interface DeviceTokenSource {
  /** Where the token is kept between reloads. */
  storageKey: string;
  /** The demo center's pre-paired token (404 on a real center); null where this device never asks for one. */
  demoToken: TokenCall | null;
  /** Trades a token, even an expired one, for a fresh one. */
  renew: (token: string, signal: AbortSignal) => Promise<ApiResult<{ token: string }>>;
}

const retryMs = 3_000;

/**
 * A kiosk's or screen's device token: from storage, else from the demo route, else from the pairing screen.
 * `refused(token, code)` decides what a refusal means: an expired token (a device switched off over a holiday)
 * is renewed without anyone noticing; a revoked or unknown one pairs again. The transitions are in
 * device-token-state.ts; this hook runs their requests.
 */
export function useDeviceToken({ storageKey, demoToken, renew }: DeviceTokenSource) {
  const canAskDemo = demoToken !== null;
  const [{ device, refused: refusedToken }, setState] = useState(() => initialTokenState(readToken(storageKey), canAskDemo));

  // Storage follows the state: a refused token must not come back after a reload.
  useEffect(() => {
    if (device.status === 'ready') saveToken(storageKey, device.token);
    else clearToken(storageKey);
  }, [device, storageKey]);

  useEffect(() => {
    if (device.status !== 'checking' || demoToken === null) return;
    const controller = new AbortController();
    let timer: number | undefined;
    const ask = async () => {
      const result = await demoToken(controller.signal);
      if (controller.signal.aborted) return;
      const next = afterDemoAnswer(refusedToken, result);
      if (next) setState(next);
      else timer = window.setTimeout(() => void ask(), retryMs);
    };
    void ask();
    return () => {
      controller.abort();
      window.clearTimeout(timer);
    };
  }, [device.status, demoToken, refusedToken]);

  const renewing = device.status === 'ready' && device.renewing ? device.token : null;
  useEffect(() => {
    if (renewing === null) return;
    const controller = new AbortController();
    let timer: number | undefined;
    const attempt = async () => {
      const result = await renew(renewing, controller.signal);
      if (controller.signal.aborted) return;
      if (!result.ok && result.kind !== 'unauthorized') timer = window.setTimeout(() => void attempt(), retryMs);
      else setState((s) => afterRenewal(s, renewing, result, canAskDemo) ?? s);
    };
    void attempt();
    return () => {
      controller.abort();
      window.clearTimeout(timer);
    };
  }, [renewing, renew, canAskDemo]);

  const paired = useCallback((token: string) => {
    setState((s) => ({ ...s, device: { status: 'ready', token, renewing: false } }));
  }, []);

  const refused = useCallback((token: string, code: RefusalCode) => setState((s) => afterRefusal(s, token, code, canAskDemo)), [canAskDemo]);

  return { device, paired, refused };
}
