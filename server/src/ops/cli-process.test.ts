import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serverRoot } from '../paths.ts';
import { VERSION } from '../version.ts';
import { setupForm } from '../test-support/setup-fixtures.ts';
import { listBackups } from './backup.ts';

/*
 * The compiled `luot` command as a center runs it: built with `node build.mjs`, started as a child process on a
 * temporary database, stopped with SIGTERM or killed with SIGKILL.
 */
const run = promisify(execFile);
const luot = join(serverRoot, 'bin', 'luot.mjs');
let dir: string;

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer().listen(0, '127.0.0.1', () => {
      const a = srv.address();
      srv.close(() => (typeof a === 'object' && a ? resolve(a.port) : reject(new Error('no port'))));
    });
  });
}

interface Running {
  child: ChildProcess;
  output: () => string;
  port: number;
  exited: Promise<number | null>;
}

function envFor(port: number, extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, PORT: String(port), HOST: '127.0.0.1', LUOT_DB: join(dir, 'luot.db'), LUOT_ENV_FILE: join(dir, 'none.env'), ...extra };
  delete env.LUOT_DEMO;
  delete env.LOG_LEVEL;
  return { ...env, ...extra };
}

async function start(extra: Record<string, string> = {}): Promise<Running> {
  const port = await freePort();
  const child = spawn(process.execPath, [luot, 'start'], { env: envFor(port, extra), stdio: ['ignore', 'pipe', 'pipe'] });
  let text = '';
  child.stdout.on('data', (d: Buffer) => (text += d.toString('utf8')));
  child.stderr.on('data', (d: Buffer) => (text += d.toString('utf8')));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  // Ready means the banner is out (printed after listen), so the output checks below see all of it.
  for (;;) {
    if (child.exitCode !== null) throw new Error(`server exited early:\n${text}`);
    if (text.includes('Sao lưu / Backups:')) break;
    await new Promise((r) => setTimeout(r, 50));
  }
  return { child, output: () => text, port, exited };
}

