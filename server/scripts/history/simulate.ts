import type { OpenDb } from '../../src/db/open-db.ts';
import { DomainError } from '../../src/domain/errors.ts';
import { serviceDayStart } from '../../src/domain/time.ts';
import type { Ticket } from '../../src/domain/types.ts';
import { saveRating } from '../../src/feedback/rating-writer.ts';
import type { Actor, StaffActor } from '../../src/services/actor.ts';
import { createConfigCache, type ConfigCache } from '../../src/db/config-cache.ts';
import { createRollupRecorder } from '../../src/reports/rollup-recorder.ts';
import { createQueueService, type Outcome } from '../../src/services/queue-service.ts';
import type { SimCenter } from './center.ts';
import { TimeHeap } from './heap.ts';
import { EngineDriver, type QueueDriver } from './engine-driver.ts';
import { InlineBatcher } from './inline-batcher.ts';
import { Random } from './random.ts';
import { arrivalSlots, monthFactor, priorities, SCHEDULED_HOURS, SimClock, weekdayFactor, type CounterSim, type DayStats, type SimOptions, type Step, afterCallSteps, ratingOf } from './demand.ts';

const MINUTE = 60_000;
const SECOND = 1000;

/**
 * Simulates a center's working days through the real queue service (engine, repositories, event log, field
 * tallies and report rollups): kiosks issue numbers, officers open, call, recall, serve, transfer, hold, mark
 * absent, pause for lunch and close. Every random choice comes from one seeded generator, so a seed replays the
 * same history. The caller opens one transaction per day (see InlineBatcher).
 */
export class HistorySimulator {
  readonly clock = new SimClock();
  readonly queue: QueueDriver;
  private readonly random: Random;
  private readonly demand: Random | null;
  private readonly heap = new TimeHeap<Step>();
  private counters: CounterSim[] = [];
  private commands = 0;
  private refused = 0;
  private openTotal = 0;
  private readonly openedAt = new Map<number, number>();

  constructor(
    private readonly store: OpenDb,
    private readonly center: SimCenter,
    seed: number,
    private readonly options: SimOptions,
  ) {
    this.random = new Random(seed);
    this.demand = options.demandSeed === undefined ? null : new Random(options.demandSeed);
    const config = createConfigCache(store);
    this.queue =
      options.path === 'engine'
        ? new EngineDriver(store, this.clock, config)
        : this.serviceQueue(config);
    this.counters = center.counters.map((c) => ({ id: c.id, fieldIds: c.fieldIds, officer: c.officer, status: 'closed', current: null, closing: false, idle: false, present: true }));
  }

  /** The server's own queue service, its report rollups wired as app.ts wires them. */
  private serviceQueue(config: ConfigCache): QueueDriver {
    const batcher = new InlineBatcher(this.store.sqlite);
    const derived = createRollupRecorder({ db: this.store.db, config, batcher });
    return createQueueService({ store: this.store, clock: this.clock, config, batcher, derived });
  }

  /** Runs one working day inside its own transaction and says what it wrote. */
  async day(day: string): Promise<DayStats> {
    const sqlite = this.store.sqlite;
    this.commands = 0;
    this.refused = 0;
    sqlite.exec('BEGIN IMMEDIATE');
    try {
      const tickets = this.planDay(day);
      while (this.heap.size > 0) {
        const next = this.heap.pop();
        if (!next) break;
        this.clock.ms = next.at;
        await this.perform(next.value);
      }
      this.queue.endDay?.();
      // Every counter must end the day closed and free; one that does not means the simulation lost track of it.
      const open = sqlite.prepare(`SELECT count(*) FROM counters WHERE status != 'closed' OR current_ticket_id IS NOT NULL`).pluck().get() as number;
      if (open > 0 || this.counters.some((c) => c.current !== null || c.status !== 'closed')) throw new Error(`${day}: ${open} counters left open or busy at the end of the day`);
      sqlite.exec('COMMIT');
      return { day, tickets, commands: this.commands, refused: this.refused };
    } catch (error) {
      if (sqlite.inTransaction) sqlite.exec('ROLLBACK');
      throw error;
    }
  }

