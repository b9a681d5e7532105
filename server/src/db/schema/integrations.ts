import { sql } from 'drizzle-orm';
import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';

/**
 * Tokens for the systems around the center (the province's one-stop system, a partner kiosk): each carries the
 * scopes an admin gave it, is shown once and stored only as a hash, and stops working the moment it is revoked.
 */
export const apiTokens = sqliteTable('api_tokens', {
  id: integer('id').primaryKey(),
  name: text('name').notNull(),
  scopes: text('scopes', { mode: 'json' }).$type<string[]>().notNull(),
  tokenHash: text('token_hash').notNull().unique(),
  createdBy: integer('created_by'),
  createdAt: integer('created_at').notNull(),
  lastUsedAt: integer('last_used_at'),
  revokedAt: integer('revoked_at'),
});

/**
 * An admin's subscription: a URL and the events it wants. The secret signs every body (HMAC-SHA256), so it is kept
 * as given, not hashed; it is shown once, when the webhook is made.
 */
export const webhooks = sqliteTable('webhooks', {
  id: integer('id').primaryKey(),
  url: text('url').notNull(),
  events: text('events', { mode: 'json' }).$type<string[]>().notNull(),
  secret: text('secret').notNull(),
  active: integer('active', { mode: 'boolean' }).notNull().default(true),
  createdAt: integer('created_at').notNull(),
});

/**
 * One body to one webhook: written from the committed event log by the relay, in the same transaction that moves
 * its cursor, then sent (and retried) outside any of the queue's transactions. `orderKey` (ticket or counter) keeps
 * the deliveries of one ticket in order: a later one waits while an earlier one is still being retried.
 */
export const webhookDeliveries = sqliteTable(
  'webhook_deliveries',
  {
    id: integer('id').primaryKey(),
    webhookId: integer('webhook_id')
      .notNull()
      .references(() => webhooks.id),
    eventId: text('event_id').notNull(),
    eventType: text('event_type').notNull(),
    orderKey: text('order_key').notNull(),
    body: text('body').notNull(),
    status: text('status', { enum: ['pending', 'delivered', 'failed'] }).notNull().default('pending'),
    attempts: integer('attempts').notNull().default(0),
    nextAttemptAt: integer('next_attempt_at').notNull(),
    /** Retries stop here (a day after it was written, or after a resend) and the delivery is marked failed. */
    giveUpAt: integer('give_up_at').notNull(),
    lastStatus: integer('last_status'),
    lastError: text('last_error'),
    createdAt: integer('created_at').notNull(),
    deliveredAt: integer('delivered_at'),
  },
  (t) => [
    index('webhook_deliveries_due').on(t.status, t.nextAttemptAt).where(sql`status = 'pending'`),
    index('webhook_deliveries_order').on(t.webhookId, t.orderKey, t.id),
    index('webhook_deliveries_recent').on(t.createdAt),
  ],
);

/** Still images and short videos for the hall board's side panel; the file lies in the server's data folder. */
export const hallMedia = sqliteTable('hall_media', {
  id: integer('id').primaryKey(),
  kind: text('kind', { enum: ['image', 'video'] }).notNull(),
  mime: text('mime').notNull(),
  fileName: text('file_name').notNull().unique(),
  title: text('title').notNull(),
  bytes: integer('bytes').notNull(),
  /** How long a still image stays; a video plays to its end. */
  seconds: integer('seconds').notNull().default(10),
  position: integer('position').notNull().default(0),
  active: integer('active', { mode: 'boolean' }).notNull().default(true),
  createdAt: integer('created_at').notNull(),
});
