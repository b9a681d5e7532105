import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Command } from './commands.ts';
import { DomainError } from './errors.ts';
import { MINUTE, TestWorld, makeCounter, makeField } from '../test-support/test-world.ts';
import type { Counter, CounterField, FieldConfig, QueueRules, Ticket } from './types.ts';

const NUM_RUNS = 200;

type Ratio = QueueRules['interleave'];
type Cls = 'priority' | 'normal';

/** Interleave ratios under test, written priority:normal. */
const RATIOS: readonly Ratio[] = [
  { priority: 1, normal: 2 },
  { priority: 1, normal: 1 },
  { priority: 2, normal: 3 },
  { priority: 2, normal: 1 },
  { priority: 3, normal: 1 },
  { priority: 1, normal: 3 },
];

const clsOf = (t: Ticket): Cls => (t.priority === null ? 'normal' : 'priority');

/** Who may call a ticket, straight from the rules: sent to a counter → only that one; otherwise any counter of its field. */
function callableAt(counter: Counter, t: Ticket): boolean {
  if (t.status !== 'waiting') return false;
  return t.targetCounterId === null ? counter.fields.some((f) => f.fieldId === t.fieldId) : t.targetCounterId === counter.id;
}

/** Arrival order: earlier queuedAt, then lower id. */
const before = (a: Ticket, b: Ticket): boolean => a.queuedAt < b.queuedAt || (a.queuedAt === b.queuedAt && a.id < b.id);

// ---------------------------------------------------------------------------------------------------------------
// Random worlds and command sequences

interface Config {
  fieldCount: number;
  counterCount: number;
  served: number[];
  policies: Array<'order' | 'weights'>;
  reversed: boolean[];
  weights: number[];
  interleave: Ratio;
  maxRecalls: number;
  keepArrivalOnTransfer: boolean;
  startNumbers: number[];
  dailyLimits: Array<number | null>;
}

const configArb: fc.Arbitrary<Config> = fc.record({
  fieldCount: fc.integer({ min: 1, max: 3 }),
  counterCount: fc.integer({ min: 1, max: 3 }),
  served: fc.array(fc.integer({ min: 0, max: 7 }), { minLength: 3, maxLength: 3 }),
  policies: fc.array(fc.constantFrom('order' as const, 'weights' as const), { minLength: 3, maxLength: 3 }),
  reversed: fc.array(fc.boolean(), { minLength: 3, maxLength: 3 }),
  weights: fc.array(fc.integer({ min: 1, max: 3 }), { minLength: 9, maxLength: 9 }),
  interleave: fc.constantFrom(...RATIOS),
  maxRecalls: fc.integer({ min: 0, max: 2 }),
  keepArrivalOnTransfer: fc.boolean(),
  startNumbers: fc.array(fc.constantFrom(1, 100, 500), { minLength: 3, maxLength: 3 }),
  dailyLimits: fc.array(fc.option(fc.integer({ min: 5, max: 15 }), { nil: null }), { minLength: 3, maxLength: 3 }),
});

const at = <T,>(xs: readonly T[], i: number): T => {
  const x = xs[i % xs.length];
  if (x === undefined) throw new Error('empty list');
  return x;
};

function buildWorld(cfg: Config): TestWorld {
  const fieldIds = Array.from({ length: cfg.fieldCount }, (_, i) => i + 1);
  const fields: FieldConfig[] = fieldIds.map((id) =>
    makeField(id, { startNumber: at(cfg.startNumbers, id - 1), dailyLimit: at(cfg.dailyLimits, id - 1) }),
  );
  // Each counter serves the fields in its bit mask; a field nobody serves goes to some counter.
  const servedBy = Array.from({ length: cfg.counterCount }, (_, c) => fieldIds.filter((f) => (at(cfg.served, c) >> (f - 1)) & 1));
  for (const f of fieldIds) {
    if (!servedBy.some((s) => s.includes(f))) at(servedBy, f - 1).push(f);
  }
  const counters = servedBy.map((own, c) => {
    const ordered = [...own].sort((a, b) => a - b);
    if (at(cfg.reversed, c)) ordered.reverse();
    const cf: CounterField[] = ordered.map((fieldId, position) => ({ fieldId, position, weight: at(cfg.weights, c * 3 + fieldId - 1) }));
    return makeCounter(c + 1, cf, { policy: at(cfg.policies, c) });
  });
  return new TestWorld({
    fields,
    counters,
    rules: { interleave: cfg.interleave, maxRecalls: cfg.maxRecalls, keepArrivalOnTransfer: cfg.keepArrivalOnTransfer },
  });
}

