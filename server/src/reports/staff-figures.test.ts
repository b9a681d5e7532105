import type { StaffFigures } from '@luot/shared';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { bearer, issue, smallCenter } from '../test-support/fixtures.ts';
import { startTestServer, type TestServer } from '../test-support/test-app.ts';

let server: TestServer;
let center: Awaited<ReturnType<typeof smallCenter>>;

beforeEach(async () => {
  server = await startTestServer();
  center = await smallCenter(server);
});
afterEach(async () => server.dispose());

async function at1(action: string, payload?: object) {
  const res = await server.app.inject({ method: 'POST', url: `/api/counters/${center.counter1}/${action}`, headers: bearer(center.officer1), ...(payload ? { payload } : {}) });
  expect(res.statusCode, `${action}: ${res.body}`).toBe(200);
  return res.json<{ ticket: { id: number } | null }>();
}

/** A morning at counter 1, minute by minute, with every figure known in advance. */
async function morning(): Promise<void> {
  await at1('pause', { reason: 'Họp giao ban' }); // 08:00 paused
  server.clock.advance(10);
  await at1('resume'); // 08:10 open, nobody waiting
  await issue(server, center.kiosk, center.fieldA); // A001 waits: counter 1 is idle
  server.clock.advance(5);
  const first = await at1('call-next'); // 08:15: 5 min idle; A001 walks…
  server.clock.advance(1);
  await at1('start'); // …1 min walk
  server.clock.advance(10);
  await at1('finish', { dossierCode: 'H12.34-261123-0001' }); // 08:26: 10 min visit
  const display = server.deps.auth.createPairedDevice({ kind: 'counter_display', name: 'Quầy 1', counterId: center.counter1 }).token;
  const rated = await server.app.inject({ method: 'POST', url: '/api/ratings', headers: bearer(display), payload: { ticketId: first.ticket?.id, score: 2 } });
  expect(rated.statusCode, rated.body).toBeLessThan(300);
  await issue(server, center.kiosk, center.fieldA); // A002 waits
  server.clock.advance(2);
  await at1('call-next'); // 08:28: 2 more min idle
  server.clock.advance(1);
  await at1('recall');
  server.clock.advance(2);
  await at1('no-show'); // 08:31
  await at1('pause', { reason: 'Nghỉ trưa' });
  server.clock.advance(30);
  await at1('resume'); // 09:01
  await at1('close');
}

const figures = async (token: string, groupBy: 'officer' | 'counter') =>
  server.app.inject({ method: 'GET', url: `/api/reports/staff?from=2026-11-23&to=2026-11-23&groupBy=${groupBy}`, headers: bearer(token) });

describe('staff figures from the event log', () => {
  it('counts served per hour, mean visit and walk, idle and pause time by reason, recalls, no-shows and satisfaction', async () => {
    await morning();
    const expected = {
      served: 1,
      openMinutes: 21,
      servedPerHour: 2.9,
      meanVisitMinutes: 10,
      meanWalkSeconds: 60,
      idleMinutes: 7,
      pauseMinutes: 40,
      pauses: [
        { reason: 'Nghỉ trưa', minutes: 30 },
        { reason: 'Họp giao ban', minutes: 10 },
      ],
      recalls: 1,
      noShows: 1,
      ratings: 1,
      satisfiedShare: 1,
    };
    const byCounter = (await figures(center.supervisor, 'counter')).json<StaffFigures>();
    expect(byCounter.rows).toEqual([{ key: center.counter1, label: { vi: 'Quầy số 1', en: 'Counter 1' }, ...expected }]);
    const byOfficer = (await figures(center.admin, 'officer')).json<StaffFigures>();
    expect(byOfficer.rows).toEqual([{ key: expect.any(Number) as number, label: { vi: 'Cán bộ officer1', en: 'Cán bộ officer1' }, ...expected }]);
  });

  it('agrees with the counter report’s served, recalls and no-shows (the same fold)', async () => {
    await morning();
    const staff = (await figures(center.supervisor, 'counter')).json<StaffFigures>().rows[0];
    const report = (await server.app.inject({ method: 'GET', url: '/api/reports?from=2026-11-23&to=2026-11-23&groupBy=counter', headers: bearer(center.supervisor) })).json<{
      rows: { key: number; served: number; recalls: number; noShow: number }[];
    }>();
    const row = report.rows.find((r) => r.key === center.counter1);
    expect({ served: staff?.served, recalls: staff?.recalls, noShows: staff?.noShows }).toEqual({ served: row?.served, recalls: row?.recalls, noShows: row?.noShow });
  });

  it('exports as CSV with Vietnamese headings; the visits export carries the dossier code', async () => {
    await morning();
    const csv = await server.app.inject({ method: 'GET', url: '/api/reports/staff/export.csv?from=2026-11-23&to=2026-11-23&groupBy=counter', headers: bearer(center.supervisor) });
    expect(csv.statusCode).toBe(200);
    const lines = csv.body.replace(/^\uFEFF/, '').trim().split('\r\n');
    expect(lines[0]).toContain('Thời gian chờ gọi (phút)');
    expect(lines[1]).toBe('Quầy số 1,1,21,2.9,10,60,7,40,1,1,1,100,"Nghỉ trưa: 30; Họp giao ban: 10"');
    const visits = await server.app.inject({ method: 'GET', url: '/api/reports/visits.csv?from=2026-11-23&to=2026-11-23', headers: bearer(center.supervisor) });
    expect(visits.body.replace(/^\uFEFF/, '').trim().split('\r\n')).toEqual([
      'Ngày,Số thứ tự,Lĩnh vực,Quầy,Cán bộ,Giờ lấy số,Giờ hoàn thành,Mã hồ sơ',
      '2026-11-23,A001,Lĩnh vực a,1,Cán bộ officer1,08:10:00,08:26:00,H12.34-261123-0001',
    ]);
  });

  it('is for supervisors and admins only: officers, screens and API tokens are refused', async () => {
    const made = await server.app.inject({ method: 'POST', url: '/api/admin/api-tokens', headers: bearer(center.admin), payload: { name: 'báo cáo', scopes: ['reports:read'] } });
    const token = made.json<{ token: string }>().token;
    for (const who of [center.officer1, center.kiosk, token]) expect((await figures(who, 'officer')).statusCode).toBe(403);
    expect((await server.app.inject({ method: 'GET', url: '/api/reports/visits.csv', headers: bearer(token) })).statusCode).toBe(200);
  });
});
