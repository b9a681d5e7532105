import { resolve } from 'node:path';

/**
 * The server package's folder. This file sits one level below it both as source (server/src/paths.ts) and inside
 * the compiled bundle (server/dist/luot.js), so every path to the server's own files (migrations, fonts, the repo's
 * apps) is taken from here and stays right in both.
 */
export const serverRoot = resolve(import.meta.dirname, '..');
export const repoRoot = resolve(serverRoot, '..');
export const migrationsFolder = resolve(serverRoot, 'drizzle');
