import type { CallView, DeviceSettings } from '@luot/shared';
import { useCallback, useEffect, useState } from 'react';
import { Announcer } from './announcer.ts';

/**
 * The hall board's announcer, fed with the screen's current token and settings. `blocked` is true while the
 * browser refuses to play sound until someone touches the screen; `unlock` is that touch.
 */
export function useAnnouncer(token: string | null, onTokenExpired: (token: string) => void) {
  const [blocked, setBlocked] = useState(false);
  const [announcer] = useState(() => new Announcer({ tokenExpired: () => undefined, blocked: setBlocked }));

  useEffect(() => {
    announcer.setToken(token);
  }, [announcer, token]);

  useEffect(() => {
    announcer.setHost({ tokenExpired: onTokenExpired, blocked: setBlocked });
  }, [announcer, onTokenExpired]);

  const announce = useCallback((call: CallView) => announcer.enqueue(call), [announcer]);
  const unlock = useCallback(() => void announcer.unlock(), [announcer]);
  const setSettings = useCallback((settings: DeviceSettings) => announcer.setSettings(settings), [announcer]);

  return { announce, blocked, unlock, setSettings };
}
