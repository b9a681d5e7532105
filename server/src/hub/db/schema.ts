import { sql } from 'drizzle-orm';
import { bigint, boolean, customType, date, index, integer, jsonb, pgTable, primaryKey, serial, smallint, text } from 'drizzle-orm/pg-core';
import type { CenterConfigSnapshot, CenterLiveStatus } from '@luot/shared';

/** Durations as little-endian uint32 milliseconds, the same bytes the center's rollups keep (reports/cells.ts). */
const bytea = customType<{ data: Buffer; driverData: Buffer }>({ dataType: () => 'bytea' });
/** Epoch milliseconds. */
const millis = (name: string) => bigint(name, { mode: 'number' });

/** Province staff: admins register centers and issue their keys; viewers read boards and reports. */
export const provinceStaff = pgTable('province_staff', {
  id: serial('id').primaryKey(),
  username: text('username').notNull().unique(),
  displayName: text('display_name').notNull(),
  role: text('role', { enum: ['province_admin', 'province_viewer'] }).notNull(),
  /** scrypt$N$r$p$salt$hash, as the center's (auth/password.ts). */
  passwordHash: text('password_hash').notNull(),
  active: boolean('active').notNull().default(true),
  createdAt: millis('created_at').notNull(),
});

export const provinceSessions = pgTable(
  'province_sessions',
  {
    tokenHash: text('token_hash').primaryKey(),
    staffId: integer('staff_id')
      .notNull()
      .references(() => provinceStaff.id),
    createdAt: millis('created_at').notNull(),
    expiresAt: millis('expires_at').notNull(),
  },
  (t) => [index('province_sessions_staff').on(t.staffId)],
);

/** The province's centers. A center's key is kept only as its SHA-256 hash; it writes that center's data and nothing else. */
export const centers = pgTable('centers', {
  id: serial('id').primaryKey(),
  code: text('code').notNull().unique(),
  name: text('name').notNull(),
  active: boolean('active').notNull().default(true),
  keyHash: text('key_hash').unique(),
  keyIssuedAt: millis('key_issued_at'),
  createdAt: millis('created_at').notNull(),
});

/** Where each center's sync stands: the acknowledged positions, what the center last said it has, its set-up. */
export const centerSync = pgTable('center_sync', {
  centerId: integer('center_id')
    .primaryKey()
    .references(() => centers.id),
  eventsAcked: millis('events_acked').notNull().default(0),
  ratingsAcked: millis('ratings_acked').notNull().default(0),
  ackedEventAt: millis('acked_event_at'),
  headEventId: millis('head_event_id').notNull().default(0),
  headEventAt: millis('head_event_at'),
  headRatingId: millis('head_rating_id').notNull().default(0),
  lastContactAt: millis('last_contact_at'),
  resyncRequested: boolean('resync_requested').notNull().default(false),
  configHash: text('config_hash'),
  config: jsonb('config').$type<CenterConfigSnapshot>(),
  /** The newest service day synced: ticket memories far older than it are pruned. */
  newestDay: date('newest_day', { mode: 'string' }),
});

/** A center's live status as last reported (every few seconds while connected). */
export const centerLive = pgTable('center_live', {
  centerId: integer('center_id')
    .primaryKey()
    .references(() => centers.id),
  at: millis('at').notNull(),
  receivedAt: millis('received_at').notNull(),
  status: jsonb('status').$type<CenterLiveStatus>().notNull(),
});

/**
 * Every center's event log, partitioned by month of `at` (the migration declares PARTITION BY RANGE; the hub
 * creates each month's partition before its first event, hub/db/partitions.ts). The key includes `at` because
 * a partitioned table's unique keys must include the partition key; (center, event id) alone is unique too.
 */
