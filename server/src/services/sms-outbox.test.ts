import type { IssuedTicket, LiveFigures, SmsAdminView } from '@luot/shared';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createModemGateway } from '../sms/modem-gateway.ts';
import { FakeModem } from '../test-support/fake-modem.ts';
import { bearer, issue, smallCenter } from '../test-support/fixtures.ts';
import { decodeSubmit } from '../test-support/pdu-decode.ts';
import { httpSms } from '../test-support/sms-world.ts';
import { startTestServer, TestClock, type TestServer } from '../test-support/test-app.ts';
import { backoffMs, defaultSmsOutboxOptions } from './sms-outbox.ts';

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'luot-sms-'));
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

async function start(dir: string, clock: TestClock, gateway: Parameters<typeof startTestServer>[0] extends infer O ? O extends { sms?: infer S } ? S : never : never) {
  const s = await startTestServer({ dir, clock, sms: gateway });
  cleanups.push(() => s.stop());
  return s;
}

async function httpFake() {
  const sms = await httpSms();
  cleanups.push(() => sms.fake.stop());
  return sms;
}

const rows = (s: TestServer) =>
  s.store.sqlite.prepare('SELECT status, attempts, next_at AS nextAt, last_error AS lastError FROM sms_outbox ORDER BY id').all() as { status: string; attempts: number; nextAt: number; lastError: string | null }[];

async function callWithPhone(s: TestServer, c: Awaited<ReturnType<typeof smallCenter>>, phone = '0912345123'): Promise<IssuedTicket> {
  const ticket = (await issue(s, c.kiosk, c.fieldA, { phone })).json<IssuedTicket>();
  const res = await s.app.inject({ method: 'POST', url: `/api/counters/${c.counter1}/call-next`, headers: bearer(c.officer1) });
  expect(res.statusCode, res.body).toBe(200);
  return ticket;
}

