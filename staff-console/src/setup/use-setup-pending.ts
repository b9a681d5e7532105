import { useCallback, useEffect, useState } from 'react';
import type { ConsoleApi } from '../api/console-api.ts';

/**
 * Whether an admin must first set the center up: null while asking. Other roles never ask (the route is the
 * admin's), and a failed question leaves the console as it is rather than locking the admin out of it.
 */
export function useSetupPending(api: ConsoleApi, isAdmin: boolean): [boolean | null, () => void] {
  const [pending, setPending] = useState<boolean | null>(isAdmin ? null : false);
  useEffect(() => {
    if (!isAdmin) return;
    let live = true;
    void api.setupStatus().then((result) => {
      if (live) setPending(result.ok ? !result.body.done : false);
    });
    return () => {
      live = false;
    };
  }, [api, isAdmin]);
  return [pending, useCallback(() => setPending(false), [])];
}
