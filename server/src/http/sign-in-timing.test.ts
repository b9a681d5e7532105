import crypto from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { addStaff } from '../test-support/fixtures.ts';
import { startTestServer, TEST_SCRYPT_N, type TestServer } from '../test-support/test-app.ts';

let server: TestServer;

beforeEach(async () => {
  server = await startTestServer();
  await addStaff(server, 'quay1', 'officer');
});
afterEach(async () => {
  vi.restoreAllMocks();
  await server.dispose();
});

/** The key derivations a sign-in costs, with their cost parameter: what its duration is made of. */
async function derivationsOf(username: string): Promise<number[]> {
  const spy = vi.spyOn(crypto, 'scrypt');
  const res = await server.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password: 'không-phải-mật-khẩu' } });
  expect(res.statusCode).toBe(401);
  const costs = spy.mock.calls.map((args) => args[3].N ?? 0);
  spy.mockRestore();
  return costs;
}

describe('sign-in timing does not tell which usernames exist', () => {
  it('an unknown user costs exactly what a known user with a wrong password costs: one scrypt at the same cost', async () => {
    const known = await derivationsOf('quay1');
    const unknown = await derivationsOf('khong-ton-tai');
    const unknownAgain = await derivationsOf('cung-khong-co');
    expect(known).toEqual([TEST_SCRYPT_N]);
    expect(unknown).toEqual(known);
    expect(unknownAgain).toEqual(known);
  });
});
