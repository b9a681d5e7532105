import type { ErrorBody, IssuedTicket, PrinterState, ServerDelta, ServerMessage } from '@luot/shared';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startFakePrinter, type FakePrinter } from '../test-support/fake-printer.ts';
import { bearer, issue, smallCenter } from '../test-support/fixtures.ts';
import { baseUrl, startTestServer, type TestServer } from '../test-support/test-app.ts';
import { TestSocket } from '../test-support/ws-client.ts';
import { encodeReceipt, renderReceipt } from '../printing/index.ts';

let server: TestServer;
let center: Awaited<ReturnType<typeof smallCenter>>;
let printer: FakePrinter;
let printerId: number;
let kioskId: number;

const GS_V_0 = [0x1d, 0x76, 0x30];
const containsRaster = (bytes: Uint8Array) => bytes.some((b, i) => b === GS_V_0[0] && bytes[i + 1] === GS_V_0[1] && bytes[i + 2] === GS_V_0[2]);


beforeEach(async () => {
  server = await startTestServer({ listen: true });
  center = await smallCenter(server);
  printer = await startFakePrinter('online');
  const created = await server.app.inject({ method: 'POST', url: '/api/printers', headers: bearer(center.admin), payload: { name: 'Máy in sảnh', uri: printer.uri, widthDots: 576 } });
  expect(created.statusCode).toBe(201);
  printerId = created.json<PrinterState>().id;
  const devices = (await server.app.inject({ method: 'GET', url: '/api/devices', headers: bearer(center.admin) })).json<{ id: number; kind: string }[]>();
  kioskId = devices.find((d) => d.kind === 'kiosk')?.id ?? 0;
  const assigned = await server.app.inject({ method: 'PUT', url: `/api/devices/${kioskId}/printer`, headers: bearer(center.admin), payload: { printerId } });
  expect(assigned.statusCode).toBe(200);
});
afterEach(async () => {
  await server.dispose();
  await printer.close();
});

