import fc from 'fast-check';
import type { Command } from '../domain/commands.ts';
import { TestWorld, makeCounter, makeField } from './test-world.ts';
import type { Counter, CounterField, FieldConfig, QueueRules, Ticket } from '../domain/types.ts';

/** The random worlds and command sequences the queue engine's property tests (domain/ordering-*.property.test.ts) share. */
export const NUM_RUNS = 200;

export type Ratio = QueueRules['interleave'];
export type Cls = 'priority' | 'normal';

/** Interleave ratios under test, written priority:normal. */
export const RATIOS: readonly Ratio[] = [
  { priority: 1, normal: 2 },
  { priority: 1, normal: 1 },
  { priority: 2, normal: 3 },
  { priority: 2, normal: 1 },
  { priority: 3, normal: 1 },
  { priority: 1, normal: 3 },
];

export const clsOf = (t: Ticket): Cls => (t.priority === null ? 'normal' : 'priority');

/** Who may call a ticket, straight from the rules: sent to a counter → only that one; otherwise any counter of its field. */
export function callableAt(counter: Counter, t: Ticket): boolean {
  if (t.status !== 'waiting') return false;
  return t.targetCounterId === null ? counter.fields.some((f) => f.fieldId === t.fieldId) : t.targetCounterId === counter.id;
}

/** Arrival order: earlier queuedAt, then lower id. */
export const before = (a: Ticket, b: Ticket): boolean => a.queuedAt < b.queuedAt || (a.queuedAt === b.queuedAt && a.id < b.id);

// ---------------------------------------------------------------------------------------------------------------
// Random worlds and command sequences

export interface Config {
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

export const configArb: fc.Arbitrary<Config> = fc.record({
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

export const at = <T,>(xs: readonly T[], i: number): T => {
  const x = xs[i % xs.length];
  if (x === undefined) throw new Error('empty list');
  return x;
};

export function buildWorld(cfg: Config): TestWorld {
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

export type Step =
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

export const stepArb: fc.Arbitrary<Step> = fc.oneof(
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
export const stepsArb = fc.array(stepArb, { minLength: 1, maxLength: 80, size: 'max' });

/** Picks a ticket id, preferring tickets in the given statuses; may pick an id that does not exist. */
export function pickTicket(w: TestWorld, pick: number, statuses: readonly Ticket['status'][]): number {
  const all = [...w.tickets.values()];
  const preferred = all.filter((t) => statuses.includes(t.status));
  const pool = preferred.length > 0 ? preferred : all;
  return pool.length > 0 ? at(pool, pick).id : pick + 1;
}

export function toCommands(w: TestWorld, step: Exclude<Step, { k: 'wait' }>): Command[] {
  if (step.k === 'serve') {
    const counterId = (step.counter % w.counters.size) + 1;
    return [
      { kind: 'finish', counterId, dossierCode: 'HS' },
      { kind: 'callNext', counterId },
    ];
  }
  return [toCommand(w, step)];
}

export function toCommand(w: TestWorld, step: Exclude<Step, { k: 'wait' | 'serve' }>): Command {
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
