import type { Sql } from 'postgres';

/** A month's partition of hub_events: its name and its range of `at` (epoch ms, UTC month boundaries). */
export function monthPartition(at: number): { name: string; from: number; to: number } {
  const d = new Date(at);
  const y = d.getUTCFullYear();
  const m = d.getUTCMonth();
  return { name: `hub_events_${y}_${String(m + 1).padStart(2, '0')}`, from: Date.UTC(y, m, 1), to: Date.UTC(y, m + 1, 1) };
}

/**
 * Creates the monthly partitions of hub_events that the given event times need, once per process and month.
 * Run before the ingest transaction: creating a partition locks the parent table briefly, so it is done in its
 * own short statement, and two processes creating the same month both succeed (IF NOT EXISTS under a lock).
 */
export class Partitions {
  private readonly known = new Set<string>();

  constructor(private readonly sql: Sql) {}

  async ensure(times: Iterable<number>): Promise<void> {
    const needed = new Map<string, { name: string; from: number; to: number }>();
    for (const at of times) {
      const p = monthPartition(at);
      if (!this.known.has(p.name)) needed.set(p.name, p);
    }
    for (const p of needed.values()) {
      await this.sql.begin(async (tx) => {
        await tx`select pg_advisory_xact_lock(hashtext(${p.name}))`;
        await tx.unsafe(`CREATE TABLE IF NOT EXISTS ${p.name} PARTITION OF hub_events FOR VALUES FROM (${p.from}) TO (${p.to})`);
      });
      this.known.add(p.name);
    }
  }
}
