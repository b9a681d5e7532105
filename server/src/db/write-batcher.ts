import type Database from 'better-sqlite3';

/**
 * Something that gathers derived writes while a batch runs and writes them once, just before the batch commits
 * (the report rollups: thirty tickets of one field in one batch are one row update, not thirty). Its share of
 * an item that rolls back is dropped with the item.
 */
export interface BatchParticipant {
  itemStarted(): void;
  itemEnded(committed: boolean): void;
  /** Runs inside the batch's transaction after the last item; a throw rolls the whole batch back. */
  flush(): void;
  /** The batch did not commit (disk full, I/O error): forget what its items added. */
  batchAborted(): void;
}

interface Pending {
  work: () => unknown;
  resolve: (value: unknown) => void;
  reject: (error: unknown) => void;
}

/**
 * Group commit. Writes that arrive in the same turn of the event loop run in ONE immediate transaction,
 * each inside its own savepoint, so a refused command rolls back alone while the rest commit together.
 * One fsync then covers the whole batch: with synchronous=FULL the disk flush, not the engine, is what
 * limits a busy morning, and batching keeps every ticket durable before anyone hears about it.
 * Callers get their result only after the batch has committed.
 */
export class WriteBatcher {
  private pending: Pending[] = [];
  private scheduled = false;
  private readonly participants: BatchParticipant[] = [];

  constructor(private readonly sqlite: Database.Database) {}

  join(participant: BatchParticipant): void {
    this.participants.push(participant);
  }

  submit<T>(work: () => T): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      this.pending.push({ work, resolve: resolve as (v: unknown) => void, reject });
      if (!this.scheduled) {
        this.scheduled = true;
        setImmediate(() => this.flush());
      }
    });
  }

  private flush(): void {
    this.scheduled = false;
    const batch = this.pending;
    this.pending = [];
    const outcomes: ({ ok: true; value: unknown } | { ok: false; error: unknown })[] = [];
    try {
      this.sqlite
        .transaction(() => {
          for (const item of batch) {
            for (const p of this.participants) p.itemStarted();
            try {
              // A nested better-sqlite3 transaction is a SAVEPOINT: a throw undoes only this item.
              outcomes.push({ ok: true, value: this.sqlite.transaction(item.work)() });
              for (const p of this.participants) p.itemEnded(true);
            } catch (error) {
              // Some errors (a full disk) make SQLite roll back the whole transaction, not just the savepoint.
              // Going on would run the next items outside any transaction, each committing on its own.
              if (!this.sqlite.inTransaction) throw error;
              outcomes.push({ ok: false, error });
              for (const p of this.participants) p.itemEnded(false);
            }
          }
          for (const p of this.participants) p.flush();
        })
        .immediate();
    } catch (error) {
      // The commit failed or SQLite rolled the transaction back (disk full, I/O error): nothing in the batch
      // happened, and every caller hears the cause.
      for (const p of this.participants) p.batchAborted();
      for (const item of batch) item.reject(error);
      return;
    }
    batch.forEach((item, i) => {
      const outcome = outcomes[i];
      if (outcome?.ok) item.resolve(outcome.value);
      else item.reject(outcome?.error);
    });
  }
}
