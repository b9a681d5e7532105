import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { ErrorBody } from '@luot/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addCounter, addField, addStaff, bearer, deviceToken, login } from '../test-support/fixtures.ts';
import { startTestServer, type TestServer } from '../test-support/test-app.ts';

let server: TestServer;
let hallBoard: string;
let counterDisplay: string;
let kiosk: string;
let officer: string;

beforeAll(async () => {
  server = await startTestServer();
  const field = addField(server, { code: 'a', prefix: 'A' });
  const counter = addCounter(server, 3, [field]);
  await addStaff(server, 'officer3', 'officer');
  officer = await login(server, 'officer3');
  hallBoard = deviceToken(server, 'hall_board');
  counterDisplay = deviceToken(server, 'counter_display', counter);
  kiosk = deviceToken(server, 'kiosk');
});
afterAll(async () => server.dispose());

const call = (query: string, headers: Record<string, string> = {}) => server.app.inject({ method: 'GET', url: `/api/voice/call?${query}`, headers });

describe('GET /api/voice/call', () => {
  it('answers a hall board with the WAV of the call, cacheable by the browser', async () => {
    const res = await call('number=A023&counter=3', bearer(hallBoard));
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('audio/wav');
    expect(res.headers['cache-control']).toBe('private, max-age=3600');
    expect(res.headers['x-voice-source']).toBe('espeak');
    expect(res.rawPayload.subarray(0, 4).toString('latin1')).toBe('RIFF');
    expect(res.rawPayload.subarray(8, 12).toString('latin1')).toBe('WAVE');
    expect(Number(res.headers['content-length'])).toBe(res.rawPayload.length);
    expect(res.rawPayload.length).toBeGreaterThan(44 + 2 * 22050 * 2);

    const etag = String(res.headers.etag);
    expect(etag).toMatch(/^"[0-9a-f]{64}"$/);
    const again = await call('number=A023&counter=3', { ...bearer(hallBoard), 'if-none-match': etag });
    expect(again.statusCode).toBe(304);
    expect(again.rawPayload.length).toBe(0);
    // Written in the background, beside the test database, so it goes away with the test's folder.
    await expect.poll(() => readdirSync(join(server.dir, 'voice-cache'))).toContain(`${etag.slice(1, -1)}.wav`);
  });

  it('answers staff and counter displays too, and adds English when asked', async () => {
    const vi = await call('number=A023&counter=3', bearer(officer));
    expect(vi.statusCode).toBe(200);
    const both = await call('number=A023&counter=3&english=true', bearer(counterDisplay));
    expect(both.statusCode).toBe(200);
    expect(both.headers['content-type']).toBe('audio/wav');
    expect(both.rawPayload.length).toBeGreaterThan(vi.rawPayload.length + 2 * 22050 * 2);
  });

  it('refuses callers without a token (401) and devices of other kinds (403)', async () => {
    expect((await call('number=A023&counter=3')).statusCode).toBe(401);
    const res = await call('number=A023&counter=3', bearer(kiosk));
    expect(res.statusCode).toBe(403);
    expect(res.json<ErrorBody>().code).toBe('FORBIDDEN');
    expect((await call('number=A023&counter=3', bearer('not-a-token'))).statusCode).toBe(401);
  });

  it('answers bad input with the bilingual error body', async () => {
    for (const query of ['number=a023&counter=3', 'number=A0234567X&counter=3', 'number=A023&counter=0', 'number=A023&counter=abc', 'number=A023', 'number=A-23&counter=3', 'number=A023&counter=3&extra=1']) {
      const res = await call(query, bearer(hallBoard));
      expect(res.statusCode, query).toBe(400);
      const body = res.json<ErrorBody>();
      expect(body.code).toBe('VALIDATION_FAILED');
      expect(body.message.vi).toContain('không hợp lệ');
      expect(body.message.en).toContain('Invalid');
    }
  });

  it('reads Đ in the number', async () => {
    const res = await call(`number=${encodeURIComponent('Đ007')}&counter=21`, bearer(hallBoard));
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('audio/wav');
  });
});
