import { DomainError } from '../domain/errors.ts';
import type { Clock } from '../domain/clock.ts';

export interface KioskPaceOptions {
  /** Numbers a kiosk may issue per second, sustained. */
  perSecond: number;
  /** Numbers it may issue at once after a quiet spell (a family taking theirs one after another). */
  burst: number;
}

/**
 * A person at a touch screen takes a number every several seconds; a family a few in a row. One a second with a
 * burst of five never stands in anyone's way, and stops a stuck screen or a stolen kiosk token from emptying a
 * field's numbers for the day (the probe issued 15,400 in 20 s).
 */
export const KIOSK_PACE: KioskPaceOptions = { perSecond: 1, burst: 5 };

/** How long a refused kiosk stays on the supervisors' alerts after its last refusal. */
export const KIOSK_ALERT_MS = 10 * 60_000;

export interface KioskRefusals {
  deviceId: number;
  name: string;
  count: number;
  lastAt: number;
}

/** A token bucket per kiosk device, in memory: a restart forgives, which is harmless at a human pace. */
export function createKioskPace(deps: { clock: Clock; options?: KioskPaceOptions; onFirstRefusal?: (kiosk: { deviceId: number; name: string }) => void }) {
  const { perSecond, burst } = deps.options ?? KIOSK_PACE;
  const buckets = new Map<number, { tokens: number; at: number }>();
  const refusals = new Map<number, KioskRefusals>();

  return {
    /** Takes one number's worth from the kiosk's bucket, or refuses with KIOSK_TOO_FAST. */
    take(kiosk: { deviceId: number; name: string }): void {
      const now = deps.clock.now();
      const bucket = buckets.get(kiosk.deviceId) ?? { tokens: burst, at: now };
      bucket.tokens = Math.min(burst, bucket.tokens + (Math.max(0, now - bucket.at) / 1000) * perSecond);
      bucket.at = now;
      buckets.set(kiosk.deviceId, bucket);
      if (bucket.tokens >= 1) {
        bucket.tokens -= 1;
        return;
      }
      const earlier = refusals.get(kiosk.deviceId);
      const fresh = earlier === undefined || now - earlier.lastAt > KIOSK_ALERT_MS;
      refusals.set(kiosk.deviceId, { deviceId: kiosk.deviceId, name: kiosk.name, count: fresh ? 1 : earlier.count + 1, lastAt: now });
      if (fresh) deps.onFirstRefusal?.(kiosk);
      throw new DomainError('KIOSK_TOO_FAST');
    },

    /** Kiosks refused within the alert window, for the supervisors' live board. */
    refusedRecently(): KioskRefusals[] {
      const now = deps.clock.now();
      return [...refusals.values()].filter((r) => now - r.lastAt <= KIOSK_ALERT_MS);
    },
  };
}

export type KioskPace = ReturnType<typeof createKioskPace>;
