/**
 * Citizens' booking requests the server works on at once. When the day's bookings open, thousands of phones ask
 * within a minute; every request in flight takes its turns on the one event loop, and a kiosk's ticket waited behind
 * all of them (issue 16: kiosk issue p99 ×56–×120 during the burst). Eight in flight keep the booking page busy on
 * two cores while a kiosk's turn still comes round quickly; the rest are told at once to try again in a few seconds
 * (BOOKING_BUSY), which costs the server almost nothing.
 */
export const BOOKING_IN_FLIGHT = 8;

export function createBookingAdmission(limit: number = BOOKING_IN_FLIGHT) {
  let inFlight = 0;
  let refused = 0;
  return {
    limit,
    inFlight: (): number => inFlight,
    /** Refusals since start: a figure for the bench and the supervisors' health view. */
    refused: (): number => refused,
    /** Takes a place, or says no (the caller answers BOOKING_BUSY). Every place taken is given back once by `leave`. */
    enter(): boolean {
      if (inFlight >= limit) {
        refused++;
        return false;
      }
      inFlight++;
      return true;
    },
    leave(): void {
      inFlight = Math.max(0, inFlight - 1);
    },
  };
}

export type BookingAdmission = ReturnType<typeof createBookingAdmission>;
