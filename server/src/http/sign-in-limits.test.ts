import type { ErrorBody } from '@luot/shared';
import { afterEach, describe, expect, it } from 'vitest';
import { addStaff } from '../test-support/fixtures.ts';
import { startTestServer, type TestServer } from '../test-support/test-app.ts';

let server: TestServer | undefined;
afterEach(async () => server?.dispose());

const signIn = (s: TestServer, username: string, forwardedFor?: string) =>
  s.app.inject({
    method: 'POST',
    url: '/api/auth/login',
    payload: { username, password: 'doan-mo' },
    ...(forwardedFor ? { headers: { 'x-forwarded-for': forwardedFor } } : {}),
  });

describe('sign-in limits per address', () => {
  it('invented usernames share one allowance per address (30 a minute), and a forged X-Forwarded-For does not escape it', async () => {
    server = await startTestServer();
    await addStaff(server, 'quay1', 'officer');
    const statuses: number[] = [];
    for (let i = 0; i < 31; i++) statuses.push((await signIn(server, `bia-${i}`, `10.0.0.${i + 1}`)).statusCode);
    expect(statuses.slice(0, 30).every((s) => s === 401)).toBe(true);
    const refused = await signIn(server, 'quay1');
    expect(refused.statusCode).toBe(429);
    expect(refused.json<ErrorBody>().code).toBe('TOO_MANY_ATTEMPTS');
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
  });

  it('behind a trusted proxy (LUOT_TRUST_PROXY) each machine behind it has its own allowance', async () => {
    server = await startTestServer({ trustProxy: '127.0.0.1' });
    for (let i = 0; i < 30; i++) expect((await signIn(server, `bia-${i}`, '10.0.0.7')).statusCode).toBe(401);
    expect((await signIn(server, 'bia-x', '10.0.0.7')).statusCode).toBe(429);
    expect((await signIn(server, 'bia-y', '10.0.0.8')).statusCode).toBe(401);
  });
});
