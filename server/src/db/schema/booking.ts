import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { fields } from './queue.ts';

/**
 * Remote numbers for today and slot bookings on coming working days (issue 16). The citizen's secret code (in the
 * confirmation link and its QR) is stored only as a SHA-256 hash. Phone, name and citizen ID are personal data:
 * the retention job blanks them `personalDataDays` after the booked day, the row stays for the counts.
 */
export const bookings = sqliteTable(
  'bookings',
  {
    id: integer('id').primaryKey(),
    kind: text('kind', { enum: ['remote', 'slot'] }).notNull(),
    fieldId: integer('field_id').notNull().references(() => fields.id),
    serviceDay: text('service_day').notNull(),
    /** Slot start (slot bookings) or the estimated time of the call (remote numbers), epoch ms. */
    slotAt: integer('slot_at').notNull(),
    /** Last moment a check-in counts as on time; after it the booking lapses. */
    deadlineAt: integer('deadline_at').notNull(),
    codeHash: text('code_hash').notNull().unique(),
    status: text('status', { enum: ['booked', 'checked_in', 'cancelled', 'lapsed'] }).notNull().default('booked'),
    phone: text('phone'),
    name: text('name'),
    citizenId: text('citizen_id'),
    createdAt: integer('created_at').notNull(),
    /** Set at check-in: the ticket it became and whether it came on time (late ones are walk-ins). */
    ticketId: integer('ticket_id'),
    onTime: integer('on_time', { mode: 'boolean' }),
    checkedInAt: integer('checked_in_at'),
    endedAt: integer('ended_at'),
    erasedAt: integer('erased_at'),
  },
  (t) => [
    index('bookings_slot').on(t.fieldId, t.serviceDay, t.slotAt, t.status),
    index('bookings_phone_day').on(t.phone, t.serviceDay),
    index('bookings_status_deadline').on(t.status, t.deadlineAt),
  ],
);
