import type { CallView } from '@luot/shared';
import { useCallback, useEffect, useState } from 'react';
import { callKey } from '../live/display-model.ts';

export interface Flash {
  key: string;
  recall: boolean;
  until: number;
}

/** How long a counter screen flashes after a call or recall: long enough to catch a citizen's eye. */
const flashMs = 6_000;

/** The counter screen's "calling" state: set by a call, cleared by itself a few seconds later. */
export function useFlash(): [Flash | null, (call: CallView) => void] {
  const [flash, setFlash] = useState<Flash | null>(null);

  useEffect(() => {
    if (flash === null) return;
    const timer = window.setTimeout(() => setFlash((f) => (f === flash ? null : f)), Math.max(0, flash.until - Date.now()));
    return () => window.clearTimeout(timer);
  }, [flash]);

  const start = useCallback((call: CallView) => setFlash({ key: callKey(call), recall: call.recall, until: Date.now() + flashMs }), []);
  return [flash, start];
}
