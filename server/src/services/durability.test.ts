import type { CounterActionResponse, IssuedTicket } from '@luot/shared';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { bearer, issue, login, smallCenter } from '../test-support/fixtures.ts';
import { baseUrl, startTestServer, TestClock, type TestServer } from '../test-support/test-app.ts';

const servers: TestServer[] = [];
const dirs: string[] = [];
afterEach(async () => {
  for (const s of servers.splice(0)) await s.stop();
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

function tempDir() {
  const dir = mkdtempSync(join(tmpdir(), 'luot-durable-'));
  dirs.push(dir);
  return dir;
}

async function start(dir: string, clock = new TestClock(), listen = false) {
  const s = await startTestServer({ dir, clock, listen });
  servers.push(s);
  return s;
}

describe('restart', () => {
  it('keeps waiting tickets, counters, sessions and numbering across a stop and start on the same file', async () => {
    const dir = tempDir();
    const clock = new TestClock();
    const first = await start(dir, clock);
    const c = await smallCenter(first);
    for (let i = 0; i < 3; i++) await issue(first, c.kiosk, c.fieldA);
    await first.app.inject({ method: 'POST', url: `/api/counters/${c.counter1}/call-next`, headers: bearer(c.officer1) });
    await first.app.inject({ method: 'POST', url: `/api/counters/${c.counter2}/pause`, headers: bearer(c.officer2), payload: { reason: 'nghỉ giữa giờ' } });
    await first.stop();

    const second = await start(dir, clock);
    const queue = (await second.app.inject({ method: 'GET', url: '/api/queue', headers: bearer(c.supervisor) })).json<{
      queue: { number: string; status: string }[];
      counters: { id: number; status: string; pauseReason: string | null; current: { number: string } | null; officer: { name: string } | null }[];
    }>();
    expect(queue.queue.map((t) => t.number)).toEqual(['A002', 'A003']);
    const c1 = queue.counters.find((x) => x.id === c.counter1);
    const c2 = queue.counters.find((x) => x.id === c.counter2);
    expect(c1?.current?.number).toBe('A001');
    expect(c1?.officer?.name).toBe('Cán bộ officer1');
    expect(c2).toMatchObject({ status: 'paused', pauseReason: 'nghỉ giữa giờ' });
    // The officer's session and counter seat survived: they carry on without signing in again.
    const finish = await second.app.inject({ method: 'POST', url: `/api/counters/${c.counter1}/finish`, headers: bearer(c.officer1), payload: {} });
    expect(finish.json<CounterActionResponse>().ticket?.number).toBe('A001');
    const next = (await issue(second, c.kiosk, c.fieldA)).json<IssuedTicket>();
    expect(next.ticket.number).toBe('A004');
  });
});

describe('numbering under load', () => {
  it('gives distinct consecutive numbers to many parallel requests from several kiosks over real HTTP', async () => {
    const s = await start(tempDir(), new TestClock(), true);
    const c = await smallCenter(s);
    const kiosks = [c.kiosk, s.deps.auth.createPairedDevice({ kind: 'kiosk', name: 'k2', counterId: null }).token, s.deps.auth.createPairedDevice({ kind: 'kiosk', name: 'k3', counterId: null }).token];
    const url = `${baseUrl(s)}/api/tickets`;
    const responses = await Promise.all(
      Array.from({ length: 60 }, (_, i) =>
        fetch(url, { method: 'POST', headers: { ...bearer(kiosks[i % 3] ?? ''), 'content-type': 'application/json' }, body: JSON.stringify({ fieldId: c.fieldA }) }),
      ),
    );
    expect(responses.every((r) => r.status === 201)).toBe(true);
    const numbers = (await Promise.all(responses.map((r) => r.json() as Promise<IssuedTicket>))).map((b) => b.ticket.number).sort();
    expect(numbers).toEqual(Array.from({ length: 60 }, (_, i) => `A${String(i + 1).padStart(3, '0')}`));
  });

  it('never duplicates a number when two app instances, each with its own connection, share one database file', async () => {
    const dir = tempDir();
    const clock = new TestClock();
    const a = await start(dir, clock);
    const c = await smallCenter(a);
    const b = await start(dir, clock);
    const results = await Promise.all(
      Array.from({ length: 40 }, (_, i) => issue(i % 2 ? b : a, c.kiosk, c.fieldA).then((r) => r.json<IssuedTicket>().ticket.number)),
    );
    expect(new Set(results).size).toBe(40);
    expect([...results].sort()).toEqual(Array.from({ length: 40 }, (_, i) => `A${String(i + 1).padStart(3, '0')}`));
  });
});

describe('service day', () => {
  it('starts every series again after the rollover and expires tickets left from yesterday', async () => {
    const clock = new TestClock(Date.parse('2026-11-23T09:30:00Z')); // 16:30 in Ha Noi
    const s = await start(tempDir(), clock);
    const c = await smallCenter(s);
    const late = (await issue(s, c.kiosk, c.fieldA)).json<IssuedTicket>();
    await issue(s, c.kiosk, c.fieldA);
    expect(late.ticket.serviceDay).toBe('2026-11-23');
    clock.ms = Date.parse('2026-11-24T00:30:00Z'); // 07:30 next morning
    const morning = (await issue(s, c.kiosk, c.fieldA)).json<IssuedTicket>();
    expect(morning.ticket).toMatchObject({ number: 'A001', serviceDay: '2026-11-24' });
    expect(morning.peopleAhead).toBe(0);
    // Yesterday's sessions have expired (12 h); the supervisor signs in again.
    expect((await s.app.inject({ method: 'GET', url: '/api/auth/me', headers: bearer(c.supervisor) })).statusCode).toBe(401);
    const supervisor = await login(s, 'boss');
    const old = await s.app.inject({ method: 'GET', url: `/api/tickets/${late.ticket.id}`, headers: bearer(supervisor) });
    expect(old.json<{ ticket: { status: string } }>().ticket.status).toBe('cancelled');
  });
});
