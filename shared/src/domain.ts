import { Type, type Static } from 'typebox';

/** Lifecycle of a queue ticket (số thứ tự). `held` = tạm giữ, set aside by an officer to be returned to the queue. */
export const TicketStatus = Type.Union([
  Type.Literal('waiting'),
  Type.Literal('called'),
  Type.Literal('serving'),
  Type.Literal('held'),
  Type.Literal('done'),
  Type.Literal('no_show'),
  Type.Literal('cancelled'),
]);
export type TicketStatus = Static<typeof TicketStatus>;

export const CounterStatus = Type.Union([Type.Literal('open'), Type.Literal('paused'), Type.Literal('closed')]);
export type CounterStatus = Static<typeof CounterStatus>;

export const Role = Type.Union([Type.Literal('officer'), Type.Literal('supervisor'), Type.Literal('admin')]);
export type Role = Static<typeof Role>;

export const DeviceKind = Type.Union([
  Type.Literal('kiosk'),
  Type.Literal('counter_display'),
  Type.Literal('hall_board'),
]);
export type DeviceKind = Static<typeof DeviceKind>;

/**
 * What an admin sets per screen. Hall boards announce calls aloud unless sound is off. `calm` stops the
 * hall board's scrolling notice and the flashing of a new call (on counter screens too), for people whom
 * movement troubles, whatever the screen's own reduce-motion setting; omitted means off.
 */
export const DeviceSettings = Type.Object(
  {
    soundEnabled: Type.Boolean(),
    volume: Type.Integer({ minimum: 0, maximum: 100 }),
    calm: Type.Optional(Type.Boolean({ description: 'no scrolling notice and no flashing' })),
  },
  { additionalProperties: false },
);
export type DeviceSettings = Static<typeof DeviceSettings>;
export const defaultDeviceSettings: DeviceSettings = { soundEnabled: true, volume: 80 };

/** How a counter picks among the fields it serves: strict order, or weighted share. */
export const FieldPolicy = Type.Union([Type.Literal('order'), Type.Literal('weights')]);
export type FieldPolicy = Static<typeof FieldPolicy>;

/**
 * Decree 107/2021 priority counters. `mixed`: both classes by the interleave ratio; `priority_then_normal`: priority
 * citizens only while any it serves waits, normal ones otherwise; `priority_only`: never a normal citizen from the queue.
 */
export const PriorityMode = Type.Union([Type.Literal('mixed'), Type.Literal('priority_then_normal'), Type.Literal('priority_only')]);
export type PriorityMode = Static<typeof PriorityMode>;

export const Id = Type.Integer({ minimum: 1 });
export const LocalTime = Type.String({ pattern: '^([01][0-9]|2[0-3]):[0-5][0-9]$', description: 'HH:mm, Asia/Ho_Chi_Minh' });
export const ServiceDay = Type.String({ pattern: '^[0-9]{4}-[0-9]{2}-[0-9]{2}$', description: 'YYYY-MM-DD service day' });

export const FieldView = Type.Object({
  id: Id,
  parentId: Type.Union([Id, Type.Null()]),
  code: Type.String(),
  nameVi: Type.String(),
  nameEn: Type.String(),
  prefix: Type.String(),
  width: Type.Integer(),
  startNumber: Type.Integer(),
  dailyLimit: Type.Union([Type.Integer(), Type.Null()]),
  opensAt: Type.Union([LocalTime, Type.Null()]),
  closesAt: Type.Union([LocalTime, Type.Null()]),
  issuing: Type.Boolean({ description: 'false when a supervisor stopped issuing numbers for this field' }),
  targetWaitMinutes: Type.Integer({ description: 'the committed wait (citizen charter), minutes' }),
  serviceMinutes: Type.Optional(Type.Integer({ description: 'the usual service time, minutes (servers before #17: absent)' })),
  waiting: Type.Integer({ description: 'tickets waiting now' }),
  issuedToday: Type.Integer({ description: 'tickets issued today in this field’s series (for the daily limit)' }),
  calledToday: Type.Optional(Type.Integer({ description: 'citizens called for the first time today in this field (servers before #17: absent)' })),
  calledWithinTargetToday: Type.Optional(Type.Integer({ description: 'of those, called no later than the committed wait' })),
});
export type FieldView = Static<typeof FieldView>;

/** How the ticket came to wait where it waits: sent on (transfer), set aside (hold) or brought back (return). */
export const HandoverView = Type.Object({
  kind: Type.Union([Type.Literal('transferred'), Type.Literal('held'), Type.Literal('returned')]),
  fromCounterId: Type.Union([Id, Type.Null()], { description: 'the counter that sent, held or gets it back; null when sent from the queue' }),
  fromFieldId: Type.Union([Id, Type.Null()], { description: 'the field it came from, when a transfer changed its field' }),
  note: Type.Union([Type.String(), Type.Null()]),
  at: Type.String({ format: 'date-time' }),
});
export type HandoverView = Static<typeof HandoverView>;

export const TicketView = Type.Object({
  id: Id,
  number: Type.String({ description: 'printed number, e.g. A023' }),
  fieldId: Id,
  serviceDay: ServiceDay,
  status: TicketStatus,
  priority: Type.Union([Type.String(), Type.Null()], { description: 'priority category code, null for normal' }),
  counterId: Type.Union([Id, Type.Null()], { description: 'counter that called it, or the counter it was transferred to' }),
  issuedAt: Type.String({ format: 'date-time' }),
  queuedAt: Type.String({ format: 'date-time', description: 'arrival time used for ordering' }),
  calledAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
  recalls: Type.Integer(),
  /** The last transfer, hold or return and its note, for the officer who calls it next (servers before #11: absent). */
  handover: Type.Optional(Type.Union([HandoverView, Type.Null()])),
});
export type TicketView = Static<typeof TicketView>;

export const CounterView = Type.Object({
  id: Id,
  number: Type.Integer(),
  name: Type.String(),
  status: CounterStatus,
  pauseReason: Type.Union([Type.String(), Type.Null()]),
  fieldIds: Type.Array(Id),
  priorityMode: Type.Optional(PriorityMode),
  officer: Type.Union([Type.Object({ id: Id, name: Type.String() }), Type.Null()]),
  current: Type.Union([TicketView, Type.Null()]),
});
export type CounterView = Static<typeof CounterView>;

export const CallView = Type.Object({
  ticketId: Id,
  number: Type.String(),
  fieldId: Id,
  counterId: Id,
  counterNumber: Type.Integer(),
  at: Type.String({ format: 'date-time' }),
  recall: Type.Boolean(),
});
export type CallView = Static<typeof CallView>;

export const PriorityCategory = Type.Object({
  code: Type.String({ pattern: '^[a-z_]{2,32}$' }),
  nameVi: Type.String(),
  nameEn: Type.String(),
});
export type PriorityCategory = Static<typeof PriorityCategory>;
