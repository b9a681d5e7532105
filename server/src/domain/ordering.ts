import type { Counter, FairShare, QueueRules, Ticket } from './types.ts';

/**
 * Which waiting ticket a counter calls next. The chain, applied in this order:
 *  1. class — priority or normal, interleaved by the rules' ratio (weighted fair share, ties go to priority);
 *  2. tickets sent to this very counter (transfer to a counter, return from hold) before the general queue;
 *  3. field — the counter's field order (first field with someone waiting) or weights (lowest served/weight);
 *  4. arrival — earliest `queuedAt`, then lowest id.
 * A class or field with nobody waiting cannot bank credit: its share is reset, so neither side is starved
 * when the other comes back.
 * A priority counter (Decree 107/2021, `priorityMode` other than 'mixed') replaces step 1: while any priority
 * citizen it may call waits it calls priority only; otherwise 'priority_then_normal' calls a normal citizen and
 * 'priority_only' calls only a normal citizen sent to this very counter (a transfer or a return is a deliberate
 * hand-over by a person, and would otherwise wait for ever).
 */
export function eligibleFor(counter: { id: Counter['id']; fields: Counter['fields'] }, ticket: { status: Ticket['status']; targetCounterId: Ticket['targetCounterId']; fieldId: Ticket['fieldId'] }): boolean {
  if (ticket.status !== 'waiting') return false;
  if (ticket.targetCounterId !== null) return ticket.targetCounterId === counter.id;
  return counter.fields.some((f) => f.fieldId === ticket.fieldId);
}

export function byArrival(a: Ticket, b: Ticket): number {
  return a.queuedAt - b.queuedAt || a.id - b.id;
}

export interface Pick {
  ticket: Ticket;
  fair: FairShare;
}

export function pickNext(counter: Counter, waiting: readonly Ticket[], rules: QueueRules): Pick | null {
  const candidates = waiting.filter((t) => eligibleFor(counter, t));
  if (candidates.length === 0) return null;
  const priority = candidates.filter((t) => t.priority !== null);
  const normal = candidates.filter((t) => t.priority === null);
  const { cls, share } =
    counter.priorityMode === 'mixed'
      ? chooseClass(counter.fair, priority.length > 0, normal.length > 0, rules.interleave)
      : { cls: priority.length > 0 ? ('priority' as const) : ('normal' as const), share: { priority: counter.fair.priority, normal: counter.fair.normal } };
  const pool = cls === 'priority' ? priority : counter.priorityMode === 'priority_only' ? normal.filter((t) => t.targetCounterId === counter.id) : normal;
  if (pool.length === 0) return null;

  const targeted = pool.filter((t) => t.targetCounterId === counter.id).sort(byArrival);
  if (targeted[0]) return { ticket: targeted[0], fair: { ...share, fields: counter.fair.fields } };

  const fieldId = chooseField(counter, pool);
  const ticket = pool.filter((t) => t.fieldId === fieldId).sort(byArrival)[0];
  if (!ticket) return null;
  return { ticket, fair: { ...share, fields: countField(counter, pool, fieldId) } };
}

function chooseClass(
  fair: FairShare,
  hasPriority: boolean,
  hasNormal: boolean,
  ratio: QueueRules['interleave'],
): { cls: 'priority' | 'normal'; share: { priority: number; normal: number } } {
  const priorityTurn = fair.priority * ratio.normal <= fair.normal * ratio.priority;
  // One class alone while it is the absent class's turn: that claim lapses, so no credit piles up while the class
  // is away, and a fresh cycle starts. A cycle opens with priority (ties go to it): a lone priority call opens it,
  // a lone normal call leaves it unopened so priority comes first when it returns. A lone class whose turn it is
  // anyway counts as usual below, so a class that comes and goes cannot erode the share of one that keeps waiting.
  if (hasPriority && !hasNormal && !priorityTurn) return { cls: 'priority', share: { priority: 1, normal: 0 } };
  if (hasNormal && !hasPriority && priorityTurn) return { cls: 'normal', share: { priority: 0, normal: 0 } };
  let priority = fair.priority + (priorityTurn ? 1 : 0);
  let normal = fair.normal + (priorityTurn ? 0 : 1);
  // Completed cycles carry no information; subtracting them keeps the numbers small forever.
  while (priority >= ratio.priority && normal >= ratio.normal) {
    priority -= ratio.priority;
    normal -= ratio.normal;
  }
  return { cls: priorityTurn ? 'priority' : 'normal', share: { priority, normal } };
}

function chooseField(counter: Counter, pool: readonly Ticket[]): number | undefined {
  const present = counter.fields
    .filter((f) => pool.some((t) => t.fieldId === f.fieldId))
    .sort((a, b) => a.position - b.position);
  if (counter.policy === 'order') return present[0]?.fieldId;
  let best = present[0];
  for (const f of present) {
    if (best && share(counter, f.fieldId, f.weight) < share(counter, best.fieldId, best.weight)) best = f;
  }
  return best?.fieldId;
}

function share(counter: Counter, fieldId: number, weight: number): number {
  return (counter.fair.fields[fieldId] ?? 0) / Math.max(weight, 1);
}

/** Weighted share after serving `fieldId`; absent fields are raised to the lowest present share. */
function countField(counter: Counter, pool: readonly Ticket[], fieldId: number | undefined): Record<number, number> {
  if (counter.policy === 'order' || fieldId === undefined) return counter.fair.fields;
  const present = counter.fields.filter((f) => pool.some((t) => t.fieldId === f.fieldId));
  const floor = Math.min(...present.map((f) => share(counter, f.fieldId, f.weight)));
  const next: Record<number, number> = {};
  for (const f of counter.fields) {
    const own = counter.fair.fields[f.fieldId] ?? 0;
    const isPresent = present.some((p) => p.fieldId === f.fieldId);
    next[f.fieldId] = isPresent ? own : Math.max(own, floor * Math.max(f.weight, 1));
  }
  next[fieldId] = (next[fieldId] ?? 0) + 1;
  return next;
}
