/**
 * In-memory world for the engine's tests only: holds the state, applies commands through `decide()` and merges
 * the changed entities back, the way the service does with the database. Entities are frozen when stored, so an
 * engine that mutated its input instead of returning copies would throw here.
 */
import type { Command } from '../domain/commands.ts';
import { decide } from '../domain/decide.ts';
import { DomainError } from '../domain/errors.ts';
import { serviceDayOf } from '../domain/time.ts';
import type { Counter, CounterField, Decision, DomainEvent, FieldConfig, Millis, QueueRules, QueueSlice, Ticket } from '../domain/types.ts';

/** Monday 10 March 2025, 08:00 in Asia/Ho_Chi_Minh (01:00 UTC). */
export const T0: Millis = Date.UTC(2025, 2, 10, 1, 0);
export const MINUTE = 60_000;

export const defaultRules: QueueRules = {
  interleave: { priority: 1, normal: 2 },
  maxRecalls: 2,
  keepArrivalOnTransfer: true,
  priorityCategories: ['elderly', 'disabled', 'pregnant'],
  dayRollover: '03:00',
};

/** A leaf field with prefix A, B, C… by id, width 3, numbering from 1, always open. */
export function makeField(id: number, overrides: Partial<FieldConfig> = {}): FieldConfig {
  return {
    id,
    parentId: null,
    prefix: String.fromCharCode(64 + id),
    width: 3,
    startNumber: 1,
    dailyLimit: null,
    opensAt: null,
    closesAt: null,
    issuing: true,
    hasChildren: false,
    ...overrides,
  };
}

/** An open counter serving `fields` in the given order (a bare id means weight 1). */
export function makeCounter(id: number, fields: ReadonlyArray<number | CounterField>, overrides: Partial<Counter> = {}): Counter {
  return {
    id,
    number: id,
    status: 'open',
    pauseReason: null,
    policy: 'order',
    priorityMode: 'mixed',
    fields: fields.map((f, position) => (typeof f === 'number' ? { fieldId: f, position, weight: 1 } : f)),
    currentTicketId: null,
    officerId: null,
    fair: { priority: 0, normal: 0, fields: {} },
    ...overrides,
  };
}

function frozenTicket(t: Ticket): Ticket {
  return Object.freeze({ ...t });
}

function frozenCounter(c: Counter): Counter {
  return Object.freeze({
    ...c,
    fields: Object.freeze(c.fields.map((f) => Object.freeze({ ...f }))) as CounterField[],
    fair: Object.freeze({ ...c.fair, fields: Object.freeze({ ...c.fair.fields }) }),
  });
}

export interface WorldOptions {
  fields: readonly FieldConfig[];
  counters: readonly Counter[];
  rules?: Partial<QueueRules>;
  now?: Millis;
}

export class TestWorld {
  readonly rules: QueueRules;
  readonly fields = new Map<number, FieldConfig>();
  readonly counters = new Map<number, Counter>();
  readonly tickets = new Map<number, Ticket>();
  readonly events: DomainEvent[] = [];
  /** Field each ticket was issued in. A transfer changes `fieldId`, but the number series belongs to the issuing field. */
  readonly issuedIn = new Map<number, number>();
  now: Millis;

  constructor(options: WorldOptions) {
    this.rules = { ...defaultRules, ...options.rules };
    for (const f of options.fields) this.fields.set(f.id, Object.freeze({ ...f }));
    for (const c of options.counters) this.counters.set(c.id, frozenCounter(c));
    this.now = options.now ?? T0;
  }

  /** A copy of the maps, so the engine sees a consistent snapshot. */
  slice(): QueueSlice {
    return { rules: this.rules, fields: new Map(this.fields), counters: new Map(this.counters), tickets: new Map(this.tickets) };
  }

  /** Runs the command; throws the engine's DomainError and then leaves the world as it was. */
  apply(command: Command): Decision {
    const slice = this.slice();
    const decision = decide(slice, command, this.now);
    this.assertUntouched(slice);
    for (const t of decision.tickets) this.tickets.set(t.id, frozenTicket(t));
    for (const c of decision.counters) this.counters.set(c.id, frozenCounter(c));
    this.events.push(...decision.events);
    if (command.kind === 'issue') for (const t of decision.tickets) this.issuedIn.set(t.id, command.fieldId);
    return decision;
  }

  /** The engine must return changes, never write them into the slice it was given. */
  private assertUntouched(slice: QueueSlice): void {
    const same = <T>(given: ReadonlyMap<number, T>, held: ReadonlyMap<number, T>): boolean =>
      given.size === held.size && [...held].every(([id, v]) => given.get(id) === v);
    if (!same(slice.tickets, this.tickets) || !same(slice.counters, this.counters) || !same(slice.fields, this.fields)) {
      throw new Error('decide() modified the slice it was given');
    }
  }

  /** Like `apply`, but returns a refusal instead of throwing it. Other errors still throw. */
  attempt(command: Command): Decision | DomainError {
    try {
      return this.apply(command);
    } catch (error) {
      if (error instanceof DomainError) return error;
      throw error;
    }
  }

  /** The issue command a service would build: next id, and today's series so far in the field. */
  issueCommand(fieldId: number, priority: string | null = null): Extract<Command, { kind: 'issue' }> {
    const day = serviceDayOf(this.now, this.rules.dayRollover);
    const today = [...this.tickets.values()].filter((t) => this.issuedIn.get(t.id) === fieldId && t.serviceDay === day);
    return {
      kind: 'issue',
      fieldId,
      priority,
      newId: Math.max(0, ...this.tickets.keys()) + 1,
      lastSeqToday: today.length === 0 ? null : Math.max(...today.map((t) => t.seq)),
      issuedToday: today.length,
    };
  }

  issue(fieldId: number, priority: string | null = null): Ticket {
    const [ticket] = this.apply(this.issueCommand(fieldId, priority)).tickets;
    if (!ticket) throw new Error('issue returned no ticket');
    return ticket;
  }

  advance(ms: number): void {
    this.now += ms;
  }

  ticket(id: number): Ticket {
    const t = this.tickets.get(id);
    if (!t) throw new Error(`no ticket ${id}`);
    return t;
  }

  counter(id: number): Counter {
    const c = this.counters.get(id);
    if (!c) throw new Error(`no counter ${id}`);
    return c;
  }

  /** The ticket at a counter's desk, if any. */
  current(counterId: number): Ticket | null {
    const id = this.counter(counterId).currentTicketId;
    return id === null ? null : this.ticket(id);
  }

  /** A deep copy of the mutable state, for comparing before and after a command. */
  snapshot(): { tickets: Ticket[]; counters: Counter[]; events: number } {
    return { tickets: structuredClone([...this.tickets.values()]), counters: structuredClone([...this.counters.values()]), events: this.events.length };
  }
}
