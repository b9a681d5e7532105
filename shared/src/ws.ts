import { Type, type Static } from 'typebox';
import { CallView, CounterView, DeviceKind, DeviceSettings, FieldView, Role, TicketView } from './domain.ts';
import { Alert } from './printing.ts';

/**
 * Bumped on any incompatible change; a client with another version is told to reload.
 * Additive changes (a new stream, a new optional field, a new `cause`) keep the version: clients must ignore
 * streams and fields they do not know, and validate each message they use rather than the whole union.
 */
export const PROTOCOL_VERSION = 1;

/**
 * Streams: `hall` (calls, waiting per field, counters), `counter:<id>` (one counter), `center` (everything),
 * `device:<id>` (a screen's own settings, for that screen only).
 */
export const StreamName = Type.String({ pattern: '^(hall|center|counter:[0-9]+|device:[0-9]+)$' });
/** The same names as a literal union, for the code that publishes and subscribes. */
export type StreamName = 'hall' | 'center' | `counter:${number}` | `device:${number}`;

export const ClientHello = Type.Object({
  type: Type.Literal('hello'),
  protocol: Type.Integer(),
  token: Type.String({ minLength: 1, maxLength: 200 }),
});
export const ClientResync = Type.Object({ type: Type.Literal('resync'), stream: StreamName });
export const ClientPong = Type.Object({ type: Type.Literal('pong'), t: Type.Number() });
export const ClientMessage = Type.Union([ClientHello, ClientResync, ClientPong]);
export type ClientMessage = Static<typeof ClientMessage>;

export const Identity = Type.Object({
  kind: Type.Union([Type.Literal('staff'), Type.Literal('device')]),
  role: Type.Union([Role, Type.Null()]),
  deviceKind: Type.Union([DeviceKind, Type.Null()]),
  counterId: Type.Union([Type.Integer(), Type.Null()]),
  name: Type.String(),
});
export type Identity = Static<typeof Identity>;

export const HallSnapshot = Type.Object({
  center: Type.Object({ name: Type.String(), notice: Type.String() }),
  fields: Type.Array(FieldView),
  counters: Type.Array(CounterView),
  calls: Type.Array(CallView),
});
export type HallSnapshot = Static<typeof HallSnapshot>;

export const CounterSnapshot = Type.Object({
  counter: CounterView,
  /** Names of the fields the counter serves, so a counter screen needs no other request. */
  fields: Type.Optional(Type.Array(Type.Object({ id: Type.Integer(), nameVi: Type.String(), nameEn: Type.String() }))),
});
export type CounterSnapshot = Static<typeof CounterSnapshot>;

export const DeviceSnapshot = Type.Object({ settings: DeviceSettings });
export type DeviceSnapshot = Static<typeof DeviceSnapshot>;

export const CenterSnapshot = Type.Object({
  fields: Type.Array(FieldView),
  counters: Type.Array(CounterView),
  queue: Type.Array(TicketView, { description: 'waiting and held tickets of the day, in arrival order' }),
  calls: Type.Array(CallView),
});
export type CenterSnapshot = Static<typeof CenterSnapshot>;

/** A delta is a set of upserts plus what caused it; clients replace items by id. */
export const Change = Type.Object({
  cause: Type.String({ description: 'event type, e.g. called, issued, counter_paused' }),
  tickets: Type.Optional(Type.Array(TicketView)),
  counters: Type.Optional(Type.Array(CounterView)),
  fields: Type.Optional(Type.Array(FieldView)),
  call: Type.Optional(CallView),
  alert: Type.Optional(Alert),
  settings: Type.Optional(DeviceSettings),
  /** The center's name or hall notice changed. */
  center: Type.Optional(Type.Object({ name: Type.String(), notice: Type.String() })),
  /** A finished ticket was rated (at the counter or on the phone): a counter screen still asking stops asking. */
  rated: Type.Optional(Type.Object({ ticketId: Type.Integer(), counterId: Type.Union([Type.Integer(), Type.Null()]) })),
});
export type Change = Static<typeof Change>;

export const ServerWelcome = Type.Object({
  type: Type.Literal('welcome'),
  protocol: Type.Integer(),
  identity: Identity,
  streams: Type.Array(StreamName),
  heartbeatMs: Type.Integer(),
  /** Server time, so a screen's clock is right from its first second on a LAN without NTP. */
  serverTime: Type.Optional(Type.String({ format: 'date-time' })),
});
export const ServerSnapshot = Type.Object({
  type: Type.Literal('snapshot'),
  stream: StreamName,
  seq: Type.Integer(),
  data: Type.Union([HallSnapshot, CounterSnapshot, CenterSnapshot, DeviceSnapshot]),
});
export const ServerDelta = Type.Object({
  type: Type.Literal('delta'),
  stream: StreamName,
  seq: Type.Integer(),
  change: Change,
});
export const ServerPing = Type.Object({ type: Type.Literal('ping'), t: Type.Number() });
export const ServerError = Type.Object({
  type: Type.Literal('error'),
  code: Type.String(),
  message: Type.Object({ vi: Type.String(), en: Type.String() }),
});
export const ServerMessage = Type.Union([ServerWelcome, ServerSnapshot, ServerDelta, ServerPing, ServerError]);
export type ServerMessage = Static<typeof ServerMessage>;
export type ServerSnapshot = Static<typeof ServerSnapshot>;
export type ServerDelta = Static<typeof ServerDelta>;
