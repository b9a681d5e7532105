import { spawn } from 'node:child_process';
import { request } from 'node:http';
import { join } from 'node:path';
import type { CenterInfo, ServerMessage } from '@luot/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { repoRoot, ServerProcess } from '../support/server-process.ts';

/**
 * A sign-in flood from one address against the real server process with the real password cost (scrypt,
 * N = 2^17), while the demo center works. Before the fix the kiosk page took 57 s to load and a sign-in 32 s;
 * the 1 s bounds are generous on purpose.
 */
let server: ServerProcess;

beforeAll(async () => {
  server = await ServerProcess.start({ demo: true, passwordCost: 'production' });
});
afterAll(async () => server?.dispose());

interface Answer {
  status: number;
  body: string;
}

/** An HTTP request from a chosen local address, so machines on the LAN can be told apart. */
function call(method: string, path: string, body: unknown, options: { from?: string; token?: string } = {}): Promise<Answer> {
  const payload = body === undefined ? '' : JSON.stringify(body);
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: '127.0.0.1',
        port: server.port,
        path,
        method,
        localAddress: options.from ?? '127.0.0.1',
        headers: {
          ...(payload ? { 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload) } : {}),
          ...(options.token ? { authorization: `Bearer ${options.token}` } : {}),
        },
      },
      (res) => {
        let text = '';
        res.on('data', (d: Buffer) => (text += d.toString('utf8')));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text }));
      },
    );
    req.on('error', reject);
    req.end(payload);
  });
}

const json = <T>(answer: Answer) => JSON.parse(answer.body) as T;

/** How long work took; still running after 10 s counts as stalled, so a stall fails the test instead of hanging it. */
async function timed<T>(work: () => Promise<T>): Promise<{ value: T | 'stalled'; ms: number }> {
  const started = performance.now();
  let timer: NodeJS.Timeout | undefined;
  const stalled = new Promise<'stalled'>((resolve) => (timer = setTimeout(() => resolve('stalled'), 10_000)));
  const value = await Promise.race([work(), stalled]);
  clearTimeout(timer);
  return { value, ms: performance.now() - started };
}

/** The kiosk page as a browser loads it: the HTML, then every script and stylesheet it names. */
async function loadKioskPage(): Promise<number[]> {
  const html = await fetch(`${server.url}/kiosk/`);
  const text = await html.text();
  const assets = [...text.matchAll(/(?:src|href)="(\/kiosk\/assets\/[^"]+)"/g)].map((m) => m[1] ?? '');
  expect(assets.length).toBeGreaterThan(0);
  const statuses = await Promise.all(assets.map(async (a) => (await fetch(`${server.url}${a}`).then(async (r) => (await r.arrayBuffer(), r.status)))));
  return [html.status, ...statuses];
}

/** A counter screen on /ws, resolving when it hears a call. */
async function counterScreen(token: string): Promise<{ nextCall: () => Promise<unknown>; close: () => void }> {
  const ws = new WebSocket(`ws://127.0.0.1:${server.port}/ws`);
  const messages: ServerMessage[] = [];
  let waiter: ((m: ServerMessage) => void) | null = null;
  ws.on('message', (raw: Buffer) => {
    const message = JSON.parse(raw.toString('utf8')) as ServerMessage;
    messages.push(message);
    waiter?.(message);
  });
  await new Promise((resolve) => ws.once('open', resolve));
  ws.send(JSON.stringify({ type: 'hello', protocol: 1, token }));
  await new Promise<void>((resolve) => {
    waiter = (m) => m.type === 'snapshot' && resolve();
  });
  return {
    nextCall: () =>
      new Promise((resolve) => {
        waiter = (m) => m.type === 'delta' && m.change.call !== undefined && resolve(m);
      }),
    close: () => ws.close(),
  };
}

