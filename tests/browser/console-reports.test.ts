import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { IssuedTicket, Report, ReportFigures } from '@luot/shared';
import ExcelJS from 'exceljs';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, screenshot } from '../support/browser.ts';
import { ConsolePage } from '../support/console-page.ts';
import { ReportsPage, type ShownRow } from '../support/console-page-reports.ts';
import { KioskTaps, ServerTruth } from '../support/console-page-server.ts';
import { ServerProcess } from '../support/server-process.ts';

let server: ServerProcess;
let browser: Browser;
let truth: ServerTruth;
let kiosk: KioskTaps;
let supervisor: ConsolePage;
let reports: ReportsPage;
const downloads = mkdtempSync(join(tmpdir(), 'luot-reports-'));

beforeAll(async () => {
  server = await ServerProcess.start({ demo: true });
  browser = await launchBrowser();
  truth = await ServerTruth.as(server, 'giamsat');
  kiosk = await KioskTaps.connect(server);
  await makeADay();
  supervisor = await ConsolePage.signedIn(browser, server, 'giamsat', { width: 1920, height: 1080 });
  reports = new ReportsPage(supervisor.page);
});
afterAll(async () => {
  await supervisor?.close();
  await browser?.close();
  await server?.dispose();
  rmSync(downloads, { recursive: true, force: true });
});

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function issue(fieldId: number): Promise<IssuedTicket> {
  const { status, body } = await kiosk.try(fieldId);
  expect(status).toBe(201);
  return body as IssuedTicket;
}

/** Signs in as the counter's officer over the API and sits at the counter, as that officer's console would. */
async function officerAt(counterNumber: number): Promise<(step: string, body?: unknown) => Promise<void>> {
  const officer = await ServerTruth.as(server, `quay${counterNumber}`);
  const counterId = (await truth.counter(counterNumber)).id;
  expect((await officer.call('POST', `/api/counters/${counterId}/join`)).status).toBe(200);
  return async (step, body) => {
    const { status, body: answer } = await officer.call('POST', `/api/counters/${counterId}/${step}`, body);
    expect(status, `${step}: ${JSON.stringify(answer)}`).toBe(200);
  };
}

/**
 * A small day of real work through the same APIs the kiosk, the officers and the citizens' phones use:
 * Chứng thực serves three and marks one absent, Đất đai serves two and the supervisor cancels one,
 * Tư pháp – Hộ tịch serves one and sends one to Chứng thực; three citizens rate from their phones.
 */
async function makeADay(): Promise<void> {
  const certification = await truth.fieldId('chung-thuc');
  const land = await truth.fieldId('dat-dai-xay-dung');
  const civil = await truth.fieldId('tu-phap-ho-tich');
  // Real waits of a few seconds, longer for the first arrivals, so waits and the wait chart are not all zero.
  const civils = [await issue(civil), await issue(civil)];
  await sleep(6_000);
  const certified = [await issue(certification), await issue(certification), await issue(certification), await issue(certification)];
  const lands = [await issue(land), await issue(land), await issue(land)];
  await sleep(6_000);

  const at3 = await officerAt(3);
  for (let i = 0; i < 3; i++) {
    await at3('call-next');
    await at3('start');
    await at3('finish', { dossierCode: null });
  }
  await at3('call-next');
  await at3('no-show');

  const at4 = await officerAt(4);
  for (let i = 0; i < 2; i++) {
    await at4('call-next');
    await at4('start');
    await at4('finish', { dossierCode: null });
  }
  expect((await truth.call('POST', `/api/tickets/${lands[2]?.ticket.id}/cancel`, { reason: 'Công dân lấy nhầm lĩnh vực' })).status).toBe(200);

  const at1 = await officerAt(1);
  await at1('call-next');
  await at1('start');
  await at1('finish', { dossierCode: 'HS-001' });
  expect((await truth.call('POST', `/api/tickets/${civils[1]?.ticket.id}/transfer`, { toFieldId: certification, note: null })).status).toBe(200);

  const scores = [1, 2, 4];
  for (const [i, score] of scores.entries()) {
    const code = certified[i]?.trackingCode;
    const res = await fetch(`${server.url}/api/track/${code}/rating`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(score === 4 ? { score, reasons: ['long_wait'] } : { score }),
    });
    expect(res.status).toBe(201);
  }
}

async function serverReport(query: string): Promise<Report> {
  const { status, body } = await truth.call('GET', `/api/reports?${query}`);
  expect(status).toBe(200);
  return body as Report;
}

