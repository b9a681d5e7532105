import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { errorCatalog, type ServerMessage } from '@luot/shared';
import fc from 'fast-check';
import type { InjectOptions } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addStaff, bearer, deviceToken, login } from '../test-support/fixtures.ts';
import { securityCenter, standInApps, type SecurityCenter } from '../test-support/security-center.ts';
import { stateDigest } from '../test-support/state-digest.ts';
import { baseUrl, startTestServer, type TestServer } from '../test-support/test-app.ts';
import { TestSocket } from '../test-support/ws-client.ts';
import { identities } from './authorization-table.ts';

/**
 * A bounded, seeded fuzz of the HTTP API and the WebSocket: thousands of requests built from the OpenAPI
 * document with hostile parameters, bodies, media types and tokens, and a thousand bad frames. No 5xx, no crash,
 * the catalog's error shape on every refusal, and no refused request changes anything.
 * LUOT_FUZZ_SEED=<n> explores another sequence; the default is fixed so CI runs the same one each time.
 */
const SEED = Number(process.env.LUOT_FUZZ_SEED ?? 20261112);
const REQUESTS = 3000;
const FRAMES = 1000;

let server: TestServer;
let center: SecurityCenter;
let routes: { method: string; path: string }[] = [];

beforeAll(async () => {
  const dir = mkdtempSync(join(tmpdir(), 'luot-fuzz-'));
  standInApps(dir);
  server = await startTestServer({ dir, listen: true, kioskPace: 'production' });
  center = await securityCenter(server);
  const doc = (await server.app.inject({ method: 'GET', url: '/api/openapi.json' })).json<{ paths: Record<string, Record<string, unknown>> }>();
  routes = Object.entries(doc.paths).flatMap(([path, methods]) => Object.keys(methods).map((method) => ({ method: method.toUpperCase(), path })));
});
afterAll(async () => server?.dispose());

/** Path and query values a careless or hostile client sends; `1` and `2` keep some requests meaningful. */
const hostileText = [
  '1', '2', '3', '0', '-1', '1.5', '1.9', '1e0', '0x1', '01', '+1', 'true', 'null', 'NaN', 'Infinity', '%00', '%c0', '%ff%fe', '%20', '%09',
  '..', '%2e%2e', '..%2f..%2fetc%2fpasswd', '%2f', 'abc', '9'.repeat(40), 'Đất đai', '💥', "'; DROP TABLE tickets; --", '<script>x</script>',
  'a'.repeat(300), '[]', '{}', '__proto__', 'constructor', '',
];
/** Keys the API uses, so mutated bodies often get past the first checks and reach deeper code. */
const knownKeys = [
  'fieldId', 'ticketId', 'counterId', 'toFieldId', 'toCounterId', 'priority', 'idempotencyKey', 'reason', 'note', 'dossierCode', 'username',
  'password', 'code', 'kind', 'name', 'uri', 'widthDots', 'printerId', 'displayName', 'role', 'active', 'issuing', 'rating', 'reasons', 'volume',
  'sound', 'english', 'prefix', 'width', 'startNumber', 'dailyLimit', 'opensAt', 'closesAt', 'fields', 'policy', 'number', '__proto__', 'constructor',
];
const queryKeys = ['limit', 'period', 'groupBy', 'from', 'to', 'lang', 'sep', 'counter', 'english', 'kind'];

const value = fc.oneof(
  fc.integer({ min: -3, max: 5 }),
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.constantFrom(...hostileText),
  fc.string({ maxLength: 40 }),
  fc.array(fc.integer({ min: 0, max: 3 }), { maxLength: 4 }),
  fc.dictionary(fc.constantFrom(...knownKeys), fc.integer({ min: 0, max: 3 }), { maxKeys: 3 }),
);
const body = fc.oneof(
  { weight: 5, arbitrary: fc.dictionary(fc.constantFrom(...knownKeys), value, { maxKeys: 6 }) },
  { weight: 2, arbitrary: fc.jsonValue({ maxDepth: 3 }) },
  { weight: 1, arbitrary: fc.constantFrom('{', '{"fieldId":', 'null', '[]', '"x"', '\u0000', '{"a":1}{"b":2}', 'x'.repeat(70 * 1024)) },
  { weight: 1, arbitrary: fc.constant(undefined) },
);
const mediaType = fc.constantFrom('application/json', 'application/json', 'application/json', 'text/plain', 'application/x-www-form-urlencoded', 'application/json; charset=latin1', '');
const tokenTwist = fc.constantFrom('as-is', 'as-is', 'as-is', 'as-is', 'as-is', 'as-is', 'garbage', 'suffix', 'basic', 'empty', 'other-kind');

