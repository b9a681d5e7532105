import { DomainError } from './errors.ts';
import { parseLocalTime, serviceDayStart } from './time.ts';
import type { Millis } from './types.ts';

/** Remote numbers and slot bookings: the pure rules (issue 16). The service does the I/O around them. */

export const SLOT_MINUTES = 15;
const MINUTE = 60_000;

export interface BookingSettings {
  /** Citizens may book at all (the public pages say "not available" otherwise). */
  enabled: boolean;
  /** How many coming working days can be booked, today excluded. */
  daysAhead: number;
  /** Working days of the week, 0 = Sunday … 6 = Saturday. */
  workingDays: number[];
  /** Public holidays and other closed dates, YYYY-MM-DD. */
  closedDates: string[];
  /** Working sessions of a day (local time): slots are cut from them, intersected with each field's own hours. */
  sessions: { from: string; to: string }[];
  /** Local time from which today's remote numbers can be taken (the day's numbers open at a fixed hour). */
  remoteOpensAt: string;
  /** Share of a field's slot capacity given to bookings; the rest stays for walk-ins. */
  bookingShare: number;
  /** Per field id: a capacity per slot set by the admin, instead of the derived one. */
  capacityOverrides: Record<string, number>;
  /** Identity and abuse limits, Hanoi's by default. */
  perPhonePerDay: number;
  perPhonePerField: number;
  perAddressPerHour: number;
  requireCitizenId: boolean;
  /** A slot booking checked in up to this long after its start is on time; later it is a walk-in. */
  lateGraceMinutes: number;
  /** A remote number must be checked in within this long after its estimated call time. */
  remoteGraceMinutes: number;
  /** Phone, name and citizen ID are blanked this many days after the booked day (Decree 13/2023). */
  personalDataDays: number;
}

export const defaultBookingSettings: BookingSettings = {
  enabled: true,
  daysAhead: 7,
  workingDays: [1, 2, 3, 4, 5],
  closedDates: [],
  sessions: [
    { from: '07:30', to: '11:30' },
    { from: '13:30', to: '17:00' },
  ],
  remoteOpensAt: '06:00',
  bookingShare: 0.5,
  capacityOverrides: {},
  perPhonePerDay: 2,
  perPhonePerField: 1,
  perAddressPerHour: 10,
  requireCitizenId: false,
  lateGraceMinutes: 10,
  remoteGraceMinutes: 15,
  personalDataDays: 30,
};

/** Vietnamese mobile numbers: 0 or +84 then 9 digits starting 3, 5, 7, 8 or 9. Spaces, dots and dashes are ignored. */
export function normalizePhone(input: string): string {
  const digits = input.replace(/[\s.\-()]/g, '');
  const local = digits.startsWith('+84') ? `0${digits.slice(3)}` : digits.startsWith('84') && digits.length === 11 ? `0${digits.slice(2)}` : digits;
  if (!/^0[35789]\d{8}$/.test(local)) throw new DomainError('BOOKING_PHONE_INVALID', undefined, ['body/phone']);
  return local;
}

/** "0912345123" → "09xx xxx 123": enough for the citizen or an officer to recognise it, not to use it. */
export function maskPhone(phone: string | null): string | null {
  if (phone === null) return null;
  return `${phone.slice(0, 2)}xx xxx ${phone.slice(-3)}`;
}

/** "001098012345" → "001xxxxxx345". */
export function maskCitizenId(id: string | null): string | null {
  if (id === null) return null;
  return `${id.slice(0, 3)}xxxxxx${id.slice(-3)}`;
}

/** Province codes that open a 12-digit citizen ID (Circular 07/2016/TT-BCA, the 63 provinces before 2025). */
const PROVINCE_CODES = new Set(
  '001 002 004 006 008 010 011 012 014 015 017 019 020 022 024 025 026 027 030 031 033 034 035 036 037 038 040 042 044 045 046 048 049 051 052 054 056 058 060 062 064 066 067 068 070 072 074 075 077 079 080 082 083 084 086 087 089 091 092 093 094 095 096'.split(' '),
);

/** A citizen ID (CCCD): 12 digits, a province code, then a century-and-sex digit and the birth year's last two digits. */
export function validCitizenId(input: string): string {
  const id = input.replace(/\s/g, '');
  if (!/^\d{12}$/.test(id) || !PROVINCE_CODES.has(id.slice(0, 3))) throw new DomainError('BOOKING_CITIZEN_ID_INVALID', undefined, ['body/citizenId']);
  return id;
}