  private planDay(day: string): number {
    const r = this.random;
    // Who comes, when and for what: its own stream when asked, so two set-ups can be replayed against the same citizens.
    const d = this.demand ?? r;
    const midnight = serviceDayStart(day, '00:00');
    const at = (h: number, m: number) => midnight + (h * 60 + m) * MINUTE;
    const month = Number(day.slice(5, 7)) - 1;
    const weekday = new Date(`${day}T00:00:00Z`).getUTCDay();
    const volume = Math.round(this.options.ticketsPerDay * (weekdayFactor[weekday] ?? 1) * (monthFactor[month] ?? 1) * (1 + 0.08 * d.normal()));
    const slotTotal = arrivalSlots.reduce((a, b) => a + b, 0);
    for (let i = 0; i < volume; i++) {
      let u = d.next() * slotTotal;
      let slot = 0;
      while (slot < arrivalSlots.length - 1 && u >= (arrivalSlots[slot] ?? 0)) u -= arrivalSlots[slot++] ?? 0;
      const time = at(7, 30) + slot * 30 * MINUTE + Math.floor(d.next() * 30 * MINUTE);
      const field = d.weighted(this.center.fields, (f) => f.plan.share);
      const priority = d.chance(this.options.priorityShare ?? 0.08) ? d.weighted(priorities, (p) => p.weight).code : null;
      this.heap.push(time, { kind: 'arrive', fieldId: field.id, priority });
    }
    const officers = [...this.center.substitutes];
    for (const [i, c] of this.counters.entries()) {
      const own = this.center.counters[i]?.officer;
      if (!own) continue;
      // Now and then an officer is away: a stand-in takes the counter, or it stays closed that day.
      c.present = true;
      c.officer = own;
      if (r.chance(0.04)) {
        const stand = officers.shift();
        if (stand) c.officer = { ...stand, counterId: c.id };
        else c.present = false;
      }
      if (!c.present) continue;
      const schedule = this.options.schedule;
      if (schedule) this.planHours(i, c.id, (weekday + 6) % 7, at);
      else this.heap.push(at(7, 30) + r.int(0, 10 * 60) * SECOND, { kind: 'open', counter: c.id });
      this.heap.push(at(11, 30) + r.int(0, 15 * 60) * SECOND, { kind: 'pause', counter: c.id, reason: 'Nghỉ trưa' });
      this.heap.push(at(13, 0) + r.int(0, 20 * 60) * SECOND, { kind: 'resume', counter: c.id });
      if (r.chance(0.3)) {
        const start = r.chance(0.5) ? at(9, 30) : at(14, 30);
        const pauseAt = start + r.int(0, 60 * 60) * SECOND;
        this.heap.push(pauseAt, { kind: 'pause', counter: c.id, reason: r.pick(['Nghỉ giữa giờ', 'Họp', 'Hỗ trợ công dân']) });
        this.heap.push(pauseAt + r.int(5 * 60, 15 * 60) * SECOND, { kind: 'resume', counter: c.id });
      }
      if (!schedule) this.heap.push(at(17, 0) + r.int(0, 10 * 60) * SECOND, { kind: 'close', counter: c.id });
    }
    return volume;
  }

  /**
   * A scheduled counter's opening and closing on the hour, from the schedule's hours of that weekday. No jitter: the
   * plan says when, and the replay checks the plan. Lunch and short pauses still fall on whatever is open then.
   */
  private planHours(index: number, counterId: number, weekday: number, at: (h: number, m: number) => number): void {
    const open = (h: number) => this.options.schedule?.(index, weekday, h) === true;
    for (const h of SCHEDULED_HOURS) {
      if (open(h) && !open(h - 1)) this.heap.push(h === 7 ? at(7, 30) : at(h, 0), { kind: 'open', counter: counterId });
      if (open(h) && !open(h + 1)) this.heap.push(at(h + 1, 0), { kind: 'close', counter: counterId });
    }
  }