function requests(): fc.Arbitrary<{ route: { method: string; path: string }; who: string; params: string[]; query: [string, string][]; body: unknown; media: string; twist: string }> {
  return fc.record({
    route: fc.constantFrom(...routes),
    who: fc.constantFrom(...identities),
    params: fc.array(fc.constantFrom(...hostileText), { minLength: 2, maxLength: 2 }),
    query: fc.array(fc.tuple(fc.constantFrom(...queryKeys), fc.constantFrom(...hostileText)), { maxLength: 3 }),
    body,
    media: mediaType,
    twist: tokenTwist,
  });
}

let minted = 0;

/**
 * Fuzzed requests log out, revoke, disable and reset; a dead identity gets a fresh token (a new account of the
 * same role, or a new device of the same kind), so every identity keeps reaching past the role checks.
 */
const scopes: Partial<Record<string, string>> = { token_reports: 'reports:read', token_live: 'live:read', token_webhooks: 'webhooks:receive', token_tickets: 'tickets:issue' };

async function refreshIdentities(): Promise<void> {
  for (const who of identities) {
    const token = center.tokens[who];
    if (token === null || server.deps.auth.authenticate(token) !== null) continue;
    minted += 1;
    if (who === 'kiosk' || who === 'hall_board' || who === 'counter_display') {
      center.tokens[who] = deviceToken(server, who, who === 'counter_display' ? center.counterId : null);
    } else if (scopes[who]) {
      // A revoked API token: the (already refreshed) admin makes a new one with the same scope.
      const res = await server.app.inject({ method: 'POST', url: '/api/admin/api-tokens', headers: bearer(center.tokens.admin ?? ''), payload: { name: `fuzz ${minted}`, scopes: [scopes[who]] } });
      center.tokens[who] = res.json<{ token: string }>().token;
    } else if (who === 'officer' || who === 'supervisor' || who === 'admin') {
      await addStaff(server, `fuzz-${who}-${minted}`, who);
      center.tokens[who] = await login(server, `fuzz-${who}-${minted}`);
      if (who === 'officer') await server.app.inject({ method: 'POST', url: `/api/counters/${center.counterId}/join`, headers: bearer(center.tokens[who] ?? '') });
    }
  }
}

function isCatalogError(status: number, text: string): boolean {
  try {
    const parsed = JSON.parse(text) as { statusCode?: unknown; code?: unknown; message?: { vi?: unknown; en?: unknown } };
    const entry = typeof parsed.code === 'string' ? (errorCatalog as Record<string, { status: number; vi: string; en: string } | undefined>)[parsed.code] : undefined;
    return entry !== undefined && parsed.statusCode === status && entry.status === status && parsed.message?.vi === entry.vi && parsed.message.en === entry.en;
  } catch {
    return false;
  }
}

