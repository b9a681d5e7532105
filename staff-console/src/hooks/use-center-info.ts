import type { CenterInfo } from '@luot/shared';
import { useCallback, useEffect, useState } from 'react';
import type { ConsoleApi } from '../api/console-api.ts';

/**
 * The center's name and priority categories (GET /api/center), fetched again after every reconnection
 * and whenever an admin changed them, since neither travels on the live stream.
 */
export function useCenterInfo(api: ConsoleApi, epoch: number): [CenterInfo | null, () => void] {
  const [info, setInfo] = useState<CenterInfo | null>(null);
  const [version, setVersion] = useState(0);

  useEffect(() => {
    let cancelled = false;
    void api.center().then((result) => {
      if (!cancelled && result.ok) setInfo(result.body);
    });
    return () => {
      cancelled = true;
    };
  }, [api, epoch, version]);

  const refresh = useCallback(() => setVersion((v) => v + 1), []);
  return [info, refresh];
}
