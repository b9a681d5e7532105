import { randomBytes } from 'node:crypto';
import type { HubCenterKey, HubCenterView, HubSyncState, SyncPosition } from '@luot/shared';
import { hashToken } from '../../auth/tokens.ts';
import { DomainError } from '../../domain/errors.ts';
import { centersRepo, type CenterRow, type CenterSyncRow } from '../db/centers-repo.ts';
import type { HubStore } from '../db/open-hub-db.ts';
import { ingestRepo } from '../ingest/ingest-repo.ts';

const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

export function syncState(sync: CenterSyncRow): HubSyncState {
  const lagEvents = Math.max(0, sync.headEventId - sync.eventsAcked);
  const lagSeconds = lagEvents === 0 || sync.headEventAt === null ? 0 : Math.max(0, Math.round((sync.headEventAt - (sync.ackedEventAt ?? sync.headEventAt)) / 1000));
  return {
    ackedEventId: sync.eventsAcked,
    ackedRatingId: sync.ratingsAcked,
    headEventId: sync.headEventId,
    lagEvents,
    lagSeconds,
    lastContactAt: iso(sync.lastContactAt),
    resyncRequested: sync.resyncRequested,
  };
}

export const positionOf = (centerId: number, sync: CenterSyncRow): SyncPosition => ({
  centerId,
  events: sync.eventsAcked,
  ratings: sync.ratingsAcked,
  configHash: sync.configHash,
  resyncRequested: sync.resyncRequested,
});

function view(center: CenterRow, sync: CenterSyncRow): HubCenterView {
  return { id: center.id, code: center.code, name: center.name, active: center.active, keyIssuedAt: iso(center.keyIssuedAt), sync: syncState(sync) };
}

/** The province's registry of centers: registration, sync keys (shown once, stored hashed), re-sync. */
export function createCentersService(deps: { store: HubStore; clock: { now(): number } }) {
  const { db, sql } = deps.store;

  async function required(id: number): Promise<{ center: CenterRow; sync: CenterSyncRow }> {
    const [center, sync] = await Promise.all([centersRepo.byId(db, id), centersRepo.sync(db, id)]);
    if (!center || !sync) throw new DomainError('CENTER_NOT_FOUND');
    return { center, sync };
  }

  async function issueKey(id: number): Promise<HubCenterKey> {
    const key = `hk_${id}_${randomBytes(32).toString('base64url')}`;
    const center = await centersRepo.setKey(db, id, hashToken(key), deps.clock.now());
    if (!center) throw new DomainError('CENTER_NOT_FOUND');
    const { sync } = await required(id);
    return { center: view(center, sync), key };
  }

  return {
    async list(): Promise<HubCenterView[]> {
      return (await centersRepo.withState(db)).map((r) => view(r.center, r.sync));
    },

    async register(input: { code: string; name: string }): Promise<HubCenterKey> {
      const center = await centersRepo.create(db, { ...input, createdAt: deps.clock.now() });
      if (!center) throw new DomainError('CENTER_CODE_TAKEN');
      return issueKey(center.id);
    },

    /** A new key replaces the old one at once: a key that leaked stops working. */
    issueKey,

    async revokeKey(id: number): Promise<HubCenterView> {
      const center = await centersRepo.setKey(db, id, null, null);
      if (!center) throw new DomainError('CENTER_NOT_FOUND');
      return view(center, (await required(id)).sync);
    },

    async get(id: number): Promise<HubCenterView> {
      const { center, sync } = await required(id);
      return view(center, sync);
    },

    /** The center a sync key belongs to, or null; a deactivated center's key no longer works. */
    async byKey(key: string): Promise<CenterRow | null> {
      if (!key.startsWith('hk_')) return null;
      const center = await centersRepo.byKeyHash(db, hashToken(key));
      return center?.active ? center : null;
    },

    async position(id: number): Promise<SyncPosition> {
      return positionOf(id, (await required(id)).sync);
    },

    /** Drops the hub's copy of a center; the center notices at its next batch and resends its whole log. */
    async resync(id: number): Promise<SyncPosition> {
      await required(id);
      await sql.begin(async (tx) => {
        await ingestRepo.lockSync(tx, id);
        await ingestRepo.dropCenterData(tx, id);
        await ingestRepo.notify(tx, id);
      });
      return positionOf(id, (await required(id)).sync);
    },
  };
}

export type CentersService = ReturnType<typeof createCentersService>;
