import type { HubCenterKey, HubLoginResponse, HubStaffWithPassword } from '@luot/shared';
import { beforeAll, describe, expect, it } from 'vitest';
import { bearer } from '../test-support/fixtures.ts';
import { startTestHub, type TestHub } from '../test-support/test-hub.ts';

/**
 * Every route of the hub's /api/openapi.json × five identities, against the table below: which identities pass
 * the role check. A route missing from the table, or a line naming no route, fails the first test, so a new route
 * cannot ship without its roles being decided here.
 */
type Identity = 'anonymous' | 'otherCenterKey' | 'centerKey' | 'viewer' | 'admin';
const identities: readonly Identity[] = ['anonymous', 'otherCenterKey', 'centerKey', 'viewer', 'admin'];

const everyone = identities;
const staff: readonly Identity[] = ['viewer', 'admin'];
const admin: readonly Identity[] = ['admin'];
const ownCenter: readonly Identity[] = ['centerKey'];

const authorization: Record<string, readonly Identity[]> = {
  'GET /': everyone,
  'GET /console': everyone,
  'GET /console/{*}': everyone,
  'GET /api/health': everyone,
  'POST /api/auth/login': everyone,
  'POST /api/auth/logout': staff,
  'GET /api/auth/me': staff,
  'GET /api/hub/board': staff,
  'GET /api/hub/centers/{centerId}/board': staff,
  'GET /api/hub/reports': staff,
  'GET /api/hub/reports/export.csv': staff,
  'GET /api/hub/reports/export.xlsx': staff,
  'GET /api/hub/centers': staff,
  'POST /api/hub/centers': admin,
  'POST /api/hub/centers/{centerId}/key': admin,
  'DELETE /api/hub/centers/{centerId}/key': admin,
  'POST /api/hub/centers/{centerId}/resync': admin,
  'GET /api/hub/staff': admin,
  'POST /api/hub/staff': admin,
  'PUT /api/hub/staff/{id}': admin,
  'POST /api/hub/staff/{id}/reset-password': admin,
  'GET /api/sync/centers/{centerId}/position': ownCenter,
  'POST /api/sync/centers/{centerId}/batches': ownCenter,
  'POST /api/sync/centers/{centerId}/resync': ownCenter,
};

/** The refusals of the role and key checks; anything else means the request got past them. */
const refusals = new Set(['UNAUTHENTICATED', 'FORBIDDEN', 'SYNC_KEY_INVALID', 'SYNC_WRONG_CENTER']);

let routes: string[] = [];

beforeAll(async () => {
  const hub = await startTestHub();
  try {
    const doc = (await hub.app.inject({ method: 'GET', url: '/api/openapi.json' })).json<{ paths: Record<string, Record<string, unknown>> }>();
    routes = Object.entries(doc.paths)
      .flatMap(([path, methods]) => Object.keys(methods).map((m) => `${m.toUpperCase()} ${path}`))
      // The board's socket signs in with a hello message, not a header: hub-app.test.ts covers it.
      .filter((r) => r !== 'GET /api/hub/ws');
  } finally {
    await hub.dispose();
  }
});

async function login(hub: TestHub, username: string, password: string): Promise<string> {
  const res = await hub.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password } });
  expect(res.statusCode, res.body).toBe(200);
  return res.json<HubLoginResponse>().token;
}

/** A fresh hub with two centers, a viewer and an admin; the path's center is always the first center. */
async function province(): Promise<{ hub: TestHub; centerId: number; tokens: Record<Identity, string | null> }> {
  const hub = await startTestHub();
  const first = await hub.deps.auth.createStaff({ username: 'tinh-admin', name: 'Quản trị cấp tỉnh', role: 'province_admin' });
  const adminToken = await login(hub, 'tinh-admin', first.password);
  const viewer = (await hub.app.inject({ method: 'POST', url: '/api/hub/staff', headers: bearer(adminToken), payload: { username: 'lanhdao', name: 'Lãnh đạo', role: 'province_viewer' } })).json<HubStaffWithPassword>();
  const register = async (code: string) => (await hub.app.inject({ method: 'POST', url: '/api/hub/centers', headers: bearer(adminToken), payload: { code, name: code } })).json<HubCenterKey>();
  const a = await register('phuong-a');
  const b = await register('phuong-b');
  return {
    hub,
    centerId: a.center.id,
    tokens: { anonymous: null, otherCenterKey: b.key, centerKey: a.key, viewer: await login(hub, 'lanhdao', viewer.password), admin: adminToken },
  };
}

describe('hub authorization: every route × every identity', () => {
  it('every route in the OpenAPI document has a line in the table, and every line names a route', () => {
    expect(routes.length).toBeGreaterThan(15);
    expect(routes.filter((r) => !(r in authorization)), 'routes without a line').toEqual([]);
    expect(Object.keys(authorization).filter((r) => !routes.includes(r)), 'lines for routes that do not exist').toEqual([]);
  });

  it('exactly the identities the table names pass the role and key checks; the others get 401 or 403', async () => {
    const wrong: string[] = [];
    for (const route of routes) {
      const { hub, centerId, tokens } = await province();
      try {
        const [method = 'GET', path = '/'] = route.split(' ');
        const url = path.replace('{centerId}', String(centerId)).replace('{id}', '1').replace('{*}', 'index.html');
        // Refused identities first, so an allowed request that changes something (a logout, a revoked key)
        // cannot change what a later identity sees; the admin goes last.
        for (const who of identities) {
          const res = await hub.app.inject({
            method: method as 'GET' | 'POST' | 'PUT' | 'DELETE',
            url,
            headers: tokens[who] ? bearer(tokens[who]) : {},
            ...(method === 'POST' || method === 'PUT' ? { payload: {} } : {}),
          });
          const body = res.headers['content-type']?.toString().includes('json') ? res.json<{ code?: string }>() : {};
          const refused = (res.statusCode === 401 || res.statusCode === 403) && refusals.has(body.code ?? '');
          const allowed = authorization[route]?.includes(who) ?? false;
          if (refused === allowed) wrong.push(`${route} as ${who}: ${res.statusCode} ${body.code ?? ''}`);
          if (refused) expect(Object.keys((body as { message?: object }).message ?? {}).sort(), `${route} as ${who}: a message in both languages`).toEqual(['en', 'vi']);
        }
      } finally {
        await hub.dispose();
      }
    }
    expect(wrong).toEqual([]);
  }, 300_000);
});
