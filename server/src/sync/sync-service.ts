import { configHash, errorCatalog, SYNC_PROTOCOL, type CenterLiveStatus, type CenterSyncStatus, type SyncBatch, type SyncPosition } from '@luot/shared';
import type { ConfigCache } from '../db/config-cache.ts';
import type { OpenDb } from '../db/open-db.ts';
import type { Clock } from '../domain/clock.ts';
import { DomainError } from '../domain/errors.ts';
import { hubClient, HubRequestError, type HubClient } from './hub-client.ts';
import { outboxRepo, type StoredHubSettings } from './outbox-repo.ts';

export interface HubSettings {
  hubUrl: string;
  centerId: number;
  key: string;
}

export interface SyncOptions {
  /** How often the outbox is looked at while idle. */
  tickMs: number;
  /** Events (and ratings) per batch. */
  batchSize: number;
  /** Live status is sent on every change, and at least this often (ages and device alerts move without events). */
  liveEveryMs: number;
  /** Backoff after a failure: doubles from the first to the last, with jitter. */
  backoffMs: { first: number; max: number };
}

export const defaultSyncOptions: SyncOptions = { tickMs: 1000, batchSize: 2000, liveEveryMs: 10_000, backoffMs: { first: 1000, max: 60_000 } };

type Logger = { warn(obj: object, msg: string): void; info(obj: object, msg: string): void };

/** Refusals that mean "your idea of my position is stale": ask the hub where it stands and go on from there. */
const rewind = new Set(['SYNC_GAP', 'SYNC_REPLAYED', 'SYNC_CONFIG_NEEDED']);

/**
 * The center's side of the province link: an outbox relay over the committed event log. It only reads the
 * center's tables, outside the queue's transactions, from a timer; the queue never waits for it, and with the
 * hub down it just retries later with backoff. The hub's acknowledged position is the cursor, so after any outage
 * (network, hub, this process) it goes on from exactly what the hub holds.
 */
