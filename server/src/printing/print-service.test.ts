import { createServer } from 'node:net';
import type { PrinterState } from '@luot/shared';
import { afterEach, describe, expect, it } from 'vitest';
import { startFakePrinter, type FakePrinter, type FakePrinterMode } from '../test-support/fake-printer.ts';
import { createPrintService, encodeReceipt, renderReceipt, type DroppedJob, type PrinterConfig, type PrintServiceDeps, type ReceiptData } from './index.ts';
import { encodeBitmap } from './escpos-encode.ts';
import { renderTestPage, testPageBlocks } from './test-page.ts';

const T0 = Date.UTC(2025, 2, 10, 1, 0);

function receipt(number: string): ReceiptData {
  return {
    lang: 'vi',
    centerName: 'Trung tâm Phục vụ hành chính công phường Hiệp Tân',
    fieldName: 'Chứng thực',
    fieldNameVi: 'Chứng thực',
    number,
    priorityLabel: null,
    priorityLabelVi: null,
    peopleAhead: 2,
    estimatedWaitMinutes: 6,
    issuedAt: T0,
    trackingUrl: `http://luot.local/t/${number}`,
    footer: 'Xin cảm ơn quý khách',
  };
}

const bytesOf = (r: ReceiptData, widthDots: 384 | 576 = 384) => Buffer.from(encodeReceipt(renderReceipt(r, widthDots), r.trackingUrl));
/** The receipt as it prints after its printer failed or long after the number was taken: marked "IN LẠI". */
const lateBytesOf = (r: ReceiptData, widthDots: 384 | 576 = 384) => Buffer.from(encodeReceipt(renderReceipt(r, widthDots, true), r.trackingUrl));

async function waitFor(condition: () => boolean, timeoutMs = 5000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > until) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

/** A service with short timings, a clock the test moves, and every state and drop it reports. */
function harness(overrides: Partial<PrintServiceDeps> = {}) {
  const clock = { now: T0 };
  const states: PrinterState[] = [];
  const dropped: DroppedJob[] = [];
  const service = createPrintService({
    now: () => clock.now,
    onState: (s) => states.push(s),
    onDropped: (d) => dropped.push(d),
    retryMs: 100,
    attemptTimeoutMs: 2000,
    ...overrides,
  });
  cleanup.push(() => service.close());
  return { clock, states, dropped, service, last: () => states.at(-1) };
}

const cleanup: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const close of cleanup.splice(0).reverse()) await close();
});

async function fake(mode: FakePrinterMode): Promise<FakePrinter> {
  const printer = await startFakePrinter(mode);
  cleanup.push(() => printer.close());
  return printer;
}

const config = (uri: string, id = 1): PrinterConfig => ({ id, name: 'Máy in sảnh', uri, widthDots: 384 });

