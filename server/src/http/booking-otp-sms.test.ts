import type { BookingConfirmation, BookingOptions } from '@luot/shared';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { smsOf } from '../config.ts';
import { FakeSmsGateway } from '../test-support/fake-sms-gateway.ts';
import { bookingCenter, tuesdayAt } from '../test-support/booking-center.ts';
import { expectCatalogError } from '../test-support/error-shape.ts';
import { baseUrl, startTestServer, type TestServer } from '../test-support/test-app.ts';

let fake: FakeSmsGateway;
let server: TestServer;
let center: Awaited<ReturnType<typeof bookingCenter>>;

/**
 * The booking's one-time code end to end, through the parts a center runs: LUOT_SMS=http:<template file> read by
 * config.ts, the HTTP template gateway, the durable outbox and its sender (started as serve.ts starts it), a real
 * port for the citizen's requests, and a provider's HTTP API on 127.0.0.1 that records what it receives.
 */
beforeEach(async () => {
  fake = new FakeSmsGateway();
  const base = await fake.start();
  // The template file lives in the server's own folder, as /etc/luot/sms-gateway.json would.
  const dir = mkdtempSync(join(tmpdir(), 'luot-otp-'));
  const template = join(dir, 'sms-gateway.json');
  writeFileSync(template, JSON.stringify({ url: `${base}/api/send`, method: 'POST', headers: { 'content-type': 'application/json', authorization: 'Bearer center-key' }, body: '{"phone":"{to_intl}","message":"{text}"}' }));
  server = await startTestServer({ dir, listen: true, smsConfig: smsOf({ LUOT_SMS: `http:${template}` }) });
  center = await bookingCenter(server);
  server.deps.smsOutbox.start();
});
afterEach(async () => {
  await server.dispose();
  await fake.stop();
});

async function post(path: string, body: unknown): Promise<{ status: number; text: string }> {
  const res = await fetch(`${baseUrl(server)}${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  return { status: res.status, text: await res.text() };
}

/** The database file and its write-ahead log, as bytes, after the log is folded back into the file. */
function storedBytes(): string {
  server.store.sqlite.pragma('wal_checkpoint(TRUNCATE)');
  const wal = `${server.dbFile}-wal`;
  return readFileSync(server.dbFile).toString('latin1') + (existsSync(wal) ? readFileSync(wal).toString('latin1') : '');
}

const PHONE = '0912 345 678';

describe('one-time booking code by SMS through the HTTP template gateway', () => {
  it('sends the code to the gateway, books only with it, refuses a wrong one and keeps no plain code in the SQLite file', async () => {
    const options = (await (await fetch(`${baseUrl(server)}/api/bookings/options`)).json()) as BookingOptions;
    expect(options.otp).toBe(true);

    const slot = { fieldId: center.fieldA, slotAt: tuesdayAt('08:00'), name: 'Trần Thị Bình', phone: PHONE };
    // No code yet: the page is told to press "Send code" first.
    const without = await post('/api/bookings/slot', slot);
    expectCatalogError(400, without.text, 'BOOKING_OTP_REQUIRED');

    expect((await post('/api/bookings/otp', { phone: PHONE })).status).toBe(200);
    await fake.waitForRequests(1);
    const [request] = fake.requests;
    expect(request?.method).toBe('POST');
    expect(request?.url).toBe('/api/send');
    expect(request?.headers.authorization).toBe('Bearer center-key');
    const sent = JSON.parse(request?.body ?? '{}') as { phone: string; message: string };
    expect(sent.phone).toBe('+84912345678');
    const code = /^Mã xác nhận đặt lịch của Ông\/Bà: ([0-9]{6}) \(hiệu lực 5 phút\)\. Không chia sẻ mã này\.$/.exec(sent.message)?.[1];
    expect(code, sent.message).toBeDefined();
    expect(sent.message).toBe(sent.message.normalize('NFC'));

    const wrong = String((Number(code) + 1) % 1_000_000).padStart(6, '0');
    const refused = await post('/api/bookings/slot', { ...slot, otp: wrong });
    expectCatalogError(400, refused.text, 'BOOKING_OTP_WRONG');
    expect(JSON.parse(refused.text)).toMatchObject({ message: { vi: expect.stringContaining('Gửi mã') as unknown, en: expect.stringContaining('Send code') as unknown } });
    expect(server.store.sqlite.prepare('SELECT count(*) AS n FROM bookings').get()).toEqual({ n: 0 });

    const ok = await post('/api/bookings/slot', { ...slot, otp: code });
    expect(ok.status, ok.text).toBe(201);
    const confirmation = JSON.parse(ok.text) as BookingConfirmation;
    expect(confirmation.booking.phoneMasked).toBe('09xx xxx 678');

    // A code works once: the same code cannot make a second booking.
    const again = await post('/api/bookings/slot', { ...slot, fieldId: center.fieldB, otp: code });
    expectCatalogError(400, again.text, 'BOOKING_OTP_WRONG');

    // Only the gateway ever saw the code: the outbox row keeps a masked text once sent, and the booking's own
    // secret code is kept as a hash only.
    expect(server.store.sqlite.prepare("SELECT body, status FROM sms_outbox WHERE purpose = 'otp'").all()).toEqual([{ body: expect.not.stringContaining(code ?? '') as unknown, status: 'sent' }]);
    const bytes = storedBytes();
    expect(bytes).not.toContain(`: ${code} (`);
    expect(bytes).not.toContain(Buffer.from(`Ông/Bà: ${code}`, 'utf8').toString('latin1'));
    expect(bytes).not.toContain(confirmation.code);
    expect(bytes).not.toContain(confirmation.code.replace(/[^A-Z0-9]/g, ''));
  });
});