  /** Time counters were open (opened → closed, pauses included), summed over the days simulated: counter-hours staffed. */
  get openMs(): number {
    return this.openTotal;
  }

  private counter(id: number): CounterSim {
    const c = this.counters.find((x) => x.id === id);
    if (!c) throw new Error(`no counter ${id}`);
    return c;
  }

  /** Runs a command; a refusal by the engine (queue empty, wrong state) is part of life and is counted. */
  private async attempt(work: () => Promise<Outcome>): Promise<Outcome | null> {
    this.commands++;
    try {
      return await work();
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      this.refused++;
      return null;
    }
  }

  private later(ms: number, step: Step): void {
    this.heap.push(this.clock.ms + Math.max(SECOND, Math.round(ms)), step);
  }

  /** An idle open counter that serves the field comes back to call. */
  private wake(fieldId: number, targetCounter: number | null = null): void {
    const idle = this.counters.find((c) => c.idle && c.status === 'open' && c.current === null && (targetCounter === null ? c.fieldIds.includes(fieldId) : c.id === targetCounter));
    if (!idle) return;
    idle.idle = false;
    this.later(this.random.between(3, 20) * SECOND, { kind: 'tryCall', counter: idle.id });
  }

  /** The counter is free again: it calls the next citizen, closes if it is time, or waits out its pause. */
  private freed(c: CounterSim): void {
    c.current = null;
    if (c.closing) this.later(this.random.between(20, 90) * SECOND, { kind: 'close', counter: c.id });
    else if (c.status === 'open') this.later(this.random.between(5, 25) * SECOND, { kind: 'tryCall', counter: c.id });
  }

