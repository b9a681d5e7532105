import { sql } from 'drizzle-orm';
import { index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';

export const staff = sqliteTable('staff', {
  id: integer('id').primaryKey(),
  username: text('username').notNull().unique(),
  displayName: text('display_name').notNull(),
  role: text('role', { enum: ['officer', 'supervisor', 'admin'] }).notNull(),
  /** scrypt$N$r$p$salt$hash, see auth/password.ts */
  passwordHash: text('password_hash').notNull(),
  active: integer('active', { mode: 'boolean' }).notNull().default(true),
  createdAt: integer('created_at').notNull(),
});

/** Staff sessions live in the database so a server restart does not sign anyone out. */
export const sessions = sqliteTable(
  'sessions',
  {
    tokenHash: text('token_hash').primaryKey(),
    staffId: integer('staff_id')
      .notNull()
      .references(() => staff.id),
    counterId: integer('counter_id'),
    createdAt: integer('created_at').notNull(),
    expiresAt: integer('expires_at').notNull(),
  },
  (t) => [
    index('sessions_staff').on(t.staffId),
    // One seat per counter, held by one session: a stale session can never act at a counter that passed on.
    uniqueIndex('sessions_one_seat_per_counter').on(t.counterId).where(sql`counter_id IS NOT NULL`),
  ],
);

export const devices = sqliteTable('devices', {
  id: integer('id').primaryKey(),
  kind: text('kind', { enum: ['kiosk', 'counter_display', 'hall_board'] }).notNull(),
  name: text('name').notNull(),
  counterId: integer('counter_id'),
  /** Per-screen settings an admin sets (hall boards: sound on/off and volume). */
  settings: text('settings', { mode: 'json' }).notNull().default(sql`'{}'`),
  /** Kiosks only: the printer their receipts go to; null prints nothing. */
  printerId: integer('printer_id'),
  tokenHash: text('token_hash').unique(),
  /** Device tokens slide forward while used and can be renewed by the device itself once expired. */
  tokenExpiresAt: integer('token_expires_at'),
  pairingCodeHash: text('pairing_code_hash'),
  pairingExpiresAt: integer('pairing_expires_at'),
  pairedAt: integer('paired_at'),
  lastSeenAt: integer('last_seen_at'),
  revokedAt: integer('revoked_at'),
  createdAt: integer('created_at').notNull(),
});
