import type Database from 'better-sqlite3';
import { WriteBatcher } from '../../src/db/write-batcher.ts';

/**
 * The generator's stand-in for group commit: each command runs at once in its own savepoint of a transaction
 * the generator opened for the whole simulated day. The server never does this (it would hold the write lock
 * across awaits); here the generator owns the file alone, every await is of an already-settled promise, and one
 * commit per day instead of one per batch is what makes five years fit in minutes.
 */
export class InlineBatcher extends WriteBatcher {
  constructor(private readonly db: Database.Database) {
    super(db);
  }

  override submit<T>(work: () => T): Promise<T> {
    if (!this.db.inTransaction) return Promise.reject(new Error('InlineBatcher needs the caller to open a transaction'));
    try {
      return Promise.resolve(this.db.transaction(work)());
    } catch (error) {
      return Promise.reject(error instanceof Error ? error : new Error(String(error)));
    }
  }
}
