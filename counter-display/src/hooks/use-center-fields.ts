import type { FieldView } from '@luot/shared';
import { useEffect, useEffectEvent, useState } from 'react';
import { displayApi } from '../api/display-api.ts';

const retryMs = 3_000;

/**
 * Field names for the counter screen (its stream carries only the counter). Fetched again after each
 * reconnection (`epoch`), so a field an admin renamed while the screen was cut off shows its new name.
 */
export function useCenterFields(token: string | null, epoch: number, onTokenRefused: (token: string, code: string) => void): FieldView[] | null {
  const [fields, setFields] = useState<FieldView[] | null>(null);
  const refused = useEffectEvent(onTokenRefused);

  useEffect(() => {
    if (token === null || epoch === 0) return;
    const controller = new AbortController();
    let timer: number | undefined;
    const load = async () => {
      const result = await displayApi.center(token, controller.signal);
      if (controller.signal.aborted) return;
      if (result.ok) setFields(result.body.fields);
      else if (result.kind === 'unauthorized') refused(token, result.error.code);
      else timer = window.setTimeout(() => void load(), retryMs);
    };
    void load();
    return () => {
      controller.abort();
      window.clearTimeout(timer);
    };
  }, [token, epoch]);

  return fields;
}