type Step =
  | { k: 'issue'; field: number; priority: boolean }
  | { k: 'callNext'; counter: number }
  /** Finish whatever is at the desk, then call the next: the everyday rhythm of a counter. */
  | { k: 'serve'; counter: number }
  | { k: 'desk'; counter: number; action: 'finish' | 'noShow' | 'recall' | 'start' | 'hold' }
  | { k: 'return'; pick: number }
  | { k: 'transferField'; pick: number; field: number }
  | { k: 'transferCounter'; pick: number; counter: number }
  | { k: 'cancel'; pick: number }
  | { k: 'counterState'; counter: number; action: 'pause' | 'resume' | 'open' | 'close' }
  | { k: 'wait'; minutes: number };

const stepArb: fc.Arbitrary<Step> = fc.oneof(
  { weight: 8, arbitrary: fc.record({ k: fc.constant('issue'), field: fc.nat(2), priority: fc.boolean() }) },
  { weight: 4, arbitrary: fc.record({ k: fc.constant('callNext'), counter: fc.nat(2) }) },
  { weight: 6, arbitrary: fc.record({ k: fc.constant('serve'), counter: fc.nat(2) }) },
  {
    weight: 8,
    arbitrary: fc.record({
      k: fc.constant('desk'),
      counter: fc.nat(2),
      action: fc.constantFrom('finish' as const, 'finish' as const, 'noShow' as const, 'recall' as const, 'start' as const, 'hold' as const),
    }),
  },
  { weight: 2, arbitrary: fc.record({ k: fc.constant('return'), pick: fc.nat(20) }) },
  { weight: 1, arbitrary: fc.record({ k: fc.constant('transferField'), pick: fc.nat(20), field: fc.nat(2) }) },
  { weight: 1, arbitrary: fc.record({ k: fc.constant('transferCounter'), pick: fc.nat(20), counter: fc.nat(2) }) },
  { weight: 1, arbitrary: fc.record({ k: fc.constant('cancel'), pick: fc.nat(20) }) },
  {
    weight: 1,
    arbitrary: fc.record({
      k: fc.constant('counterState'),
      counter: fc.nat(2),
      // Reopening is likelier than closing, so counters are not all shut for most of a run.
      action: fc.constantFrom('pause' as const, 'resume' as const, 'resume' as const, 'open' as const, 'open' as const, 'close' as const),
    }),
  },
  { weight: 1, arbitrary: fc.record({ k: fc.constant('wait'), minutes: fc.oneof(fc.integer({ min: 1, max: 5 }), fc.integer({ min: 600, max: 1440 })) }) },
);

// size 'max': without it fast-check keeps arrays around 10 long, too short to reach recalls or a drained queue.
const stepsArb = fc.array(stepArb, { minLength: 1, maxLength: 80, size: 'max' });

/** Picks a ticket id, preferring tickets in the given statuses; may pick an id that does not exist. */
function pickTicket(w: TestWorld, pick: number, statuses: readonly Ticket['status'][]): number {
  const all = [...w.tickets.values()];
  const preferred = all.filter((t) => statuses.includes(t.status));
  const pool = preferred.length > 0 ? preferred : all;
  return pool.length > 0 ? at(pool, pick).id : pick + 1;
}

function toCommands(w: TestWorld, step: Exclude<Step, { k: 'wait' }>): Command[] {
  if (step.k === 'serve') {
    const counterId = (step.counter % w.counters.size) + 1;
    return [
      { kind: 'finish', counterId, dossierCode: 'HS' },
      { kind: 'callNext', counterId },
    ];
  }
  return [toCommand(w, step)];
}

