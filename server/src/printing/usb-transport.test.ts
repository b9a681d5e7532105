import { execFileSync } from 'node:child_process';
import { createReadStream, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createPrintService, encodeReceipt, renderReceipt, type ReceiptData } from './index.ts';
import { usbTransport } from './usb-transport.ts';

let dir = '';
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'luot-usb-'));
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

const receipt: ReceiptData = {
  lang: 'vi',
  centerName: 'Trung tâm Phục vụ hành chính công phường Hiệp Tân',
  fieldName: 'Đất đai – Xây dựng',
  fieldNameVi: 'Đất đai – Xây dựng',
  number: 'C017',
  priorityLabel: 'Người khuyết tật',
  priorityLabelVi: 'Người khuyết tật',
  peopleAhead: 4,
  estimatedWaitMinutes: null,
  issuedAt: Date.UTC(2025, 2, 10, 2, 30),
  trackingUrl: 'http://luot.local/t/C017',
  footer: 'Xin cảm ơn quý khách',
};

describe('USB transport (a file standing in for /dev/usb/lp0)', () => {
  it('writes the receipt bytes to the device path', async () => {
    const device = join(dir, 'lp0');
    writeFileSync(device, '');
    const service = createPrintService({ now: () => receipt.issuedAt, onState: () => undefined, usbDevices: [device] });
    const outcome = await service.print({ id: 7, name: 'Máy in USB', uri: `usb:${device}`, widthDots: 576 }, receipt, 5000);
    await service.close();
    expect(outcome).toEqual({ status: 'printed', problem: null });
    expect(readFileSync(device)).toEqual(Buffer.from(encodeReceipt(renderReceipt(receipt, 576), receipt.trackingUrl)));
  });

  it('reports a missing device as unreachable', async () => {
    const transport = usbTransport(join(dir, 'no-such-lp0'));
    expect(await transport.status(AbortSignal.timeout(1000))).toEqual(['unreachable']);
    expect(await transport.print(Uint8Array.of(1, 2, 3), AbortSignal.timeout(1000))).toEqual({ printed: false, problems: ['unreachable'] });
  });

  it('does not pile up writes behind a blocked device, nor print a job twice once it goes through', async () => {
    // A FIFO without a reader blocks the writer, as usblp does while the printer has no paper.
    const device = join(dir, 'lp0');
    execFileSync('mkfifo', [device]);
    const transport = usbTransport(device);
    const job = Uint8Array.of(0x1b, 0x40, 0x41, 0x0a);
    expect(await transport.print(job, AbortSignal.timeout(100))).toEqual({ printed: false, problems: ['offline'] });
    expect(await transport.print(job, AbortSignal.timeout(100))).toEqual({ printed: false, problems: ['offline'] });
    expect(await transport.status(AbortSignal.timeout(100))).toEqual(['offline']);

    // Paper loaded: the blocked write goes through, once.
    const received: Buffer[] = [];
    await new Promise<void>((resolve) => {
      createReadStream(device)
        .on('data', (chunk) => received.push(Buffer.from(chunk)))
        .on('end', resolve);
    });
    expect(Buffer.concat(received)).toEqual(Buffer.from(job));
    expect(await transport.print(job, AbortSignal.timeout(1000))).toEqual({ printed: true, problems: [] });
  });
});
