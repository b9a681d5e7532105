import type { Db } from '../db/open-db.ts';
import type { BatchParticipant } from '../db/write-batcher.ts';
import { DayCells } from './cells.ts';
import { writeCells } from './rollup-writer.ts';

/**
 * Report rollups of a whole group-commit batch, written once before it commits. Inside a batch item the
 * cells wait with the item and join the batch only if its savepoint commits; outside any batch (the
 * history generator's inline path) they are written at once. Either way they are in the same transaction
 * as the events they come from.
 */
export class RollupBuffer implements BatchParticipant {
  private item: DayCells | null = null;
  private batch = new DayCells();

  constructor(private readonly db: Db) {}

  add(cells: DayCells): void {
    if (this.item) this.item.merge(cells);
    else writeCells(this.db, cells);
  }

  itemStarted(): void {
    this.item = new DayCells();
  }

  itemEnded(committed: boolean): void {
    if (committed && this.item) this.batch.merge(this.item);
    this.item = null;
  }

  batchAborted(): void {
    this.item = null;
    this.batch = new DayCells();
  }

  flush(): void {
    const cells = this.batch;
    this.batch = new DayCells();
    if (cells.size > 0) writeCells(this.db, cells);
  }
}
