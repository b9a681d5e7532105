import type { OpenDb } from '../../src/db/open-db.ts';
import { queueRepo } from '../../src/db/repositories/queue-repo.ts';
import type { Command } from '../../src/domain/commands.ts';
import { decide } from '../../src/domain/decide.ts';
import { serviceDayOf } from '../../src/domain/time.ts';
import type { Counter, Decision, Ticket } from '../../src/domain/types.ts';
import { DayCells } from '../../src/reports/cells.ts';
import { configuredTargets, foldReportRollups, writeCells } from '../../src/reports/rollup-writer.ts';
import type { Actor } from '../../src/services/actor.ts';
import { createDecisionWriter, type DecisionWriter } from '../../src/services/decision-writer.ts';
import type { Clock } from '../../src/domain/clock.ts';
import type { ConfigCache } from '../../src/db/config-cache.ts';
import { createTrackingCodes } from '../../src/services/tracking-code.ts';
import type { IssueInput, Outcome } from '../../src/services/queue-service.ts';

/** What the simulator needs from a queue: the queue service has this shape, and so has the engine driver. */
export interface QueueDriver {
  issue(input: IssueInput, actor: Actor): Promise<Outcome>;
  run(command: Exclude<Command, { kind: 'issue' }>, actor: Actor): Promise<Outcome>;
  /** Writes what the driver kept for the end of the simulated day, inside the day's transaction. */
  endDay?(): void;
}

const finished = new Set(['done', 'no_show', 'cancelled']);

/**
 * The fast path for long histories: the same engine (`decide`) and the same writer as the queue service
 * (services/decision-writer.ts: tickets, counters, event log, field tallies, report rollups — kept here for
 * the day and written once per day, as the server writes them once per batch), but the slice each command
 * reads comes from memory instead of being queried again. That is safe only because the generator is the
 * file's one writer, so memory and database hold the same state; it skips the ORM-built loading queries that
 * cost about 0.8 ms a command.
 */
export class EngineDriver implements QueueDriver {
  private readonly open = new Map<number, Ticket>();
  private readonly counters: Map<number, Counter>;
  private sweptDay: string | null = null;
  /** The day's report rollups, written once before the day commits (as the server writes a batch's). */
  private rollups = new DayCells();
  private readonly writer: DecisionWriter;
  private readonly newTrackingCode = createTrackingCodes();

  constructor(
    private readonly store: OpenDb,
    private readonly clock: Clock,
    private readonly config: ConfigCache,
  ) {
    this.counters = queueRepo.counters(store.db, config.get().counterLinks);
    const targets = configuredTargets(store.db, config);
    this.writer = createDecisionWriter(store.db, {
      record: (events, tickets, stamp) => this.rollups.merge(foldReportRollups(store.db, events, tickets, stamp, targets)),
    });
    for (const id of queueRepo.staleIds(store.db, '9999-12-31')) {
      const ticket = queueRepo.tickets(store.db, [id]).get(id);
      if (ticket) this.open.set(id, ticket);
    }
  }

  /** Written as the queue service writes it, then remembered for the next command's slice. */
  private persist(decision: Decision, actor: Actor, inserted: Ticket | null): void {
    this.writer.persist(decision, actor, inserted ? { ticket: inserted, trackingCode: this.newTrackingCode(), idempotencyKey: null } : null);
    for (const t of decision.tickets) {
      if (finished.has(t.status)) this.open.delete(t.id);
      else this.open.set(t.id, t);
    }
    for (const c of decision.counters) this.counters.set(c.id, c);
  }

  endDay(): void {
    writeCells(this.store.db, this.rollups);
    this.rollups = new DayCells();
  }

  private slice() {
    const config = this.config.get();
    return { rules: config.rules, fields: config.fields, counters: this.counters, tickets: this.open };
  }

  /** Leftovers of an earlier day are expired before today's first change, as the queue service does. */
  private sweep(now: number): void {
    const day = serviceDayOf(now, this.config.get().rules.dayRollover);
    if (this.sweptDay === day) return;
    for (const t of [...this.open.values()]) {
      if (t.serviceDay < day) this.persist(decide(this.slice(), { kind: 'expire', ticketId: t.id }, now), { kind: 'system' }, null);
    }
    this.sweptDay = day;
  }

  issue(input: IssueInput, actor: Actor): Promise<Outcome> {
    try {
      const now = this.clock.now();
      this.sweep(now);
      const day = serviceDayOf(now, this.config.get().rules.dayRollover);
      const tally = queueRepo.fieldDay(this.store.db, input.fieldId, day);
      const command = { kind: 'issue' as const, fieldId: input.fieldId, priority: input.priority, newId: queueRepo.nextTicketId(this.store.db), lastSeqToday: tally.lastSeq, issuedToday: tally.issued };
      const decision = decide({ ...this.slice(), counters: new Map(), tickets: new Map() }, command, now);
      this.persist(decision, actor, decision.tickets[0] ?? null);
      return Promise.resolve(decision);
    } catch (error) {
      return Promise.reject(error instanceof Error ? error : new Error(String(error)));
    }
  }

  run(command: Exclude<Command, { kind: 'issue' }>, actor: Actor): Promise<Outcome> {
    try {
      const now = this.clock.now();
      this.sweep(now);
      const decision = decide(this.slice(), command, now);
      this.persist(decision, actor, null);
      return Promise.resolve(decision);
    } catch (error) {
      return Promise.reject(error instanceof Error ? error : new Error(String(error)));
    }
  }
}