function toCommand(w: TestWorld, step: Exclude<Step, { k: 'wait' | 'serve' }>): Command {
  const fieldCount = w.fields.size;
  const counterCount = w.counters.size;
  const counterId = (n: number): number => (n % counterCount) + 1;
  const active = ['waiting', 'called', 'serving', 'held'] as const;
  switch (step.k) {
    case 'issue':
      return w.issueCommand((step.field % fieldCount) + 1, step.priority ? 'elderly' : null);
    case 'callNext':
      return { kind: 'callNext', counterId: counterId(step.counter) };
    case 'desk': {
      const id = counterId(step.counter);
      if (step.action === 'finish') return { kind: 'finish', counterId: id, dossierCode: null };
      if (step.action === 'hold') return { kind: 'hold', counterId: id, note: null };
      return { kind: step.action, counterId: id };
    }
    case 'return':
      return { kind: 'returnHeld', ticketId: pickTicket(w, step.pick, ['held']) };
    case 'transferField':
      return { kind: 'transfer', ticketId: pickTicket(w, step.pick, active), toFieldId: (step.field % fieldCount) + 1, toCounterId: null, note: 'chuyển' };
    case 'transferCounter':
      return { kind: 'transfer', ticketId: pickTicket(w, step.pick, active), toFieldId: null, toCounterId: counterId(step.counter), note: null };
    case 'cancel':
      return { kind: 'cancel', ticketId: pickTicket(w, step.pick, active), reason: null };
    case 'counterState':
      return step.action === 'pause'
        ? { kind: 'pause', counterId: counterId(step.counter), reason: 'nghỉ' }
        : { kind: step.action, counterId: counterId(step.counter) };
  }
}

/** A successful callNext, with what the world looked like just before it. */
interface CallRecord {
  counter: Counter;
  picked: Ticket;
  waitingBefore: Ticket[];
}

interface Trace {
  world: TestWorld;
  calls: CallRecord[];
  issued: number[];
  /** Tickets held or transferred at any point. */
  moved: Set<number>;
}

/**
 * Runs the steps. Refused commands must leave the world exactly as it was, and callNext may only say the
 * queue is empty when nobody it could call is waiting. `afterStep` runs after every accepted command.
 */
function simulate(w: TestWorld, steps: readonly Step[], afterStep: (w: TestWorld) => void = () => {}): Trace {
  const trace: Trace = { world: w, calls: [], issued: [], moved: new Set() };
  for (const step of steps) {
    w.advance(1000);
    if (step.k === 'wait') {
      w.advance(step.minutes * MINUTE);
      continue;
    }
    for (const command of toCommands(w, step)) run(w, command, trace, afterStep);
  }
  return trace;
}

/** One command with the checks every command gets; a successful callNext is recorded in the trace. */
function run(w: TestWorld, command: Command, trace: Trace, afterStep: (w: TestWorld) => void): void {
  const snapshot = w.snapshot();
  const waitingBefore = [...w.tickets.values()].filter((t) => t.status === 'waiting');
  const counterBefore = command.kind === 'callNext' ? w.counters.get(command.counterId) : undefined;
  const result = w.attempt(command);
  if (result instanceof DomainError) {
    expect(w.snapshot(), `${command.kind} refused with ${result.code} changed the world`).toEqual(snapshot);
    if (result.code === 'QUEUE_EMPTY' && counterBefore) {
      expect(waitingBefore.filter((t) => callableAt(counterBefore, t)), 'QUEUE_EMPTY while someone waits for this counter').toEqual([]);
    }
    return;
  }
  if (command.kind === 'callNext' && counterBefore) {
    const calledEvent = result.events.find((e) => e.type === 'called');
    const picked = waitingBefore.find((t) => t.id === calledEvent?.ticketId);
    if (!picked) throw new Error(`callNext picked ticket ${String(calledEvent?.ticketId)}, which was not waiting`);
    trace.calls.push({ counter: counterBefore, picked, waitingBefore });
  }
  for (const e of result.events) {
    if ((e.type === 'held' || e.type === 'transferred') && e.ticketId !== null) trace.moved.add(e.ticketId);
    if (e.type === 'issued' && e.ticketId !== null) trace.issued.push(e.ticketId);
  }
  afterStep(w);
}

/** Structural invariants of the desk: one current ticket per counter, each at exactly one counter. */
function checkDesks(w: TestWorld): void {
  const currents = [...w.counters.values()].flatMap((c) => (c.currentTicketId === null ? [] : [[c.id, c.currentTicketId] as const]));
  const ids = currents.map(([, id]) => id);
  expect(new Set(ids).size, 'a ticket is current at two counters').toBe(ids.length);
  for (const [counterId, ticketId] of currents) {
    const t = w.tickets.get(ticketId);
    expect(t?.status === 'called' || t?.status === 'serving', `current ticket ${ticketId} is ${String(t?.status)}`).toBe(true);
    expect(t?.counterId).toBe(counterId);
  }
  for (const t of w.tickets.values()) {
    if (t.status === 'called' || t.status === 'serving') expect(ids, `ticket ${t.id} is ${t.status} at no counter`).toContain(t.id);
  }
}

