import type { Clock } from '../domain/clock.ts';

export interface BookingAdmissionOptions {
  /** Citizens' booking requests worked on at once. */
  inFlight: number;
  /** Citizens' booking requests admitted per second, sustained, across all addresses. */
  perSecond: number;
  /** Admitted at once after a quiet spell. */
  burst: number;
}

/**
 * How much of the one event loop the citizens' booking pages may take. When the day's bookings open, thousands of
 * phones ask within a minute; every request takes its turns on the loop, and a kiosk's ticket waited behind all of
 * them (issue 16: kiosk issue p99 ×56–×120 during the burst). Profiled, a turned-away booking costs well under a
 * millisecond, so few are ever "in flight" at once: the place limit guards the slow path (a commit waiting for the
 * disk), and the rate is what keeps the loop free for kiosks and counters. Above either, the phone is told at once
 * to try again in a few seconds (BOOKING_BUSY), which costs almost nothing and, with the page waiting before it
 * asks again, takes the load off. 40 a second is 2,400 a minute: a ward center's whole day of bookings.
 */
export const BOOKING_ADMISSION: BookingAdmissionOptions = { inFlight: 8, perSecond: 40, burst: 40 };

export function createBookingAdmission(deps: { clock: Clock; options?: Partial<BookingAdmissionOptions> | undefined }) {
  const { inFlight: limit, perSecond, burst } = { ...BOOKING_ADMISSION, ...deps.options };
  let inFlight = 0;
  let refused = 0;
  let tokens = burst;
  let at = deps.clock.now();
  return {
    limit,
    inFlight: (): number => inFlight,
    /** Refusals since start: a figure for the bench. */
    refused: (): number => refused,
    /** Takes a place, or says no (the caller answers BOOKING_BUSY). Every place taken is given back once by `leave`. */
    enter(): boolean {
      const now = deps.clock.now();
      tokens = Math.min(burst, tokens + (Math.max(0, now - at) / 1000) * perSecond);
      at = now;
      if (inFlight >= limit || tokens < 1) {
        refused++;
        return false;
      }
      tokens -= 1;
      inFlight++;
      return true;
    },
    leave(): void {
      inFlight = Math.max(0, inFlight - 1);
    },
  };
}

export type BookingAdmission = ReturnType<typeof createBookingAdmission>;
