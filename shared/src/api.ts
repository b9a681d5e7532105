import { Type, type Static } from 'typebox';
import { CounterView, DeviceKind, DeviceSettings, FieldView, Id, PriorityCategory, Role, TicketView } from './domain.ts';
import { PrintOutcome } from './printing.ts';

const Note = Type.Union([Type.String({ maxLength: 500 }), Type.Null()]);

export const HealthResponse = Type.Object({
  status: Type.Literal('ok'),
  center: Type.String(),
  version: Type.String(),
  time: Type.String({ format: 'date-time' }),
  /** 'hub' on a province hub; a center leaves it out. */
  mode: Type.Optional(Type.Union([Type.Literal('center'), Type.Literal('hub')])),
});

export const LoginBody = Type.Object(
  {
    username: Type.String({ minLength: 1, maxLength: 64 }),
    password: Type.String({ minLength: 1, maxLength: 256 }),
  },
  { additionalProperties: false },
);
export type LoginBody = Static<typeof LoginBody>;

export const Me = Type.Object({
  id: Id,
  username: Type.String(),
  name: Type.String(),
  role: Role,
  counterId: Type.Union([Id, Type.Null()]),
});
export type Me = Static<typeof Me>;

export const LoginResponse = Type.Object({ token: Type.String(), expiresAt: Type.String(), me: Me });
export type LoginResponse = Static<typeof LoginResponse>;

export const CenterInfo = Type.Object({
  name: Type.String(),
  address: Type.String(),
  fields: Type.Array(FieldView),
  priorityCategories: Type.Array(PriorityCategory),
  /**
   * Set when an SMS gateway is set up: the kiosk offers "your turn is near" by SMS (a phone number, skippable) and
   * says how many days the number is kept.
   */
  sms: Type.Optional(Type.Union([Type.Object({ keepDays: Type.Integer() }), Type.Null()])),
  /** True while the center takes bookings and remote numbers: the kiosk's home offers the booking check-in. */
  booking: Type.Optional(Type.Boolean()),
});
export type CenterInfo = Static<typeof CenterInfo>;

export const IssueTicketBody = Type.Object(
  {
    fieldId: Id,
    priority: Type.Optional(Type.Union([Type.String({ maxLength: 32 }), Type.Null()])),
    idempotencyKey: Type.Optional(Type.String({ minLength: 8, maxLength: 64, pattern: '^[A-Za-z0-9_-]+$' })),
    /** The language the citizen chose at the kiosk: the receipt is printed in it (Vietnamese when absent). */
    lang: Type.Optional(Type.Union([Type.Literal('vi'), Type.Literal('en')])),
    /** The citizen's mobile number for "your turn is near" and "please come to counter N" SMS; optional. */
    phone: Type.Optional(Type.String({ minLength: 1, maxLength: 20 })),
  },
  { additionalProperties: false },
);
export type IssueTicketBody = Static<typeof IssueTicketBody>;

export const IssuedTicket = Type.Object({
  ticket: TicketView,
  trackingCode: Type.String(),
  /** Path of the citizen's tracking page, printed as a QR code: /t/<code>. */
  trackingPath: Type.String(),
  peopleAhead: Type.Integer(),
  estimatedWaitMinutes: Type.Union([Type.Integer(), Type.Null()], { description: 'see docs/architecture.md: estimated wait' }),
  print: PrintOutcome,
  /** The number the SMS go to, masked (09xx xxx 123), for the kiosk to show; null when none was given. */
  phoneMasked: Type.Optional(Type.Union([Type.String(), Type.Null()])),
});
export type IssuedTicket = Static<typeof IssuedTicket>;

export const IdParams = Type.Object({ id: Id });
export const FinishBody = Type.Object(
  { dossierCode: Type.Optional(Type.Union([Type.String({ maxLength: 64 }), Type.Null()])) },
  { additionalProperties: false },
);
export const HoldBody = Type.Object({ note: Type.Optional(Note) }, { additionalProperties: false });
export const PauseBody = Type.Object({ reason: Type.String({ minLength: 1, maxLength: 200 }) }, { additionalProperties: false });
export const CallTicketBody = Type.Object({ ticketId: Id }, { additionalProperties: false });
export const TransferBody = Type.Object(
  {
    toFieldId: Type.Optional(Type.Union([Id, Type.Null()])),
    toCounterId: Type.Optional(Type.Union([Id, Type.Null()])),
    note: Type.Optional(Note),
  },
  { additionalProperties: false },
);
export const CancelBody = Type.Object({ reason: Type.Optional(Note) }, { additionalProperties: false });

/**
 * Leaving a counter says what becomes of it, since nobody will call there: closed, or paused with a reason
 * (the officer will be back). A counter already paused stays paused with its reason; a closed one stays closed.
 */
export const LeaveCounterBody = Type.Union([
  Type.Object({ counter: Type.Literal('close') }, { additionalProperties: false }),
  Type.Object({ counter: Type.Literal('pause'), reason: Type.String({ minLength: 1, maxLength: 200 }) }, { additionalProperties: false }),
]);
export type LeaveCounterBody = Static<typeof LeaveCounterBody>;

export const CounterActionResponse = Type.Object({ counter: CounterView, ticket: Type.Union([TicketView, Type.Null()]) });
export type CounterActionResponse = Static<typeof CounterActionResponse>;
export const TicketActionResponse = Type.Object({ ticket: TicketView });

export const CreateDeviceBody = Type.Object(
  {
    kind: DeviceKind,
    name: Type.String({ minLength: 1, maxLength: 100 }),
    counterId: Type.Optional(Type.Union([Id, Type.Null()])),
  },
  { additionalProperties: false },
);
export const DeviceView = Type.Object({
  id: Id,
  kind: DeviceKind,
  name: Type.String(),
  counterId: Type.Union([Id, Type.Null()]),
  paired: Type.Boolean(),
  revoked: Type.Boolean(),
  lastSeenAt: Type.Union([Type.String(), Type.Null()]),
  /** Screens: sound and volume. Kiosks: the printer their receipts go to. */
  settings: DeviceSettings,
  printerId: Type.Union([Id, Type.Null()]),
});
export type DeviceView = Static<typeof DeviceView>;
export const CreatedDevice = Type.Object({
  device: DeviceView,
  pairingCode: Type.String({ description: 'shown once to the admin; valid for 10 minutes' }),
  pairingExpiresAt: Type.String(),
});
export const PairBody = Type.Object({ code: Type.String({ minLength: 6, maxLength: 12 }) }, { additionalProperties: false });
export const PairResponse = Type.Object({ token: Type.String(), device: DeviceView });
/** Demo center only: a browser becomes the demo kiosk, board or counter screen without pairing. */
export const DemoDeviceQuery = Type.Object(
  { kind: DeviceKind, counter: Type.Optional(Type.Integer({ minimum: 1, description: 'counter number, for a counter screen' })) },
  { additionalProperties: false },
);
export const DemoDeviceResponse = Type.Object({ token: Type.String(), name: Type.String() });
export type DemoDeviceResponse = Static<typeof DemoDeviceResponse>;

export const RenewResponse = Type.Object({ token: Type.String(), expiresAt: Type.String({ format: 'date-time' }), device: DeviceView });
export type RenewResponse = Static<typeof RenewResponse>;
export type PairResponse = Static<typeof PairResponse>;
