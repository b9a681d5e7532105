import { afterEach, describe, expect, it } from 'vitest';
import { startFakePrinter, type FakePrinter } from '../test-support/fake-printer.ts';
import { tcpTransport } from './tcp-transport.ts';

let printer: FakePrinter | null = null;
afterEach(async () => {
  await printer?.close();
  printer = null;
});

const signal = () => AbortSignal.timeout(3000);

describe('TCP transport', () => {
  it('asks DLE EOT 1, 2 and 4 and reads the answers as problems', async () => {
    printer = await startFakePrinter('online');
    const transport = tcpTransport('127.0.0.1', printer.port);
    expect(await transport.status(signal())).toEqual([]);
    printer.setMode('paper_out');
    expect(await transport.status(signal())).toEqual(['paper_out']);
    printer.setMode('offline');
    expect(await transport.status(signal())).toEqual(['offline']);
    expect(printer.queries()).toEqual([1, 2, 4, 1, 2, 4, 1, 2, 4]);
    expect(printer.jobBytes()).toHaveLength(0);
  });

  it('sends a job only after a good status, and confirms it with a second status read', async () => {
    printer = await startFakePrinter('online');
    const transport = tcpTransport('127.0.0.1', printer.port);
    // A raster image whose data happens to contain DLE EOT 1: it is image data, not a status query.
    const job = Uint8Array.of(0x1b, 0x40, 0x1d, 0x76, 0x30, 0x00, 0x03, 0x00, 0x02, 0x00, 0x10, 0x04, 0x01, 0x10, 0x04, 0x02, 0x1d, 0x56, 0x01);
    expect(await transport.print(job, signal())).toEqual({ printed: true, problems: [] });
    expect(printer.jobs()).toEqual([Buffer.from(job)]);
    expect(printer.queries()).toEqual([1, 2, 4, 1, 2, 4]);
  });

  it('sends nothing to a printer with its cover open', async () => {
    printer = await startFakePrinter('cover_open');
    const transport = tcpTransport('127.0.0.1', printer.port);
    expect(await transport.print(Uint8Array.of(0x1b, 0x40), signal())).toEqual({ printed: false, problems: ['cover_open'] });
    expect(printer.jobBytes()).toHaveLength(0);
  });

  it('gives up on a printer that never answers, after its status timeout', async () => {
    printer = await startFakePrinter('silent');
    const transport = tcpTransport('127.0.0.1', printer.port, { statusTimeoutMs: 100 });
    expect(await transport.status(signal())).toEqual(['unreachable']);
    expect(await transport.print(Uint8Array.of(0x1b, 0x40), signal())).toEqual({ printed: false, problems: ['unreachable'] });
    expect(printer.jobBytes()).toHaveLength(0);
  });
});
