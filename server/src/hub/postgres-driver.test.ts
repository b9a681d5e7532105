import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serverRoot } from '../paths.ts';
import { freshHubDatabase } from '../test-support/test-hub.ts';

const run = promisify(execFile);
let db: Awaited<ReturnType<typeof freshHubDatabase>>;
beforeAll(async () => {
  db = await freshHubDatabase();
});
afterAll(async () => db.drop());

/*
 * postgres.js 3.4.9 throws from a setImmediate when a small write is flushed after its connection closed
 * (porsager/postgres#1154, #1208): an uncaught TypeError that ends the whole hub process. Run in a child process,
 * because the crash is uncatchable by design: the driver is patched (patches/postgres@3.4.9.patch, the upstream
 * guard of pull request #1209), so the query is refused with CONNECTION_CLOSED and the process lives on.
 */
const script = `
import postgres from 'postgres';
const url = process.argv[1];
const sql = postgres(url, { max: 2, onnotice: () => {} });
const killer = postgres(url, { max: 1, onnotice: () => {} });
const reserved = await sql.reserve();
const [{ pid }] = await reserved\`select pg_backend_pid() as pid\`;
await killer\`select pg_terminate_backend(\${pid})\`;
const outcomes = [];
// A later query on the dead reserved connection may never settle (the driver does not reconnect a reserved
// connection): each gets 3 s, then counts as 'unanswered', so the child always reports.
const unanswered = () => new Promise((r) => setTimeout(() => r('unanswered'), 3000).unref());
for (let i = 0; i < 5; i++) {
  outcomes.push(await Promise.race([reserved\`select 1 as x\`.then(() => 'ok', (e) => e.code ?? String(e)), unanswered()]));
  await new Promise((r) => setImmediate(r));
}
console.log(JSON.stringify(outcomes));
// The crash came from a setImmediate while those queries were written, and each query above gave it its turns.
// Ending the pools can wait on the dead socket for a long time (the test timed out on it): leave at once.
process.exit(0);
`;

describe('the PostgreSQL driver when the server ends a connection', () => {
  it('refuses queries on the dead connection with CONNECTION_CLOSED instead of crashing the process', async () => {
    const child = await run(process.execPath, ['--input-type=module', '-e', script, db.url], { cwd: serverRoot, timeout: 40_000 }).catch(
      (error: { code: number; stdout: string; stderr: string }) => ({ stdout: error.stdout, stderr: `exit ${error.code}: ${error.stderr}` }),
    );
    expect(child.stderr).toBe('');
    const outcomes = JSON.parse(child.stdout.trim()) as string[];
    expect(outcomes.length).toBe(5);
    expect(outcomes[0]).not.toBe('ok');
    // Nothing on the dead connection succeeds; the process lived through every write to it.
    expect(outcomes.filter((o) => o === 'ok')).toEqual([]);
  }, 60_000);
});