/** Day of the week (0 = Sunday) of a YYYY-MM-DD date. */
export function weekday(day: string): number {
  return new Date(`${day}T00:00:00Z`).getUTCDay();
}

export function addDays(day: string, n: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
}

export function isWorkingDay(day: string, s: Pick<BookingSettings, 'workingDays' | 'closedDates'>): boolean {
  return s.workingDays.includes(weekday(day)) && !s.closedDates.includes(day);
}

/** The coming working days a citizen may book: after `today`, within `daysAhead` calendar days. */
export function bookableDays(today: string, s: Pick<BookingSettings, 'workingDays' | 'closedDates' | 'daysAhead'>): string[] {
  const days: string[] = [];
  for (let i = 1; i <= s.daysAhead; i++) {
    const day = addDays(today, i);
    if (isWorkingDay(day, s)) days.push(day);
  }
  return days;
}

/**
 * The 15-minute slots of a field on a day: every slot that fits wholly inside a session and inside the field's
 * own opening hours. Local times are Asia/Ho_Chi_Minh; the day is a calendar date (midnight rollover).
 */
export function slotsOf(day: string, sessions: BookingSettings['sessions'], fieldHours: { opensAt: string | null; closesAt: string | null }): Millis[] {
  const midnight = serviceDayStart(day, '00:00');
  const opens = fieldHours.opensAt === null ? 0 : parseLocalTime(fieldHours.opensAt);
  const closes = fieldHours.closesAt === null ? 24 * 60 : parseLocalTime(fieldHours.closesAt);
  const out: Millis[] = [];
  for (const s of sessions) {
    const from = Math.max(parseLocalTime(s.from), opens);
    const to = Math.min(parseLocalTime(s.to), closes);
    for (let m = Math.ceil(from / SLOT_MINUTES) * SLOT_MINUTES; m + SLOT_MINUTES <= to; m += SLOT_MINUTES) out.push(midnight + m * MINUTE);
  }
  return out;
}

/**
 * Bookings one slot of a field can take: what its counters serve in 15 minutes at the mean visit time, times the
 * share kept for bookings, at least one while any counter serves the field. The admin's figure wins when set.
 */
export function slotCapacity(counters: number, meanVisitMs: number, share: number, override: number | undefined): number {
  if (override !== undefined) return Math.max(0, Math.floor(override));
  if (counters === 0) return 0;
  const served = (counters * SLOT_MINUTES * MINUTE) / Math.max(meanVisitMs, MINUTE);
  return Math.max(1, Math.floor(served * share));
}

export type CheckInTiming = 'early' | 'on_time' | 'late';

/** Early: before the slot (waits for it). On time: until the deadline. Late: after it (a walk-in). */
export function checkInTiming(kind: 'remote' | 'slot', slotAt: Millis, deadlineAt: Millis, now: Millis): CheckInTiming {
  if (now > deadlineAt) return 'late';
  if (kind === 'slot' && now < slotAt) return 'early';
  return 'on_time';
}

/** The ticket a checked-in booking becomes: on time keeps its slot (or, for a remote number, its place in line). */
export function ticketTerms(kind: 'remote' | 'slot', timing: CheckInTiming, slotAt: Millis, createdAt: Millis, now: Millis): { bookedFor: Millis | null; queuedAt: Millis } {
  if (timing === 'late') return { bookedFor: null, queuedAt: now };
  if (kind === 'remote') return { bookedFor: null, queuedAt: createdAt };
  return { bookedFor: slotAt, queuedAt: now };
}

/** Human-friendly secret codes: no 0/O, 1/I/L; 10 characters ≈ 50 bits. */
export const CODE_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
export const CODE_LENGTH = 10;

/**
 * What the kiosk's barcode reader (or a person) typed: the bare code, the code with a dash or spaces, or the
 * confirmation link the QR code holds (…/book/#XXXXX-XXXXX). Null when no code can be found.
 */
export function codeFromScan(input: string): string | null {
  const tail = input.trim().split(/[#/=?]/).pop() ?? '';
  const code = tail.toUpperCase().replace(/[^A-Z0-9]/g, '');
  if (code.length !== CODE_LENGTH || [...code].some((c) => !CODE_ALPHABET.includes(c))) return null;
  return code;
}

export function formatCode(code: string): string {
  return `${code.slice(0, 5)}-${code.slice(5)}`;
}