async function cli(args: string[], port = 1): Promise<{ code: number; out: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, [luot, ...args], { env: envFor(port) });
    return { code: 0, out: stdout + stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, out: e.stdout + e.stderr };
  }
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'luot-cli-'));
  await run(process.execPath, ['build.mjs'], { cwd: serverRoot });
}, 120_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('luot start (compiled JavaScript)', () => {
  let password = '';

  it('first production start: no demo, prints the setup address and the admin one-time password once; SIGTERM stops cleanly', async () => {
    const server = await start({ LOG_LEVEL: 'info' });
    const out = server.output();
    expect(out).toContain(`Lượt ${VERSION}`);
    expect(out).toContain(`/console/#/setup`);
    expect(out).toContain(join(dir, 'luot.db'));
    const line = /^\s{2}admin\s+admin\s+(\S+)\s+\(mật khẩu dùng một lần/m.exec(out);
    expect(line?.[1]).toBeTruthy();
    password = line?.[1] ?? '';
    expect(out).not.toContain('giamsat');

    const base = `http://127.0.0.1:${server.port}`;
    const health = (await (await fetch(`${base}/api/health`)).json()) as { version: string };
    expect(health.version).toBe(VERSION);
    const login = await fetch(`${base}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'admin', password }) });
    expect(login.status).toBe(200);
    const { token } = (await login.json()) as { token: string };
    // No demo: no fields, no counters.
    const center = (await (await fetch(`${base}/api/queue`, { headers: { authorization: `Bearer ${token}` } })).json()) as { fields: unknown[]; counters: unknown[] };
    expect(center.fields).toEqual([]);
    expect(center.counters).toEqual([]);
    // At info, requests leave no line in the log.
    expect(server.output()).not.toContain('incoming request');
    expect(server.output()).not.toContain('request completed');

    server.child.kill('SIGTERM');
    expect(await server.exited).toBe(0);
    expect(server.output()).toContain('Lượt đã dừng an toàn (SIGTERM)');
    expect(server.output()).toContain('Lượt stopped cleanly');
    expect(existsSync(join(dir, 'luot.pid'))).toBe(false);
  }, 60_000);

  it('a later start prints no password but the unfinished setup; finishing it on the console clears it everywhere; at debug the request lines carry no passwords or tokens', async () => {
    const server = await start({ LOG_LEVEL: 'debug' });
    expect(server.output()).not.toContain('Lần khởi động đầu tiên');
    expect(server.output()).not.toContain(password);
    expect(server.output()).toContain('The center\'s setup is not finished');
    expect((await cli(['status'], server.port)).out).toContain('Setup: CHƯA XONG / NOT FINISHED');
    const base = `http://127.0.0.1:${server.port}`;
    const login = await fetch(`${base}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'admin', password }) });
    const { token } = (await login.json()) as { token: string };
    await fetch(`${base}/api/auth/me`, { headers: { authorization: `Bearer ${token}` } });
    // The console's setup screen finishes the setup: `luot status` reads the same record.
    const setup = await fetch(`${base}/api/setup`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body: JSON.stringify(setupForm) });
    expect(setup.status).toBe(201);
    expect((await cli(['status'], server.port)).out).toContain('Thiết lập / Setup: xong / done');
    await fetch(`${base}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'admin', password: 'wrong-password-123' }) });
    server.child.kill('SIGTERM');
    await server.exited;
    const out = server.output();
    expect(out).toContain('request completed');
    expect(out).not.toContain(password);
    expect(out).not.toContain(token);
    expect(out).not.toContain('wrong-password-123');
  }, 60_000);

  it('backup runs beside the server; restore is refused while it runs and works after a SIGKILL', async () => {
    const server = await start();
    const backup = await cli(['backup']);
    expect(backup.code).toBe(0);
    expect(backup.out).toContain('Backed up and checked');
    const [made] = listBackups(join(dir, 'backups'));
    expect(made?.reason).toBe('command');

    const refused = await cli(['restore', made!.file]);
    expect(refused.code).toBe(1);
    expect(refused.out).toContain(`pid ${server.child.pid}`);
    expect(refused.out).toContain('Stop it first');

    const status = await cli(['status'], server.port);
    expect(status.code).toBe(0);
    expect(status.out).toContain(`version ${VERSION}`);

    // A power cut: the server dies without cleaning up; its pid file stays behind.
    server.child.kill('SIGKILL');
    await server.exited;
    expect(existsSync(join(dir, 'luot.pid'))).toBe(true);
    const restored = await cli(['restore', made!.file]);
    expect(restored.code).toBe(0);
    expect(restored.out).toContain('Restored and checked');
    const db = new Database(join(dir, 'luot.db'), { readonly: true });
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    expect((db.prepare("SELECT count(*) AS n FROM staff WHERE username = 'admin'").get() as { n: number }).n).toBe(1);
    db.close();

    const again = await start();
    expect(again.output()).not.toContain('Lần khởi động đầu tiên');
    expect(again.output()).not.toContain('setup is not finished');
    again.child.kill('SIGTERM');
    expect(await again.exited).toBe(0);
  }, 90_000);

  it('doctor says what to fix in Vietnamese and English', async () => {
    const result = await cli(['doctor']);
    expect(result.out).toMatch(/\[ OK \] database: Cơ sở dữ liệu nguyên vẹn/);
    expect(result.out).toMatch(/database: Database is sound/);
    expect(result.out).toMatch(/backup: Sao lưu gần nhất/);
    expect(result.out).toMatch(/port: .*Máy chủ chưa chạy/);
    expect(result.out).toMatch(/port: The server is not running/);
    rmSync(join(dir, 'backups'), { recursive: true, force: true });
    const noBackup = await cli(['doctor']);
    expect(noBackup.code).toBe(1);
    expect(noBackup.out).toContain('Chưa có bản sao lưu nào');
    expect(noBackup.out).toContain('No backup in');
  }, 60_000);
});
