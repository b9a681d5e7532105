import type { CounterStatus, FieldPolicy, PriorityMode, TicketStatus } from '@luot/shared';

/** Epoch milliseconds. The engine never reads the clock; callers pass `now`. */
export type Millis = number;

export interface FieldConfig {
  id: number;
  parentId: number | null;
  prefix: string;
  width: number;
  startNumber: number;
  dailyLimit: number | null;
  opensAt: string | null;
  closesAt: string | null;
  issuing: boolean;
  hasChildren: boolean;
}

export interface Ticket {
  id: number;
  fieldId: number;
  /** Sequence number within the field and service day; `number` is its printed form. */
  seq: number;
  number: string;
  serviceDay: string;
  status: TicketStatus;
  priority: string | null;
  /** Counter that called the ticket, or the one it was held at / transferred to. */
  counterId: number | null;
  /** When set, only this counter may call the ticket (transfer to a counter, return from hold). */
  targetCounterId: number | null;
  issuedAt: Millis;
  /** Arrival time used for ordering; kept across transfers unless the rules say otherwise. */
  queuedAt: Millis;
  calledAt: Millis | null;
  recalls: number;
  /** The last time it was sent on (transfer), set aside (hold) or brought back (return): for the next desk. */
  handover: Handover | null;
}

/**
 * How a ticket came to wait where it waits, for the officer who calls it next: from which counter, from which
 * field when that changed, with the note left. Kept while the next counter serves it; replaced by the next one.
 */
export interface Handover {
  kind: 'transferred' | 'held' | 'returned';
  /** The counter that sent, held or gets it back; null when a supervisor sent it from the queue. */
  fromCounterId: number | null;
  /** The field it came from, when a transfer changed its field. */
  fromFieldId: number | null;
  note: string | null;
  at: Millis;
}

export interface CounterField {
  fieldId: number;
  position: number;
  weight: number;
}

/** Fairness memory of one counter: how many calls each class and field has had in the current cycle. */
export interface FairShare {
  priority: number;
  normal: number;
  fields: Record<number, number>;
}

export interface Counter {
  id: number;
  number: number;
  status: CounterStatus;
  pauseReason: string | null;
  policy: FieldPolicy;
  /** Decree 107/2021 priority counter (see ordering.ts); 'mixed' for an ordinary counter. */
  priorityMode: PriorityMode;
  fields: CounterField[];
  currentTicketId: number | null;
  officerId: number | null;
  fair: FairShare;
}

export interface QueueRules {
  /** In a cycle where both classes wait: `priority` priority calls for every `normal` normal calls. */
  interleave: { priority: number; normal: number };
  /** Recalls allowed before a further recall marks the ticket absent automatically. */
  maxRecalls: number;
  /** Transfer keeps the citizen's original arrival time (default) or queues them anew. */
  keepArrivalOnTransfer: boolean;
  priorityCategories: string[];
  /** Local time (Asia/Ho_Chi_Minh) at which a new service day starts. */
  dayRollover: string;
}

export type { EventType } from '@luot/shared';

/** What each event type records besides who, when and which ticket: one shape per type, stored as JSON. */
export interface EventData {
  issued: { priority: string | null };
  called: { how: 'next' | 'specific'; counterNumber: number };
  recalled: { recalls: number; counterNumber: number };
  serving: Record<string, never>;
  done: { dossierCode: string | null };
  /** `auto`: the recall limit marked the citizen absent, after `recalls` recalls. */
  no_show: { auto: false } | { auto: true; recalls: number };
  held: { note: string | null };
  returned: Record<string, never>;
  transferred: { fromFieldId: number; toFieldId: number | null; toCounterId: number | null; note: string | null };
  cancelled: { reason: string | null };
  expired: { reason: 'expired' };
  /** The pause reason; null for the other counter events. */
  counter_opened: { reason: string | null };
  counter_paused: { reason: string | null };
  counter_resumed: { reason: string | null };
  counter_closed: { reason: string | null };
}

interface EventBase {
  at: Millis;
  ticketId: number | null;
  counterId: number | null;
  fieldId: number | null;
  from: TicketStatus | null;
  to: TicketStatus | null;
}

/** What the engine says happened, one variant per type. The service stamps actor, device and id before storing it. */
export type DomainEvent = { [K in keyof EventData]: EventBase & { type: K; data: EventData[K] } }[keyof EventData];
export type EventOf<K extends keyof EventData> = Extract<DomainEvent, { type: K }>;

/** The part of the world a command may read. The service loads only what the command needs. */
export interface QueueSlice {
  rules: QueueRules;
  fields: ReadonlyMap<number, FieldConfig>;
  counters: ReadonlyMap<number, Counter>;
  tickets: ReadonlyMap<number, Ticket>;
}

export interface Decision {
  tickets: Ticket[];
  counters: Counter[];
  events: DomainEvent[];
}
