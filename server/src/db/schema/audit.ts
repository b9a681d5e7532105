import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';

/** Who changed the center's set-up, and when: every admin and supervisor settings change writes one row. */
export const auditLog = sqliteTable(
  'audit_log',
  {
    id: integer('id').primaryKey(),
    at: integer('at').notNull(),
    actorId: integer('actor_id'),
    action: text('action').notNull(),
    entity: text('entity').notNull(),
    entityId: integer('entity_id'),
    details: text('details', { mode: 'json' }).notNull(),
  },
  (t) => [index('audit_at').on(t.at)],
);
