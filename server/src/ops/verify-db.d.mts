/** What is wrong with `file` as a Lượt database, in words, or null when it is sound (see verify-db.mjs). */
export function databaseProblem(file: string, settle: boolean): string | null;
