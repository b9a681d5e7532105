import type { ConfigCache } from '../db/config-cache.ts';
import type { Db } from '../db/open-db.ts';
import type { WriteBatcher } from '../db/write-batcher.ts';
import type { DomainEvent, Ticket } from '../domain/types.ts';
import { RollupBuffer } from './rollup-buffer.ts';
import { configuredTargets, foldReportRollups } from './rollup-writer.ts';

/**
 * The report rollups as the queue service's derived writes (services/decision-writer.ts), joined to the
 * group-commit batch so they are written once per batch, in its transaction. app.ts wires the two together;
 * neither folder imports the other.
 */
export function createRollupRecorder(deps: { db: Db; config: ConfigCache; batcher: WriteBatcher }) {
  const buffer = new RollupBuffer(deps.db);
  deps.batcher.join(buffer);
  const targets = configuredTargets(deps.db, deps.config);
  return {
    record(events: readonly DomainEvent[], tickets: readonly Ticket[], stamp: { actorId: number | null }): void {
      buffer.add(foldReportRollups(deps.db, events, tickets, stamp, targets));
    },
  };
}
