import type { Db } from '../db/open-db.ts';
import { DayCells } from '../reports/cells.ts';
import { reportRepo } from '../reports/report-repo.ts';
import { ratingsRepo, type NewRating } from './ratings-repo.ts';

/**
 * Stores a rating and adds it to the report rollups in one transaction (a savepoint inside a caller's), so the
 * reports never count a rating that is not stored, nor miss one that is. False when the ticket was already
 * rated (the unique index decides). The history generator uses this too.
 */
export function saveRating(db: Db, rating: NewRating, ticket: { issuedAt: number }): boolean {
  return db.$client.transaction(() => {
    if (!ratingsRepo.insert(db, rating)) return false;
    const cells = new DayCells();
    cells.addRating({
      ticket: { serviceDay: rating.serviceDay, issuedAt: ticket.issuedAt },
      field: rating.fieldId,
      counter: rating.counterId ?? 0,
      officer: rating.officerId ?? 0,
      score: rating.score,
    });
    for (const { day, dim, key, cell } of cells.cells.values()) reportRepo.addCell(db, day, dim, key, cell);
    return true;
  })();
}