const STATUSES: readonly Ticket['status'][] = ['waiting', 'called', 'serving', 'held', 'done', 'no_show', 'cancelled'];

/** Returns held tickets, reopens every counter, then calls and finishes until nobody waits. */
function drain(w: TestWorld): number[] {
  for (const t of [...w.tickets.values()]) if (t.status === 'held') w.apply({ kind: 'returnHeld', ticketId: t.id });
  for (const c of [...w.counters.values()]) {
    if (c.status === 'paused') w.apply({ kind: 'resume', counterId: c.id });
    if (c.status === 'closed') w.apply({ kind: 'open', counterId: c.id });
  }
  const called: number[] = [];
  const waiting = (): number => [...w.tickets.values()].filter((t) => t.status === 'waiting').length;
  const limit = waiting() + 2;
  for (let round = 0; waiting() > 0; round++) {
    if (round > limit) throw new Error(`queue does not drain: ${waiting()} still waiting`);
    for (const id of w.counters.keys()) {
      w.advance(1000);
      if (w.counter(id).currentTicketId !== null) w.apply({ kind: 'finish', counterId: id, dossierCode: null });
      const r = w.attempt({ kind: 'callNext', counterId: id });
      if (r instanceof DomainError) expect(r.code).toBe('QUEUE_EMPTY');
      else called.push(w.counter(id).currentTicketId ?? -1);
    }
  }
  for (const id of w.counters.keys()) {
    if (w.counter(id).currentTicketId !== null) w.apply({ kind: 'finish', counterId: id, dossierCode: null });
  }
  return called;
}

/** Consecutive-call runs of one class at one counter, counting only calls made while both classes waited for it. */
function checkInterleave(calls: readonly CallRecord[], ratio: Ratio): void {
  const runs = new Map<number, { cls: Cls; length: number }>();
  for (const call of calls) {
    const mine = call.waitingBefore.filter((t) => callableAt(call.counter, t));
    const both = mine.some((t) => t.priority !== null) && mine.some((t) => t.priority === null);
    if (!both) {
      runs.delete(call.counter.id);
      continue;
    }
    const cls = clsOf(call.picked);
    const run = runs.get(call.counter.id);
    const length = run && run.cls === cls ? run.length + 1 : 1;
    runs.set(call.counter.id, { cls, length });
    expect(length, `${length} ${cls} calls in a row at counter ${call.counter.id} with ratio ${ratio.priority}:${ratio.normal}`).toBeLessThanOrEqual(ratio[cls]);
  }
}