describe('receipts through the ticket route', () => {
  it('prints the receipt of a new ticket on the kiosk’s printer, with an estimate and a tracking path', async () => {
    const res = await issue(server, center.kiosk, center.fieldA, { idempotencyKey: 'print-once-12345' });
    expect(res.statusCode).toBe(201);
    const body = res.json<IssuedTicket>();
    expect(body.print).toEqual({ status: 'printed', problem: null });
    expect(body.trackingPath).toBe(`/t/${body.trackingCode}`);
    expect(body.estimatedWaitMinutes).toBe(0);
    expect(printer.jobs()).toHaveLength(1);
    expect(containsRaster(printer.jobBytes())).toBe(true);
    // The QR code carries the address the kiosk used to reach the server.
    expect(Buffer.from(printer.jobBytes()).includes(Buffer.from(`/t/${body.trackingCode}`))).toBe(true);
    // A replayed request returns the same ticket, prints nothing more, and says how the first print went.
    const again = await issue(server, center.kiosk, center.fieldA, { idempotencyKey: 'print-once-12345' });
    expect(again.json<IssuedTicket>().print).toEqual({ status: 'printed', problem: null });
    expect(printer.jobs()).toHaveLength(1);
  });

  it('prints in the language the citizen chose at the kiosk, with the Vietnamese names kept for staff', async () => {
    const body = (await issue(server, center.kiosk, center.fieldA, { lang: 'en' })).json<IssuedTicket>();
    expect(body.print.status).toBe('printed');
    const job = printer.jobBytes();
    const field = server.deps.centerConfig.get().fieldRows.find((f) => f.id === center.fieldA);
    if (!field) throw new Error('field A is not in the configuration');
    const expected = {
      lang: 'en' as const,
      centerName: server.deps.centerConfig.get().center.name,
      fieldName: 'Field a',
      fieldNameVi: 'Lĩnh vực a',
      number: body.ticket.number,
      priorityLabel: null,
      priorityLabelVi: null,
      peopleAhead: body.peopleAhead,
      estimatedWaitMinutes: body.estimatedWaitMinutes,
      issuedAt: Date.parse(body.ticket.issuedAt),
      trackingUrl: printer.qrTexts()[0] ?? '',
      footer: server.deps.centerConfig.get().center.receiptFooter,
      // The field's published standard, printed since the citizen charter (#17).
      charter: { waitMinutes: field.targetWaitMinutes, serviceMinutes: field.serviceMinutes },
    };
    // Byte for byte what the English receipt draws, and not what the Vietnamese one would.
    expect(Buffer.from(job).equals(Buffer.from(encodeReceipt(renderReceipt(expected, 576), expected.trackingUrl)))).toBe(true);
    expect(Buffer.from(job).equals(Buffer.from(encodeReceipt(renderReceipt({ ...expected, lang: 'vi', fieldName: 'Lĩnh vực a' }, 576), expected.trackingUrl)))).toBe(false);
  });

  it('paper out: the ticket stands, the kiosk is told, supervisors are alerted, the job prints when paper is back', async () => {
    const supervisor = await TestSocket.hello(`${baseUrl(server).replace('http', 'ws')}/ws`, center.supervisor);
    printer.setMode('paper_out');
    const res = await issue(server, center.kiosk, center.fieldA);
    expect(res.statusCode).toBe(201);
    const body = res.json<IssuedTicket>();
    expect(body.ticket.number).toBe('A001');
    expect(body.print).toEqual({ status: 'failed', problem: 'paper_out' });
    expect(printer.jobs()).toHaveLength(0);
    const isAlert = (m: ServerMessage): m is ServerDelta => m.type === 'delta' && m.change.cause === 'printer_alert';
    const alert = await supervisor.next(isAlert);
    expect(alert.change.alert).toMatchObject({ printerId, problems: ['paper_out'] });
    expect(alert.change.alert?.message.vi).toContain('hết giấy');
    const states = (await server.app.inject({ method: 'GET', url: '/api/printers', headers: bearer(center.supervisor) })).json<PrinterState[]>();
    expect(states.find((p) => p.id === printerId)).toMatchObject({ problems: ['paper_out'], queued: 1 });

    printer.setMode('online');
    await expect.poll(() => printer.jobs().length, { timeout: 3000 }).toBe(1);
    const cleared = await supervisor.next((m) => isAlert(m) && m.change.alert?.problems.length === 0);
    expect(cleared.type === 'delta' && cleared.change.alert?.message.en).toContain('working again');
    supervisor.close();
  });

  it('an unreachable printer never blocks issuing', async () => {
    await printer.close();
    const res = await issue(server, center.kiosk, center.fieldA);
    expect(res.statusCode).toBe(201);
    expect(res.json<IssuedTicket>().print).toEqual({ status: 'failed', problem: 'unreachable' });
  });

  it('kiosks without a printer, and staff issuing for a walk-in, print nothing', async () => {
    await server.app.inject({ method: 'PUT', url: `/api/devices/${kioskId}/printer`, headers: bearer(center.admin), payload: { printerId: null } });
    expect((await issue(server, center.kiosk, center.fieldA)).json<IssuedTicket>().print.status).toBe('none');
    expect((await issue(server, center.officer1, center.fieldA)).json<IssuedTicket>().print.status).toBe('none');
    expect(printer.jobs()).toHaveLength(0);
  });

  it('admins test-print and check status; others may not, and bad printer addresses are refused', async () => {
    const test = await server.app.inject({ method: 'POST', url: `/api/printers/${printerId}/test`, headers: bearer(center.admin) });
    expect(test.json()).toEqual({ status: 'printed', problem: null });
    expect(printer.jobs()).toHaveLength(1);
    expect((await server.app.inject({ method: 'POST', url: `/api/printers/${printerId}/test`, headers: bearer(center.supervisor) })).statusCode).toBe(403);
    printer.setMode('cover_open');
    const check = await server.app.inject({ method: 'POST', url: `/api/printers/${printerId}/check`, headers: bearer(center.supervisor) });
    expect(check.json<PrinterState>().problems).toContain('cover_open');
    const bad = await server.app.inject({ method: 'POST', url: '/api/printers', headers: bearer(center.admin), payload: { name: 'x', uri: 'http://evil', widthDots: 576 } });
    expect(bad.json<ErrorBody>().code).toBe('VALIDATION_FAILED');
    const display = await server.app.inject({ method: 'PUT', url: `/api/devices/${kioskId + 999}/printer`, headers: bearer(center.admin), payload: { printerId } });
    expect(display.json<ErrorBody>().code).toBe('DEVICE_NOT_FOUND');
  });
});

describe('estimated wait', () => {
  it('lines the people ahead up at the open counters serving the field, each taking its mean visit', async () => {
    // Two visits of 6 and 10 minutes at counter 1 make the field's mean 8 minutes.
    for (const minutes of [6, 10]) {
      await issue(server, center.kiosk, center.fieldA);
      await server.app.inject({ method: 'POST', url: `/api/counters/${center.counter1}/call-next`, headers: bearer(center.officer1) });
      server.clock.advance(minutes);
      await server.app.inject({ method: 'POST', url: `/api/counters/${center.counter1}/finish`, headers: bearer(center.officer1), payload: {} });
    }
    server.clock.advance(1); // past the 30 s cache
    for (let i = 0; i < 3; i++) await issue(server, center.kiosk, center.fieldA);
    // Three ahead, counters 1 and 2 both free and both serving field A (B is empty): two of them are called at
    // once, the third when a counter is free again after 8 minutes, and this citizen at the same time by the other.
    const fourth = (await issue(server, center.kiosk, center.fieldA)).json<IssuedTicket>();
    expect(fourth.peopleAhead).toBe(3);
    expect(fourth.estimatedWaitMinutes).toBe(8);
    await server.app.inject({ method: 'POST', url: `/api/counters/${center.counter2}/close`, headers: bearer(center.officer2) });
    const fifth = (await issue(server, center.kiosk, center.fieldA)).json<IssuedTicket>();
    expect(fifth.estimatedWaitMinutes).toBe(32); // one counter: 4 ahead × 8
    await server.app.inject({ method: 'POST', url: `/api/counters/${center.counter1}/close`, headers: bearer(center.officer1) });
    expect((await issue(server, center.kiosk, center.fieldA)).json<IssuedTicket>().estimatedWaitMinutes).toBeNull();
  });
});
