import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../app.ts';
import { openDb } from '../db/open-db.ts';
import { securityCenter, standInApps } from '../test-support/security-center.ts';
import { startTestServer, TEST_SCRYPT_N, TestClock } from '../test-support/test-app.ts';
import { TestSocket } from '../test-support/ws-client.ts';
import { authorization, identities, refusalsOfIdentity, streams, type Identity } from './authorization-table.ts';

/**
 * Every route of /api/openapi.json × the seven identities, against the table in authorization-table.ts.
 * Each route gets a fresh copy of one small center, so a request that changes something (a logout, a revoked
 * device, a reset password) cannot change what the next route sees.
 */
let dir = '';
let template = '';
let tokens: Record<Identity, string | null>;
let trackingCode = '';
let routes: string[] = [];

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'luot-authz-'));
  standInApps(dir);
  const server = await startTestServer({ dir });
  ({ tokens, trackingCode } = await securityCenter(server));
  await server.stop();
  template = server.dbFile;

  const { app, close } = await appOn(template, 'demo');
  const doc = (await app.inject({ method: 'GET', url: '/api/openapi.json' })).json<{ paths: Record<string, Record<string, unknown>> }>();
  routes = Object.entries(doc.paths).flatMap(([path, methods]) => Object.keys(methods).map((m) => `${m.toUpperCase()} ${path}`));
  await close();
}, 120_000); // signs in eleven identities and makes their devices and tokens: room beside other test files
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The app on a copy of the template center, with the real kiosk pace and the demo routes when asked. */
async function appOn(file: string, mode: 'demo' | 'center' = 'demo'): Promise<{ app: FastifyInstance; close: () => Promise<void> }> {
  const copy = join(dir, `route-${Math.random().toString(36).slice(2)}.db`);
  copyFileSync(file, copy);
  const store = openDb(copy);
  const { app } = await buildApp({ store, clock: new TestClock(), config: { heartbeatMs: 15_000, appsRoot: dir, demo: mode === 'demo', publicUrl: null }, scryptN: TEST_SCRYPT_N });
  await app.ready();
  return {
    app,
    close: async () => {
      await app.close();
      store.close();
      rmSync(copy, { force: true });
    },
  };
}

/** A request for the route with plausible parameters and an empty JSON body: enough to get past the role check. */
function requestFor(route: string, token: string | null) {
  const [method = 'GET', path = '/'] = route.split(' ');
  const url = path.replace('{id}', '1').replace('{code}', trackingCode).replace('{*}', 'index.html');
  const hasBody = method === 'POST' || method === 'PUT';
  return {
    method: method as 'GET' | 'POST' | 'PUT' | 'DELETE',
    url,
    headers: token ? { authorization: `Bearer ${token}` } : {},
    ...(hasBody ? { payload: {} } : {}),
  };
}

describe('authorization matrix: every route × every identity', () => {
  it('every route in the OpenAPI document has a line in the table, and every line names a route', () => {
    expect(routes.length).toBeGreaterThan(50);
    expect(routes.filter((r) => !(r in authorization)), 'routes without a line in authorization-table.ts').toEqual([]);
    expect(Object.keys(authorization).filter((r) => !routes.includes(r)), 'lines for routes that do not exist').toEqual([]);
  });

  it('exactly the identities the table names pass the role check', async () => {
    const wrong: string[] = [];
    for (const route of routes) {
      const allowed = authorization[route] ?? [];
      const { app, close } = await appOn(template);
      try {
        for (const who of identities) {
          const res = await app.inject(requestFor(route, tokens[who]));
          let code = '';
          try {
            code = res.json<{ code?: string }>().code ?? '';
          } catch {
            code = '';
          }
          const refused = (res.statusCode === 401 || res.statusCode === 403) && (refusalsOfIdentity as readonly string[]).includes(code);
          if (refused === allowed.includes(who)) wrong.push(`${route} as ${who}: ${res.statusCode} ${code || res.body.slice(0, 80)} (table: ${allowed.includes(who) ? 'allow' : 'deny'})`);
        }
      } finally {
        await close();
      }
    }
    expect(wrong).toEqual([]);
  }, 400_000);

  it('the demo route does not exist outside the demo center', async () => {
    const { app, close } = await appOn(template, 'center');
    const res = await app.inject({ method: 'GET', url: '/api/demo/device?kind=kiosk' });
    expect(res.statusCode).toBe(404);
    await close();
  });

  it('each identity gets exactly its live streams, and no other stream even when it asks', async () => {
    const { app, close } = await appOn(template);
    await app.listen({ port: 0, host: '127.0.0.1' });
    const address = app.server.address();
    const url = `ws://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}/ws`;
    const all = ['hall', 'center', 'counter:1', 'counter:2', 'device:1', 'device:2', 'device:3', 'device:4'];
    try {
      for (const who of identities) {
        const expected = streams[who];
        const socket = await TestSocket.open(url);
        socket.send({ type: 'hello', protocol: 1, token: tokens[who] ?? 'anonyme' });
        if (expected === 'closed') {
          expect((await socket.waitClose()).code, who).toBe(4001);
          continue;
        }
        const welcome = await socket.next((m) => m.type === 'welcome');
        const got = welcome.type === 'welcome' ? welcome.streams.map((s) => s.replace(/^device:\d+$/, 'device').replace(/^counter:\d+$/, 'counter')) : [];
        expect(got.sort(), who).toEqual([...expected].sort());
        const mine = welcome.type === 'welcome' ? welcome.streams : [];
        for (const stream of all.filter((s) => !mine.includes(s))) {
          socket.send({ type: 'resync', stream });
          const answer = await socket.waitNew((m) => m.type === 'error' || (m.type === 'snapshot' && m.stream === stream));
          expect(answer, `${who} asking for ${stream}`).toMatchObject({ type: 'error', code: 'FORBIDDEN' });
        }
        socket.close();
      }
    } finally {
      await close();
    }
  });
});