describe('queue engine properties (random command sequences)', () => {
  it('(a) no ticket is current at two counters, and callNext only picks a waiting ticket it may call', () => {
    fc.assert(
      fc.property(configArb, stepsArb, (cfg, steps) => {
        const trace = simulate(buildWorld(cfg), steps, checkDesks);
        for (const call of trace.calls) {
          expect(call.picked.status).toBe('waiting');
          expect(callableAt(call.counter, call.picked), `counter ${call.counter.id} called ticket ${call.picked.id} it may not call`).toBe(true);
        }
      }),
      { numRuns: NUM_RUNS },
    );
  });

  it('(b) no ticket is lost, and once issuing stops the queue drains', () => {
    fc.assert(
      fc.property(configArb, stepsArb, (cfg, steps) => {
        const { world: w, issued } = simulate(buildWorld(cfg), steps);
        expect([...w.tickets.keys()].sort((a, b) => a - b)).toEqual([...issued].sort((a, b) => a - b));
        expect(new Set(issued).size).toBe(issued.length);
        for (const t of w.tickets.values()) expect(STATUSES).toContain(t.status);
        checkDesks(w);

        const pending = [...w.tickets.values()].filter((t) => t.status === 'waiting' || t.status === 'held').map((t) => t.id);
        const called = drain(w);
        expect([...called].sort((a, b) => a - b)).toEqual(pending.sort((a, b) => a - b));
        for (const t of w.tickets.values()) expect(['done', 'no_show', 'cancelled']).toContain(t.status);
        checkDesks(w);
      }),
      { numRuns: NUM_RUNS },
    );
  });

  it('(c) FIFO within a class and field for tickets in the general queue', () => {
    fc.assert(
      fc.property(configArb, stepsArb, (cfg, steps) => {
        const { calls, moved } = simulate(buildWorld(cfg), steps);
        for (const { picked, waitingBefore } of calls) {
          if (picked.targetCounterId !== null) continue;
          // Whoever a counter takes from the general queue, nobody of the same class and field arrived before.
          const skipped = waitingBefore.filter(
            (t) => t.targetCounterId === null && t.fieldId === picked.fieldId && clsOf(t) === clsOf(picked) && before(t, picked),
          );
          expect(skipped.map((t) => t.id), `ticket ${picked.id} called before earlier arrivals`).toEqual([]);
        }
        // Literally: tickets never transferred or held are called in queuedAt order within a class and field.
        const seen = new Map<string, Ticket>();
        for (const { picked } of calls) {
          if (moved.has(picked.id)) continue;
          const key = `${picked.fieldId}/${clsOf(picked)}`;
          const last = seen.get(key);
          if (last) expect(before(last, picked), `ticket ${picked.id} called after later ticket ${last.id}`).toBe(true);
          seen.set(key, picked);
        }
      }),
      { numRuns: NUM_RUNS },
    );
  });

  it('(d) interleave ratio holds at every counter of a random world', () => {
    fc.assert(
      fc.property(configArb, stepsArb, (cfg, steps) => {
        const { calls } = simulate(buildWorld(cfg), steps);
        checkInterleave(calls, cfg.interleave);
      }),
      { numRuns: NUM_RUNS },
    );
  });

  it('(f) numbers are unique per issuing field and service day, consecutive from the start number', () => {
    fc.assert(
      fc.property(configArb, stepsArb, (cfg, steps) => {
        const { world: w } = simulate(buildWorld(cfg), steps);
        const series = new Map<string, Ticket[]>();
        for (const t of w.tickets.values()) {
          const fieldId = w.issuedIn.get(t.id);
          const key = `${String(fieldId)}/${t.serviceDay}`;
          series.set(key, [...(series.get(key) ?? []), t]);
        }
        for (const [key, tickets] of series) {
          const field = w.fields.get(Number(key.split('/')[0]));
          if (!field) throw new Error(`ticket issued in unknown field ${key}`);
          const sorted = [...tickets].sort((a, b) => a.id - b.id);
          expect(sorted.map((t) => t.seq)).toEqual(sorted.map((_, i) => field.startNumber + i));
          expect(new Set(sorted.map((t) => t.number)).size).toBe(sorted.length);
          for (const t of sorted) {
            expect(t.number.startsWith(field.prefix)).toBe(true);
            expect(Number(t.number.slice(field.prefix.length))).toBe(t.seq);
            expect(t.number.length).toBeGreaterThanOrEqual(field.prefix.length + field.width);
          }
          if (field.dailyLimit !== null) expect(sorted.length).toBeLessThanOrEqual(field.dailyLimit);
        }
      }),
      { numRuns: NUM_RUNS },
    );
  });
});

// ---------------------------------------------------------------------------------------------------------------
// One counter, one field: the interleave ratio and the wait bound

type SimpleStep = 'normal' | 'priority' | 'serve';
/**
 * Each run draws its own mix, so some runs flood one class while the other trickles in and keeps vanishing —
 * the case where a class that comes and goes could erode the share of one that keeps waiting.
 */
const simpleStepsArb: fc.Arbitrary<SimpleStep[]> = fc
  .tuple(fc.integer({ min: 0, max: 6 }), fc.integer({ min: 0, max: 6 }), fc.integer({ min: 1, max: 6 }))
  .chain(([normal, priority, serve]) =>
    fc.array(
      fc.oneof(
        { weight: normal, arbitrary: fc.constant<SimpleStep>('normal') },
        { weight: priority, arbitrary: fc.constant<SimpleStep>('priority') },
        { weight: serve, arbitrary: fc.constant<SimpleStep>('serve') },
      ),
      { minLength: 1, maxLength: 150, size: 'max' },
    ),
  );

function singleCounter(ratio: Ratio): TestWorld {
  return new TestWorld({ fields: [makeField(1)], counters: [makeCounter(1, [1])], rules: { interleave: ratio } });
}

/** Finishes the current ticket, if any, and calls the next; returns the called ticket or null if nobody waits. */
function serve(w: TestWorld): Ticket | null {
  w.advance(1000);
  if (w.counter(1).currentTicketId !== null) w.apply({ kind: 'finish', counterId: 1, dossierCode: null });
  const r = w.attempt({ kind: 'callNext', counterId: 1 });
  if (r instanceof DomainError) {
    expect(r.code).toBe('QUEUE_EMPTY');
    return null;
  }
  return w.current(1);
}

