import type { BookingDay, CheckInResult } from '@luot/shared';
import { addDays, checkInTiming, maskPhone, ticketTerms } from '../domain/booking-rules.ts';
import type { Clock } from '../domain/clock.ts';
import { DomainError } from '../domain/errors.ts';
import type { OpenDb } from '../db/open-db.ts';
import { bookingRepo } from '../db/repositories/booking-repo.ts';
import type { WriteBatcher } from '../db/write-batcher.ts';
import type { Actor } from './actor.ts';
import { dayOf, type BookingService } from './booking-service.ts';
import type { Issuing } from './issuing.ts';

const MINUTE = 60_000;

/**
 * The kiosk side of bookings and the jobs that keep them honest. A check-in issues a real ticket through the one
 * issuing path (commit → publish → estimate → print), the booking marked checked in inside the ticket's own
 * transaction, so a code scanned twice at once yields one ticket.
 */
export function createBookingDesk(deps: { store: OpenDb; clock: Clock; batcher: WriteBatcher; bookings: BookingService; issuing: Issuing }) {
  const { db } = deps.store;
  let erasedFor: string | null = null;
  let timer: NodeJS.Timeout | null = null;

  async function checkIn(input: { code: string; lang: 'vi' | 'en'; priority: string | null }, actor: Actor, asked: { protocol: string; host: string }): Promise<CheckInResult> {
    const row = deps.bookings.byCode(input.code);
    const now = deps.clock.now();
    // A lapsed booking may still be checked in on its day: late, as a walk-in.
    if (row.status !== 'booked' && row.status !== 'lapsed') throw new DomainError('BOOKING_NOT_ACTIVE');
    if (row.serviceDay !== dayOf(now)) throw new DomainError('BOOKING_NOT_TODAY', row.serviceDay);
    const timing = checkInTiming(row.kind, row.slotAt, row.deadlineAt, now);
    const terms = ticketTerms(row.kind, timing, row.slotAt, row.createdAt, now);
    const issued = await deps.issuing.issue(
      {
        fieldId: row.fieldId,
        priority: input.priority,
        idempotencyKey: null,
        lang: input.lang,
        booked: terms,
        // The booking's phone gets the "near" and "called" SMS as a kiosk citizen who typed it would.
        phone: row.phone,
        within: (ticket) => {
          const fresh = bookingRepo.byCodeHash(db, row.codeHash);
          if (!fresh || (fresh.status !== 'booked' && fresh.status !== 'lapsed')) throw new DomainError('BOOKING_NOT_ACTIVE');
          bookingRepo.update(db, row.id, { status: 'checked_in', ticketId: ticket.id, onTime: timing !== 'late', checkedInAt: now });
        },
      },
      actor,
      asked,
    );
    return { timing, booking: deps.bookings.view({ ...row, status: 'checked_in' }), issued: issued.body };
  }

  /** Lapses bookings past their deadline; once a day, blanks personal data older than `personalDataDays`. */
  async function tick(): Promise<{ lapsed: number; erased: number }> {
    const now = deps.clock.now();
    const today = dayOf(now);
    const s = deps.bookings.settings();
    return deps.batcher.submit(() => {
      const lapsed = bookingRepo.lapse(db, now);
      let erased = 0;
      if (erasedFor !== today) {
        erased = bookingRepo.erase(db, addDays(today, -s.personalDataDays), now);
        erasedFor = today;
      }
      return { lapsed, erased };
    });
  }

  return {
    checkIn,
    tick,

    /** The supervisor's board: today's bookings per field and slot, and the no-shows (phones masked). */
    day(): BookingDay {
      const day = dayOf(deps.clock.now());
      const rows = new Map<string, BookingDay['rows'][number]>();
      const noShows: BookingDay['noShows'] = [];
      for (const b of bookingRepo.ofDay(db, day)) {
        const key = `${b.fieldId}|${b.slotAt}|${b.kind}`;
        const row = rows.get(key) ?? { fieldId: b.fieldId, slotAt: b.slotAt, kind: b.kind, booked: 0, checkedIn: 0, lapsed: 0, cancelled: 0 };
        if (b.status === 'booked') row.booked++;
        else if (b.status === 'checked_in') row.checkedIn++;
        else if (b.status === 'lapsed') row.lapsed++;
        else row.cancelled++;
        rows.set(key, row);
        if (b.status === 'lapsed') noShows.push({ fieldId: b.fieldId, slotAt: b.slotAt, phoneMasked: maskPhone(b.phone) });
      }
      const sorted = [...rows.values()].sort((a, b) => a.fieldId - b.fieldId || a.slotAt - b.slotAt);
      return { day, rows: sorted, noShows: noShows.sort((a, b) => a.slotAt - b.slotAt) };
    },

    /** Every minute: lapses and the daily erase. Errors are logged and retried on the next tick. */
    start(onError: (error: unknown) => void): void {
      if (timer) return;
      const run = () => void tick().catch(onError);
      run();
      timer = setInterval(run, MINUTE);
      timer.unref();
    },

    stop(): void {
      if (timer) clearInterval(timer);
      timer = null;
    },
  };
}

export type BookingDesk = ReturnType<typeof createBookingDesk>;
