import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { IssuedTicket } from '@luot/shared';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { expectCatalogError } from '../test-support/error-shape.ts';
import { bearer, issue, smallCenter } from '../test-support/fixtures.ts';
import { baseUrl, startTestServer, type TestServer } from '../test-support/test-app.ts';

let server: TestServer;
let center: Awaited<ReturnType<typeof smallCenter>>;

beforeEach(async () => {
  // A built kiosk stands in, so the static file server is part of what is probed.
  const dir = mkdtempSync(join(tmpdir(), 'luot-errors-'));
  mkdirSync(join(dir, 'kiosk/dist'), { recursive: true });
  writeFileSync(join(dir, 'kiosk/dist/index.html'), '<!doctype html><title>kiosk</title>');
  server = await startTestServer({ dir, listen: true });
  center = await smallCenter(server);
});
afterEach(async () => server.dispose());

/** Sends bytes on a real socket and returns the raw answer, as a browser or a probe on the LAN would see it. */
function rawHttp(url: string, request: string): Promise<{ status: number; body: string }> {
  const { port } = new URL(url);
  return new Promise((resolve, reject) => {
    const socket = connect(Number(port), '127.0.0.1');
    let answer = '';
    socket.on('data', (d) => (answer += d.toString('utf8')));
    socket.on('end', () => {
      const [head = '', ...rest] = answer.split('\r\n\r\n');
      resolve({ status: Number(/^HTTP\/1\.1 (\d{3})/.exec(head)?.[1] ?? 0), body: rest.join('\r\n\r\n') });
    });
    socket.on('error', reject);
    socket.write(request);
  });
}

describe('every error has the catalog shape, router-level ones too', () => {
  it('a bad URL encoding, an unknown route, a wrong media type and a body too large', async () => {
    const badUrl = await fetch(`${baseUrl(server)}/api/health%c0`);
    expectCatalogError(badUrl.status, await badUrl.text(), 'BAD_URL');

    const badParam = await fetch(`${baseUrl(server)}/api/tickets/%E0%A4%A`, { headers: bearer(center.supervisor) });
    expectCatalogError(badParam.status, await badParam.text(), 'BAD_URL');

    const unknown = await fetch(`${baseUrl(server)}/api/no-such-thing`);
    expectCatalogError(unknown.status, await unknown.text(), 'NOT_FOUND');

    const text = await fetch(`${baseUrl(server)}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'text/plain' }, body: 'hello' });
    expectCatalogError(text.status, await text.text(), 'UNSUPPORTED_MEDIA_TYPE');

    const large = await fetch(`${baseUrl(server)}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'x', password: 'y'.repeat(80 * 1024) }),
    });
    expectCatalogError(large.status, await large.text(), 'PAYLOAD_TOO_LARGE');

    expect((await fetch(`${baseUrl(server)}/kiosk/`)).status).toBe(200);
    for (const path of ['/kiosk/..%2f..%2fetc%2fpasswd', '/kiosk/%2e%2e/%2e%2e/etc/passwd', '/kiosk/..%5c..%5cluot.db', '/kiosk/%00']) {
      const traversal = await fetch(`${baseUrl(server)}${path}`);
      expect(traversal.status, path).toBeGreaterThanOrEqual(400);
      expectCatalogError(traversal.status, await traversal.text());
    }
  });

  it('a request the HTTP parser cannot read gets the catalog shape, not Node’s default', async () => {
    const res = await rawHttp(baseUrl(server), 'GET /api/health HTTP/1.1\r\nHost: x\r\nNot a header\r\n\r\n');
    expectCatalogError(res.status, res.body, 'BAD_REQUEST');
  });

  it('a full database is STORAGE_FULL (503, says what to do), nothing half-written, and issuing resumes once space returns', async () => {
    const { sqlite } = server.store;
    expect((await issue(server, center.kiosk, center.fieldA)).statusCode).toBe(201);
    const pages = Number(sqlite.pragma('page_count', { simple: true }));
    sqlite.pragma(`max_page_count = ${pages}`);
    const refused: { statusCode: number; body: string; headers: Record<string, unknown> }[] = [];
    const issued: string[] = [];
    // Five at once land in one group-commit batch, so a refusal also undoes the batch's other items.
    for (let round = 0; round < 100 && refused.length === 0; round++) {
      const answers = await Promise.all(Array.from({ length: 5 }, () => issue(server, center.kiosk, center.fieldA)));
      for (const res of answers) {
        if (res.statusCode === 201) issued.push(res.json<IssuedTicket>().ticket.number);
        else refused.push(res);
      }
    }
    expect(refused.length, 'the database never filled up').toBeGreaterThan(0);
    for (const res of refused) {
      expectCatalogError(res.statusCode, res.body, 'STORAGE_FULL');
      expect(res.headers['retry-after']).toBeDefined();
      expect(res.body).toContain('quản trị viên');
    }
    expect(sqlite.pragma('integrity_check', { simple: true })).toBe('ok');

    sqlite.pragma('max_page_count = 1073741823');
    const again = await issue(server, center.kiosk, center.fieldA);
    expect(again.statusCode).toBe(201);
    // Numbers go on from the last one issued: the refused requests took no number and left no ticket behind.
    const numbers = ['A001', ...issued.sort(), again.json<IssuedTicket>().ticket.number];
    expect(numbers).toEqual(numbers.map((_, i) => `A${String(i + 1).padStart(3, '0')}`));
    expect(sqlite.prepare('SELECT count(*) AS n FROM tickets').get()).toEqual({ n: numbers.length });
    // The report rollups kept nothing of the batches that did not commit.
    const rollups = await server.deps.reports.report({ period: 'today' });
    const events = await server.deps.reports.report({ period: 'today' }, { source: 'events' });
    expect(rollups.total.issued).toBe(numbers.length);
    expect(events.total.issued).toBe(numbers.length);
  });
});
