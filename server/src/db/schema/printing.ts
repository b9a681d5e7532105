import { integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';

/** Receipt printers; each kiosk may be mapped to one (devices.printer_id). */
export const printers = sqliteTable('printers', {
  id: integer('id').primaryKey(),
  name: text('name').notNull(),
  /** tcp://host:9100 or usb:/dev/usb/lp0 */
  uri: text('uri').notNull(),
  widthDots: integer('width_dots').notNull().default(576),
  active: integer('active', { mode: 'boolean' }).notNull().default(true),
  createdAt: integer('created_at').notNull(),
});
