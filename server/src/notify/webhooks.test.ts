import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { WebhookCreated, WebhookDeliveryView, WebhookPayload } from '@luot/shared';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { bearer, issue, smallCenter } from '../test-support/fixtures.ts';
import { startTestServer, type TestServer } from '../test-support/test-app.ts';
import { verifyWebhook } from './webhook-signature.ts';

/** A real HTTP receiver on 127.0.0.1: records each request and answers from a script (200 once the script runs out). */
class Receiver {
  readonly got: { signature: string; body: string; payload: WebhookPayload }[] = [];
  answers: number[] = [];
  hang = false;
  private server: Server;
  constructor() {
    this.server = createServer((req: IncomingMessage, res: ServerResponse) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        const body = Buffer.concat(chunks).toString('utf8');
        this.got.push({ signature: String(req.headers['luot-signature']), body, payload: JSON.parse(body) as WebhookPayload });
        if (this.hang) return;
        res.statusCode = this.answers.shift() ?? 200;
        res.end('ok');
      });
    });
  }
  async start(): Promise<string> {
    await new Promise<void>((r) => this.server.listen(0, '127.0.0.1', r));
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/hook`;
  }
  async stop(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise((r) => this.server.close(r));
  }
}

let server: TestServer;
let center: Awaited<ReturnType<typeof smallCenter>>;
let receiver: Receiver;
let url: string;

beforeEach(async () => {
  server = await startTestServer();
  center = await smallCenter(server);
  receiver = new Receiver();
  url = await receiver.start();
});
afterEach(async () => {
  await receiver.stop();
  await server.dispose();
});

async function register(events: string[]): Promise<WebhookCreated> {
  const res = await server.app.inject({ method: 'POST', url: '/api/admin/webhooks', headers: bearer(center.admin), payload: { url, events } });
  expect(res.statusCode, res.body).toBe(201);
  return res.json<WebhookCreated>();
}

const counter = (token: string, id: number, action: string, payload?: object) =>
  server.app.inject({ method: 'POST', url: `/api/counters/${id}/${action}`, headers: bearer(token), ...(payload ? { payload } : {}) });

const deliveries = async (token = center.admin) =>
  (await server.app.inject({ method: 'GET', url: '/api/admin/webhooks/deliveries', headers: bearer(token) })).json<WebhookDeliveryView[]>();

const nowSeconds = () => Math.floor(server.clock.now() / 1000);

describe('webhooks to a real local receiver', () => {
  it('signs each body, retries after a 500 and keeps a ticket’s events in order; the finish carries the dossier code', async () => {
    const { secret, webhook } = await register(['ticket.issued', 'ticket.called', 'ticket.finished', 'counter.paused']);
    receiver.answers = [500];
    const ticketId = (await issue(server, center.kiosk, center.fieldA)).json<{ ticket: { id: number } }>().ticket.id;
    server.clock.advance(1);
    expect((await counter(center.officer1, center.counter1, 'call-next')).statusCode).toBe(200);
    expect((await counter(center.officer1, center.counter1, 'start')).statusCode).toBe(200);
    expect((await counter(center.officer1, center.counter1, 'finish', { dossierCode: 'H12.34-261123-0001' })).statusCode).toBe(200);
    expect((await counter(center.officer2, center.counter2, 'pause', { reason: 'Họp giao ban' })).statusCode).toBe(200);

    await server.deps.webhookRelay.runOnce();
    // The issue got a 500: the ticket's later events wait behind it; the counter's pause is another line and goes.
    expect(receiver.got.map((g) => g.payload.type)).toEqual(['ticket.issued', 'counter.paused']);
    const waiting = (await deliveries()).filter((d) => d.status === 'pending');
    expect(waiting.map((d) => [d.eventType, d.attempts, d.lastStatus])).toEqual([
      ['ticket.finished', 0, null],
      ['ticket.called', 0, null],
      ['ticket.issued', 1, 500],
    ]);
    expect((await server.app.inject({ method: 'GET', url: '/api/admin/webhooks', headers: bearer(center.admin) })).json<{ pending: number }[]>()[0]?.pending).toBe(3);

    // Nothing is sent before the backoff has passed…
    await server.deps.webhookRelay.runOnce();
    expect(receiver.got).toHaveLength(2);
    // …and after it, the retry and then the rest, in the ticket's order.
    server.clock.advance(1);
    await server.deps.webhookRelay.runOnce();
    const ofTicket = receiver.got.filter((g) => g.payload.data.ticketId === ticketId);
    expect(ofTicket.map((g) => g.payload.type)).toEqual(['ticket.issued', 'ticket.issued', 'ticket.called', 'ticket.finished']);
    expect(ofTicket[0]?.payload.id).toBe(ofTicket[1]?.payload.id);
    expect(ofTicket[3]?.payload.data).toMatchObject({ number: 'A001', dossierCode: 'H12.34-261123-0001', counterNumber: 1, field: 'a' });
    expect(receiver.got.find((g) => g.payload.type === 'counter.paused')?.payload.data).toMatchObject({ counterNumber: 2, reason: 'Họp giao ban' });

    for (const g of receiver.got) {
      expect(g.signature).toMatch(/^t=\d+,v1=[0-9a-f]{64}$/);
      expect(verifyWebhook(secret, g.body, g.signature, nowSeconds())).toBe(true);
      // A body changed in transit, or signed with another secret, does not verify.
      expect(verifyWebhook(secret, g.body.replace('"at"', '"at "'), g.signature, nowSeconds())).toBe(false);
      expect(verifyWebhook(`${secret}x`, g.body, g.signature, nowSeconds())).toBe(false);
      // No personal data or free text about the citizen ever leaves.
      for (const key of ['phone', 'trackingCode', 'note', 'idNumber', 'cccd']) expect(g.body).not.toContain(`"${key}"`);
    }
    expect(verifyWebhook(secret, receiver.got[0]?.body ?? '', receiver.got[0]?.signature ?? '', nowSeconds() + 3600)).toBe(false);
    expect((await deliveries()).every((d) => d.status === 'delivered' && d.webhookId === webhook.id)).toBe(true);
  });

  it('gives up after a day of backoff, shows the failure, and a resend delivers the same event', async () => {
    await register(['ticket.issued']);
    receiver.answers = Array.from({ length: 100 }, () => 503);
    await issue(server, center.kiosk, center.fieldA);
    await server.deps.webhookRelay.runOnce();
    const gaps: number[] = [];
    let last = server.clock.now();
    for (let hour = 0; hour < 26 * 60 && (await deliveries())[0]?.status === 'pending'; hour += 1) {
      const before = receiver.got.length;
      server.clock.advance(1);
      await server.deps.webhookRelay.runOnce();
      if (receiver.got.length > before) {
        gaps.push((server.clock.now() - last) / 60_000);
        last = server.clock.now();
      }
    }
    const [failed] = await deliveries();
    expect(failed).toMatchObject({ status: 'failed', lastStatus: 503, lastError: 'HTTP 503' });
    // Exponential: each wait at least as long as the one before, up to an hour, all within about a day.
    expect(gaps.slice(0, 6)).toEqual([1, 1, 2, 4, 8, 16]);
    expect(Math.max(...gaps)).toBe(60);
    expect(gaps.reduce((a, b) => a + b, 0)).toBeLessThanOrEqual(24 * 60);
    expect(gaps.reduce((a, b) => a + b, 0)).toBeGreaterThan(22 * 60);

    receiver.answers = [];
    const resent = await server.app.inject({ method: 'POST', url: `/api/admin/webhooks/deliveries/${failed?.id}/resend`, headers: bearer(center.admin) });
    expect(resent.statusCode, resent.body).toBe(200);
    await server.deps.webhookRelay.runOnce();
    expect((await deliveries())[0]).toMatchObject({ status: 'delivered', lastStatus: 200 });
    expect(receiver.got.at(-1)?.payload.id).toBe(receiver.got[0]?.payload.id);
  });

  it('never holds up the queue: numbers are issued and called while the receiver does not answer', async () => {
    await register(['ticket.issued', 'ticket.called']);
    receiver.hang = true;
    await issue(server, center.kiosk, center.fieldA);
    const pass = server.deps.webhookRelay.runOnce();
    await expect.poll(() => receiver.got.length).toBe(1);
    expect((await issue(server, center.kiosk, center.fieldA)).statusCode).toBe(201);
    expect((await counter(center.officer1, center.counter1, 'call-next')).statusCode).toBe(200);
    await receiver.stop();
    await pass;
    expect((await deliveries()).find((d) => d.eventType === 'ticket.issued' && d.attempts === 1)).toMatchObject({ status: 'pending', lastStatus: null });
    receiver = new Receiver();
    url = await receiver.start();
  });

  it('a rating and a raised alert reach the webhooks that asked for them; events from before a webhook existed do not', async () => {
    await issue(server, center.kiosk, center.fieldA);
    await register(['ticket.rated', 'alert.raised', 'ticket.issued']);
    await server.deps.webhookRelay.runOnce();
    expect(receiver.got.filter((g) => g.payload.type !== 'alert.raised')).toEqual([]);
    const called = await counter(center.officer1, center.counter1, 'call-next');
    const ticketId = called.json<{ ticket: { id: number } }>().ticket.id;
    expect((await counter(center.officer1, center.counter1, 'finish', {})).statusCode).toBe(200);
    const display = server.deps.auth.createPairedDevice({ kind: 'counter_display', name: 'Màn hình quầy 1', counterId: center.counter1 }).token;
    const rated = await server.app.inject({ method: 'POST', url: '/api/ratings', headers: bearer(display), payload: { ticketId, score: 4, reasons: ['long_wait'] } });
    expect(rated.statusCode, rated.body).toBeLessThan(300);
    // A citizen waits past the field's target: the supervisor's alert goes out once, not on every pass.
    await issue(server, center.kiosk, center.fieldB);
    server.clock.advance(45);
    await server.deps.webhookRelay.runOnce();
    const afterFirst = receiver.got.length;
    await server.deps.webhookRelay.runOnce();
    expect(receiver.got).toHaveLength(afterFirst);
    const types = receiver.got.map((g) => g.payload.type);
    expect(types.filter((t) => t === 'ticket.rated')).toHaveLength(1);
    expect(types).toContain('ticket.issued');
    expect(receiver.got.find((g) => g.payload.type === 'ticket.rated')?.payload.data).toMatchObject({ number: 'A001', score: 4 });
    const alerts = receiver.got.filter((g) => g.payload.type === 'alert.raised');
    expect(alerts.length).toBeGreaterThan(0);
    expect(alerts.map((a) => a.payload.data.kind)).toContain('wait_over_target');
  });

  it('only admins register webhooks and read the log; a token with webhooks:receive reads the log and nothing else', async () => {
    for (const token of [center.officer1, center.supervisor, center.kiosk]) {
      expect((await server.app.inject({ method: 'POST', url: '/api/admin/webhooks', headers: bearer(token), payload: { url, events: ['ticket.issued'] } })).statusCode).toBe(403);
      expect((await server.app.inject({ method: 'GET', url: '/api/admin/webhooks/deliveries', headers: bearer(token) })).statusCode).toBe(403);
    }
    const made = await server.app.inject({ method: 'POST', url: '/api/admin/api-tokens', headers: bearer(center.admin), payload: { name: 'Một cửa tỉnh', scopes: ['webhooks:receive'] } });
    const { token } = made.json<{ token: string }>();
    expect((await server.app.inject({ method: 'GET', url: '/api/admin/webhooks/deliveries', headers: bearer(token) })).statusCode).toBe(200);
    const refused = await server.app.inject({ method: 'GET', url: '/api/admin/webhooks', headers: bearer(token) });
    expect(refused.statusCode).toBe(403);
    const wrongScope = await server.app.inject({ method: 'GET', url: '/api/reports?from=2026-11-23&to=2026-11-23&groupBy=field', headers: bearer(token) });
    expect(wrongScope.json()).toMatchObject({ statusCode: 403, code: 'TOKEN_SCOPE_MISSING' });
  });
});
