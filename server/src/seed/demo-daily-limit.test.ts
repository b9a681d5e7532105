import type { CenterInfo, ErrorBody } from '@luot/shared';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { bearer, issue } from '../test-support/fixtures.ts';
import { startTestServer, type TestServer } from '../test-support/test-app.ts';
import { seedDemo } from './seed.ts';

let server: TestServer;
beforeEach(async () => {
  server = await startTestServer();
});
afterEach(async () => server.dispose());

describe('the demo center shows a per-field daily limit', () => {
  it('Đất đai – Xây dựng hands out 80 numbers a day, then the kiosk says so; the other fields have no limit', async () => {
    const seeded = await seedDemo(server.store, server.deps.auth, server.clock);
    const kiosk = seeded.devices.find((d) => d.kind === 'kiosk')?.token ?? '';
    const center = (await server.app.inject({ method: 'GET', url: '/api/center', headers: bearer(kiosk) })).json<CenterInfo>();
    const land = center.fields.find((f) => f.code === 'dat-dai-xay-dung');
    expect(land?.dailyLimit).toBe(80);
    expect(center.fields.filter((f) => f.dailyLimit !== null).map((f) => f.code)).toEqual(['dat-dai-xay-dung']);
    if (!land) return;
    for (let i = 0; i < 80; i++) expect((await issue(server, kiosk, land.id)).statusCode).toBe(201);
    const refused = await issue(server, kiosk, land.id);
    expect(refused.statusCode).toBe(409);
    expect(refused.json<ErrorBody>().code).toBe('DAILY_LIMIT_REACHED');
  });
});