// What a supervisor reading Vietnamese expects: 1.234 and 12,5.
const count = new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 0 });
const decimal = new Intl.NumberFormat('vi-VN', { minimumFractionDigits: 1, maximumFractionDigits: 1 });
const dash = '—';
const minutes = (s: number | null) => (s === null ? dash : decimal.format(Math.round(s / 6) / 10));
const percent = (share: number | null | undefined) => (share === null || share === undefined ? dash : decimal.format(Math.round(share * 1000) / 10));

/** The cells a row of the server's report should show, by the same column ids as the table. */
function expectedCells(f: ReportFigures): Record<string, string> {
  return {
    issued: f.issued === null ? dash : count.format(f.issued),
    served: count.format(f.served),
    noShow: count.format(f.noShow),
    transferred: count.format(f.transferred),
    cancelled: count.format(f.cancelled),
    'wait.mean': minutes(f.wait.meanSeconds),
    'wait.median': minutes(f.wait.medianSeconds),
    'wait.p90': minutes(f.wait.p90Seconds),
    'service.mean': minutes(f.service.meanSeconds),
    withinTargetShare: percent(f.withinTargetShare),
    'satisfaction.satisfiedShare': percent(f.satisfaction?.satisfiedShare),
    'satisfaction.ratings': f.satisfaction ? count.format(f.satisfaction.ratings) : dash,
    'satisfaction.ratedShare': percent(f.satisfaction?.ratedShare),
  };
}

function withoutLabel(row: ShownRow): Record<string, string> {
  const { label: _label, ...cells } = row.cells;
  return cells;
}