export function createHubSync(deps: {
  store: OpenDb;
  clock: Clock;
  config: ConfigCache;
  live: () => CenterLiveStatus;
  /** Settings from the environment, which win over the console's. */
  envSettings: HubSettings | null;
  log: Logger;
  options?: Partial<SyncOptions>;
}) {
  const { db } = deps.store;
  const options = { ...defaultSyncOptions, ...deps.options };
  let timer: NodeJS.Timeout | null = null;
  let running = false;
  let stopped = true;
  let wakeRequested = false;
  let client: { key: string; api: HubClient } | null = null;
  let position: SyncPosition | null = null;
  let failures = 0;
  let lastLiveAt = 0;
  let lastLiveHead = -1;
  let state: CenterSyncStatus['state'] = 'off';
  let lastAckAt: number | null = null;
  let lastAttemptAt: number | null = null;
  let nextAttemptAt: number | null = null;
  let lastError: CenterSyncStatus['lastError'] = null;

  function settings(): { settings: HubSettings | null; source: CenterSyncStatus['source'] } {
    if (deps.envSettings) return { settings: deps.envSettings, source: 'env' };
    const stored = outboxRepo.settings(db);
    if (stored.hubUrl && stored.centerId && stored.key) return { settings: { hubUrl: stored.hubUrl, centerId: stored.centerId, key: stored.key }, source: 'console' };
    return { settings: null, source: stored.hubUrl || stored.centerId ? 'console' : 'none' };
  }

  function api(s: HubSettings): HubClient {
    const id = `${s.hubUrl}|${s.centerId}|${s.key}`;
    if (client?.key !== id) {
      client = { key: id, api: hubClient(s) };
      position = null;
    }
    return client.api;
  }

  function snapshot() {
    const current = deps.config.get();
    const config = outboxRepo.config(db, { name: current.center.name, address: current.center.address, dayRollover: current.rules.dayRollover });
    return { config, hash: configHash(config) };
  }

  /** One batch from the cursor, or null when there is nothing to send and the live status is not due. */
  function nextBatch(s: HubSettings, at: SyncPosition): SyncBatch | null {
    const events = outboxRepo.eventsAfter(db, at.events, options.batchSize);
    const ratings = outboxRepo.ratingsAfter(db, at.ratings, options.batchSize);
    const head = outboxRepo.head(db);
    const { config, hash } = snapshot();
    const now = deps.clock.now();
    const changed = head.eventId + head.ratingId !== lastLiveHead;
    const liveDue = changed || Date.now() - lastLiveAt >= options.liveEveryMs;
    if (events.length === 0 && ratings.length === 0 && hash === at.configHash && !liveDue) return null;
    // The live status describes the center now; while catching up it still goes with every batch.
    const live = deps.live();
    lastLiveAt = Date.now();
    lastLiveHead = head.eventId + head.ratingId;
    return {
      protocol: SYNC_PROTOCOL,
      centerId: s.centerId,
      events: { after: at.events, items: events },
      ratings: { after: at.ratings, items: ratings },
      head,
      ...(hash === at.configHash ? {} : { config }),
      configHash: hash,
      live: { ...live, at: now },
    };
  }

  async function cycle(): Promise<void> {
    const { settings: s } = settings();
    if (!s) {
      state = 'off';
      position = null;
      return;
    }
    const hub = api(s);
    lastAttemptAt = Date.now();
    try {
      if (!position) {
        state = 'connecting';
        position = await hub.position();
      }
      for (;;) {
        const batch = nextBatch(s, position);
        if (!batch) break;
        state = 'syncing';
        const full = batch.events.items.length === options.batchSize || batch.ratings.items.length === options.batchSize;
        position = await hub.send(batch);
        lastAckAt = Date.now();
        if (!full) break;
        // Catching up: give the queue's requests their turn between batches.
        await new Promise((r) => setImmediate(r));
        if (stopped) return;
      }
      state = 'up_to_date';
      failures = 0;
      lastError = null;
    } catch (error) {
      const code = error instanceof HubRequestError ? error.code : 'HUB_UNREACHABLE';
      if (rewind.has(code) && failures < 3) {
        // Not a failure of the link: the position moved (a re-sync, a lost answer). Ask again at once.
        position = null;
        failures += 1;
        wakeRequested = true;
        return;
      }
      position = null;
      failures += 1;
      state = 'failing';
      const entry = errorCatalog[code];
      lastError = { code, message: { vi: entry.vi, en: entry.en } };
      deps.log.warn({ code, err: error instanceof Error ? error.message : String(error) }, 'province hub sync failed; retrying later');
    }
  }

  function delay(): number {
    if (state !== 'failing') return options.tickMs;
    const base = Math.min(options.backoffMs.max, options.backoffMs.first * 2 ** Math.min(failures - 1, 16));
    return Math.round(base / 2 + Math.random() * (base / 2));
  }

  function schedule(ms: number): void {
    if (stopped) return;
    if (timer) clearTimeout(timer);
    nextAttemptAt = Date.now() + ms;
    timer = setTimeout(() => void run(), ms);
    timer.unref();
  }

  async function run(): Promise<void> {
    timer = null;
    if (running || stopped) return;
    running = true;
    wakeRequested = false;
    try {
      await cycle();
    } finally {
      running = false;
      schedule(wakeRequested ? 0 : delay());
    }
  }

  return {
    start(): void {
      if (!stopped) return;
      stopped = false;
      schedule(0);
    },

    stop(): void {
      stopped = true;
      if (timer) clearTimeout(timer);
      timer = null;
    },

    /** Looks at the outbox now rather than at the next tick (after a settings change, or in tests). */
    wake(): void {
      if (running) wakeRequested = true;
      else schedule(0);
    },

    status(): CenterSyncStatus {
      const { settings: s, source } = settings();
      const head = outboxRepo.head(db);
      const acked = position?.events ?? null;
      const ackedAt = acked === null || acked === 0 ? null : outboxRepo.eventAt(db, acked);
      const lagSeconds = acked === null ? null : head.eventAt === null || acked >= head.eventId ? 0 : Math.max(0, Math.round((head.eventAt - (ackedAt ?? head.eventAt)) / 1000));
      const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());
      const stored = outboxRepo.settings(db);
      return {
        configured: s !== null,
        hubUrl: s?.hubUrl ?? stored.hubUrl,
        centerId: s?.centerId ?? stored.centerId,
        source,
        state: s === null ? 'off' : state,
        ackedEventId: acked,
        ackedRatingId: position?.ratings ?? null,
        headEventId: head.eventId,
        lagEvents: acked === null ? null : Math.max(0, head.eventId - acked),
        lagSeconds,
        lastAckAt: iso(lastAckAt),
        lastAttemptAt: iso(lastAttemptAt),
        nextAttemptAt: timer ? iso(nextAttemptAt) : null,
        lastError,
      };
    },

    /** Saves the console's settings; the next cycle uses them. */
    saveSettings(next: StoredHubSettings, actor: { staffId: number }): void {
      const stored = outboxRepo.settings(db);
      const key = next.key ?? stored.key;
      outboxRepo.saveSettings(db, { ...next, key }, { at: deps.clock.now(), actorId: actor.staffId, keyChanged: key !== stored.key });
      this.wake();
    },

    /**
     * Asks the hub to drop this center and rebuild it from the full log; the next cycles resend everything.
     * A refusal or an unreachable hub is a DomainError with the hub's code, so the route only replies.
     */
    async resync(): Promise<SyncPosition> {
      const { settings: s } = settings();
      if (!s) throw new DomainError('SYNC_NOT_CONFIGURED', 'no hub settings');
      try {
        position = await api(s).resync();
      } catch (error) {
        if (error instanceof HubRequestError) throw new DomainError(error.code, error.message);
        throw error;
      }
      this.wake();
      return position;
    },
  };
}

export type HubSync = ReturnType<typeof createHubSync>;
