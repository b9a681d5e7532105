import type { WebhookDeliveryView, WebhookEventType, WebhookView } from '@luot/shared';
import type { Db } from '../db/open-db.ts';
import { perConnection } from '../db/prepared.ts';

export interface WebhookRow {
  id: number;
  url: string;
  events: WebhookEventType[];
  secret: string;
  active: boolean;
  createdAt: number;
}

export interface DueDelivery {
  id: number;
  webhookId: number;
  url: string;
  secret: string;
  body: string;
  attempts: number;
  giveUpAt: number;
}

/** One event of the committed log (or one rating), with what a webhook body may say about it. */
export interface LogItem {
  id: number;
  at: number;
  type: string;
  ticketId: number | null;
  counterId: number | null;
  data: string;
  number: string | null;
  priority: string | null;
  serviceDay: string | null;
  fieldCode: string | null;
  counterNumber: number | null;
}

export interface RatingItem {
  id: number;
  at: number;
  ticketId: number;
  score: number;
  reasons: string;
  source: string;
  number: string;
  serviceDay: string;
  fieldCode: string;
  counterNumber: number | null;
}

export interface NewDelivery {
  webhookId: number;
  eventId: string;
  eventType: WebhookEventType;
  orderKey: string;
  body: string;
}

const CURSOR_KEY = 'webhook_cursor';

