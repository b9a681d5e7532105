import { defineConfig } from 'drizzle-kit';

/** The province hub's PostgreSQL schema; its migrations live apart from the center's SQLite ones. */
export default defineConfig({
  dialect: 'postgresql',
  schema: './src/hub/db/schema.ts',
  out: './drizzle-hub',
});
