import type { Command } from '../domain/commands.ts';
import { decide } from '../domain/decide.ts';
import { serviceDayOf } from '../domain/time.ts';
import type { Counter, DomainEvent, QueueSlice, Ticket } from '../domain/types.ts';
import type { OpenDb } from '../db/open-db.ts';
import { queueRepo } from '../db/repositories/queue-repo.ts';
import type { Actor } from './actor.ts';
import { createDecisionWriter, type DerivedWrites } from './decision-writer.ts';
import type { Clock } from '../domain/clock.ts';
import type { ConfigCache } from '../db/config-cache.ts';
import { createTrackingCodes } from './tracking-code.ts';
import type { WriteBatcher } from '../db/write-batcher.ts';

export interface Outcome {
  tickets: Ticket[];
  counters: Counter[];
  events: DomainEvent[];
}

export interface IssueInput {
  fieldId: number;
  priority: string | null;
  idempotencyKey: string | null;
}

export interface IssueOutcome extends Outcome {
  ticket: Ticket;
  trackingCode: string;
  /** False when an idempotency key matched an earlier ticket: nothing new happened. */
  created: boolean;
}

const none = (): Outcome => ({ tickets: [], counters: [], events: [] });

/**
 * Load → decide → persist inside one savepoint of a group-committed transaction, then hand back
 * the events. Nothing here broadcasts or prints: callers announce only what this returned, and
 * they get it only once the batch is durable.
 */
export function createQueueService(deps: { store: OpenDb; clock: Clock; config: ConfigCache; batcher: WriteBatcher; derived: DerivedWrites }) {
  const { db } = deps.store;
  let sweptDay: string | null = null;
  const writer = createDecisionWriter(db, deps.derived);
  const newTrackingCode = createTrackingCodes();

  /** Configuration, every counter's state and the tickets the command touches. */
  function slice(ticketIds: readonly number[]): QueueSlice {
    const config = deps.config.get();
    const counters = queueRepo.counters(db, config.counterLinks);
    const tickets = queueRepo.tickets(db, ticketIds);
    return { rules: config.rules, fields: config.fields, counters, tickets };
  }

  /** The slice for a command: its ticket, the counter's current ticket, and for call-next the candidates. */
  function sliceFor(command: Command, serviceDay: string): QueueSlice {
    const base = slice('ticketId' in command ? [command.ticketId] : []);
    const counter = 'counterId' in command ? base.counters.get(command.counterId) : undefined;
    if (!counter) return base;
    const more = counter.currentTicketId === null ? new Map<number, Ticket>() : queueRepo.tickets(db, [counter.currentTicketId]);
    // A priority counter's call by hand must see who else waits for it (domain/decide.ts, Decree 107/2021).
    const needsQueue = command.kind === 'callNext' || (command.kind === 'callTicket' && counter.priorityMode !== 'mixed');
    const waiting = needsQueue ? queueRepo.waitingFor(db, counter, serviceDay) : [];
    const tickets = new Map([...base.tickets, ...more, ...waiting.map((t) => [t.id, t] as const)]);
    return { ...base, tickets };
  }

  function today(now: number): string {
    return serviceDayOf(now, deps.config.get().rules.dayRollover);
  }

  /** Tickets left unfinished on an earlier service day are expired once, before today's first change. */
  async function sweepIfNewDay(now: number): Promise<Outcome> {
    const day = today(now);
    if (sweptDay === day) return none();
    const out = await deps.batcher.submit(() => {
      const acc = none();
      for (const id of queueRepo.staleIds(db, day)) {
        const decision = decide(slice([id]), { kind: 'expire', ticketId: id }, now);
        writer.persist(decision, { kind: 'system' });
        merge(acc, decision);
      }
      return acc;
    });
    sweptDay = day;
    return out;
  }

  return {
    async run(command: Exclude<Command, { kind: 'issue' }>, actor: Actor): Promise<Outcome> {
      const now = deps.clock.now();
      const swept = await sweepIfNewDay(now);
      const decision = await deps.batcher.submit(() => {
        const d = decide(sliceFor(command, today(now)), command, now);
        writer.persist(d, actor);
        return d;
      });
      return merge(swept, decision);
    },

    async issue(input: IssueInput, actor: Actor): Promise<IssueOutcome> {
      const now = deps.clock.now();
      const deviceId = actor.kind === 'device' ? actor.deviceId : null;
      const swept = await sweepIfNewDay(now);
      const result = await deps.batcher.submit((): IssueOutcome => {
        if (deviceId !== null && input.idempotencyKey !== null) {
          const earlier = queueRepo.byIdempotencyKey(db, deviceId, input.idempotencyKey);
          if (earlier) return { ...none(), ...earlier, created: false };
        }
        const config = deps.config.get();
        const serviceDay = today(now);
        const tally = queueRepo.fieldDay(db, input.fieldId, serviceDay);
        const decision = decide(
          { rules: config.rules, fields: config.fields, counters: new Map(), tickets: new Map() },
          {
            kind: 'issue',
            fieldId: input.fieldId,
            priority: input.priority,
            newId: queueRepo.nextTicketId(db),
            lastSeqToday: tally.lastSeq,
            issuedToday: tally.issued,
          },
          now,
        );
        const ticket = decision.tickets[0];
        if (!ticket) throw new Error('issue decided no ticket');
        const trackingCode = newTrackingCode();
        writer.persist(decision, actor, { ticket, trackingCode, idempotencyKey: input.idempotencyKey });
        return { ...decision, ticket, trackingCode, created: true };
      });
      return { ...result, ...merge(swept, result) };
    },
  };
}

export type QueueService = ReturnType<typeof createQueueService>;

function merge(into: Outcome, d: Outcome): Outcome {
  return { tickets: [...into.tickets, ...d.tickets], counters: [...into.counters, ...d.counters], events: [...into.events, ...d.events] };
}
