import { sql } from 'drizzle-orm';
import { blob, integer, primaryKey, sqliteTable, text } from 'drizzle-orm/sqlite-core';

/**
 * Daily report rollups, kept up to date in the same transaction as every ticket event (reports/rollup-writer.ts)
 * and rebuilt from the event log when missing; the event log stays the truth. One row per service day and
 * group: `dim` is field, counter or officer (key = id, 0 = none) or hour (key = local hour of arrival). Every
 * figure lands in exactly one row of each dim, so any dim adds up to the day's total.
 * Durations are kept exactly, as little-endian uint32 milliseconds appended in arrival order, so medians and
 * 90th percentiles over any range are exact, not binned. The heat map's counting read stops before the blobs.
 * A rating lands on its ticket's service day and arrival hour, and on the field, counter and officer that
 * finished the ticket (feedback/rating-writer.ts).
 */
export const reportDays = sqliteTable(
  'report_days',
  {
    dim: text('dim', { enum: ['field', 'counter', 'officer', 'hour'] }).notNull(),
    serviceDay: text('service_day').notNull(),
    key: integer('key').notNull(),
    issued: integer('issued').notNull().default(0),
    called: integer('called').notNull().default(0),
    served: integer('served').notNull().default(0),
    noShow: integer('no_show').notNull().default(0),
    transferred: integer('transferred').notNull().default(0),
    cancelled: integer('cancelled').notNull().default(0),
    expired: integer('expired').notNull().default(0),
    recalls: integer('recalls').notNull().default(0),
    withinTarget: integer('within_target').notNull().default(0),
    waitMs: blob('wait_ms', { mode: 'buffer' }).notNull().default(sql`x''`),
    walkMs: blob('walk_ms', { mode: 'buffer' }).notNull().default(sql`x''`),
    serviceMs: blob('service_ms', { mode: 'buffer' }).notNull().default(sql`x''`),
    /** Citizens' ratings of the day's tickets, by answer (added later, hence after the blobs; rows() reads all). */
    ratedVeryGood: integer('rated_very_good').notNull().default(0),
    ratedGood: integer('rated_good').notNull().default(0),
    ratedNeutral: integer('rated_neutral').notNull().default(0),
    ratedBad: integer('rated_bad').notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.dim, t.serviceDay, t.key] })],
);