const statements = perConnection((sqlite) => ({
  eventsAfter: sqlite.prepare(
    `SELECT e.id, e.at, e.type, e.ticket_id AS ticketId, e.counter_id AS counterId, e.data,
       t.number, t.priority, t.service_day AS serviceDay, f.code AS fieldCode, c.number AS counterNumber
     FROM events e LEFT JOIN tickets t ON t.id = e.ticket_id LEFT JOIN fields f ON f.id = e.field_id
       LEFT JOIN counters c ON c.id = e.counter_id
     WHERE e.id > ? ORDER BY e.id LIMIT ?`,
  ),
  ratingsAfter: sqlite.prepare(
    `SELECT r.id, r.at, r.ticket_id AS ticketId, r.score, r.reasons, r.source, t.number, r.service_day AS serviceDay,
       f.code AS fieldCode, c.number AS counterNumber
     FROM ratings r JOIN tickets t ON t.id = r.ticket_id JOIN fields f ON f.id = r.field_id LEFT JOIN counters c ON c.id = r.counter_id
     WHERE r.id > ? ORDER BY r.id LIMIT ?`,
  ),
  headEvent: sqlite.prepare('SELECT coalesce(max(id), 0) FROM events').pluck(),
  headRating: sqlite.prepare('SELECT coalesce(max(id), 0) FROM ratings').pluck(),
  cursor: sqlite.prepare('SELECT value FROM settings WHERE key = ?').pluck(),
  saveCursor: sqlite.prepare(
    `INSERT INTO settings (key, value, updated_at) VALUES (?, ?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at`,
  ),
  activeWebhooks: sqlite.prepare('SELECT id, url, events, secret, active, created_at AS createdAt FROM webhooks WHERE active = 1 ORDER BY id'),
  allWebhooks: sqlite.prepare(
    `SELECT w.id, w.url, w.events, w.active, w.created_at AS createdAt,
       (SELECT count(*) FROM webhook_deliveries d WHERE d.webhook_id = w.id AND d.status = 'pending') AS pending,
       (SELECT count(*) FROM webhook_deliveries d WHERE d.webhook_id = w.id AND d.status = 'failed') AS failed
     FROM webhooks w ORDER BY w.id`,
  ),
  insertWebhook: sqlite.prepare('INSERT INTO webhooks (url, events, secret, active, created_at) VALUES (?, ?, ?, 1, ?) RETURNING id'),
  setActive: sqlite.prepare('UPDATE webhooks SET active = ? WHERE id = ?'),
  insertDelivery: sqlite.prepare(
    `INSERT INTO webhook_deliveries (webhook_id, event_id, event_type, order_key, body, status, attempts, next_attempt_at, give_up_at, created_at)
     VALUES (?, ?, ?, ?, ?, 'pending', 0, ?, ?, ?)`,
  ),
  // The first unsettled delivery of each (webhook, ticket or counter) only: a later one waits for it.
  due: sqlite.prepare(
    `SELECT d.id, d.webhook_id AS webhookId, w.url, w.secret, d.body, d.attempts, d.give_up_at AS giveUpAt
     FROM webhook_deliveries d JOIN webhooks w ON w.id = d.webhook_id
     WHERE d.status = 'pending' AND d.next_attempt_at <= ? AND w.active = 1
       AND NOT EXISTS (SELECT 1 FROM webhook_deliveries e
                       WHERE e.webhook_id = d.webhook_id AND e.order_key = d.order_key AND e.id < d.id AND e.status = 'pending')
     ORDER BY d.id LIMIT ?`,
  ),
  delivered: sqlite.prepare(
    `UPDATE webhook_deliveries SET status = 'delivered', attempts = attempts + 1, last_status = ?, last_error = NULL, delivered_at = ? WHERE id = ?`,
  ),
  retry: sqlite.prepare('UPDATE webhook_deliveries SET attempts = attempts + 1, last_status = ?, last_error = ?, next_attempt_at = ? WHERE id = ?'),
  giveUp: sqlite.prepare(`UPDATE webhook_deliveries SET status = 'failed', attempts = attempts + 1, last_status = ?, last_error = ? WHERE id = ?`),
  resend: sqlite.prepare(
    `UPDATE webhook_deliveries SET status = 'pending', attempts = 0, next_attempt_at = ?, give_up_at = ?, delivered_at = NULL WHERE id = ?`,
  ),
  deliveries: sqlite.prepare(
    `SELECT d.id, d.webhook_id AS webhookId, w.url, d.event_id AS eventId, d.event_type AS eventType, d.status, d.attempts,
       d.last_status AS lastStatus, d.last_error AS lastError, d.created_at AS createdAt, d.next_attempt_at AS nextAttemptAt,
       d.delivered_at AS deliveredAt
     FROM webhook_deliveries d JOIN webhooks w ON w.id = d.webhook_id
     WHERE (@status IS NULL OR d.status = @status) ORDER BY d.id DESC LIMIT @limit`,
  ),
  deliveryExists: sqlite.prepare('SELECT 1 FROM webhook_deliveries WHERE id = ?').pluck(),
  webhookExists: sqlite.prepare('SELECT 1 FROM webhooks WHERE id = ?').pluck(),
  audit: sqlite.prepare('INSERT INTO audit_log (at, actor_id, action, entity, entity_id, details) VALUES (?, ?, ?, ?, ?, ?)'),
}));

const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

