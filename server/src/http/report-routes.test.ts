import type { CounterActionResponse, ErrorBody, Report } from '@luot/shared';
import { reportColumns } from '@luot/shared';
import ExcelJS from 'exceljs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { bearer, deviceToken, issue, smallCenter } from '../test-support/fixtures.ts';
import { startTestServer, type TestServer } from '../test-support/test-app.ts';

let server: TestServer;
let center: Awaited<ReturnType<typeof smallCenter>>;

beforeEach(async () => {
  server = await startTestServer();
  center = await smallCenter(server);
});
afterEach(async () => server.dispose());

async function act(token: string, counterId: number, action: string, payload?: object) {
  const res = await server.app.inject({ method: 'POST', url: `/api/counters/${counterId}/${action}`, headers: bearer(token), ...(payload ? { payload } : {}) });
  expect(res.statusCode, res.body).toBe(200);
  return res.json<CounterActionResponse>();
}

/** Three citizens in field A: waits 6, 12 and 20 minutes, services 5 and 7 minutes, the third absent. */
async function aMorning() {
  for (let i = 0; i < 3; i++) expect((await issue(server, center.kiosk, center.fieldA)).statusCode).toBe(201);
  server.clock.advance(6);
  await act(center.officer1, center.counter1, 'call-next');
  server.clock.advance(1);
  await act(center.officer1, center.counter1, 'start');
  server.clock.advance(5);
  await act(center.officer1, center.counter1, 'finish', {});
  await act(center.officer1, center.counter1, 'call-next');
  server.clock.advance(1);
  await act(center.officer1, center.counter1, 'start');
  server.clock.advance(7);
  await act(center.officer1, center.counter1, 'finish', {});
  await act(center.officer1, center.counter1, 'call-next');
  await act(center.officer1, center.counter1, 'no-show');
}

const get = (url: string, token?: string) => server.app.inject({ method: 'GET', url, ...(token ? { headers: bearer(token) } : {}) });

describe('GET /api/reports', () => {
  it('is for supervisors and admins only', async () => {
    expect((await get('/api/reports')).statusCode).toBe(401);
    expect((await get('/api/reports', center.officer1)).json<ErrorBody>().code).toBe('FORBIDDEN');
    expect((await get('/api/reports/export.csv', center.officer1)).statusCode).toBe(403);
    expect((await get('/api/reports/export.xlsx', deviceToken(server, 'hall_board'))).statusCode).toBe(403);
    expect((await get('/api/reports', center.supervisor)).statusCode).toBe(200);
    expect((await get('/api/reports', center.admin)).statusCode).toBe(200);
  });

  it('answers today by default and resolves periods from the service day', async () => {
    await aMorning();
    const today = (await get('/api/reports', center.supervisor)).json<Report>();
    expect(today).toMatchObject({ from: '2026-11-23', to: '2026-11-23', groupBy: 'field', days: 1, source: 'rollups' });
    expect(today.total).toMatchObject({ issued: 3, called: 3, served: 2, noShow: 1, withinTarget: 3, withinTargetShare: 1 });
    expect(today.rows).toHaveLength(1);
    expect(today.rows[0]).toMatchObject({ key: center.fieldA, label: { vi: 'Lĩnh vực a', en: 'Field a' } });
    expect(today.rows[0]?.wait).toEqual({ count: 3, meanSeconds: 760, medianSeconds: 720, p90Seconds: 1200 });
    expect(today.rows[0]?.service).toEqual({ count: 2, meanSeconds: 360, medianSeconds: 300, p90Seconds: 420 });
    const month = (await get('/api/reports?period=month&groupBy=day', center.supervisor)).json<Report>();
    expect(month).toMatchObject({ from: '2026-11-01', to: '2026-11-30', days: 30 });
    expect(month.rows.map((r) => [r.key, r.label.vi])).toEqual([['2026-11-23', 'Thứ Hai, 23/11/2026']]);
    const year = (await get('/api/reports?period=year&groupBy=officer', center.admin)).json<Report>();
    expect(year).toMatchObject({ from: '2026-01-01', to: '2026-12-31' });
    expect(year.rows.map((r) => r.label.vi)).toEqual(['Cán bộ officer1', 'Không qua cán bộ (kiosk, hệ thống)'].filter((l) => year.rows.some((r) => r.label.vi === l)));
  });

  it('is documented in the OpenAPI document, exports as binary downloads', async () => {
    const doc = (await get('/api/openapi.json')).json<{ paths: Record<string, { get?: { responses?: Record<string, unknown> } }> }>();
    expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(['/api/reports', '/api/reports/export.csv', '/api/reports/export.xlsx']));
    expect(JSON.stringify(doc.paths['/api/reports/export.xlsx']?.get?.responses?.['200'])).toContain('binary');
  });

  it('refuses ranges it cannot answer, with the reason', async () => {
    const backwards = await get('/api/reports?from=2026-11-30&to=2026-11-01', center.supervisor);
    expect(backwards.statusCode).toBe(400);
    expect(backwards.json<ErrorBody>()).toMatchObject({ code: 'VALIDATION_FAILED', details: ['from must not be after to'] });
    expect((await get('/api/reports?from=2026-02-30', center.supervisor)).statusCode).toBe(400);
    expect((await get('/api/reports?from=26-11-01', center.supervisor)).statusCode).toBe(400);
    expect((await get('/api/reports?period=month&from=2026-11-01', center.supervisor)).statusCode).toBe(400);
    expect((await get('/api/reports?groupBy=weekday', center.supervisor)).statusCode).toBe(400);
    expect((await get('/api/reports?from=2000-01-01&to=2026-01-01', center.supervisor)).statusCode).toBe(400);
  });
});

