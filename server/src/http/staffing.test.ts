import { countersNeeded, type StaffingPlan } from '@luot/shared';
import ExcelJS from 'exceljs';
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

const act = (counterId: number, action: string, payload?: object) =>
  server.app.inject({ method: 'POST', url: `/api/counters/${counterId}/${action}`, headers: bearer(center.officer1), ...(payload ? { payload } : {}) });

/**
 * Two Mondays of history: from 09:00, six citizens of field A an hour, ten minutes apart (one of them priority),
 * each called at once and finished 8 minutes later at counter 1. The test clock starts on a Monday at 08:00; the
 * history is written two and one weeks before it (sessions and device tokens are younger than a week's wait).
 */
async function twoMondays(): Promise<void> {
  const today = server.clock.ms;
  for (let week = 0; week < 2; week++) {
    server.clock.ms = today - (2 - week) * 7 * 86_400_000 + 3_600_000;
    for (let i = 0; i < 6; i++) {
      expect((await issue(server, center.kiosk, center.fieldA, i === 0 ? { priority: 'elderly' } : {})).statusCode).toBe(201);
      expect((await act(center.counter1, 'call-next')).statusCode).toBe(200);
      server.clock.advance(8);
      expect((await act(center.counter1, 'finish', {})).statusCode).toBe(200);
      server.clock.advance(2);
    }
  }
  server.clock.ms = today;
}

describe('staffing advice', () => {
  it('learns arrivals per weekday and hour and the counter time per visit from the history, and asks Erlang C', async () => {
    await twoMondays();
    const res = await server.app.inject({ method: 'GET', url: '/api/staffing/plan?weeks=2', headers: bearer(center.supervisor) });
    expect(res.statusCode).toBe(200);
    const plan = res.json<StaffingPlan>();
    expect(plan.share).toBe(0.9);
    expect(plan.openDays).toEqual([2, 0, 0, 0, 0, 0, 0]);
    expect(plan.priorityShare).toBeCloseTo(2 / 12, 6);
    const fieldA = plan.fields.find((f) => f.fieldId === center.fieldA);
    // Counter 1 serves A alone, counter 2 serves A and B: 1 + ½.
    expect(fieldA).toMatchObject({ serviceMinutes: 8, measuredVisits: 12, present: 1.5, targetWaitMinutes: 30 });
    expect(plan.presentCounters).toBe(2);
    expect(plan.cells).toEqual([{ fieldId: center.fieldA, weekday: 0, hour: 9, arrivalsPerHour: 6, needed: 2 }]);
    expect(countersNeeded({ arrivalsPerHour: 6, serviceMinutes: 8 }, 30, 0.9)).toBe(2);
    // A stricter aim asks for no fewer counters.
    const strict = (await server.app.inject({ method: 'GET', url: '/api/staffing/plan?weeks=2&share=0.99', headers: bearer(center.supervisor) })).json<StaffingPlan>();
    expect(strict.cells[0]?.needed).toBeGreaterThanOrEqual(2);
  });

  it('exports the plan as CSV and as a workbook with the weekly grid and its gap', async () => {
    await twoMondays();
    const csv = await server.app.inject({ method: 'GET', url: '/api/staffing/plan.csv?weeks=2', headers: bearer(center.admin) });
    expect(csv.statusCode).toBe(200);
    expect(csv.headers['content-disposition']).toContain('.csv');
    const text = csv.rawPayload.toString('utf8');
    expect(text.startsWith('\uFEFFLĩnh vực,Thứ,Giờ')).toBe(true);
    expect(text).toContain('Thứ Hai,09:00,6,2,1.5,0.5');
    expect(text).toContain('Tất cả lĩnh vực,Thứ Hai,09:00,,2,2,0');

    const xlsx = await server.app.inject({ method: 'GET', url: '/api/staffing/plan.xlsx?weeks=2&lang=en', headers: bearer(center.admin) });
    expect(xlsx.statusCode).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const grid = book.getWorksheet('Weekly plan');
    expect(grid?.getRow(4).getCell(2).value).toBe('Monday');
    expect(grid?.getRow(5).values).toEqual([undefined, '09:00', '2 (0)', '', '', '', '', '', '']);
    expect(book.getWorksheet('By field')?.rowCount).toBe(3);
  });

  it('is for supervisors and admins only', async () => {
    const res = await server.app.inject({ method: 'GET', url: '/api/staffing/plan', headers: bearer(center.officer1) });
    expect(res.statusCode).toBe(403);
    const bad = await server.app.inject({ method: 'GET', url: '/api/staffing/plan?share=2', headers: bearer(center.supervisor) });
    expect(bad.statusCode).toBe(400);
  });
});