export const hubEvents = pgTable(
  'hub_events',
  {
    centerId: integer('center_id').notNull(),
    eventId: millis('event_id').notNull(),
    at: millis('at').notNull(),
    type: text('type').notNull(),
    ticketId: millis('ticket_id'),
    counterId: integer('counter_id'),
    fieldId: integer('field_id'),
    fromStatus: text('from_status'),
    toStatus: text('to_status'),
    actorId: integer('actor_id'),
    deviceId: integer('device_id'),
    data: jsonb('data').notNull().default(sql`'{}'::jsonb`),
    serviceDay: date('service_day', { mode: 'string' }),
    issuedAt: millis('issued_at'),
  },
  (t) => [primaryKey({ columns: [t.centerId, t.eventId, t.at] })],
);

export const hubRatings = pgTable(
  'hub_ratings',
  {
    centerId: integer('center_id').notNull(),
    ratingId: millis('rating_id').notNull(),
    ticketId: millis('ticket_id').notNull(),
    counterId: integer('counter_id'),
    officerId: integer('officer_id'),
    fieldId: integer('field_id').notNull(),
    serviceDay: date('service_day', { mode: 'string' }).notNull(),
    issuedAt: millis('issued_at').notNull(),
    score: smallint('score').notNull(),
    reasons: text('reasons').array().notNull(),
    source: text('source').notNull(),
    at: millis('at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.centerId, t.ratingId] })],
);

/**
 * What the report fold remembers of a ticket between its events (reports/ticket-fold.ts TicketMemory), so a
 * ticket whose events arrive in different batches folds exactly as it does at the center.
 */
export const ticketMemory = pgTable(
  'ticket_memory',
  {
    centerId: integer('center_id').notNull(),
    ticketId: millis('ticket_id').notNull(),
    serviceDay: date('service_day', { mode: 'string' }).notNull(),
    called: boolean('called').notNull(),
    calledAt: millis('called_at'),
    servingAt: millis('serving_at'),
  },
  (t) => [primaryKey({ columns: [t.centerId, t.ticketId] }), index('ticket_memory_day').on(t.centerId, t.serviceDay)],
);

const figureColumns = () => ({
  issued: integer('issued').notNull().default(0),
  called: integer('called').notNull().default(0),
  served: integer('served').notNull().default(0),
  noShow: integer('no_show').notNull().default(0),
  transferred: integer('transferred').notNull().default(0),
  cancelled: integer('cancelled').notNull().default(0),
  expired: integer('expired').notNull().default(0),
  recalls: integer('recalls').notNull().default(0),
  withinTarget: integer('within_target').notNull().default(0),
  ratedVeryGood: integer('rated_very_good').notNull().default(0),
  ratedGood: integer('rated_good').notNull().default(0),
  ratedNeutral: integer('rated_neutral').notNull().default(0),
  ratedBad: integer('rated_bad').notNull().default(0),
  waitMs: bytea('wait_ms').notNull().default(sql`''::bytea`),
  walkMs: bytea('walk_ms').notNull().default(sql`''::bytea`),
  serviceMs: bytea('service_ms').notNull().default(sql`''::bytea`),
});

/**
 * Daily rollups per center × field × counter × officer (0 = none), folded at ingest with the center's own
 * fold, so any grouping of a center's figures equals the center's report. Reports read these, not the events.
 */
export const hubRollups = pgTable(
  'hub_rollups',
  {
    centerId: integer('center_id').notNull(),
    day: date('day', { mode: 'string' }).notNull(),
    field: integer('field').notNull(),
    counter: integer('counter').notNull(),
    officer: integer('officer').notNull(),
    ...figureColumns(),
  },
  (t) => [primaryKey({ columns: [t.centerId, t.day, t.field, t.counter, t.officer] }), index('hub_rollups_day').on(t.day)],
);

/** The same figures per center × day × local hour of arrival: the hour grouping and the heat map. */
export const hubRollupHours = pgTable(
  'hub_rollup_hours',
  {
    centerId: integer('center_id').notNull(),
    day: date('day', { mode: 'string' }).notNull(),
    hour: smallint('hour').notNull(),
    ...figureColumns(),
  },
  (t) => [primaryKey({ columns: [t.centerId, t.day, t.hour] }), index('hub_rollup_hours_day').on(t.day)],
);