describe('a sign-in flood does not stall the center', () => {
  it('under 40 parallel sign-ins from one address: the kiosk page loads, a ticket is issued and a call reaches the counter screen within 1 s', async () => {
    const demo = (kind: string, extra = '') => call('GET', `/api/demo/device?kind=${kind}${extra}`, undefined).then((a) => json<{ token: string }>(a).token);
    const kiosk = await demo('kiosk');
    const screen = await counterScreen(await demo('counter_display', '&counter=1'));
    const fieldId = json<CenterInfo>(await call('GET', '/api/center', undefined, { token: kiosk })).fields.find((f) => f.code === 'tu-phap-ho-tich')?.id;
    const officer = await call('POST', '/api/auth/login', { username: 'quay1', password: server.account('quay1').password }, { from: '127.0.0.3' });
    expect(officer.status).toBe(200);
    const officerToken = json<{ token: string }>(officer).token;
    const counters = json<{ id: number; number: number }[]>(await call('GET', '/api/counters', undefined, { token: officerToken }));
    const counterId = counters.find((c) => c.number === 1)?.id;
    expect((await call('POST', `/api/counters/${counterId}/join`, undefined, { token: officerToken })).status).toBe(200);

    // The flood: a process of its own keeps forty sign-ins with invented usernames in flight.
    const flooder = spawn(process.execPath, ['--import', 'tsx', join(repoRoot, 'tests/support/sign-in-flooder.ts'), server.url, '40'], {
      cwd: join(repoRoot, 'tests'),
      stdio: ['pipe', 'pipe', 'inherit'],
    });
    let output = '';
    const finished = new Promise<void>((resolve) => flooder.once('exit', () => resolve()));
    await new Promise<void>((resolve, reject) => {
      flooder.stdout.on('data', (d: Buffer) => {
        output += d.toString('utf8');
        if (output.includes('flooding\n')) resolve();
      });
      void finished.then(() => reject(new Error(`the flooder stopped early: ${output}`)));
    });

    try {
      const page = await timed(loadKioskPage);
      const ticket = await timed(() => call('POST', '/api/tickets', { fieldId }, { token: kiosk }));
      const heard = screen.nextCall();
      const called = await timed(async () => {
        const answer = await call('POST', `/api/counters/${counterId}/call-next`, undefined, { token: officerToken });
        expect(answer.status).toBe(200);
        return heard;
      });
      // A colleague signing in from another machine meanwhile gets in.
      const colleague = await timed(() => call('POST', '/api/auth/login', { username: 'quay2', password: server.account('quay2').password }, { from: '127.0.0.2' }));
      console.log(
        `during the flood: kiosk page ${page.ms.toFixed(0)} ms, ticket ${ticket.ms.toFixed(0)} ms, call to the counter screen ${called.ms.toFixed(0)} ms, ` +
          `colleague's sign-in ${colleague.ms.toFixed(0)} ms`,
      );
      expect(page.value).not.toBe('stalled');
      if (page.value !== 'stalled') expect(page.value.every((s) => s === 200)).toBe(true);
      expect(ticket.value).toMatchObject({ status: 201 });
      expect(called.value).not.toBe('stalled');
      expect(colleague.value).toMatchObject({ status: 200 });
      expect(page.ms).toBeLessThan(1000);
      expect(ticket.ms).toBeLessThan(1000);
      expect(called.ms).toBeLessThan(1000);
    } finally {
      flooder.stdin.end();
      await finished;
      screen.close();
    }

    // The flood got quick refusals that say when to come back; never a hang, a crash or a 500.
    const summary = JSON.parse(output.split('\n').filter(Boolean).at(-1) ?? '{}') as { sent: number; statuses: Record<string, number>; unclear: string[] };
    console.log(`the flood: ${summary.sent} sign-ins, answered ${JSON.stringify(summary.statuses)}`);
    expect(Object.keys(summary.statuses).every((s) => ['401', '429', '503'].includes(s)), JSON.stringify(summary.statuses)).toBe(true);
    expect(summary.unclear).toEqual([]);
    expect((await fetch(`${server.url}/api/health`)).status).toBe(200);
  }, 120_000);
});