describe('bounded seeded fuzz', () => {
  it(`${REQUESTS} hostile HTTP requests: no 5xx, the catalog shape on every 4xx, no change from any refusal`, async () => {
    const problems: string[] = [];
    const statuses = new Map<number, number>();
    const samples = fc.sample(requests(), { seed: SEED, numRuns: REQUESTS });
    // The fingerprint after one request is the one before the next; renewing identities starts it afresh.
    let before = stateDigest(server.store.sqlite);
    for (const [i, r] of samples.entries()) {
      if (i % 50 === 0) {
        await refreshIdentities();
        before = stateDigest(server.store.sqlite);
      }
      let paramIndex = 0;
      const path = r.route.path.replace(/\{[^}]+\}/g, (name) => {
        const text = r.params[paramIndex++] ?? '1';
        return name === '{code}' && text === '1' ? center.trackingCode : text;
      });
      const query = r.query.map(([k, v]) => `${k}=${v}`).join('&');
      const real = center.tokens[r.who as keyof typeof center.tokens];
      const token =
        r.twist === 'garbage' ? 'Bearer s_khong-phai-token' :
        r.twist === 'suffix' && real ? `Bearer ${real}x` :
        r.twist === 'basic' ? 'Basic YWRtaW46YWRtaW4=' :
        r.twist === 'empty' ? 'Bearer ' :
        r.twist === 'other-kind' && real ? `Bearer ${real.startsWith('s_') ? 'd_' : 's_'}${real.slice(2)}` :
        real ? `Bearer ${real}` : undefined;
      const hasBody = r.body !== undefined && r.route.method !== 'GET' && r.route.method !== 'DELETE';
      const url = query ? `${path}?${query}` : path;
      const options: InjectOptions = {
        method: r.route.method,
        url,
        headers: { ...(token ? { authorization: token } : {}), ...(hasBody && r.media ? { 'content-type': r.media } : {}) },
        ...(hasBody ? { payload: typeof r.body === 'string' ? r.body : JSON.stringify(r.body) } : {}),
      };
      const res = await server.app.inject(options);
      statuses.set(res.statusCode, (statuses.get(res.statusCode) ?? 0) + 1);
      const what = `#${i} ${r.route.method} ${url} as ${r.who}/${r.twist} → ${res.statusCode}`;
      if (res.statusCode >= 500) problems.push(`${what}: ${res.body.slice(0, 200)}`);
      if (res.statusCode >= 400 && !isCatalogError(res.statusCode, res.body)) problems.push(`${what}: not the catalog shape: ${res.body.slice(0, 200)}`);
      const after = stateDigest(server.store.sqlite);
      if (res.statusCode >= 400 && after !== before) problems.push(`${what}: refused, yet the center's data changed`);
      before = after;
    }
    console.log(`fuzz seed ${SEED}: ${REQUESTS} requests, statuses ${JSON.stringify(Object.fromEntries([...statuses].sort()))}, ${minted} identities renewed`);
    expect(problems).toEqual([]);
    // Still serving.
    expect((await server.app.inject({ method: 'GET', url: '/api/health' })).statusCode).toBe(200);
  }, 120_000);

  it(`${FRAMES} bad WebSocket frames: only catalog errors or the close codes that fit, nothing changed, still serving`, async () => {
    const url = `${baseUrl(server).replace('http', 'ws')}/ws`;
    await refreshIdentities();
    const before = stateDigest(server.store.sqlite);
    const frame = fc.oneof(
      { weight: 4, arbitrary: fc.jsonValue({ maxDepth: 3 }).map((v) => ({ kind: 'text' as const, data: JSON.stringify(v) })) },
      {
        weight: 4,
        arbitrary: fc
          .record({
            type: fc.constantFrom('hello', 'resync', 'pong', 'ping', 'HELLO', ''),
            protocol: fc.oneof(fc.constant(1), fc.integer(), fc.constantFrom('1', 1.5, null)),
            token: fc.oneof(fc.constantFrom(...Object.values(center.tokens).map((t) => t ?? '')), fc.string({ maxLength: 250 })),
            stream: fc.oneof(fc.constantFrom('hall', 'center', 'counter:1', 'counter:2', 'device:1', 'device:99', 'counter:01', 'hall '), fc.string({ maxLength: 30 })),
            t: fc.oneof(fc.double(), fc.string()),
          }, { requiredKeys: ['type'] })
          .map((m) => ({ kind: 'text' as const, data: JSON.stringify(m) })),
      },
      { weight: 1, arbitrary: fc.uint8Array({ maxLength: 64 }).map((b) => ({ kind: 'binary' as const, data: Buffer.from(b) })) },
      { weight: 1, arbitrary: fc.string({ maxLength: 64 }).map((s) => ({ kind: 'text' as const, data: s })) },
      { weight: 1, arbitrary: fc.constantFrom({ kind: 'badUtf8' as const, data: Buffer.from([0x7b, 0xc0, 0xaf, 0x7d]) }, { kind: 'huge' as const, data: 'x'.repeat(70 * 1024) }) },
    );
    const frames = fc.sample(frame, { seed: SEED + 1, numRuns: FRAMES });
    const allowedCloses = new Set([1009, 1007, 4001, 4002, 4003]);
    const problems: string[] = [];
    const closes = new Map<number, number>();
    let socket = await TestSocket.open(url);
    let seen = 0;
    const look = () => {
      for (const m of socket.messages.slice(seen)) {
        if (m.type === 'error' && !(m.code in errorCatalog)) problems.push(`error frame with unknown code ${m.code}`);
      }
      seen = socket.messages.length;
    };
    for (const f of frames) {
      await new Promise<void>((resolve) => {
        if (f.kind === 'text' || f.kind === 'huge') socket.ws.send(f.data);
        else socket.ws.send(f.data, { binary: f.kind === 'binary' });
        // A ping after the frame comes back only once the server has dealt with the frame (frames are handled in
        // order); if the frame made the server close the connection, the close comes instead.
        const settle = () => {
          socket.ws.off('pong', settle);
          socket.ws.off('close', settle);
          resolve();
        };
        socket.ws.on('pong', settle);
        socket.ws.on('close', settle);
        socket.ws.ping();
      });
      if (socket.ws.readyState !== socket.ws.OPEN) {
        look();
        const code = (await socket.waitClose()).code;
        closes.set(code, (closes.get(code) ?? 0) + 1);
        if (!allowedCloses.has(code)) problems.push(`socket closed with ${code} after ${JSON.stringify(f).slice(0, 120)}`);
        socket = await TestSocket.open(url);
        seen = 0;
      }
    }
    look();
    socket.close();
    console.log(`fuzz seed ${SEED + 1}: ${FRAMES} frames, closes ${JSON.stringify(Object.fromEntries(closes))}`);
    expect(problems).toEqual([]);
    expect(stateDigest(server.store.sqlite)).toBe(before);
    // Still serving: a screen says hello and gets its snapshot.
    const board = await TestSocket.hello(url, center.tokens.hall_board ?? '');
    await board.next((m: ServerMessage) => m.type === 'snapshot');
    board.close();
  }, 120_000);
});
