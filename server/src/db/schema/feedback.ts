import { sql } from 'drizzle-orm';
import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { counters, fields, tickets } from './queue.ts';

/**
 * Citizens' satisfaction ratings, one per ticket. They carry no personal data: the ticket, where and by whom
 * it was served (the officer who finished it, from the event log), the answer, and whether it came from the
 * counter screen or the citizen's phone. Officers have no endpoint that reads them.
 */
export const ratings = sqliteTable(
  'ratings',
  {
    id: integer('id').primaryKey(),
    ticketId: integer('ticket_id').notNull().unique().references(() => tickets.id),
    counterId: integer('counter_id').references(() => counters.id),
    officerId: integer('officer_id'),
    fieldId: integer('field_id').notNull().references(() => fields.id),
    serviceDay: text('service_day').notNull(),
    /** 1 Rất hài lòng, 2 Hài lòng, 3 Bình thường, 4 Không hài lòng. */
    score: integer('score').notNull(),
    reasons: text('reasons', { mode: 'json' }).$type<string[]>().notNull().default(sql`'[]'`),
    source: text('source', { enum: ['counter', 'phone'] }).notNull(),
    at: integer('at').notNull(),
  },
  (t) => [index('ratings_day_counter').on(t.serviceDay, t.counterId)],
);