/** Webhooks, their deliveries and the relay's cursor over the event log. Each write is one transaction. */
export const webhookRepo = {
  /** Where the relay stands; the first time, the head of the log (nothing from before webhooks existed is sent). */
  cursor(db: Db, now: number): { events: number; ratings: number } {
    const s = statements(db);
    const raw = s.cursor.get(CURSOR_KEY) as string | undefined;
    if (raw) return JSON.parse(raw) as { events: number; ratings: number };
    const start = { events: s.headEvent.get() as number, ratings: s.headRating.get() as number };
    s.saveCursor.run(CURSOR_KEY, JSON.stringify(start), now);
    return start;
  },

  eventsAfter: (db: Db, after: number, limit: number) => statements(db).eventsAfter.all(after, limit) as LogItem[],
  ratingsAfter: (db: Db, after: number, limit: number) => statements(db).ratingsAfter.all(after, limit) as RatingItem[],

  activeWebhooks(db: Db): WebhookRow[] {
    type Raw = Omit<WebhookRow, 'events' | 'active'> & { events: string; active: number };
    return (statements(db).activeWebhooks.all() as Raw[]).map((r) => ({ ...r, events: JSON.parse(r.events) as WebhookEventType[], active: r.active === 1 }));
  },

  /** The deliveries of a batch of the log and the cursor past it, in one transaction: none lost, none doubled. */
  enqueue(db: Db, deliveries: NewDelivery[], cursor: { events: number; ratings: number }, now: number, dayMs: number): void {
    const s = statements(db);
    db.$client.transaction(() => {
      for (const d of deliveries) s.insertDelivery.run(d.webhookId, d.eventId, d.eventType, d.orderKey, d.body, now, now + dayMs, now);
      s.saveCursor.run(CURSOR_KEY, JSON.stringify(cursor), now);
    })();
  },

  due: (db: Db, now: number, limit: number) => statements(db).due.all(now, limit) as DueDelivery[],
  markDelivered: (db: Db, id: number, status: number, now: number) => statements(db).delivered.run(status, now, id),
  markRetry: (db: Db, id: number, status: number | null, error: string, next: number) => statements(db).retry.run(status, error, next, id),
  markFailed: (db: Db, id: number, status: number | null, error: string) => statements(db).giveUp.run(status, error, id),

  list(db: Db): WebhookView[] {
    type Raw = Omit<WebhookView, 'events' | 'active' | 'createdAt'> & { events: string; active: number; createdAt: number };
    return (statements(db).allWebhooks.all() as Raw[]).map((r) => ({
      ...r,
      events: JSON.parse(r.events) as WebhookEventType[],
      active: r.active === 1,
      createdAt: new Date(r.createdAt).toISOString(),
    }));
  },

  create(db: Db, input: { url: string; events: WebhookEventType[]; secret: string }, audit: { at: number; actorId: number }): number {
    const s = statements(db);
    return db.$client.transaction(() => {
      // The relay starts reading the log here if this is the first webhook: nothing from before is sent.
      webhookRepo.cursor(db, audit.at);
      const id = (s.insertWebhook.get(input.url, JSON.stringify(input.events), input.secret, audit.at) as { id: number }).id;
      s.audit.run(audit.at, audit.actorId, 'webhook.create', 'webhook', id, JSON.stringify({ url: input.url, events: input.events }));
      return id;
    })();
  },

  setActive(db: Db, id: number, active: boolean, audit: { at: number; actorId: number }): boolean {
    const s = statements(db);
    return db.$client.transaction(() => {
      if (!s.webhookExists.get(id)) return false;
      s.setActive.run(active ? 1 : 0, id);
      s.audit.run(audit.at, audit.actorId, active ? 'webhook.enable' : 'webhook.disable', 'webhook', id, '{}');
      return true;
    })();
  },

  deliveries(db: Db, status: WebhookDeliveryView['status'] | null, limit: number): WebhookDeliveryView[] {
    type Raw = Omit<WebhookDeliveryView, 'createdAt' | 'nextAttemptAt' | 'deliveredAt'> & { createdAt: number; nextAttemptAt: number; deliveredAt: number | null };
    return (statements(db).deliveries.all({ status, limit }) as Raw[]).map((r) => ({
      ...r,
      createdAt: new Date(r.createdAt).toISOString(),
      nextAttemptAt: r.status === 'pending' ? iso(r.nextAttemptAt) : null,
      deliveredAt: iso(r.deliveredAt),
    }));
  },

  /** Puts a delivery back in the queue with a fresh day of retries; the body (and its event id) stays the same. */
  resend(db: Db, id: number, now: number, dayMs: number, audit: { actorId: number | null }): boolean {
    const s = statements(db);
    return db.$client.transaction(() => {
      if (!s.deliveryExists.get(id)) return false;
      s.resend.run(now, now + dayMs, id);
      s.audit.run(now, audit.actorId, 'webhook.resend', 'webhook_delivery', id, '{}');
      return true;
    })();
  },
};