describe('reports in the staff console (giamsat)', () => {
  it('shows this month by field: the same figures as the server, in Vietnamese number format, with charts', async () => {
    await supervisor.navLink('reports').click();
    await reports.loaded();
    // The screen opens on this month by field, and says so in the address.
    expect(await supervisor.page.evaluate(() => window.location.hash)).toBe('#/reports');
    expect(await reports.period('month').isChecked()).toBe(true);
    expect(await reports.group('field').isChecked()).toBe(true);
    await reports.open('month/field');

    const report = await serverReport('period=month&groupBy=field');
    const shown = await reports.rows();
    expect(shown.rows.map((r) => r.label)).toEqual(report.rows.map((r) => r.label.vi));
    report.rows.forEach((row, i) => expect(withoutLabel(shown.rows[i] as ShownRow), row.label.vi).toEqual(expectedCells(row)));
    expect(shown.total.label).toBe('Tổng cộng');
    expect(withoutLabel(shown.total)).toEqual(expectedCells(report.total));

    // The day made above, as the supervisor reads it.
    const certification = shown.rows.find((r) => r.label === 'Chứng thực');
    expect(certification?.cells).toMatchObject({ issued: '4', served: '3', noShow: '1', 'satisfaction.ratings': '3', 'satisfaction.satisfiedShare': '66,7' });
    expect(shown.rows.find((r) => r.label === 'Tư pháp – Hộ tịch')?.cells).toMatchObject({ issued: '2', served: '1', transferred: '1' });
    expect(shown.rows.find((r) => r.label === 'Đất đai – Xây dựng')?.cells).toMatchObject({ issued: '3', served: '2', cancelled: '1' });
    expect(shown.total.cells.issued).toBe('9');

    const text = await reports.view().innerText();
    expect(text.normalize('NFC')).toBe(text);
    expect(await reports.range()).toContain(`Tháng này · Từ ngày ${report.from.split('-').reverse().join('/')} đến ngày ${report.to.split('-').reverse().join('/')}`);

    // Charts drawn by the library on a canvas, each with a name a screen reader says.
    for (const name of ['counts', 'wait'] as const) {
      const chart = reports.chart(name);
      expect(await chart.evaluate((el) => el.tagName)).toBe('CANVAS');
      expect(await chart.getAttribute('role')).toBe('img');
      await expect.poll(() => reports.chartInk(name)).toBeGreaterThan(1_000);
    }
    expect(await reports.chart('counts').getAttribute('aria-label')).toBe('Hoàn thành và vắng mặt theo lĩnh vực');
    const heat = await reports.heatmapCells().evaluateAll((cells) => cells.reduce((sum, c) => sum + Number(c.getAttribute('data-count')), 0));
    expect(heat).toBe(report.total.issued);

    await screenshot(supervisor.page, 'console-reports');
  });

  it('downloads the month as Excel with Vietnamese headers and the same figures, and as CSV', async () => {
    await reports.open('month/field');
    const report = await serverReport('period=month&groupBy=field');
    const xlsx = await reports.download('xlsx');
    expect(xlsx.suggestedFilename()).toBe(`Báo cáo theo lĩnh vực ${report.from} đến ${report.to}.xlsx`);
    const file = join(downloads, 'report.xlsx');
    await xlsx.saveAs(file);
    await reports.notice().getByText(xlsx.suggestedFilename()).waitFor();

    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(file);
    const sheet = book.getWorksheet('Báo cáo');
    expect(sheet).toBeDefined();
    const header = (sheet?.getRow(6).values ?? []) as unknown[];
    expect(header).toEqual(expect.arrayContaining(['Lĩnh vực', 'Số đã cấp', 'Hoàn thành', 'Vắng mặt', 'Thời gian chờ trung bình (phút)', 'Tỷ lệ hài lòng (%)']));
    const column = (name: string) => header.indexOf(name);
    const rowOf = (label: string) => {
      for (let r = 7; r <= (sheet?.rowCount ?? 0); r++) if (sheet?.getRow(r).getCell(1).value === label) return sheet.getRow(r);
      return undefined;
    };
    for (const row of report.rows) {
      const line = rowOf(row.label.vi);
      expect(line, row.label.vi).toBeDefined();
      expect(line?.getCell(column('Số đã cấp')).value).toBe(row.issued);
      expect(line?.getCell(column('Hoàn thành')).value).toBe(row.served);
      expect(line?.getCell(column('Vắng mặt')).value).toBe(row.noShow);
    }
    expect(rowOf('Tổng cộng')?.getCell(column('Số đã cấp')).value).toBe(report.total.issued);
    expect(book.getWorksheet('Lượt đến theo giờ')).toBeDefined();

    const csv = await reports.download('csv');
    expect(csv.suggestedFilename()).toBe(`Báo cáo theo lĩnh vực ${report.from} đến ${report.to}.csv`);
    const csvFile = join(downloads, 'report.csv');
    await csv.saveAs(csvFile);
    const firstLines = readFileSync(csvFile, 'utf8').replace(/^\uFEFF/, '');
    expect(firstLines).toContain('Số đã cấp');
    expect(firstLines).toContain('Chứng thực');
  });

  it('prints on A4 with only the report: a title with the center, range and time; no navigation or filters', async () => {
    const page = supervisor.page;
    await reports.open('month/field');
    await page.evaluate(() => {
      (window as unknown as { printed: number }).printed = 0;
      window.print = () => void ((window as unknown as { printed: number }).printed += 1);
    });
    await reports.printButton().click();
    expect(await page.evaluate(() => (window as unknown as { printed: number }).printed)).toBe(1);

    await page.setViewportSize({ width: 794, height: 1123 });
    await page.emulateMedia({ media: 'print' });
    try {
      expect(await page.getByRole('navigation', { name: 'Các màn hình' }).isVisible()).toBe(false);
      expect(await reports.filters().isVisible()).toBe(false);
      expect(await reports.printButton().isVisible()).toBe(false);
      expect(await page.getByTestId('report-download-xlsx').isVisible()).toBe(false);
      const head = await reports.head().innerText();
      expect(head).toContain('Trung tâm Phục vụ hành chính công phường Hiệp Tân (demo)'.toUpperCase());
      expect(head).toContain('Báo cáo theo lĩnh vực');
      expect(head).toMatch(/Lập lúc \d{2}:\d{2} \d{2}\/\d{2}\/\d{4}/);
      expect(await reports.table().locator('thead').evaluate((el) => getComputedStyle(el).display)).toBe('table-header-group');
      expect(await reports.chart('counts').isVisible()).toBe(true);
      await screenshot(page, 'console-reports-print');
    } finally {
      await page.emulateMedia({ media: 'screen' });
      await page.setViewportSize({ width: 1920, height: 1080 });
    }
  });

  it('keeps the choice in the address across a reload, says when a range has nothing, and shows the server’s refusal', async () => {
    await reports.open('month/field');
    await reports.group('counter').check();
    await reports.loaded();
    expect(await supervisor.page.evaluate(() => window.location.hash)).toBe('#/reports/month/counter');
    // By counter: numbers are issued at the kiosk, not at a counter, so that column is empty.
    const byCounter = await serverReport('period=month&groupBy=counter');
    const shown = await reports.rows();
    expect(shown.rows.map((r) => r.label)).toEqual(byCounter.rows.map((r) => r.label.vi));
    expect(shown.rows.map((r) => withoutLabel(r))).toEqual(byCounter.rows.map((r) => expectedCells(r)));
    expect(shown.rows[0]?.cells.issued).toBe('—');

    await reports.chooseDays('2020-01-01', '2020-01-31');
    expect(await supervisor.page.evaluate(() => window.location.hash)).toBe('#/reports/2020-01-01..2020-01-31/counter');
    expect(await reports.empty().innerText()).toBe('Không có số liệu trong khoảng thời gian này. Hãy chọn khoảng thời gian khác.');
    expect(await reports.table().count()).toBe(0);

    await supervisor.page.reload();
    await reports.loaded();
    expect(await reports.range()).toBe('Từ ngày 01/01/2020 đến ngày 31/01/2020 (31 ngày)');
    expect(await reports.period('custom').isChecked()).toBe(true);
    expect(await reports.group('counter').isChecked()).toBe(true);
    await reports.empty().waitFor();

    // An address with the days the wrong way round (typed by hand): the server refuses, in the console's language.
    await reports.open('2020-02-01..2020-01-01/field');
    await reports.problem().waitFor();
    expect(await reports.problem().getAttribute('data-code')).toBe('VALIDATION_FAILED');
    expect(await reports.problem().innerText()).toContain('Dữ liệu không hợp lệ');
    expect(await reports.table().count()).toBe(0);
  });

  it('takes dates as dd/mm/yyyy in a browser set to English, and forgets “Đã tải tệp” when the period changes', async () => {
    const english = await ConsolePage.signedIn(browser, server, 'giamsat', { width: 1920, height: 1080 }, 'en-US');
    try {
      const page = english.page;
      const own = new ReportsPage(page);
      await own.open('month/field');
      // No browser date picker, which would follow the browser's en-US locale (mm/dd/yyyy).
      await own.period('custom').check();
      expect(await page.locator('input[type="date"], input[type="time"]').count()).toBe(0);
      const from = page.getByTestId('report-from');
      expect(await from.getAttribute('placeholder')).toBe('dd/mm/yyyy');
      expect(await from.inputValue()).toMatch(/^01\/\d{2}\/\d{4}$/);
      await from.fill('');
      await from.pressSequentially('05032020');
      expect(await from.inputValue()).toBe('05/03/2020');
      await page.getByTestId('report-to').fill('31/03/2020');
      await page.getByTestId('report-show').click();
      await own.loaded();
      expect(await page.evaluate(() => window.location.hash)).toBe('#/reports/2020-03-05..2020-03-31/field');
      expect(await own.range()).toBe('Từ ngày 05/03/2020 đến ngày 31/03/2020 (27 ngày)');
      await screenshot(page, 'console-reports-dates');

      await own.download('csv');
      await page.getByTestId('report-notice').filter({ hasText: 'Đã tải tệp' }).waitFor();
      await own.period('month').check();
      await own.loaded();
      expect(await page.getByTestId('report-notice').filter({ hasText: 'Đã tải tệp' }).count()).toBe(0);
    } finally {
      await english.close();
    }
  });

  it('is not offered to an officer, and the server refuses an officer the figures', async () => {
    const officer = await ConsolePage.signedIn(browser, server, 'quay2');
    try {
      expect(await officer.navLink('reports').count()).toBe(0);
      await officer.goTo('#/reports/month/field');
      await officer.notAllowed().waitFor();
      expect(await officer.page.getByTestId('reports').count()).toBe(0);
      const token = await officer.token();
      const res = await fetch(`${server.url}/api/reports/export.xlsx?period=month`, { headers: { authorization: `Bearer ${token}` } });
      expect(res.status).toBe(403);
    } finally {
      await officer.close();
    }
  });

  it('reads in English with English number format', async () => {
    await reports.open('month/field');
    await supervisor.switchTo('en');
    try {
      await reports.table().getByText('Issued').waitFor();
      const report = await serverReport('period=month&groupBy=field');
      const shown = await reports.rows();
      expect(shown.total.label).toBe('Total');
      expect(shown.rows.map((r) => r.label)).toEqual(report.rows.map((r) => r.label.en));
      const certification = shown.rows.find((r) => r.label === 'Certification');
      expect(certification?.cells['satisfaction.satisfiedShare']).toBe('66.7');
      expect(await reports.chart('counts').getAttribute('aria-label')).toBe('Served and no-show by field');
    } finally {
      await supervisor.switchTo('vi');
    }
  });
});
