import { integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';

/** Center-wide settings as JSON documents keyed by name ('center', 'rules'); few rows, read often. */
export const settings = sqliteTable('settings', {
  key: text('key').primaryKey(),
  value: text('value', { mode: 'json' }).notNull(),
  updatedAt: integer('updated_at').notNull(),
});
