import type { ApiTokenCreated, ApiTokenView } from '@luot/shared';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { hashToken } from '../auth/tokens.ts';
import { bearer, smallCenter } from '../test-support/fixtures.ts';
import { startTestServer, type TestServer } from '../test-support/test-app.ts';

let server: TestServer;
let center: Awaited<ReturnType<typeof smallCenter>>;

beforeEach(async () => {
  server = await startTestServer();
  center = await smallCenter(server);
});
afterEach(async () => server.dispose());

async function make(scopes: string[], name = 'Hệ thống một cửa tỉnh'): Promise<ApiTokenCreated> {
  const res = await server.app.inject({ method: 'POST', url: '/api/admin/api-tokens', headers: bearer(center.admin), payload: { name, scopes } });
  expect(res.statusCode, res.body).toBe(201);
  return res.json<ApiTokenCreated>();
}

const get = (token: string, url: string) => server.app.inject({ method: 'GET', url, headers: bearer(token) });
const reportUrl = '/api/reports?from=2026-11-23&to=2026-11-23&groupBy=field';

describe('API tokens for integrations', () => {
  it('is shown once, stored only as its hash, listed without it, and audited', async () => {
    const { token, view } = await make(['reports:read']);
    expect(token).toMatch(/^i_[A-Za-z0-9_-]{40,}$/);
    const rows = server.store.sqlite.prepare('SELECT token_hash AS h FROM api_tokens').all() as { h: string }[];
    expect(rows).toEqual([{ h: hashToken(token) }]);
    const list = (await get(center.admin, '/api/admin/api-tokens')).json<ApiTokenView[]>();
    expect(list).toEqual([{ ...view, lastUsedAt: null }]);
    expect(JSON.stringify(list)).not.toContain(token);
    const audit = server.store.sqlite.prepare("SELECT action, details FROM audit_log WHERE entity = 'api_token'").all() as { action: string; details: string }[];
    expect(audit).toEqual([{ action: 'api_token.create', details: JSON.stringify({ name: 'Hệ thống một cửa tỉnh', scopes: ['reports:read'] }) }]);
    expect(audit[0]?.details).not.toContain(token);
  });

  it('reaches its scope’s routes only: never staff, admin or another scope’s routes', async () => {
    const { token } = await make(['reports:read']);
    expect((await get(token, reportUrl)).statusCode).toBe(200);
    expect((await get(token, '/api/reports/export.csv?from=2026-11-23&to=2026-11-23&groupBy=field')).statusCode).toBe(200);
    expect((await get(token, '/api/live')).json()).toMatchObject({ statusCode: 403, code: 'TOKEN_SCOPE_MISSING' });
    for (const url of ['/api/queue', '/api/admin/staff', '/api/admin/api-tokens', '/api/auth/me', '/api/counters'])
      expect((await get(token, url)).statusCode, url).toBe(403);
    const issue = await server.app.inject({ method: 'POST', url: '/api/tickets', headers: bearer(token), payload: { fieldId: center.fieldA } });
    expect(issue.json()).toMatchObject({ code: 'TOKEN_SCOPE_MISSING' });
    const live = await make(['live:read'], 'Bảng điều hành tỉnh');
    expect((await get(live.token, '/api/live')).statusCode).toBe(200);
    expect((await get(live.token, reportUrl)).json()).toMatchObject({ code: 'TOKEN_SCOPE_MISSING' });
  });

  it('a partner kiosk issues numbers with tickets:issue; the ticket prints nothing here and is in the queue', async () => {
    const { token } = await make(['tickets:issue'], 'Kiosk đối tác');
    const res = await server.app.inject({ method: 'POST', url: '/api/tickets', headers: bearer(token), payload: { fieldId: center.fieldA } });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ ticket: { number: 'A001', status: 'waiting' }, print: { status: 'none' } });
    const called = await server.app.inject({ method: 'POST', url: `/api/counters/${center.counter1}/call-next`, headers: bearer(center.officer1) });
    expect(called.json()).toMatchObject({ ticket: { number: 'A001' } });
  });

  it('stops working the moment it is revoked, and the revocation is audited', async () => {
    const { token, view } = await make(['reports:read', 'live:read']);
    expect((await get(token, '/api/live')).statusCode).toBe(200);
    const revoked = await server.app.inject({ method: 'DELETE', url: `/api/admin/api-tokens/${view.id}`, headers: bearer(center.admin) });
    expect(revoked.json()).toMatchObject({ id: view.id, revoked: true });
    expect((await get(token, '/api/live')).json()).toMatchObject({ statusCode: 401, code: 'UNAUTHENTICATED' });
    expect((await get(token, reportUrl)).statusCode).toBe(401);
    const actions = (server.store.sqlite.prepare("SELECT action FROM audit_log WHERE entity = 'api_token' ORDER BY id").all() as { action: string }[]).map((a) => a.action);
    expect(actions).toEqual(['api_token.create', 'api_token.revoke']);
    const missing = await server.app.inject({ method: 'DELETE', url: '/api/admin/api-tokens/999', headers: bearer(center.admin) });
    expect(missing.json()).toMatchObject({ statusCode: 404, code: 'API_TOKEN_NOT_FOUND' });
  });

  it('only an admin makes tokens; a scope outside the list is refused with the catalog’s error', async () => {
    for (const staff of [center.officer1, center.supervisor]) {
      const res = await server.app.inject({ method: 'POST', url: '/api/admin/api-tokens', headers: bearer(staff), payload: { name: 'x', scopes: ['reports:read'] } });
      expect(res.statusCode).toBe(403);
    }
    const bad = await server.app.inject({ method: 'POST', url: '/api/admin/api-tokens', headers: bearer(center.admin), payload: { name: 'x', scopes: ['admin'] } });
    expect(bad.json()).toMatchObject({ statusCode: 400, code: 'VALIDATION_FAILED' });
  });

  it('the OpenAPI document describes the tokens, the scopes and the webhook signature, with examples', async () => {
    const doc = (await server.app.inject({ method: 'GET', url: '/api/openapi.json' })).json<{ paths: Record<string, Record<string, { description?: string }>> }>();
    expect(doc.paths['/api/admin/api-tokens']?.post?.description).toContain('tickets:issue');
    expect(doc.paths['/api/admin/webhooks']?.post?.description).toContain('HMAC-SHA256');
    expect(JSON.stringify(doc.paths['/api/admin/api-tokens'])).toContain('Hệ thống một cửa tỉnh');
  });
});
