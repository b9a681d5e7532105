import type { Db } from '../db/open-db.ts';
import { DayCells } from './cells.ts';
import { reportRepo } from './report-repo.ts';
import { freshMemory, step, type TicketMemory } from './ticket-fold.ts';

/**
 * A service day's cells computed straight from the event log (and the day's ratings), with the same fold as the
 * live rollups. Used to rebuild rollups for a database from before the reports, and to measure what the rollups
 * save.
 */
export function cellsFromEvents(db: Db, day: string, targetMs: (fieldId: number) => number): DayCells {
  const cells = new DayCells();
  let current = -1;
  let memory: TicketMemory = freshMemory();
  for (const [ticketId, serviceDay, issuedAt, type, at, fieldId, counterId, actorId, fromFieldId] of reportRepo.dayEvents(db, day)) {
    if (ticketId !== current) {
      current = ticketId;
      memory = freshMemory();
    }
    const ticket = { serviceDay, issuedAt };
    const c = step(memory, ticket, { type, at, fieldId, counterId, actorId, fromFieldId });
    if (c) cells.add(ticket, c, targetMs);
  }
  for (const [serviceDay, issuedAt, field, counter, officer, score] of reportRepo.dayRatings(db, day)) {
    cells.addRating({ ticket: { serviceDay, issuedAt }, field, counter: counter ?? 0, officer: officer ?? 0, score });
  }
  return cells;
}

export function targetsOf(db: Db): (fieldId: number) => number {
  const minutes = reportRepo.allTargetMinutes(db);
  return (fieldId) => (minutes.get(fieldId) ?? 30) * 60_000;
}

/** Recomputes the rollups of every service day in `from`..`to` from the event log, one transaction per day. */
export function rebuildRollups(db: Db, from = '0000-01-01', to = '9999-12-31'): number {
  const targetMs = targetsOf(db);
  const days = reportRepo.ticketDays(db, from, to);
  const rebuildDay = db.$client.transaction((day: string) => {
    reportRepo.deleteDay(db, day);
    for (const { dim, key, cell } of cellsFromEvents(db, day, targetMs).cells.values()) reportRepo.addCell(db, day, dim, key, cell);
  });
  for (const day of days) rebuildDay.immediate(day);
  return days.length;
}