  private async perform(step: Step): Promise<void> {
    const r = this.random;
    if (step.kind === 'arrive') {
      const kiosk: Actor = r.pick(this.center.kiosks);
      const out = await this.attempt(() => this.queue.issue({ fieldId: step.fieldId, priority: step.priority, idempotencyKey: null }, kiosk));
      const ticket = out?.tickets.find((t) => t.status === 'waiting');
      if (!ticket) return;
      this.options.onIssued?.(ticket);
      // A few citizens give up and tell the desk, which cancels their number.
      if (r.chance(0.006)) this.later(r.between(20, 90) * MINUTE, { kind: 'cancel', ticketId: ticket.id });
      this.wake(step.fieldId);
      return;
    }
    if (step.kind === 'cancel') {
      // Only someone still waiting can leave: a citizen already at a counter is that officer's to finish.
      if (this.counters.some((c) => c.current?.id === step.ticketId)) return;
      await this.attempt(() => this.queue.run({ kind: 'cancel', ticketId: step.ticketId, reason: 'Công dân về trước' }, this.center.supervisor));
      return;
    }
    const c = this.counter(step.counter);
    const officer = c.officer;
    switch (step.kind) {
      case 'open':
        // Opened again on the hour while still finishing before a close: it simply stays open.
        if (c.status !== 'closed') {
          c.closing = false;
          return;
        }
        if (await this.attempt(() => this.queue.run({ kind: 'open', counterId: c.id }, officer))) {
          c.status = 'open';
          this.openedAt.set(c.id, this.clock.ms);
          this.later(r.between(5, 60) * SECOND, { kind: 'tryCall', counter: c.id });
        }
        return;
      case 'pause':
        // Pausing stops new calls; a citizen already at the desk is still served (a pause mid-service).
        if (c.status === 'open' && (await this.attempt(() => this.queue.run({ kind: 'pause', counterId: c.id, reason: step.reason }, officer)))) c.status = 'paused';
        return;
      case 'resume':
        if (c.status === 'paused' && (await this.attempt(() => this.queue.run({ kind: 'resume', counterId: c.id }, officer)))) {
          c.status = 'open';
          if (c.current === null) this.later(r.between(5, 30) * SECOND, { kind: 'tryCall', counter: c.id });
        }
        return;
      case 'close':
        if (c.status === 'closed') return;
        if (c.current !== null) {
          c.closing = true;
          return;
        }
        if (await this.attempt(() => this.queue.run({ kind: 'close', counterId: c.id }, officer))) {
          c.status = 'closed';
          this.openTotal += this.clock.ms - (this.openedAt.get(c.id) ?? this.clock.ms);
          c.closing = false;
          c.idle = false;
        }
        return;
      case 'tryCall': {
        if (c.status !== 'open' || c.current !== null || c.closing) return;
        const out = await this.attempt(() => this.queue.run({ kind: 'callNext', counterId: c.id }, officer));
        const ticket = out?.tickets[0];
        if (!ticket) {
          c.idle = true;
          return;
        }
        c.current = ticket;
        c.idle = false;
        this.afterCall(c);
        return;
      }
      case 'recall': {
        const out = await this.attempt(() => this.queue.run({ kind: 'recall', counterId: c.id }, officer));
        if (out?.tickets[0]?.status === 'no_show') this.freed(c);
        return;
      }
      case 'noShow':
        if (await this.attempt(() => this.queue.run({ kind: 'noShow', counterId: c.id }, officer))) this.freed(c);
        return;
      case 'start': {
        if (!(await this.attempt(() => this.queue.run({ kind: 'start', counterId: c.id }, officer)))) return;
        const field = this.center.fields.find((f) => f.id === c.current?.fieldId);
        const minutes = Math.min(90, r.logNormal(field?.plan.serviceMinutes ?? 5, 0.55));
        const roll = r.next();
        const transferShare = this.options.transferShare ?? 0.025;
        if (roll < transferShare && this.center.fields.length > 1) this.later(r.between(1, 4) * MINUTE, { kind: 'transfer', counter: c.id });
        else if (roll < transferShare + 0.008) this.later(r.between(1, 3) * MINUTE, { kind: 'hold', counter: c.id });
        else this.later(minutes * MINUTE, { kind: 'finish', counter: c.id });
        return;
      }
      case 'finish': {
        const dossierCode = r.chance(0.7) ? `H12.${r.int(10, 99)}-${String(r.int(1, 99999)).padStart(5, '0')}` : null;
        const ticket = c.current;
        if (!(await this.attempt(() => this.queue.run({ kind: 'finish', counterId: c.id, dossierCode }, officer)))) return;
        if (ticket) this.maybeRate(ticket, c, officer);
        this.freed(c);
        return;
      }
      case 'transfer': {
        const ticket = c.current;
        if (!ticket) return;
        const to = r.pick(this.center.fields.filter((f) => f.id !== ticket.fieldId));
        if (await this.attempt(() => this.queue.run({ kind: 'transfer', ticketId: ticket.id, toFieldId: to.id, toCounterId: null, note: 'Chuyển đúng lĩnh vực' }, officer))) {
          this.freed(c);
          this.wake(to.id);
        }
        return;
      }
      case 'hold': {
        const ticket = c.current;
        if (!ticket) return;
        if (await this.attempt(() => this.queue.run({ kind: 'hold', counterId: c.id, note: 'Bổ sung giấy tờ' }, officer))) {
          this.freed(c);
          this.later(r.between(10, 30) * MINUTE, { kind: 'return', counter: c.id, ticketId: ticket.id });
        }
        return;
      }
      case 'return':
        if (await this.attempt(() => this.queue.run({ kind: 'returnHeld', ticketId: step.ticketId }, officer))) this.wake(0, c.id);
        return;
    }
  }

  /** Some citizens answer the counter screen's question (demand.ts `ratingOf`). */
  private maybeRate(ticket: Ticket, c: CounterSim, officer: StaffActor): void {
    const rating = ratingOf(this.random, ticket, c.id, officer.staffId, this.clock.ms);
    if (rating) saveRating(this.store.db, rating, ticket);
  }

  /** What the called citizen does: comes after a short walk, needs a recall, or never comes (demand.ts). */
  private afterCall(c: CounterSim): void {
    for (const [ms, step] of afterCallSteps(this.random, this.options.noShowShare ?? 0.045, c.id)) this.later(ms, step);
  }
}
