import { createHash, randomInt } from 'node:crypto';
import type { BookingConfirmation, BookingOptions, BookingSettingsBody, BookingView, SlotList } from '@luot/shared';
import {
  CODE_ALPHABET,
  CODE_LENGTH,
  bookableDays,
  codeFromScan,
  formatCode,
  isWorkingDay,
  maskPhone,
  normalizePhone,
  slotCapacity,
  slotsOf,
  validCitizenId,
  type BookingSettings,
} from '../domain/booking-rules.ts';
import type { Clock } from '../domain/clock.ts';
import { DomainError } from '../domain/errors.ts';
import { localMinutes, parseLocalTime, serviceDayOf } from '../domain/time.ts';
import type { ConfigCache } from '../db/config-cache.ts';
import type { OpenDb } from '../db/open-db.ts';
import { bookingRepo, type BookingRow } from '../db/repositories/booking-repo.ts';
import type { WriteBatcher } from '../db/write-batcher.ts';
import type { BookingOtp } from './booking-otp.ts';
import type { Estimates } from './estimates.ts';
import type { StaffActor } from './actor.ts';
import { diff, type Audit } from './audit.ts';
import { settingsRepo } from '../db/repositories/settings-repo.ts';

const MINUTE = 60_000;

export function hashCode(code: string): string {
  return createHash('sha256').update(code).digest('hex');
}

function newCode(): string {
  let code = '';
  for (let i = 0; i < CODE_LENGTH; i++) code += CODE_ALPHABET[randomInt(CODE_ALPHABET.length)];
  return code;
}

/** Calendar day (Asia/Ho_Chi_Minh) of a moment: the day a booking is for. */
export const dayOf = (at: number): string => serviceDayOf(at, '00:00');

export interface Who {
  phone: string;
  name: string;
  citizenId?: string | undefined;
  otp?: string | undefined;
}

/**
 * Remote numbers and slot bookings (issue 16): the rules are pure (domain/booking-rules.ts); the checks that must
 * see every other booking — slot capacity, the per-phone limits — run inside one job of the write batcher, so they
 * and the insert are one SQLite transaction and a burst of thousands can never over-book a slot.
 */
