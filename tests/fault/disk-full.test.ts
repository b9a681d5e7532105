import { execFileSync, spawnSync } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, rmSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CenterInfo, CenterSnapshot, ErrorBody, IssuedTicket, LoginResponse, ServerMessage } from '@luot/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { repoRoot, ServerProcess } from '../support/server-process.ts';

/**
 * The disk fills up under a running center: the server, its database and its voice cache live on a 24 MiB
 * tmpfs this test mounts (so it needs root, as in CI; elsewhere it is skipped and says why), and a file eats the
 * rest of the space. Issuing must be refused cleanly (STORAGE_FULL), nothing may be corrupted or half-written,
 * screens stay connected, and issuing resumes the moment space returns.
 */
const root = typeof process.getuid === 'function' && process.getuid() === 0;
if (!root) console.log('disk-full test skipped: mounting a small tmpfs needs root (CI runs the suite as root)');

let mount = '';
let server: ServerProcess | undefined;

beforeAll(async () => {
  if (!root) return;
  mount = mkdtempSync(join(tmpdir(), 'luot-diskfull-'));
  execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=24m,mode=0700', 'tmpfs', mount]);
  server = await ServerProcess.start({
    demo: true,
    dir: mount,
    env: { LUOT_VOICE_CACHE: join(mount, 'voice-cache'), LUOT_HEARTBEAT_MS: '300' },
  });
});
afterAll(async () => {
  if (!root) return;
  await server?.stop();
  spawnSync('umount', [mount]);
  rmSync(mount, { recursive: true, force: true });
});

/** Writes zeros until the filesystem is full; returns the file, to be deleted when space should return. */
function fillDisk(dir: string): string {
  const file = join(dir, 'filler');
  const fd = openSync(file, 'w');
  try {
    for (const size of [1 << 20, 1 << 12, 1]) {
      const chunk = Buffer.alloc(size);
      for (;;) {
        try {
          writeSync(fd, chunk);
        } catch (error) {
          if ((error as { code?: string }).code !== 'ENOSPC') throw error;
          break;
        }
      }
    }
  } finally {
    closeSync(fd);
  }
  return file;
}

/** PRAGMA integrity_check on the stopped server's database, with the server's own SQLite. */
function integrity(dbFile: string): string {
  const script = `const db = new (require('better-sqlite3'))(process.argv[1]); console.log(db.pragma('integrity_check', { simple: true })); db.close();`;
  return execFileSync(process.execPath, ['-e', script, dbFile], { cwd: join(repoRoot, 'server'), encoding: 'utf8' }).trim();
}

