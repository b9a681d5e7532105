import type Database from 'better-sqlite3';

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

  constructor(private readonly sqlite: Database.Database) {}

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
            try {
              // A nested better-sqlite3 transaction is a SAVEPOINT: a throw undoes only this item.
              outcomes.push({ ok: true, value: this.sqlite.transaction(item.work)() });
            } catch (error) {
              outcomes.push({ ok: false, error });
            }
          }
        })
        .immediate();
    } catch (error) {
      // The commit itself failed (disk full, I/O error): nothing in the batch happened.
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
