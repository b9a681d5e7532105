import type { Db } from '../db/open-db.ts';
import type { ConfigCache } from '../db/config-cache.ts';
import type { DomainEvent, Ticket } from '../domain/types.ts';
import { DayCells } from './cells.ts';
import { reportRepo } from './report-repo.ts';
import { freshMemory, step, type TicketMemory } from './ticket-fold.ts';

/**
 * The report rollups' share of a decision, to be written in the same transaction as its events (the queue
 * service through RollupBuffer, once per batch; the generator once per day). Fold it BEFORE the events are
 * appended: a ticket's memory (first call? when was it called, when did service start?) is folded from its
 * earlier events in the log, so the rollups are derived from the log and nothing else.
 */
export function foldReportRollups(
  db: Db,
  events: readonly DomainEvent[],
  tickets: readonly Ticket[],
  stamp: { actorId: number | null },
  targetMinutes: (fieldId: number) => number,
): DayCells {
  const cells = new DayCells();
  const memories = new Map<number, TicketMemory>();
  const targets = new Map<number, number>();
  const targetMs = (fieldId: number) => {
    let ms = targets.get(fieldId);
    if (ms === undefined) {
      ms = targetMinutes(fieldId) * 60_000;
      targets.set(fieldId, ms);
    }
    return ms;
  };
  for (const e of events) {
    if (e.ticketId === null) continue;
    const ticket = tickets.find((t) => t.id === e.ticketId);
    if (!ticket) continue;
    let memory = memories.get(ticket.id);
    if (!memory) {
      memory = freshMemory();
      if (e.type !== 'issued') {
        for (const prior of reportRepo.priorEvents(db, ticket.id)) step(memory, ticket, { ...prior, fromFieldId: null });
      }
      memories.set(ticket.id, memory);
    }
    const fromFieldId = e.type === 'transferred' ? e.data.fromFieldId : null;
    const c = step(memory, ticket, { type: e.type, at: e.at, fieldId: e.fieldId, counterId: e.counterId, actorId: stamp.actorId, fromFieldId });
    if (c) cells.add(ticket, c, targetMs);
  }
  return cells;
}

export function writeCells(db: Db, cells: DayCells): void {
  for (const { day, dim, key, cell } of cells.cells.values()) reportRepo.addCell(db, day, dim, key, cell);
}

/** Fields' target waits from the cached configuration; a field deactivated since is read from its row. */
export function configuredTargets(db: Db, config: ConfigCache): (fieldId: number) => number {
  return (fieldId) => config.get().fieldRows.find((f) => f.id === fieldId)?.targetWaitMinutes ?? reportRepo.targetMinutes(db, fieldId);
}
