import { Type, type Static } from 'typebox';
import { IssuedTicket } from './api.ts';
import { Id, ServiceDay } from './domain.ts';

/** Remote numbers for today and slot bookings on coming days (issue 16): public pages, kiosk check-in, console. */

const Phone = Type.String({ minLength: 9, maxLength: 20, description: 'Vietnamese mobile number; +84 or 0' });
const Name = Type.String({ minLength: 2, maxLength: 80 });
const CitizenId = Type.String({ minLength: 12, maxLength: 16, description: '12-digit citizen ID (CCCD), optional unless the center requires it' });
const Otp = Type.String({ pattern: '^[0-9]{6}$', description: 'one-time code sent by SMS when the center has an SMS gateway' });
/** The booking's secret code, 10 characters (a dash or spaces allowed), or the confirmation link holding it. */
export const BookingCode = Type.String({ minLength: 10, maxLength: 200 });
const Epoch = Type.Integer({ minimum: 0, description: 'epoch milliseconds' });
const Names = { nameVi: Type.String(), nameEn: Type.String() };

export const BookingFieldOption = Type.Object({ id: Id, ...Names, prefix: Type.String(), remote: Type.Boolean(), slots: Type.Boolean() });
export const BookingOptions = Type.Object({
  enabled: Type.Boolean(),
  centerName: Type.String(),
  centerAddress: Type.String(),
  fields: Type.Array(BookingFieldOption),
  days: Type.Array(ServiceDay, { description: 'coming working days that can be booked' }),
  today: ServiceDay,
  otp: Type.Boolean({ description: 'a one-time SMS code is asked for' }),
  requireCitizenId: Type.Boolean(),
  personalDataDays: Type.Integer(),
});
export type BookingOptions = Static<typeof BookingOptions>;

export const SlotsQuery = Type.Object({ fieldId: Id, day: ServiceDay }, { additionalProperties: false });
export const SlotView = Type.Object({ at: Epoch, time: Type.String({ description: 'HH:MM local' }), left: Type.Integer() });
export const SlotList = Type.Object({ fieldId: Id, day: ServiceDay, capacity: Type.Integer(), slots: Type.Array(SlotView) });
export type SlotList = Static<typeof SlotList>;

const Who = { phone: Phone, name: Name, citizenId: Type.Optional(CitizenId), otp: Type.Optional(Otp), lang: Type.Optional(Type.Union([Type.Literal('vi'), Type.Literal('en')])) };
export const RemoteBody = Type.Object({ fieldId: Id, ...Who }, { additionalProperties: false });
export type RemoteBody = Static<typeof RemoteBody>;
export const SlotBody = Type.Object({ fieldId: Id, slotAt: Epoch, ...Who }, { additionalProperties: false });
export type SlotBody = Static<typeof SlotBody>;
export const OtpBody = Type.Object({ phone: Phone }, { additionalProperties: false });
export const CodeBody = Type.Object({ code: BookingCode }, { additionalProperties: false });
export const RescheduleBody = Type.Object({ code: BookingCode, slotAt: Epoch }, { additionalProperties: false });
export const CheckInBody = Type.Object(
  {
    code: BookingCode,
    lang: Type.Optional(Type.Union([Type.Literal('vi'), Type.Literal('en')])),
    /** A priority category chosen at the kiosk, as for any ticket. */
    priority: Type.Optional(Type.Union([Type.String({ maxLength: 32 }), Type.Null()])),
  },
  { additionalProperties: false },
);

export const BookingStatus = Type.Union([Type.Literal('booked'), Type.Literal('checked_in'), Type.Literal('cancelled'), Type.Literal('lapsed')]);

/** The citizen's own booking, as the confirmation page shows it: never anyone else's, the phone masked. */
export const BookingView = Type.Object({
  kind: Type.Union([Type.Literal('remote'), Type.Literal('slot')]),
  status: BookingStatus,
  fieldId: Id,
  ...Names,
  day: ServiceDay,
  slotAt: Epoch,
  deadlineAt: Epoch,
  phoneMasked: Type.Union([Type.String(), Type.Null()]),
  /** Remote numbers: counted when taken. */
  peopleAhead: Type.Optional(Type.Integer()),
  estimatedWaitMinutes: Type.Optional(Type.Union([Type.Integer(), Type.Null()])),
});
export type BookingView = Static<typeof BookingView>;

export const BookingConfirmation = Type.Object({
  /** Shown once, in the link and its QR code; the server keeps only its hash. */
  code: Type.String(),
  booking: BookingView,
});
export type BookingConfirmation = Static<typeof BookingConfirmation>;