describe.skipIf(!root)('a full disk', () => {
  it('refuses with STORAGE_FULL, corrupts nothing, keeps screens connected, and issues again once space returns', async () => {
    if (!server) throw new Error('no server');
    const url = server.url;
    const login = await fetch(`${url}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'giamsat', password: server.account('giamsat').password }),
    });
    const staff = ((await login.json()) as LoginResponse).token;
    const auth = { authorization: `Bearer ${staff}` };
    const fieldId = ((await (await fetch(`${url}/api/center`, { headers: auth })).json()) as CenterInfo).fields.find((f) => f.code === 'tu-phap-ho-tich')?.id;
    const issue = () => fetch(`${url}/api/tickets`, { method: 'POST', headers: { ...auth, 'content-type': 'application/json' }, body: JSON.stringify({ fieldId }) });

    // The hall board, connected throughout; its heartbeat re-checks its token every 300 ms, full disk or not.
    const { token: boardToken } = (await (await fetch(`${url}/api/demo/device?kind=hall_board`)).json()) as { token: string };
    const board = new WebSocket(`${url.replace('http', 'ws')}/ws`);
    const heard: ServerMessage[] = [];
    let boardClosed: number | null = null;
    board.on('message', (raw: Buffer) => heard.push(JSON.parse(raw.toString('utf8')) as ServerMessage));
    board.on('close', (code) => (boardClosed = code));
    await new Promise((resolve) => board.once('open', resolve));
    board.send(JSON.stringify({ type: 'hello', protocol: 1, token: boardToken }));
    /** Resolves after `count` more heartbeats reach the board; a board that gets closed meanwhile fails the wait. */
    const pingsAfter = (count: number) =>
      new Promise<void>((resolve, reject) => {
        const target = heard.filter((m) => m.type === 'ping').length + count;
        const check = () => {
          if (heard.filter((m) => m.type === 'ping').length < target) return;
          board.off('message', check);
          board.off('close', closed);
          resolve();
        };
        const closed = (code: number) => reject(new Error(`the board was closed (${code}); server output:\n${server?.output.slice(-3000) ?? ''}`));
        board.on('message', check);
        board.once('close', closed);
      });
    await pingsAfter(1);

    const numbers: string[] = [];
    for (let i = 0; i < 5; i++) {
      const res = await issue();
      expect(res.status).toBe(201);
      numbers.push(((await res.json()) as IssuedTicket).ticket.number);
    }

    const filler = fillDisk(server.dir);
    let refusal: { status: number; body: ErrorBody; retryAfter: string | null } | null = null;
    for (let i = 0; i < 2000 && !refusal; i++) {
      const res = await issue();
      if (res.status === 201) numbers.push(((await res.json()) as IssuedTicket).ticket.number);
      else refusal = { status: res.status, body: (await res.json()) as ErrorBody, retryAfter: res.headers.get('retry-after') };
    }
    expect(refusal, 'the disk never filled up').not.toBeNull();
    expect(refusal?.status).toBe(503);
    expect(refusal?.body.code).toBe('STORAGE_FULL');
    expect(refusal?.body.message.vi).toContain('quản trị viên');
    expect(refusal?.retryAfter).not.toBeNull();
    // It stays a clean refusal, the server stays up, and the board stays connected through its heartbeats.
    for (let i = 0; i < 3; i++) expect((await issue()).status).toBe(503);
    expect((await fetch(`${url}/api/health`)).status).toBe(200);
    await pingsAfter(3);
    expect(boardClosed).toBeNull();
    // A screen switched on now (never seen before, so the server would note when it was seen) still gets in.
    const { token: screenToken } = (await (await fetch(`${url}/api/demo/device?kind=counter_display&counter=2`)).json()) as { token: string };
    const screen = new WebSocket(`${url.replace('http', 'ws')}/ws`);
    await new Promise((resolve) => screen.once('open', resolve));
    const welcomed = new Promise<string>((resolve) => {
      screen.on('message', (raw: Buffer) => {
        const m = JSON.parse(raw.toString('utf8')) as ServerMessage;
        if (m.type === 'snapshot' || m.type === 'error') resolve(m.type);
      });
      screen.once('close', (code) => resolve(`closed ${code}`));
    });
    screen.send(JSON.stringify({ type: 'hello', protocol: 1, token: screenToken }));
    expect(await welcomed).toBe('snapshot');
    screen.close();
    expect((await fetch(`${url}/api/health`)).status).toBe(200);

    // Space returns: the next number follows the last one issued, with none lost or doubled.
    rmSync(filler);
    const again = await issue();
    expect(again.status).toBe(201);
    numbers.push(((await again.json()) as IssuedTicket).ticket.number);
    expect(numbers).toEqual(numbers.map((_, i) => `A${String(i + 1).padStart(3, '0')}`));
    const queue = (await (await fetch(`${url}/api/queue`, { headers: auth })).json()) as CenterSnapshot;
    expect(queue.queue.filter((t) => t.fieldId === fieldId).map((t) => t.number)).toEqual(numbers);
    board.close();

    // After a restart the database opens, holds every number, and passes SQLite's integrity check.
    await server.restart();
    const afterRestart = (await (await fetch(`${url}/api/queue`, { headers: auth })).json()) as CenterSnapshot;
    expect(afterRestart.queue.filter((t) => t.fieldId === fieldId).map((t) => t.number)).toEqual(numbers);
    await server.stop();
    expect(integrity(join(server.dir, 'luot.db'))).toBe('ok');
  }, 120_000);
});
