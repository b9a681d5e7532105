import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { spawn } from 'node:child_process';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ServerMessage } from '@luot/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addCounter, addField, addStaff, deviceToken } from '../test-support/fixtures.ts';
import { baseUrl, startTestServer, type TestServer } from '../test-support/test-app.ts';
import { TestSocket } from '../test-support/ws-client.ts';

/**
 * A sign-in flood from one address against the real password cost (scrypt N = 2^17), while the center works.
 * The bounds are generous on purpose: before the fix the kiosk page took 57 s and a sign-in 32 s.
 */
let server: TestServer;
let url = '';
const SCRIPT = `export const filler = "${'x'.repeat(300_000)}";\n`;

beforeAll(async () => {
  const dir = mkdtempSync(join(tmpdir(), 'luot-flood-'));
  mkdirSync(join(dir, 'kiosk/dist/assets'), { recursive: true });
  writeFileSync(join(dir, 'kiosk/dist/index.html'), '<!doctype html><title>kiosk</title><script type="module" src="/kiosk/assets/app.js"></script>');
  writeFileSync(join(dir, 'kiosk/dist/assets/app.js'), SCRIPT);
  server = await startTestServer({ dir, listen: true, scrypt: 'production' });
  url = baseUrl(server);
}, 60_000);
afterAll(async () => server?.dispose(), 60_000);

interface Answer {
  status: number;
  body: string;
  retryAfter: string | undefined;
}

/** A JSON POST from a chosen local address, so two "machines" on the LAN can be told apart. */
function post(path: string, body: unknown, options: { from?: string; token?: string } = {}): Promise<Answer> {
  const { hostname, port } = new URL(url);
  const payload = JSON.stringify(body);
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: hostname,
        port,
        path,
        method: 'POST',
        localAddress: options.from ?? '127.0.0.1',
        headers: {
          'content-type': 'application/json',
          'content-length': Buffer.byteLength(payload),
          ...(options.token ? { authorization: `Bearer ${options.token}` } : {}),
        },
      },
      (res) => {
        let text = '';
        res.on('data', (d: Buffer) => (text += d.toString('utf8')));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text, retryAfter: res.headers['retry-after'] }));
      },
    );
    req.on('error', reject);
    req.end(payload);
  });
}

/** How long work took; work still running after 10 s counts as failed, so a stall fails the test instead of hanging it. */
async function timed<T>(work: () => Promise<T>): Promise<{ value: T | 'stalled'; ms: number }> {
  const started = performance.now();
  let timer: NodeJS.Timeout | undefined;
  const stalled = new Promise<'stalled'>((resolve) => (timer = setTimeout(() => resolve('stalled'), 10_000)));
  const value = await Promise.race([work(), stalled]);
  clearTimeout(timer);
  return { value, ms: performance.now() - started };
}

describe('a sign-in flood does not stall the center', () => {
  it('under 40 parallel sign-ins from one address: the kiosk page loads, a ticket is issued and a call reaches the counter screen within 1 s', async () => {
    const fieldId = addField(server, { code: 'a', prefix: 'A' });
    const counterId = addCounter(server, 1, [fieldId]);
    const officer = await addStaff(server, 'quay1', 'officer');
    const officerSession = await post('/api/auth/login', { username: officer.username, password: officer.password }, { from: '127.0.0.3' });
    expect(officerSession.status).toBe(200);
    const officerToken = (JSON.parse(officerSession.body) as { token: string }).token;
    expect((await post(`/api/counters/${counterId}/join`, {}, { token: officerToken })).status).toBe(200);
    const kiosk = deviceToken(server, 'kiosk');
    const screen = await TestSocket.hello(`${url.replace('http', 'ws')}/ws`, deviceToken(server, 'counter_display', counterId));

    // The flood: a process of its own keeps forty sign-ins with invented usernames in flight.
    const flooder = spawn(process.execPath, ['--import', 'tsx', join(import.meta.dirname, '../test-support/sign-in-flooder.ts'), url, '40'], {
      stdio: ['pipe', 'pipe', 'inherit'],
    });
    let output = '';
    const flooding = new Promise<void>((resolve, reject) => {
      flooder.stdout.on('data', (d: Buffer) => {
        output += d.toString('utf8');
        if (output.includes('flooding\n')) resolve();
      });
      flooder.once('exit', (code) => reject(new Error(`flooder exited early (${code}): ${output}`)));
    });
    const finished = new Promise<void>((resolve) => flooder.once('exit', () => resolve()));
    await flooding;

    try {
      const page = await timed(() => fetch(`${url}/kiosk/`).then(async (r) => ({ status: r.status, text: await r.text() })));
      const script = await timed(() => fetch(`${url}/kiosk/assets/app.js`).then(async (r) => ({ status: r.status, size: (await r.text()).length })));
      const ticket = await timed(() => post('/api/tickets', { fieldId }, { token: kiosk }));
      const call = await timed(async () => {
        const heard = screen.waitNew((m: ServerMessage) => m.type === 'delta' && m.change.call !== undefined, 10_000);
        const answer = await post(`/api/counters/${counterId}/call-next`, {}, { token: officerToken });
        expect(answer.status).toBe(200);
        return heard.catch(() => 'stalled' as const);
      });
      // A colleague signing in from another machine meanwhile gets in.
      const colleague = await addStaff(server, 'quay2', 'officer');
      const signIn = await timed(() => post('/api/auth/login', { username: colleague.username, password: colleague.password }, { from: '127.0.0.2' }));
      console.log(
        `during the flood: kiosk page ${page.ms.toFixed(0)} ms, script ${script.ms.toFixed(0)} ms, ticket ${ticket.ms.toFixed(0)} ms, ` +
          `call to screen ${call.ms.toFixed(0)} ms, colleague's sign-in ${signIn.ms.toFixed(0)} ms`,
      );

      expect(page.value).toMatchObject({ status: 200 });
      expect(script.value).toEqual({ status: 200, size: SCRIPT.length });
      expect(ticket.value).toMatchObject({ status: 201 });
      expect(call.value).not.toBe('stalled');
      expect(signIn.value).toMatchObject({ status: 200 });
      expect(page.ms).toBeLessThan(1000);
      expect(script.ms).toBeLessThan(1000);
      expect(ticket.ms).toBeLessThan(1000);
      expect(call.ms).toBeLessThan(1000);
    } finally {
      flooder.stdin.end();
      await finished;
      screen.close();
    }

    // The flood got quick refusals that say when to come back, never a hang or a crash.
    const summary = JSON.parse(output.split('\n').filter(Boolean).at(-1) ?? '{}') as { sent: number; statuses: Record<string, number>; unclear: string[] };
    console.log(`the flood: ${summary.sent} sign-ins, answered ${JSON.stringify(summary.statuses)}`);
    expect(Object.keys(summary.statuses).every((s) => ['401', '429', '503'].includes(s)), JSON.stringify(summary.statuses)).toBe(true);
    expect(summary.unclear).toEqual([]);
  }, 120_000);
});