describe('exports', () => {
  it('CSV: UTF-8 with a BOM, Vietnamese headers, one row per group and a total, named in Vietnamese', async () => {
    await aMorning();
    const res = await get('/api/reports/export.csv?from=2026-11-23&to=2026-11-23&groupBy=counter', center.supervisor);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(res.headers['content-disposition']).toBe(
      `attachment; filename="Bao cao theo quay 2026-11-23 den 2026-11-23.csv"; filename*=UTF-8''B%C3%A1o%20c%C3%A1o%20theo%20qu%E1%BA%A7y%202026-11-23%20%C4%91%E1%BA%BFn%202026-11-23.csv`,
    );
    expect(decodeURIComponent(String(res.headers['content-disposition']).split("''")[1] ?? '')).toBe('Báo cáo theo quầy 2026-11-23 đến 2026-11-23.csv');
    const bytes = res.rawPayload;
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = bytes.subarray(3).toString('utf8');
    expect(text.normalize('NFC')).toBe(text);
    const lines = text.trimEnd().split('\r\n').map((l) => l.split(','));
    expect(lines[0]).toEqual(['Quầy', ...reportColumns.map((c) => c.vi)]);
    expect(lines[0]).toContain('Thời gian chờ trung bình (phút)');
    expect(lines).toHaveLength(3);
    const [, counterRow, totalRow] = lines;
    const col = (name: string) => (lines[0] ?? []).indexOf(name);
    expect(counterRow?.[0]).toBe('Quầy số 1');
    expect(counterRow?.[col('Số đã cấp')]).toBe('');
    expect(counterRow?.[col('Hoàn thành')]).toBe('2');
    expect(counterRow?.[col('Vắng mặt')]).toBe('1');
    expect(counterRow?.[col('Thời gian chờ trung bình (phút)')]).toBe('12.7');
    expect(counterRow?.[col('Thời gian chờ 90% (phút)')]).toBe('20');
    expect(counterRow?.[col('Thời gian phục vụ trung vị (phút)')]).toBe('5');
    expect(counterRow?.[col('Tỷ lệ được gọi trong thời gian chờ mục tiêu (%)')]).toBe('100');
    expect(counterRow?.[col('Tỷ lệ hài lòng (%)')]).toBe('');
    expect(totalRow?.[0]).toBe('Tổng cộng');
    expect(totalRow?.[col('Số đã cấp')]).toBe('3');
  });

  it('CSV for Excel with Vietnamese regional settings: semicolons and decimal commas; English on request', async () => {
    await aMorning();
    const vi = await get('/api/reports/export.csv?sep=semicolon', center.supervisor);
    const rows = vi.rawPayload.subarray(3).toString('utf8').trimEnd().split('\r\n').map((l) => l.split(';'));
    expect(rows[0]?.[0]).toBe('Lĩnh vực');
    expect(rows[1]?.[(rows[0] ?? []).indexOf('Thời gian phục vụ trung bình (phút)')]).toBe('6');
    expect(rows[1]?.[(rows[0] ?? []).indexOf('Thời gian đến quầy trung bình (phút)')]).toBe('1');
    expect(rows[1]?.[(rows[0] ?? []).indexOf('Thời gian chờ trung bình (phút)')]).toBe('12,7');
    const en = await get('/api/reports/export.csv?lang=en&groupBy=hour', center.supervisor);
    const header = en.rawPayload.subarray(3).toString('utf8').split('\r\n')[0];
    expect(header).toBe(['Hour of arrival', ...reportColumns.map((c) => c.en)].join(','));
    expect(en.headers['content-disposition']).toContain(`filename="Report by hour of arrival 2026-11-23 to 2026-11-23.csv"`);
  });

  it('XLSX: opens with exceljs, Vietnamese headers and values on the report sheet, the heat map on the second', async () => {
    await aMorning();
    const res = await get('/api/reports/export.xlsx?period=today&groupBy=field', center.admin);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(res.headers['content-disposition']).toContain(`filename*=UTF-8''B%C3%A1o%20c%C3%A1o%20theo%20l%C4%A9nh%20v%E1%BB%B1c%202026-11-23`);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    expect(book.worksheets.map((w) => w.name)).toEqual(['Báo cáo', 'Lượt đến theo giờ']);
    const sheet = book.getWorksheet('Báo cáo');
    if (!sheet) throw new Error('no report sheet');
    const values = (r: number) => (sheet.getRow(r).values as unknown[]).slice(1);
    expect(String(values(1)[0])).toContain('Báo cáo — ');
    expect(values(2)).toEqual(['Từ ngày 23/11/2026 đến ngày 23/11/2026']);
    expect(values(3)).toEqual(['Theo lĩnh vực']);
    const header = values(6);
    expect(header).toEqual(['Lĩnh vực', ...reportColumns.map((c) => c.vi)]);
    const field = values(7);
    const at = (name: string) => field[header.indexOf(name)];
    expect(field[0]).toBe('Lĩnh vực a');
    expect(at('Số đã cấp')).toBe(3);
    expect(at('Hoàn thành')).toBe(2);
    expect(at('Thời gian chờ trung vị (phút)')).toBe(12);
    expect(at('Thời gian phục vụ 90% (phút)')).toBe(7);
    expect(at('Tỷ lệ được gọi trong thời gian chờ mục tiêu (%)')).toBe(100);
    expect(at('Tỷ lệ hài lòng (%)')).toBeUndefined();
    expect(values(8)[0]).toBe('Tổng cộng');
    expect(sheet.getRow(8).font?.bold).toBe(true);
    const heat = book.getWorksheet('Lượt đến theo giờ');
    const monday = (heat?.getRow(3).values as unknown[]).slice(1);
    expect(monday[0]).toBe('Thứ Hai');
    expect(monday[1 + 8]).toBe(3); // three numbers issued between 08:00 and 09:00 on a Monday
  });
});