export const CheckInResult = Type.Object({
  timing: Type.Union([Type.Literal('early'), Type.Literal('on_time'), Type.Literal('late')]),
  booking: BookingView,
  issued: IssuedTicket,
});
export type CheckInResult = Static<typeof CheckInResult>;

/** The supervisor's board: today's bookings per field and slot, and who did not come. */
export const BookingDayRow = Type.Object({
  fieldId: Id,
  slotAt: Epoch,
  kind: Type.Union([Type.Literal('remote'), Type.Literal('slot')]),
  booked: Type.Integer({ description: 'still expected' }),
  checkedIn: Type.Integer(),
  lapsed: Type.Integer({ description: 'no-shows: the deadline passed without a check-in' }),
  cancelled: Type.Integer(),
});
export const BookingDay = Type.Object({
  day: ServiceDay,
  rows: Type.Array(BookingDayRow),
  noShows: Type.Array(Type.Object({ fieldId: Id, slotAt: Epoch, phoneMasked: Type.Union([Type.String(), Type.Null()]) })),
});
export type BookingDay = Static<typeof BookingDay>;

const HhMm = Type.String({ pattern: '^([01][0-9]|2[0-3]):[0-5][0-9]$' });
/** The admin's booking settings (defaults as in Hanoi); `bookedInterleave` is the queue rule booked:walk-in. */
export const BookingSettingsBody = Type.Object(
  {
    enabled: Type.Boolean(),
    daysAhead: Type.Integer({ minimum: 1, maximum: 60 }),
    workingDays: Type.Array(Type.Integer({ minimum: 0, maximum: 6 }), { maxItems: 7, uniqueItems: true }),
    closedDates: Type.Array(ServiceDay, { maxItems: 400 }),
    sessions: Type.Array(Type.Object({ from: HhMm, to: HhMm }, { additionalProperties: false }), { minItems: 1, maxItems: 4 }),
    remoteOpensAt: HhMm,
    bookingShare: Type.Number({ minimum: 0, maximum: 1 }),
    capacityOverrides: Type.Record(Type.String({ pattern: '^[0-9]+$' }), Type.Integer({ minimum: 0, maximum: 200 })),
    perPhonePerDay: Type.Integer({ minimum: 1, maximum: 10 }),
    perPhonePerField: Type.Integer({ minimum: 1, maximum: 10 }),
    perAddressPerHour: Type.Integer({ minimum: 1, maximum: 100_000 }),
    requireCitizenId: Type.Boolean(),
    lateGraceMinutes: Type.Integer({ minimum: 0, maximum: 120 }),
    remoteGraceMinutes: Type.Integer({ minimum: 0, maximum: 240 }),
    personalDataDays: Type.Integer({ minimum: 1, maximum: 365 }),
    bookedInterleave: Type.Object({ booked: Type.Integer({ minimum: 1, maximum: 10 }), walkIn: Type.Integer({ minimum: 1, maximum: 10 }) }, { additionalProperties: false }),
  },
  { additionalProperties: false },
);
export type BookingSettingsBody = Static<typeof BookingSettingsBody>;

export const BookingOk = Type.Object({ ok: Type.Boolean() });

export const BookingReportQuery = Type.Object({ from: ServiceDay, to: ServiceDay }, { additionalProperties: false });
const WaitFigure = Type.Object({
  called: Type.Integer(),
  meanWaitMinutes: Type.Union([Type.Number(), Type.Null()]),
  p90WaitMinutes: Type.Union([Type.Number(), Type.Null()], { description: 'nearest-rank 90th percentile' }),
});
const BookingOutcomes = Type.Object({
  onTime: Type.Integer({ description: 'checked in on time' }),
  late: Type.Integer({ description: 'checked in late: served as walk-ins' }),
  lapsed: Type.Integer({ description: 'no-shows' }),
  cancelled: Type.Integer(),
  booked: Type.Integer({ description: 'still expected' }),
});
/**
 * Booked against walk-in citizens over a period: hall waits (booked ones from their slot) and booking outcomes, for
 * the center and per field (fields with bookings or booked citizens only). Counts and durations, nothing personal.
 */
export const BookingReport = Type.Object({
  from: ServiceDay,
  to: ServiceDay,
  booked: WaitFigure,
  walkIn: WaitFigure,
  bookings: BookingOutcomes,
  fields: Type.Array(Type.Object({ fieldId: Id, booked: WaitFigure, walkIn: WaitFigure, bookings: BookingOutcomes })),
});
export type BookingReport = Static<typeof BookingReport>;
