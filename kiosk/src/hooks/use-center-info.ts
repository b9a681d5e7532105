import type { CenterInfo } from '@luot/shared';
import { useEffect, useEffectEvent, useState } from 'react';
import { kioskApi } from '../api/kiosk-api.ts';

const retryMs = 3_000;

/**
 * Center name, fields and priority categories. Fetched again after each reconnection (`epoch`), so
 * categories an admin edited while the kiosk was cut off appear without a reload.
 */
export function useCenterInfo(token: string | null, epoch: number, onTokenRefused: (token: string, code: string) => void): CenterInfo | null {
  const [center, setCenter] = useState<CenterInfo | null>(null);
  const tokenRefused = useEffectEvent(onTokenRefused);

  useEffect(() => {
    if (token === null) return;
    const controller = new AbortController();
    let timer: number | undefined;
    const load = async () => {
      const result = await kioskApi.center(token, controller.signal);
      if (controller.signal.aborted) return;
      if (result.ok) setCenter(result.body);
      else if (result.kind === 'unauthorized') tokenRefused(token, result.error.code);
      else timer = window.setTimeout(() => void load(), retryMs);
    };
    void load();
    return () => {
      controller.abort();
      window.clearTimeout(timer);
    };
  }, [token, epoch]);

  return center;
}
