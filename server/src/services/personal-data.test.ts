import type { IssuedTicket } from '@luot/shared';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Writable } from 'node:stream';
import { afterEach, describe, expect, it } from 'vitest';
import { bearer, deviceToken, issue, smallCenter } from '../test-support/fixtures.ts';
import { startTestServer, type TestServer } from '../test-support/test-app.ts';

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

const DAY_MINUTES = 24 * 60;
const count = (s: TestServer, table: 'ticket_phones' | 'sms_outbox') => s.store.sqlite.prepare(`SELECT count(*) FROM ${table}`).pluck().get() as number;

async function center(logLines?: string[]) {
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      logLines?.push(...chunk.toString('utf8').split('\n').filter(Boolean));
      done();
    },
  });
  const s = await startTestServer({ listen: true, logger: logLines ? { level: 'debug', stream } : undefined });
  cleanups.push(() => s.dispose());
  return { s, c: await smallCenter(s) };
}

describe('phone numbers are kept only personalDataDays days', () => {
  it('deletes phones and the SMS that carried them once they are older than the setting (30 days, then 7)', async () => {
    const { s, c } = await center();
    await issue(s, c.kiosk, c.fieldA, { phone: '0912345123' });
    await s.app.inject({ method: 'POST', url: `/api/counters/${c.counter1}/call-next`, headers: bearer(c.officer1) });
    await s.deps.smsOutbox.sendDue();
    expect([count(s, 'ticket_phones'), count(s, 'sms_outbox')]).toEqual([1, 1]);

    s.clock.advance(20 * DAY_MINUTES);
    // A newer number, 20 days later (from a kiosk paired since: device tokens last a week).
    expect((await issue(s, deviceToken(s, 'kiosk'), c.fieldA, { phone: '0987654321' })).statusCode).toBe(201);
    s.clock.advance(10 * DAY_MINUTES - 1);
    expect(s.deps.personalData.purge()).toEqual({ phones: 0, messages: 0 });
    s.clock.advance(2);
    expect(s.deps.personalData.purge()).toEqual({ phones: 1, messages: 1 });
    expect(s.store.sqlite.prepare('SELECT phone FROM ticket_phones').pluck().all()).toEqual(['0987654321']);
    expect(count(s, 'sms_outbox')).toBe(0);

    // The admin shortens the keeping time to 7 days: the 10-day-old number goes at the next run.
    const admin = await s.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'root', password: 'mật-khẩu-đủ-dài' } });
    const token = admin.json<{ token: string }>().token;
    const res = await s.app.inject({ method: 'PUT', url: '/api/admin/sms/settings', headers: bearer(token), payload: { near: { ahead: 3, minutes: 10 }, fields: {}, personalDataDays: 7 } });
    expect(res.statusCode, res.body).toBe(200);
    expect(s.deps.personalData.purge()).toEqual({ phones: 1, messages: 0 });
    expect(count(s, 'ticket_phones')).toBe(0);
  });
});

describe('phone numbers never leave where they belong', () => {
  it('are in no log line, event, report, export, set-up file, tracking page, queue view or live figure', async () => {
    const logLines: string[] = [];
    const { s, c } = await center(logLines);
    const ticket = (await issue(s, c.kiosk, c.fieldA, { phone: '0912345123' })).json<IssuedTicket>();
    await issue(s, c.kiosk, c.fieldA, { phone: '+84987654321' });
    await s.app.inject({ method: 'POST', url: `/api/counters/${c.counter1}/call-next`, headers: bearer(c.officer1) });
    await s.deps.smsOutbox.sendDue(); // the default log-only gateway
    await s.app.inject({ method: 'POST', url: `/api/counters/${c.counter1}/finish`, headers: bearer(c.officer1), payload: {} });
    await s.app.inject({ method: 'POST', url: `/api/counters/${c.counter2}/call-next`, headers: bearer(c.officer2) });

    const get = async (url: string, token?: string) => {
      const res = await s.app.inject({ method: 'GET', url, headers: token ? bearer(token) : {} });
      expect(res.statusCode, url).toBe(200);
      return res.body;
    };
    const seen = [
      await get(`/api/track/${ticket.trackingCode}`),
      await get('/api/queue', c.supervisor),
      await get('/api/live', c.supervisor),
      await get(`/api/tickets/${ticket.ticket.id}`, c.supervisor),
      await get('/api/reports?period=today', c.supervisor),
      await get('/api/reports/export.csv?period=today', c.supervisor),
      await get('/api/admin/config', c.admin),
      await get('/api/admin/audit', c.admin),
      JSON.stringify(s.store.sqlite.prepare('SELECT * FROM events').all()),
      JSON.stringify(s.store.sqlite.prepare('SELECT * FROM tickets').all()),
      logLines.join('\n'),
    ];
    for (const [i, text] of seen.entries()) {
      for (const digits of ['912345123', '987654321']) expect(text, `source ${i}`).not.toContain(digits);
    }
    // What the log does say: an SMS would have gone, to a masked number.
    expect(logLines.some((l) => l.includes('09xx xxx 123'))).toBe(true);
  });

  it('is never in what the center sends to the province hub', async () => {
    const bodies: string[] = [];
    const hub = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (b: Buffer) => chunks.push(b));
      req.on('end', () => {
        if (req.method === 'POST') bodies.push(Buffer.concat(chunks).toString('utf8'));
        res.setHeader('content-type', 'application/json');
        res.end(JSON.stringify({ centerId: 1, events: 0, ratings: 0, configHash: null, resyncRequested: false }));
      });
    });
    await new Promise<void>((resolve) => hub.listen(0, '127.0.0.1', resolve));
    cleanups.push(() => new Promise<void>((resolve) => (hub.closeAllConnections(), hub.close(() => resolve()))));
    const { s, c } = await center();
    cleanups.push(() => s.deps.hubSync.stop());
    await issue(s, c.kiosk, c.fieldA, { phone: '0912345123' });
    await s.app.inject({ method: 'POST', url: `/api/counters/${c.counter1}/call-next`, headers: bearer(c.officer1) });
    const url = `http://127.0.0.1:${(hub.address() as AddressInfo).port}`;
    const res = await s.app.inject({ method: 'PUT', url: '/api/admin/hub-sync', headers: bearer(c.admin), payload: { hubUrl: url, centerId: 1, key: 'k'.repeat(32) } });
    expect(res.statusCode, res.body).toBe(200);
    s.deps.hubSync.start();
    s.deps.hubSync.wake();
    await expect.poll(() => bodies.some((b) => b.includes('"called"')), { timeout: 15_000 }).toBe(true);
    s.deps.hubSync.stop();
    const sent = bodies.join('\n');
    expect(sent).toContain('A001');
    expect(sent).not.toContain('912345123');
  });
});
