/** What is wrong with `file` as a Lượt database, in words, or null when it is sound (see verify-db.mjs). */
export function databaseProblem(file: string, settle: boolean): string | null;
/** Copies `source` into `target` (VACUUM INTO), checks and flushes the copy; null, or the stage that failed and why. */
export function copyDatabase(source: string, target: string): { stage: 'copy' | 'check'; problem: string } | null;
