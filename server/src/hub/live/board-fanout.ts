import type { BoardRow, HubServerMessage } from '@luot/shared';
import type { Sql } from 'postgres';
import type { BoardService } from '../services/board-service.ts';

export interface BoardClient {
  send(message: HubServerMessage): void;
}

type Logger = { warn(obj: object, msg: string): void };

/** Notifications arriving within this window are sent as one update per center. */
const COALESCE_MS = 100;
/** Rows are looked at again this often: a center that stops reporting must show offline without any event. */
const SWEEP_MS = 5_000;

/**
 * The live province board of one hub process. Whichever hub process stores a center's batch, PostgreSQL tells
 * every process (NOTIFY luot_hub, sent at commit); each rebuilds that center's row and sends it to its own
 * clients. No process keeps state another needs, so any load balancer can spread browsers and centers over them.
 */
export function createBoardFanout(deps: { sql: Sql; board: BoardService; log: Logger; sweepMs?: number }) {
  const clients = new Set<BoardClient>();
  const pending = new Set<number>();
  const lastSent = new Map<number, string>();
  let flushTimer: NodeJS.Timeout | null = null;
  let sweepTimer: NodeJS.Timeout | null = null;
  let unlisten: (() => Promise<void>) | null = null;

  function broadcast(row: BoardRow): void {
    const text = JSON.stringify(row);
    if (lastSent.get(row.centerId) === text) return;
    lastSent.set(row.centerId, text);
    for (const c of clients) c.send({ type: 'center', row });
  }

  async function flush(): Promise<void> {
    flushTimer = null;
    const ids = [...pending];
    pending.clear();
    for (const id of ids) {
      try {
        const row = await deps.board.row(id);
        if (row) broadcast(row);
      } catch (err) {
        deps.log.warn({ err, centerId: id }, 'board row could not be built');
      }
    }
  }

  async function sweep(): Promise<void> {
    try {
      if (clients.size > 0) for (const row of (await deps.board.board()).rows) broadcast(row);
    } catch (err) {
      deps.log.warn({ err }, 'board sweep failed');
    }
  }

  return {
    async start(): Promise<void> {
      const listening = await deps.sql.listen('luot_hub', (payload) => {
        const id = Number(payload);
        if (!Number.isInteger(id)) return;
        pending.add(id);
        flushTimer ??= setTimeout(() => void flush(), COALESCE_MS);
      });
      unlisten = () => listening.unlisten();
      sweepTimer = setInterval(() => void sweep(), deps.sweepMs ?? SWEEP_MS);
      sweepTimer.unref();
    },

    async stop(): Promise<void> {
      if (flushTimer) clearTimeout(flushTimer);
      if (sweepTimer) clearInterval(sweepTimer);
      if (unlisten) await unlisten().catch(() => undefined);
      clients.clear();
    },

    /** A signed-in browser: the whole board now, then each change. */
    async join(client: BoardClient): Promise<() => void> {
      const board = await deps.board.board();
      client.send({ type: 'board', board });
      clients.add(client);
      return () => clients.delete(client);
    },

    get clients(): number {
      return clients.size;
    },
  };
}

export type BoardFanout = ReturnType<typeof createBoardFanout>;
