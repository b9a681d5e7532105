import type { CenterConfigSnapshot, SyncEvent, SyncRating } from '@luot/shared';
import type { Db } from '../db/open-db.ts';
import { perConnection } from '../db/prepared.ts';

/** The hub settings an admin saved in the console (the environment, when set, wins). */
export interface StoredHubSettings {
  hubUrl: string | null;
  centerId: number | null;
  key: string | null;
}

type EventRow = Omit<SyncEvent, 'data'> & { data: string };
type RatingRow = Omit<SyncRating, 'reasons'> & { reasons: string };

/**
 * Reads of the outbox: the committed event log and ratings after a position, and the set-up to label them.
 * Only reads: the sync never writes to the center's tables in the queue's transactions (its own settings row
 * aside, written when an admin saves them).
 */
const statements = perConnection((sqlite) => ({
  eventsAfter: sqlite.prepare(
    `SELECT e.id, e.at, e.type, e.ticket_id AS ticketId, e.counter_id AS counterId, e.field_id AS fieldId,
       e.from_status AS fromStatus, e.to_status AS toStatus, e.actor_id AS actorId, e.device_id AS deviceId, e.data,
       t.service_day AS serviceDay, t.issued_at AS issuedAt
     FROM events e LEFT JOIN tickets t ON t.id = e.ticket_id
     WHERE e.id > ? ORDER BY e.id LIMIT ?`,
  ),
  ratingsAfter: sqlite.prepare(
    `SELECT r.id, r.ticket_id AS ticketId, r.counter_id AS counterId, r.officer_id AS officerId, r.field_id AS fieldId,
       r.service_day AS serviceDay, t.issued_at AS issuedAt, r.score, r.reasons, r.source, r.at
     FROM ratings r JOIN tickets t ON t.id = r.ticket_id
     WHERE r.id > ? ORDER BY r.id LIMIT ?`,
  ),
  headEvent: sqlite.prepare('SELECT id, at FROM events ORDER BY id DESC LIMIT 1'),
  headRating: sqlite.prepare('SELECT max(id) FROM ratings').pluck(),
  eventAt: sqlite.prepare('SELECT at FROM events WHERE id = ?').pluck(),
  fields: sqlite.prepare(
    `SELECT id, parent_id AS parentId, code, name_vi AS nameVi, name_en AS nameEn, prefix, target_wait_minutes AS targetWaitMinutes,
       service_minutes AS serviceMinutes, position, active FROM fields ORDER BY id`,
  ),
  counters: sqlite.prepare('SELECT id, number, name, priority_mode AS priorityMode, active FROM counters ORDER BY id'),
  staff: sqlite.prepare('SELECT id, display_name AS name, role, active FROM staff ORDER BY id'),
  setting: sqlite.prepare('SELECT value FROM settings WHERE key = ?').pluck(),
  saveSetting: sqlite.prepare(
    `INSERT INTO settings (key, value, updated_at) VALUES (?, ?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at`,
  ),
  audit: sqlite.prepare('INSERT INTO audit_log (at, actor_id, action, entity, entity_id, details) VALUES (?, ?, ?, ?, NULL, ?)'),
}));

/** Keeps numbers and booleans only: notes, reasons and dossier codes are free text and stay at the center. */
export function publicData(json: string): Record<string, number | boolean> {
  const parsed = JSON.parse(json) as Record<string, unknown>;
  const out: Record<string, number | boolean> = {};
  for (const [k, v] of Object.entries(parsed)) if (typeof v === 'number' || typeof v === 'boolean') out[k] = v;
  return out;
}

export const outboxRepo = {
  eventsAfter(db: Db, after: number, limit: number): SyncEvent[] {
    return (statements(db).eventsAfter.all(after, limit) as EventRow[]).map((r) => ({ ...r, at: Math.round(r.at), data: publicData(r.data) }));
  },

  ratingsAfter(db: Db, after: number, limit: number): SyncRating[] {
    // Times are whole milliseconds on the wire; the history generator stores some with fractions.
    return (statements(db).ratingsAfter.all(after, limit) as RatingRow[]).map((r) => ({ ...r, at: Math.round(r.at), reasons: JSON.parse(r.reasons) as string[] }));
  },

  head(db: Db): { eventId: number; eventAt: number | null; ratingId: number } {
    const s = statements(db);
    const e = s.headEvent.get() as { id: number; at: number } | undefined;
    return { eventId: e?.id ?? 0, eventAt: e?.at ?? null, ratingId: (s.headRating.get() as number | null) ?? 0 };
  },

  eventAt(db: Db, id: number): number | null {
    return (statements(db).eventAt.get(id) as number | undefined) ?? null;
  },

  /** Every field, counter and staff name, active or not, as the reports label them. */
  config(db: Db, center: { name: string; address: string; dayRollover: string }): CenterConfigSnapshot {
    const s = statements(db);
    const bool = <T extends { active: number }>(r: T) => ({ ...r, active: r.active === 1 });
    return {
      name: center.name,
      address: center.address,
      dayRollover: center.dayRollover,
      fields: (s.fields.all() as (CenterConfigSnapshot['fields'][number] & { active: number })[]).map(bool),
      counters: (s.counters.all() as (CenterConfigSnapshot['counters'][number] & { active: number })[]).map(bool),
      staff: (s.staff.all() as (CenterConfigSnapshot['staff'][number] & { active: number })[]).map(bool),
    };
  },

  settings(db: Db): StoredHubSettings {
    const raw = statements(db).setting.get('hub_sync') as string | undefined;
    const value = raw ? (JSON.parse(raw) as Partial<StoredHubSettings>) : {};
    return { hubUrl: value.hubUrl ?? null, centerId: value.centerId ?? null, key: value.key ?? null };
  },

  /** Saves the settings and records who changed what (never the key itself) in one transaction. */
  saveSettings(db: Db, next: StoredHubSettings, audit: { at: number; actorId: number; keyChanged: boolean }): void {
    const s = statements(db);
    db.$client.transaction(() => {
      s.saveSetting.run('hub_sync', JSON.stringify(next), audit.at);
      s.audit.run(audit.at, audit.actorId, 'hub_sync.update', 'hub_sync', JSON.stringify({ hubUrl: next.hubUrl, centerId: next.centerId, keyChanged: audit.keyChanged }));
    })();
  },
};
