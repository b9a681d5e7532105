import type { ErrorBody, IssuedTicket, LiveFigures } from '@luot/shared';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { bearer, deviceToken, issue, smallCenter } from '../test-support/fixtures.ts';
import { startTestServer, type TestServer } from '../test-support/test-app.ts';

let server: TestServer;
let center: Awaited<ReturnType<typeof smallCenter>>;

beforeEach(async () => {
  server = await startTestServer({ kioskPace: 'production' });
  center = await smallCenter(server);
});
afterEach(async () => server.dispose());

const ticketCount = () => (server.store.sqlite.prepare('SELECT count(*) AS n FROM tickets').get() as { n: number }).n;
const alerts = async () =>
  (await server.app.inject({ method: 'GET', url: '/api/live', headers: bearer(center.supervisor) })).json<LiveFigures>().alerts.filter((a) => a.kind === 'kiosk_too_fast');

describe('a kiosk issues numbers at a human pace', () => {
  it('a burst of five, then one a second; a flood is refused with a clear code and issues nothing', async () => {
    const answers = [];
    for (let i = 0; i < 200; i++) answers.push(await issue(server, center.kiosk, center.fieldA));
    expect(answers.filter((a) => a.statusCode === 201)).toHaveLength(5);
    const refused = answers[5];
    expect(refused?.statusCode).toBe(429);
    expect(refused?.json<ErrorBody>().code).toBe('KIOSK_TOO_FAST');
    expect(refused?.json<ErrorBody>().message.vi).toContain('Ông/Bà');
    expect(refused?.headers['retry-after']).toBe('1');
    expect(ticketCount()).toBe(5);

    // A second later the kiosk may issue one more, numbered right after the last one.
    server.clock.ms += 1000;
    const next = await issue(server, center.kiosk, center.fieldA);
    expect(next.statusCode).toBe(201);
    expect(next.json<IssuedTicket>().ticket.number).toBe('A006');
    expect((await issue(server, center.kiosk, center.fieldA)).statusCode).toBe(429);
  });

  it('the limit is per kiosk, and staff issuing for a walk-in citizen are not limited by it', async () => {
    for (let i = 0; i < 6; i++) await issue(server, center.kiosk, center.fieldA);
    expect((await issue(server, center.kiosk, center.fieldA)).statusCode).toBe(429);
    const otherKiosk = deviceToken(server, 'kiosk');
    expect((await issue(server, otherKiosk, center.fieldA)).statusCode).toBe(201);
    for (let i = 0; i < 8; i++) expect((await issue(server, center.officer1, center.fieldA)).statusCode).toBe(201);
  });

  it('supervisors see an alert naming the kiosk, which clears ten minutes after the last refusal', async () => {
    expect(await alerts()).toEqual([]);
    for (let i = 0; i < 40; i++) await issue(server, center.kiosk, center.fieldA);
    const [alert, ...more] = await alerts();
    expect(more).toEqual([]);
    expect(alert).toMatchObject({ kind: 'kiosk_too_fast', deviceKind: 'kiosk' });
    expect(alert?.message.vi).toContain('kiosk test');
    expect(alert?.message.vi).toContain('35 lần');
    server.clock.advance(11);
    expect(await alerts()).toEqual([]);
  });
});
