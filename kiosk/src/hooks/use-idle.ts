import { useEffect, useEffectEvent } from 'react';

/**
 * Calls `onIdle` after `ms` without a touch or key press (never when `ms` is null). A citizen who walks
 * away mid-way must not leave the next one on a half-finished screen.
 */
export function useIdle(ms: number | null, onIdle: () => void): void {
  const idle = useEffectEvent(onIdle);
  useEffect(() => {
    if (ms === null) return;
    let timer = window.setTimeout(() => idle(), ms);
    const reset = () => {
      window.clearTimeout(timer);
      timer = window.setTimeout(() => idle(), ms);
    };
    window.addEventListener('pointerdown', reset);
    window.addEventListener('keydown', reset);
    return () => {
      window.clearTimeout(timer);
      window.removeEventListener('pointerdown', reset);
      window.removeEventListener('keydown', reset);
    };
  }, [ms]);
}