export function createBookingService(deps: { store: OpenDb; clock: Clock; config: ConfigCache; batcher: WriteBatcher; estimates: Estimates; otp: BookingOtp; audit: Audit }) {
  const { db } = deps.store;
  const settings = (): BookingSettings => bookingRepo.settings(db);
  const today = (): string => dayOf(deps.clock.now());

  function bookableField(fieldId: number, s: BookingSettings) {
    if (!s.enabled) throw new DomainError('BOOKING_DISABLED');
    const config = deps.config.get();
    const field = config.fields.get(fieldId);
    const row = config.fieldRows.find((r) => r.id === fieldId);
    if (!field || !row) throw new DomainError('FIELD_NOT_FOUND');
    if (field.hasChildren || !field.issuing || countersFor(fieldId) === 0) throw new DomainError('BOOKING_FIELD_NOT_BOOKABLE');
    return { field, row };
  }

  function countersFor(fieldId: number): number {
    let n = 0;
    for (const links of deps.config.get().counterLinks.values()) if (links.some((l) => l.fieldId === fieldId)) n++;
    return n;
  }

  function capacity(fieldId: number, s: BookingSettings): number {
    return slotCapacity(countersFor(fieldId), deps.estimates.meanVisitMs(fieldId, today()), s.bookingShare, s.capacityOverrides[String(fieldId)]);
  }

  function identity(who: Who, s: BookingSettings): { phone: string; name: string; citizenId: string | null } {
    const phone = normalizePhone(who.phone);
    const name = who.name.normalize('NFC').trim().replace(/\s+/g, ' ');
    if (name.length < 2) throw new DomainError('VALIDATION_FAILED', 'name', ['body/name']);
    const raw = who.citizenId?.trim() ?? '';
    if (raw === '' && s.requireCitizenId) throw new DomainError('BOOKING_CITIZEN_ID_REQUIRED', undefined, ['body/citizenId']);
    const citizenId = raw === '' ? null : validCitizenId(raw);
    deps.otp.verify(phone, who.otp);
    return { phone, name, citizenId };
  }

  /** The day of a slot, checked against the calendar and the field's slots. */
  function checkSlot(slotAt: number, field: { opensAt: string | null; closesAt: string | null }, s: BookingSettings): string {
    const day = dayOf(slotAt);
    if (!bookableDays(today(), s).includes(day)) throw new DomainError('BOOKING_DAY_CLOSED');
    if (!slotsOf(day, s.sessions, field).includes(slotAt)) throw new DomainError('BOOKING_SLOT_INVALID', undefined, ['body/slotAt']);
    return day;
  }

  function limits(phone: string, day: string, fieldId: number, s: BookingSettings, except: number | null): void {
    const held = bookingRepo.byPhone(db, phone, day, fieldId, except);
    if (held.field >= s.perPhonePerField) throw new DomainError('BOOKING_PHONE_FIELD_LIMIT');
    if (held.day >= s.perPhonePerDay) throw new DomainError('BOOKING_PHONE_DAY_LIMIT');
  }

  /** Inserts with a fresh code; a clash of codes (one in 2^49) simply draws again. */
  function insertWithCode(row: Omit<Parameters<typeof bookingRepo.insert>[1], 'codeHash'>): { code: string; row: BookingRow } {
    for (;;) {
      const code = newCode();
      const codeHash = hashCode(code);
      if (bookingRepo.byCodeHash(db, codeHash)) continue;
      return { code: formatCode(code), row: bookingRepo.insert(db, { ...row, codeHash }) };
    }
  }

  function view(row: BookingRow, extra: Pick<BookingView, 'peopleAhead' | 'estimatedWaitMinutes'> = {}): BookingView {
    const fieldRow = deps.config.get().fieldRows.find((r) => r.id === row.fieldId);
    return {
      kind: row.kind,
      status: row.status,
      fieldId: row.fieldId,
      nameVi: fieldRow?.nameVi ?? '',
      nameEn: fieldRow?.nameEn ?? '',
      day: row.serviceDay,
      slotAt: row.slotAt,
      deadlineAt: row.deadlineAt,
      phoneMasked: maskPhone(row.phone),
      ...extra,
    };
  }

  function byCode(input: string): BookingRow {
    const code = codeFromScan(input);
    if (code === null) throw new DomainError('BOOKING_CODE_UNREADABLE', undefined, ['body/code']);
    const row = bookingRepo.byCodeHash(db, hashCode(code));
    if (!row) throw new DomainError('BOOKING_NOT_FOUND');
    return row;
  }

  /** Remote numbers are taken from `remoteOpensAt` on a working day until the last session ends. */
  function remoteOpen(s: BookingSettings, now: number): boolean {
    const last = s.sessions.reduce((m, x) => Math.max(m, parseLocalTime(x.to)), 0);
    const minutes = localMinutes(now);
    return isWorkingDay(today(), s) && minutes >= parseLocalTime(s.remoteOpensAt) && minutes < last;
  }

  /** When a remote number taken now should expect its call: the estimate, counted from the first session if before it. */
  function remoteEstimate(fieldId: number, s: BookingSettings, now: number): { peopleAhead: number; minutes: number; at: number } {
    const day = serviceDayOf(now, deps.config.get().rules.dayRollover);
    const asIfIssued = { id: Number.MAX_SAFE_INTEGER, fieldId, priority: null, queuedAt: now, serviceDay: day, targetCounterId: null, status: 'waiting' as const };
    const inHall = deps.estimates.forCitizen(asIfIssued);
    const pending = bookingRepo.pendingRemote(db, fieldId, dayOf(now));
    const perCitizen = deps.estimates.meanVisitMs(fieldId, day) / Math.max(1, countersFor(fieldId));
    const peopleAhead = (inHall?.peopleAhead ?? 0) + pending;
    const minutes = (inHall?.estimatedWaitMinutes ?? Math.round(((inHall?.peopleAhead ?? 0) * perCitizen) / MINUTE)) + Math.round((pending * perCitizen) / MINUTE);
    const first = s.sessions.reduce((m, x) => Math.min(m, parseLocalTime(x.from)), 24 * 60);
    const startsAt = Math.max(now, now + (first - localMinutes(now)) * MINUTE);
    return { peopleAhead, minutes, at: startsAt + minutes * MINUTE };
  }

  function adminSettings(): BookingSettingsBody {
    return { ...settings(), bookedInterleave: deps.config.get().rules.bookedInterleave };
  }

  return {
    settings,
    adminSettings,

    /** The admin's booking settings and the booked:walk-in ratio of the queue rules, audited as one change. */
    saveSettings(actor: StaffActor, body: BookingSettingsBody): BookingSettingsBody {
      for (const x of body.sessions) if (parseLocalTime(x.from) >= parseLocalTime(x.to)) throw new DomainError('HOURS_INVALID', undefined, ['body/sessions']);
      const before = adminSettings();
      return deps.audit.record(actor, 'booking.settings', 'booking_settings', () => {
        const { bookedInterleave, ...rest } = body;
        const now = deps.clock.now();
        bookingRepo.saveSettings(db, rest, now);
        settingsRepo.saveRules(db, { ...settingsRepo.rules(db), bookedInterleave }, now);
        const words = (v: BookingSettingsBody) => Object.fromEntries(Object.entries(v).map(([k, x]) => [k, typeof x === 'object' ? JSON.stringify(x) : x]));
        return { id: null, result: body, subject: 'Đặt lịch / Booking', changes: diff(words(before), words(body)) };
      });
    },

    options(): BookingOptions {
      const s = settings();
      const config = deps.config.get();
      const leaves = config.fieldRows.filter((r) => {
        const f = config.fields.get(r.id);
        return f && !f.hasChildren && f.issuing && countersFor(r.id) > 0;
      });
      return {
        enabled: s.enabled,
        centerName: config.center.name,
        centerAddress: config.center.address,
        fields: leaves.map((r) => ({ id: r.id, nameVi: r.nameVi, nameEn: r.nameEn, prefix: r.prefix, remote: true, slots: true })),
        days: bookableDays(today(), s),
        today: today(),
        otp: deps.otp.active(),
        requireCitizenId: s.requireCitizenId,
        personalDataDays: s.personalDataDays,
      };
    },

    slots(fieldId: number, day: string): SlotList {
      const s = settings();
      const { row } = bookableField(fieldId, s);
      if (!bookableDays(today(), s).includes(day)) throw new DomainError('BOOKING_DAY_CLOSED');
      const cap = capacity(fieldId, s);
      const taken = bookingRepo.perSlot(db, fieldId, day);
      const slots = slotsOf(day, s.sessions, row).map((at) => {
        const m = localMinutes(at);
        const time = `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
        return { at, time, left: Math.max(0, cap - (taken.get(at) ?? 0)) };
      });
      return { fieldId, day, capacity: cap, slots };
    },

    sendOtp(phoneInput: string): void {
      deps.otp.send(normalizePhone(phoneInput));
    },

    async remote(input: { fieldId: number } & Who): Promise<BookingConfirmation> {
      const s = settings();
      bookableField(input.fieldId, s);
      const now = deps.clock.now();
      if (!remoteOpen(s, now)) throw new DomainError('BOOKING_DAY_CLOSED');
      const who = identity(input, s);
      const estimate = remoteEstimate(input.fieldId, s, now);
      const day = today();
      return deps.batcher.submit(() => {
        limits(who.phone, day, input.fieldId, s, null);
        const deadlineAt = estimate.at + s.remoteGraceMinutes * MINUTE;
        const made = insertWithCode({ kind: 'remote', fieldId: input.fieldId, serviceDay: day, slotAt: estimate.at, deadlineAt, ...who, createdAt: now });
        return { code: made.code, booking: view(made.row, { peopleAhead: estimate.peopleAhead, estimatedWaitMinutes: estimate.minutes }) };
      });
    },

    async book(input: { fieldId: number; slotAt: number } & Who): Promise<BookingConfirmation> {
      const s = settings();
      const { row: fieldRow } = bookableField(input.fieldId, s);
      const day = checkSlot(input.slotAt, fieldRow, s);
      const who = identity(input, s);
      const cap = capacity(input.fieldId, s);
      const now = deps.clock.now();
      // When the day's bookings open, most requests find the slot full: a plain read turns them away without
      // queueing for the write lock behind the kiosks. The same checks run again inside the transaction.
      limits(who.phone, day, input.fieldId, s, null);
      if (bookingRepo.inSlot(db, input.fieldId, input.slotAt) >= cap) throw new DomainError('BOOKING_SLOT_FULL');
      return deps.batcher.submit(() => {
        limits(who.phone, day, input.fieldId, s, null);
        if (bookingRepo.inSlot(db, input.fieldId, input.slotAt) >= cap) throw new DomainError('BOOKING_SLOT_FULL');
        const deadlineAt = input.slotAt + s.lateGraceMinutes * MINUTE;
        const made = insertWithCode({ kind: 'slot', fieldId: input.fieldId, serviceDay: day, slotAt: input.slotAt, deadlineAt, ...who, createdAt: now });
        return { code: made.code, booking: view(made.row) };
      });
    },

    lookup(code: string): BookingView {
      return view(byCode(code));
    },

    async cancel(code: string): Promise<BookingView> {
      const now = deps.clock.now();
      return deps.batcher.submit(() => {
        const row = byCode(code);
        if (row.status !== 'booked') throw new DomainError('BOOKING_NOT_ACTIVE');
        bookingRepo.update(db, row.id, { status: 'cancelled', endedAt: now });
        return view({ ...row, status: 'cancelled', endedAt: now });
      });
    },

    async reschedule(code: string, slotAt: number): Promise<BookingView> {
      const s = settings();
      const found = byCode(code);
      if (found.kind !== 'slot' || found.status !== 'booked') throw new DomainError('BOOKING_NOT_ACTIVE');
      const { row: fieldRow } = bookableField(found.fieldId, s);
      const day = checkSlot(slotAt, fieldRow, s);
      const cap = capacity(found.fieldId, s);
      return deps.batcher.submit(() => {
        const row = byCode(code);
        if (row.status !== 'booked') throw new DomainError('BOOKING_NOT_ACTIVE');
        if (row.phone !== null) limits(row.phone, day, row.fieldId, s, row.id);
        if (slotAt !== row.slotAt && bookingRepo.inSlot(db, row.fieldId, slotAt) >= cap) throw new DomainError('BOOKING_SLOT_FULL');
        const set = { serviceDay: day, slotAt, deadlineAt: slotAt + s.lateGraceMinutes * MINUTE };
        bookingRepo.update(db, row.id, set);
        return view({ ...row, ...set });
      });
    },

    /** For the kiosk's check-in: the booking behind a scanned or typed code. */
    byCode,
    view,
  };
}

export type BookingService = ReturnType<typeof createBookingService>;