describe('one counter, one field', () => {
  it('(d) never more consecutive calls of one class than its share of the ratio while both classes wait', () => {
    fc.assert(
      fc.property(fc.constantFrom(...RATIOS), simpleStepsArb, (ratio, steps) => {
        const w = singleCounter(ratio);
        const calls: CallRecord[] = [];
        const callOne = (): boolean => {
          const waitingBefore = [...w.tickets.values()].filter((t) => t.status === 'waiting');
          const counter = w.counter(1);
          const called = serve(w);
          if (!called) return false;
          const picked = waitingBefore.find((t) => t.id === called.id);
          if (!picked) throw new Error('called a ticket that was not waiting');
          calls.push({ counter, picked, waitingBefore });
          return true;
        };
        for (const step of steps) {
          w.advance(1000);
          if (step === 'serve') callOne();
          else w.issue(1, step === 'priority' ? 'elderly' : null);
        }
        while (callOne());
        checkInterleave(calls, ratio);
      }),
      { numRuns: NUM_RUNS },
    );
  });

  it('(e) a ticket with k of its class ahead is called within (k+1) + other·ceil((k+1)/own) + other calls', () => {
    fc.assert(
      fc.property(fc.constantFrom(...RATIOS), simpleStepsArb, (ratio, steps) => {
        const w = singleCounter(ratio);
        const pending = new Map<number, { bound: number; calls: number }>();
        const callOne = (): boolean => {
          const called = serve(w);
          if (!called) return false;
          for (const p of pending.values()) p.calls++;
          const mine = pending.get(called.id);
          if (!mine) throw new Error(`ticket ${called.id} called twice or never issued`);
          expect(mine.calls, `ticket ${called.id} (${String(called.priority)}) waited ${mine.calls} calls, bound ${mine.bound}`).toBeLessThanOrEqual(mine.bound);
          pending.delete(called.id);
          return true;
        };
        for (const step of steps) {
          w.advance(1000);
          if (step === 'serve') {
            callOne();
            continue;
          }
          const cls: Cls = step;
          const k = [...w.tickets.values()].filter((t) => t.status === 'waiting' && clsOf(t) === cls).length;
          const own = ratio[cls];
          const other = ratio[cls === 'priority' ? 'normal' : 'priority'];
          const t = w.issue(1, cls === 'priority' ? 'elderly' : null);
          pending.set(t.id, { bound: k + 1 + other * Math.ceil((k + 1) / own) + other, calls: 0 });
        }
        while (callOne());
        // No starvation: everyone issued was called.
        expect([...pending.keys()]).toEqual([]);
      }),
      { numRuns: NUM_RUNS },
    );
  });
});

describe('weights policy', () => {
  it('(g) two fields weighted 2:1, both always waiting, split 30 calls 20:10 ±1', () => {
    fc.assert(
      fc.property(
        fc.boolean(),
        fc.boolean(),
        fc.integer({ min: 0, max: 8 }),
        fc.boolean(),
        (heavyFirst, heavyIsOne, prelude, preludeHeavy) => {
          const heavy = heavyIsOne ? 1 : 2;
          const light = heavyIsOne ? 2 : 1;
          const cf: CounterField[] = [
            { fieldId: heavy, position: heavyFirst ? 0 : 1, weight: 2 },
            { fieldId: light, position: heavyFirst ? 1 : 0, weight: 1 },
          ];
          const w = new TestWorld({ fields: [makeField(1), makeField(2)], counters: [makeCounter(1, cf, { policy: 'weights' })] });
          // Some calls while only one field has people: that field must not bank credit against the other.
          for (let i = 0; i < prelude; i++) w.issue(preludeHeavy ? heavy : light);
          while (serve(w));
          for (let i = 0; i < 35; i++) {
            w.advance(1000);
            w.issue(heavy);
            w.issue(light);
          }
          const count = { heavy: 0, light: 0 };
          for (let i = 0; i < 30; i++) {
            const t = serve(w);
            if (!t) throw new Error('queue ran dry');
            if (t.fieldId === heavy) count.heavy++;
            else count.light++;
          }
          expect(Math.abs(count.heavy - 20), `split ${count.heavy}:${count.light}`).toBeLessThanOrEqual(1);
        },
      ),
      { numRuns: NUM_RUNS },
    );
  });
});
