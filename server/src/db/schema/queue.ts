import { sql } from 'drizzle-orm';
import { index, integer, primaryKey, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import type { Handover } from '../../domain/types.ts';

export const fields = sqliteTable('fields', {
  id: integer('id').primaryKey(),
  parentId: integer('parent_id'),
  code: text('code').notNull().unique(),
  nameVi: text('name_vi').notNull(),
  nameEn: text('name_en').notNull(),
  prefix: text('prefix').notNull(),
  width: integer('width').notNull().default(3),
  startNumber: integer('start_number').notNull().default(1),
  dailyLimit: integer('daily_limit'),
  opensAt: text('opens_at'),
  closesAt: text('closes_at'),
  issuing: integer('issuing', { mode: 'boolean' }).notNull().default(true),
  /** The committed wait (citizen charter): the longest a citizen should wait before being called. */
  targetWaitMinutes: integer('target_wait_minutes').notNull().default(30),
  /** The usual time one citizen takes at the counter, published beside the committed wait and used for staffing. */
  serviceMinutes: integer('service_minutes').notNull().default(10),
  position: integer('position').notNull().default(0),
  active: integer('active', { mode: 'boolean' }).notNull().default(true),
});

export const counters = sqliteTable('counters', {
  id: integer('id').primaryKey(),
  number: integer('number').notNull().unique(),
  name: text('name').notNull(),
  status: text('status', { enum: ['open', 'paused', 'closed'] }).notNull().default('closed'),
  pauseReason: text('pause_reason'),
  policy: text('policy', { enum: ['order', 'weights'] }).notNull().default('order'),
  /**
   * Decree 107/2021 priority counters: 'mixed' serves both classes by the interleave; 'priority_then_normal' calls
   * priority citizens first and normal ones only when no priority citizen it serves waits; 'priority_only' never
   * calls a normal citizen from the queue.
   */
  priorityMode: text('priority_mode', { enum: ['mixed', 'priority_then_normal', 'priority_only'] }).notNull().default('mixed'),
  currentTicketId: integer('current_ticket_id'),
  officerId: integer('officer_id'),
  /** Fairness memory of the interleave and field weights (see domain/ordering.ts). */
  fair: text('fair', { mode: 'json' }).notNull().default(sql`'{"priority":0,"normal":0,"fields":{}}'`),
  active: integer('active', { mode: 'boolean' }).notNull().default(true),
});

export const counterFields = sqliteTable(
  'counter_fields',
  {
    counterId: integer('counter_id').notNull().references(() => counters.id),
    fieldId: integer('field_id').notNull().references(() => fields.id),
    position: integer('position').notNull(),
    weight: integer('weight').notNull().default(1),
  },
  (t) => [primaryKey({ columns: [t.counterId, t.fieldId] })],
);

export const tickets = sqliteTable(
  'tickets',
  {
    id: integer('id').primaryKey(),
    /** Field whose number series issued the ticket; never changes, even when the ticket is transferred. */
    seriesFieldId: integer('series_field_id').notNull().references(() => fields.id),
    fieldId: integer('field_id').notNull().references(() => fields.id),
    seq: integer('seq').notNull(),
    number: text('number').notNull(),
    serviceDay: text('service_day').notNull(),
    status: text('status', {
      enum: ['waiting', 'called', 'serving', 'held', 'done', 'no_show', 'cancelled'],
    }).notNull(),
    priority: text('priority'),
    counterId: integer('counter_id'),
    targetCounterId: integer('target_counter_id'),
    issuedAt: integer('issued_at').notNull(),
    queuedAt: integer('queued_at').notNull(),
    calledAt: integer('called_at'),
    recalls: integer('recalls').notNull().default(0),
    /** Who sent, held or returned it last and with what note (domain Handover); the event log has the full story. */
    handover: text('handover', { mode: 'json' }).$type<Handover>(),
    /** Unguessable code for the citizen's tracking link /t/<code>. */
    trackingCode: text('tracking_code').notNull().unique(),
    /** Kiosk-supplied key so a double tap or a retried request yields one ticket. */
    idempotencyKey: text('idempotency_key'),
    deviceId: integer('device_id'),
  },
  (t) => [
    uniqueIndex('tickets_series_day_seq').on(t.seriesFieldId, t.serviceDay, t.seq),
    uniqueIndex('tickets_device_idempotency').on(t.deviceId, t.idempotencyKey),
    index('tickets_waiting').on(t.status, t.serviceDay, t.fieldId, t.queuedAt),
    index('tickets_day').on(t.serviceDay),
    // Small partial indexes for the wait estimate, which runs on every ticket issued: counting the few citizens
    // sent to one counter, or the priority ones, must not walk a long general queue.
    index('tickets_sent_waiting').on(t.serviceDay, t.fieldId).where(sql`status = 'waiting' AND target_counter_id IS NOT NULL`),
    index('tickets_priority_waiting').on(t.serviceDay, t.fieldId, t.queuedAt).where(sql`status = 'waiting' AND priority IS NOT NULL AND target_counter_id IS NULL`),
  ],
);

/** Append-only log: every ticket and counter change, written in the same transaction as the change. */
export const events = sqliteTable(
  'events',
  {
    id: integer('id').primaryKey(),
    at: integer('at').notNull(),
    type: text('type').notNull(),
    ticketId: integer('ticket_id'),
    counterId: integer('counter_id'),
    fieldId: integer('field_id'),
    fromStatus: text('from_status'),
    toStatus: text('to_status'),
    actorId: integer('actor_id'),
    deviceId: integer('device_id'),
    data: text('data', { mode: 'json' }).notNull().default(sql`'{}'`),
  },
  (t) => [index('events_at').on(t.at), index('events_ticket').on(t.ticketId)],
);

/**
 * Per field and service day: tickets issued, the last sequence, and how many wait now. Kept up to date in
 * the same transaction as every ticket change (see domain/field-day.ts), so counts and numbering are O(1)
 * reads instead of scans of the day's tickets. Derived from events; the event log stays the truth.
 */
export const fieldDays = sqliteTable(
  'field_days',
  {
    fieldId: integer('field_id').notNull().references(() => fields.id),
    serviceDay: text('service_day').notNull(),
    issued: integer('issued').notNull().default(0),
    lastSeq: integer('last_seq'),
    waiting: integer('waiting').notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.fieldId, t.serviceDay] })],
);
