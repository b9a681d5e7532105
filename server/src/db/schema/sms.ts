import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { tickets } from './queue.ts';

/**
 * A citizen's mobile number for SMS about one ticket, kept apart from the ticket and never in the event log, so
 * that deleting it (personalDataDays) touches nothing else. `nearAt`: when the "near" SMS was queued (or judged
 * needless because the ticket was already near when it was issued); one per ticket.
 */
export const ticketPhones = sqliteTable(
  'ticket_phones',
  {
    ticketId: integer('ticket_id')
      .primaryKey()
      .references(() => tickets.id),
    phone: text('phone').notNull(),
    createdAt: integer('created_at').notNull(),
    nearAt: integer('near_at'),
  },
  (t) => [index('ticket_phones_created').on(t.createdAt)],
);

/**
 * SMS waiting to leave, sent, or given up on. A row is written in the same transaction as the change that causes
 * it and sent after the commit; `nextAt` is when the sender may try it (again). Rows (with their numbers and
 * texts) are deleted after personalDataDays.
 */
export const smsOutbox = sqliteTable(
  'sms_outbox',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    phone: text('phone').notNull(),
    body: text('body').notNull(),
    purpose: text('purpose', { enum: ['otp', 'near', 'called', 'booking'] }).notNull(),
    ticketId: integer('ticket_id'),
    status: text('status', { enum: ['queued', 'sent', 'failed'] }).notNull(),
    attempts: integer('attempts').notNull().default(0),
    nextAt: integer('next_at').notNull(),
    createdAt: integer('created_at').notNull(),
    sentAt: integer('sent_at'),
    /** Why the last attempt failed, as the gateway said it (never the number or the text). */
    lastError: text('last_error'),
  },
  (t) => [index('sms_outbox_due').on(t.status, t.nextAt), index('sms_outbox_created').on(t.createdAt)],
);