describe('SMS outbox', () => {
  it('keeps a queued SMS across a restart and sends it from the new process', async () => {
    const dir = tempDir();
    const clock = new TestClock();
    const down = await httpFake();
    await down.fake.stop(); // nothing listens: every attempt fails
    const first = await start(dir, clock, { gateway: down.gateway });
    const c = await smallCenter(first);
    await callWithPhone(first, c);
    await first.deps.smsOutbox.sendDue();
    expect(rows(first)).toMatchObject([{ status: 'queued', attempts: 1, nextAt: clock.now() + defaultSmsOutboxOptions.baseDelayMs }]);
    expect(rows(first)[0]?.lastError).toMatch(/cannot be reached/);
    await first.stop();

    const up = await httpFake();
    const second = await start(dir, clock, { gateway: up.gateway });
    // Not due yet: the backoff holds across the restart.
    expect(await second.deps.smsOutbox.sendDue()).toBe(0);
    clock.ms += defaultSmsOutboxOptions.baseDelayMs;
    expect(await second.deps.smsOutbox.sendDue()).toBe(1);
    expect(up.texts()).toEqual([{ to: '0912345123', text: 'Mời Ông/Bà số A001 đến Quầy 1.' }]);
    expect(rows(second)).toMatchObject([{ status: 'sent', attempts: 2, lastError: null }]);
  });

  it('backs off 30 s, 1, 2, 4 … min up to 30 min, gives up after 8 attempts, and tells supervisors and the admin', async () => {
    expect([1, 2, 3, 4, 5, 6, 7, 8].map((n) => backoffMs(n, defaultSmsOutboxOptions) / 1000)).toEqual([30, 60, 120, 240, 480, 960, 1800, 1800]);
    const clock = new TestClock();
    const sms = await httpFake();
    sms.fake.status = 503;
    const s = await start(tempDir(), clock, { gateway: sms.gateway });
    const c = await smallCenter(s);
    await callWithPhone(s, c, '0987654321');
    for (let attempt = 1; attempt <= 8; attempt++) {
      expect(await s.deps.smsOutbox.sendDue(), `attempt ${attempt}`).toBe(1);
      expect(sms.fake.requests).toHaveLength(attempt);
      if (attempt < 8) {
        const wait = backoffMs(attempt, defaultSmsOutboxOptions);
        // One millisecond early: nothing is tried.
        clock.ms += wait - 1;
        expect(await s.deps.smsOutbox.sendDue()).toBe(0);
        clock.ms += 1;
      }
    }
    expect(rows(s)).toMatchObject([{ status: 'failed', attempts: 8, lastError: expect.stringContaining('HTTP 503') as string }]);
    clock.advance(60);
    expect(await s.deps.smsOutbox.sendDue()).toBe(0);

    const liveRes = await s.app.inject({ method: 'GET', url: '/api/live', headers: bearer(c.supervisor) });
    expect(liveRes.statusCode, liveRes.body).toBe(200);
    const live = liveRes.json<LiveFigures>();
    const alert = live.alerts.find((a) => a.kind === 'sms');
    expect(alert?.message.vi).toBe('Tin nhắn SMS chưa gửi được: 1 tin đã bỏ, 0 tin đang thử lại. Hãy kiểm tra modem hoặc cổng SMS (Quản trị → Nhật ký SMS).');
    const view = (await s.app.inject({ method: 'GET', url: '/api/admin/sms', headers: bearer(c.admin) })).json<SmsAdminView>();
    expect(view.log).toMatchObject([{ to: '09xx xxx 321', purpose: 'called', status: 'failed', attempts: 8, text: 'Mời Ông/Bà số A001 đến Quầy 1.' }]);
    expect(JSON.stringify(view)).not.toContain('0987654321');
    expect((await s.app.inject({ method: 'GET', url: '/api/admin/sms', headers: bearer(c.supervisor) })).statusCode).toBe(403);
  });

  it('retries through a modem pulled out mid-send and sends once it is back', async () => {
    const dir = tempDir();
    const modem = new FakeModem(dir);
    await modem.plugIn();
    cleanups.push(() => modem.unplug());
    const gateway = createModemGateway({ path: modem.path, baudRate: 115200, mode: 'pdu', charset: 'ucs2', timeoutMs: 5000 });
    const clock = new TestClock();
    const s = await start(dir, clock, { gateway });
    const c = await smallCenter(s);
    await callWithPhone(s, c);
    modem.replies.push('unplug');
    await s.deps.smsOutbox.sendDue();
    expect(rows(s)).toMatchObject([{ status: 'queued', attempts: 1 }]);
    expect(rows(s)[0]?.lastError).toMatch(/modem/);
    await modem.plugIn();
    clock.ms += defaultSmsOutboxOptions.baseDelayMs;
    await s.deps.smsOutbox.sendDue();
    expect(rows(s)).toMatchObject([{ status: 'sent', attempts: 2 }]);
    expect(modem.received.map((r) => decodeSubmit(r.body))).toMatchObject([{ to: '+84912345123', text: 'Mời Ông/Bà số A001 đến Quầy 1.' }]);
  });

  it('never holds up issuing or calling while a send hangs', async () => {
    const sms = await httpFake();
    sms.fake.hang = true;
    const s = await start(tempDir(), new TestClock(), { gateway: sms.gateway });
    const c = await smallCenter(s);
    await callWithPhone(s, c);
    const sending = s.deps.smsOutbox.sendDue();
    await sms.fake.waitForRequests(1);
    // The gateway holds its answer; the kiosk and the counters carry on.
    const next = await issue(s, c.kiosk, c.fieldA, { phone: '0987654321' });
    expect(next.statusCode).toBe(201);
    const call = await s.app.inject({ method: 'POST', url: `/api/counters/${c.counter2}/call-next`, headers: bearer(c.officer2) });
    expect(call.statusCode).toBe(200);
    expect(rows(s).map((r) => r.status)).toEqual(['queued', 'queued']);
    sms.fake.release();
    sms.fake.hang = false;
    await sending;
    expect(sms.texts().map((t) => t.text)).toEqual(['Mời Ông/Bà số A001 đến Quầy 1.', 'Mời Ông/Bà số A002 đến Quầy 2.']);
  });
});
