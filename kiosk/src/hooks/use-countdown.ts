import { useEffect, useEffectEvent, useState } from 'react';

/**
 * Seconds left before `onDone`, shown to the citizen; a touch starts the count again, so someone still
 * reading or taking a photo is never cut off.
 */
export function useCountdown(seconds: number, onDone: () => void): number {
  const [left, setLeft] = useState(seconds);
  const done = useEffectEvent(onDone);

  useEffect(() => {
    let deadline = Date.now() + seconds * 1_000;
    const tick = () => {
      const remaining = Math.max(0, Math.ceil((deadline - Date.now()) / 1_000));
      setLeft(remaining);
      if (remaining === 0) done();
    };
    const timer = window.setInterval(tick, 250);
    const reset = () => {
      deadline = Date.now() + seconds * 1_000;
      setLeft(seconds);
    };
    window.addEventListener('pointerdown', reset);
    return () => {
      window.clearInterval(timer);
      window.removeEventListener('pointerdown', reset);
    };
  }, [seconds]);

  return left;
}
