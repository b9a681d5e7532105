import { randomBytes } from 'node:crypto';
import type { Command } from '../domain/commands.ts';
import { decide } from '../domain/decide.ts';
import { serviceDayOf } from '../domain/time.ts';
import type { Counter, Decision, DomainEvent, QueueSlice, Ticket } from '../domain/types.ts';
import type { OpenDb } from '../db/open-db.ts';
import { queueRepo } from '../db/repositories/queue-repo.ts';
import { settingsRepo } from '../db/repositories/settings-repo.ts';
import { stampOf, type Actor } from './actor.ts';
import type { Clock } from './clock.ts';

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

const empty: Outcome = { tickets: [], counters: [], events: [] };

/**
 * Load → decide → persist in one synchronous SQLite transaction, then hand back the events.
 * Nothing here broadcasts or prints: callers announce only what this returned, after the commit.
 */
export function createQueueService(deps: { store: OpenDb; clock: Clock }) {
  const { db, sqlite } = deps.store;
  let sweptDay: string | null = null;

  function persist(decision: Decision, actor: Actor): void {
    for (const t of decision.tickets) queueRepo.updateTicket(db, t);
    for (const c of decision.counters) queueRepo.updateCounter(db, c);
    queueRepo.appendEvents(db, decision.events, stampOf(actor));
  }

  function slice(ticketIds: readonly number[], extra: readonly Ticket[] = []): QueueSlice {
    const tickets = queueRepo.tickets(db, ticketIds);
    for (const t of extra) tickets.set(t.id, t);
    return { rules: settingsRepo.rules(db), fields: queueRepo.fields(db), counters: queueRepo.counters(db), tickets };
  }

  /** Tickets left unfinished on an earlier service day are expired once, before today's first change. */
  function sweep(now: number, serviceDay: string): Outcome {
    if (sweptDay === serviceDay) return empty;
    const out: Outcome = { tickets: [], counters: [], events: [] };
    for (const id of queueRepo.staleIds(db, serviceDay)) {
      const decision = decide(slice([id]), { kind: 'expire', ticketId: id }, now);
      persist(decision, { kind: 'system' });
      merge(out, decision);
    }
    sweptDay = serviceDay;
    return out;
  }

  function ticketsFor(command: Command, serviceDay: string): { ids: number[]; waiting: Ticket[] } {
    const counters = queueRepo.counters(db);
    const counterId = 'counterId' in command ? command.counterId : null;
    const counter = counterId === null ? undefined : counters.get(counterId);
    const ids: number[] = [];
    if ('ticketId' in command) ids.push(command.ticketId);
    if (counter?.currentTicketId) ids.push(counter.currentTicketId);
    const waiting = command.kind === 'callNext' && counter ? queueRepo.waitingFor(db, counter, serviceDay) : [];
    return { ids, waiting };
  }

  return {
    run(command: Exclude<Command, { kind: 'issue' }>, actor: Actor): Outcome {
      const now = deps.clock.now();
      return sqlite
        .transaction(() => {
          const serviceDay = serviceDayOf(now, settingsRepo.rules(db).dayRollover);
          const swept = sweep(now, serviceDay);
          const { ids, waiting } = ticketsFor(command, serviceDay);
          const decision = decide(slice(ids, waiting), command, now);
          persist(decision, actor);
          return merge(merge({ tickets: [], counters: [], events: [] }, swept), decision);
        })
        .immediate();
    },

    issue(input: IssueInput, actor: Actor): IssueOutcome {
      const now = deps.clock.now();
      const deviceId = actor.kind === 'device' ? actor.deviceId : null;
      return sqlite
        .transaction((): IssueOutcome => {
          if (deviceId !== null && input.idempotencyKey !== null) {
            const earlier = queueRepo.byIdempotencyKey(db, deviceId, input.idempotencyKey);
            if (earlier) return { ...empty, ...earlier, created: false };
          }
          const rules = settingsRepo.rules(db);
          const serviceDay = serviceDayOf(now, rules.dayRollover);
          const swept = sweep(now, serviceDay);
          const tally = queueRepo.dayTally(db, input.fieldId, serviceDay);
          const decision = decide(
            { rules, fields: queueRepo.fields(db), counters: new Map(), tickets: new Map() },
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
          const trackingCode = randomBytes(12).toString('base64url');
          queueRepo.insertTicket(db, ticket, { trackingCode, idempotencyKey: input.idempotencyKey, deviceId });
          queueRepo.appendEvents(db, decision.events, stampOf(actor));
          const out = merge(merge({ tickets: [], counters: [], events: [] }, swept), decision);
          return { ...out, ticket, trackingCode, created: true };
        })
        .immediate();
    },
  };
}

export type QueueService = ReturnType<typeof createQueueService>;

function merge(into: Outcome, d: Outcome): Outcome {
  into.tickets.push(...d.tickets);
  into.counters.push(...d.counters);
  into.events.push(...d.events);
  return into;
}