describe('print service against a fake TCP printer', () => {
  it('prints at once when the printer is ready', async () => {
    const printer = await fake('online');
    const { service, states } = harness();
    expect(await service.print(config(printer.uri), receipt('B001'), 5000)).toEqual({ status: 'printed', problem: null });
    expect(printer.jobs()).toEqual([bytesOf(receipt('B001'))]);
    expect(printer.queries().slice(0, 3)).toEqual([1, 2, 4]);
    expect(states.map((s) => s.queued)).toEqual([1, 0]);
    expect(service.state(1)).toMatchObject({ id: 1, problems: [], queued: 0, checkedAt: new Date(T0).toISOString() });
  });

  it.each([
    ['offline', 'offline'],
    ['paper_out', 'paper_out'],
    ['cover_open', 'cover_open'],
  ] as const)('holds the receipt while the printer is %s, then prints it when it comes back', async (mode, problem) => {
    const printer = await fake(mode);
    const { service, last } = harness();
    expect(await service.print(config(printer.uri), receipt('B002'), 5000)).toEqual({ status: 'failed', problem });
    expect(last()).toMatchObject({ problems: [problem], queued: 1 });
    expect(printer.jobBytes()).toHaveLength(0);
    expect(printer.queries().length).toBeGreaterThanOrEqual(3);

    printer.setMode('online');
    await waitFor(() => last()?.queued === 0);
    expect(last()?.problems).toEqual([]);
    // The kiosk told the citizen there was no receipt: this one says it is reprinted, and when the number was taken.
    expect(printer.jobs()).toEqual([lateBytesOf(receipt('B002'))]);
  });

  it('marks a receipt that waited longer than 30 s behind another, though nothing failed', async () => {
    const printer = await fake('online');
    printer.setAnswerDelay(300);
    const { service, clock, last } = harness();
    // B011 goes to the (slow) printer at once; B012 waits behind it.
    const first = service.print(config(printer.uri), receipt('B011'), 50);
    const second = service.print(config(printer.uri), receipt('B012'), 50);
    await waitFor(() => printer.queries().length > 0);
    clock.now += 31_000; // by the time B012's turn comes it has waited 31 s
    await Promise.all([first, second]);
    await waitFor(() => last()?.queued === 0);
    expect(printer.jobs()).toEqual([bytesOf(receipt('B011')), lateBytesOf(receipt('B012'))]);
    expect(lateBytesOf(receipt('B012')).equals(bytesOf(receipt('B012')))).toBe(false);
  });

  it('keeps order: receipts queued while the paper was out come out oldest first', async () => {
    const printer = await fake('paper_out');
    const { service, last } = harness();
    const outcomes = await Promise.all(['C001', 'C002', 'C003'].map((n) => service.print(config(printer.uri), receipt(n), 5000)));
    expect(outcomes.every((o) => o.status === 'failed' && o.problem === 'paper_out')).toBe(true);
    expect(last()?.queued).toBe(3);
    printer.setMode('online');
    await waitFor(() => last()?.queued === 0);
    expect(printer.jobs()).toEqual(['C001', 'C002', 'C003'].map((n) => lateBytesOf(receipt(n))));
  });

  it('prints on a nearly empty roll and says so', async () => {
    const printer = await fake('near_end');
    const { service, last } = harness();
    expect(await service.print(config(printer.uri), receipt('B003'), 5000)).toEqual({ status: 'printed', problem: 'paper_near_end' });
    expect(last()?.problems).toEqual(['paper_near_end']);
    expect(printer.jobs()).toHaveLength(1);
  });

  it('drops a receipt that waited longer than the maximum age, and reports it', async () => {
    const printer = await fake('offline');
    const { service, clock, dropped, last } = harness({ maxJobAgeMs: 15 * 60_000 });
    expect((await service.print(config(printer.uri), receipt('B004'), 5000)).status).toBe('failed');
    clock.now += 15 * 60_000 + 1;
    await waitFor(() => dropped.length === 1);
    expect(dropped[0]).toMatchObject({ printerId: 1, printerName: 'Máy in sảnh', createdAt: T0, ageMs: 15 * 60_000 + 1 });
    expect(last()?.queued).toBe(0);
    printer.setMode('online');
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(printer.jobBytes()).toHaveLength(0);
  });

  it('reports an unreachable printer (nothing listening) without throwing', async () => {
    const port = await closedPort();
    const { service, last } = harness();
    const uri = `tcp://127.0.0.1:${port}`;
    expect(await service.print(config(uri), receipt('B005'), 5000)).toEqual({ status: 'failed', problem: 'unreachable' });
    expect(last()).toMatchObject({ problems: ['unreachable'], queued: 1 });
    expect((await service.check(config(uri))).problems).toEqual(['unreachable']);
  });

  it('gives up an attempt after the per-attempt timeout when the printer accepts but never answers', async () => {
    const printer = await fake('silent');
    const { service, last } = harness({ attemptTimeoutMs: 300, retryMs: 60_000 });
    const started = Date.now();
    expect(await service.print(config(printer.uri), receipt('B006'), 5000)).toEqual({ status: 'failed', problem: 'unreachable' });
    expect(Date.now() - started).toBeLessThan(1500);
    expect(last()?.problems).toEqual(['unreachable']);
    expect(printer.jobBytes()).toHaveLength(0);
  });

  it("answers 'queued' when the first attempt takes longer than the caller will wait", async () => {
    const printer = await fake('silent');
    const { service } = harness({ attemptTimeoutMs: 1000 });
    expect(await service.print(config(printer.uri), receipt('B007'), 50)).toEqual({ status: 'queued', problem: null });
  });

  it('checks status live and tells the supervisors when it changes', async () => {
    const printer = await fake('online');
    const { service, states } = harness();
    expect(await service.check(config(printer.uri))).toMatchObject({ id: 1, problems: [], queued: 0 });
    expect(states).toHaveLength(0);
    printer.setMode('cover_open');
    expect((await service.check(config(printer.uri))).problems).toEqual(['cover_open']);
    expect(states.at(-1)?.problems).toEqual(['cover_open']);
    printer.setMode('online');
    expect((await service.check(config(printer.uri))).problems).toEqual([]);
    expect(states.at(-1)?.problems).toEqual([]);
  });

  it('prints a test page: an image and a cut, no QR code, and the address the receipts’ QR codes open', async () => {
    const printer = await fake('online');
    const { service } = harness();
    const link = { base: 'http://192.168.1.20:8080', unreachable: false };
    expect(await service.testPrint({ ...config(printer.uri), widthDots: 576 }, 'Trung tâm (demo)', link)).toEqual({ status: 'printed', problem: null });
    const bytes = printer.jobBytes();
    const page = { ...config(printer.uri), widthDots: 576 as const };
    expect(Buffer.from(bytes).equals(Buffer.from(encodeBitmap(renderTestPage(page, 'Trung tâm (demo)', T0, link), null)))).toBe(true);
    const words = testPageBlocks(page, 'Trung tâm (demo)', T0, link).map((b) => (b.kind === 'pair' ? `${b.label}: ${b.value}` : b.kind === 'text' ? b.text : ''));
    expect(words).toContain('Mã QR trên phiếu mở: http://192.168.1.20:8080/t/…');
    const unreachable = testPageBlocks(page, 'Trung tâm (demo)', T0, { base: 'http://localhost:8080', unreachable: true });
    expect(unreachable.some((b) => b.kind === 'text' && b.inverted && b.text.includes('LUOT_PUBLIC_URL'))).toBe(true);
    expect(bytes.includes(Buffer.from([0x1d, 0x76, 0x30]))).toBe(true);
    expect(bytes.includes(Buffer.from([0x1d, 0x28, 0x6b]))).toBe(false);
    expect(bytes.includes(Buffer.from([0x1d, 0x56]))).toBe(true);
  });

  it("fails softly on an address it cannot use, and after close", async () => {
    const { service } = harness();
    expect(await service.print(config('lpt://nowhere'), receipt('B008'), 100)).toEqual({ status: 'failed', problem: 'error' });
    const printer = await fake('online');
    await service.close();
    expect(await service.print(config(printer.uri), receipt('B009'), 100)).toEqual({ status: 'failed', problem: 'error' });
    expect(printer.connections()).toBe(0);
  });

  it('close() ends a stuck attempt and answers the waiting caller', async () => {
    const printer = await fake('silent');
    const { service } = harness({ attemptTimeoutMs: 60_000 });
    const pending = service.print(config(printer.uri), receipt('B010'), 60_000);
    await waitFor(() => printer.queries().length > 0);
    await service.close();
    expect((await pending).status).toBe('failed');
  });
});

async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  if (address === null || typeof address === 'string') throw new Error('no port');
  return address.port;
}
