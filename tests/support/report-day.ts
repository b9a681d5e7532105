import type { IssuedTicket, ReportFigures } from '@luot/shared';
import { expect } from 'vitest';
import type { ShownRow } from './console-page-reports.ts';
import { ServerTruth, type KioskTaps } from './console-page-server.ts';
import type { ServerProcess } from './server-process.ts';

// A day of real work for the reports screen to show, and the cells it should show for the server's figures.

async function issue(kiosk: KioskTaps, fieldId: number): Promise<IssuedTicket> {
  const { status, body } = await kiosk.try(fieldId);
  expect(status).toBe(201);
  return body as IssuedTicket;
}

/** Signs in as the counter's officer over the API and sits at the counter, as that officer's console would. */
async function officerAt(server: ServerProcess, truth: ServerTruth, counterNumber: number): Promise<(step: string, body?: unknown) => Promise<void>> {
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
export async function makeADay(server: ServerProcess, truth: ServerTruth, kiosk: KioskTaps): Promise<void> {
  const certification = await truth.fieldId('chung-thuc');
  const land = await truth.fieldId('dat-dai-xay-dung');
  const civil = await truth.fieldId('tu-phap-ho-tich');
  // Waits of some minutes, longer for the first arrivals, so waits and the wait chart are not all zero: the
  // server's clock is moved on between arrivals, as the morning would pass.
  const civils = [await issue(kiosk, civil), await issue(kiosk, civil)];
  await server.advanceClock(6 * 60_000);
  const certified = [await issue(kiosk, certification), await issue(kiosk, certification), await issue(kiosk, certification), await issue(kiosk, certification)];
  const lands = [await issue(kiosk, land), await issue(kiosk, land), await issue(kiosk, land)];
  await server.advanceClock(6 * 60_000);

  const at3 = await officerAt(server, truth, 3);
  for (let i = 0; i < 3; i++) {
    await at3('call-next');
    await at3('start');
    await at3('finish', { dossierCode: null });
  }
  await at3('call-next');
  await at3('no-show');

  const at4 = await officerAt(server, truth, 4);
  for (let i = 0; i < 2; i++) {
    await at4('call-next');
    await at4('start');
    await at4('finish', { dossierCode: null });
  }
  expect((await truth.call('POST', `/api/tickets/${lands[2]?.ticket.id}/cancel`, { reason: 'Công dân lấy nhầm lĩnh vực' })).status).toBe(200);

  const at1 = await officerAt(server, truth, 1);
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

// What a supervisor reading Vietnamese expects: 1.234 and 12,5.
const count = new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 0 });
const decimal = new Intl.NumberFormat('vi-VN', { minimumFractionDigits: 1, maximumFractionDigits: 1 });
const dash = '—';
const minutes = (s: number | null) => (s === null ? dash : decimal.format(Math.round(s / 6) / 10));
const percent = (share: number | null | undefined) => (share === null || share === undefined ? dash : decimal.format(Math.round(share * 1000) / 10));

/** The cells a row of the server's report should show, by the same column ids as the table. */
export function expectedCells(f: ReportFigures): Record<string, string> {
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

export function withoutLabel(row: ShownRow): Record<string, string> {
  const { label: _label, ...cells } = row.cells;
  return cells;
}
