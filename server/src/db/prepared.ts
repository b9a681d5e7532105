import type { Db } from './open-db.ts';

/**
 * Statements on the hot path are prepared once per connection, not rebuilt per call: building a query
 * through the ORM costs more than running it. `perConnection(build)` returns a getter that prepares on
 * first use and keeps the statements as long as the connection lives. `db` is there for drizzle's own
 * `.prepare()`, where the typed row mapping is worth keeping.
 */
export function perConnection<T>(build: (sqlite: Db['$client'], db: Db) => T): (db: Db) => T {
  const cache = new WeakMap<Db, T>();
  return (db) => {
    let value = cache.get(db);
    if (value === undefined) {
      value = build(db.$client, db);
      cache.set(db, value);
    }
    return value;
  };
}
