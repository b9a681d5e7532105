import type { HallMediaView } from '@luot/shared';
import { useEffect, useEffectEvent, useState } from 'react';
import { displayApi } from '../api/display-api.ts';

/** An admin's new picture shows within a minute; the list is small and cached by the browser once fetched. */
const refreshMs = 60_000;

/** The hall board's media list, read on connection (`epoch`) and every minute; empty until the first answer. */
export function useHallMedia(token: string | null, epoch: number, onTokenRefused: (token: string, code: string) => void): HallMediaView[] {
  const [media, setMedia] = useState<HallMediaView[]>([]);
  const refused = useEffectEvent(onTokenRefused);

  useEffect(() => {
    if (token === null || epoch === 0) return;
    const controller = new AbortController();
    const load = async () => {
      const result = await displayApi.media(token, controller.signal);
      if (controller.signal.aborted) return;
      if (result.ok) setMedia(result.body);
      else if (result.kind === 'unauthorized') refused(token, result.error.code);
    };
    void load();
    const timer = window.setInterval(() => void load(), refreshMs);
    return () => {
      controller.abort();
      window.clearInterval(timer);
    };
  }, [token, epoch]);

  return media;
}
