import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import npos, { type NposAst, type NposBitmap } from 'npos';
import { PNG } from 'pngjs';
import { afterEach, describe, expect, it } from 'vitest';
import { startFakePrinter, type FakePrinter } from '../test-support/fake-printer.ts';
import { createPrintService, renderReceipt, type ReceiptData } from './index.ts';

/** Many stacked and hooked marks on purpose: ư, ờ, ộ, ã, ệ, ổ. */
const receipt: ReceiptData = {
  lang: 'vi',
  centerName: 'Trung tâm Phục vụ hành chính công phường Hiệp Tân',
  fieldName: 'Lao động, Người có công và Xã hội',
  fieldNameVi: 'Lao động, Người có công và Xã hội',
  number: 'E023',
  priorityLabel: 'Người cao tuổi',
  priorityLabelVi: 'Người cao tuổi',
  peopleAhead: 12,
  estimatedWaitMinutes: 25,
  issuedAt: Date.UTC(2025, 2, 10, 1, 5), // 10/03/2025 08:05 in Ha Noi / Ho Chi Minh City
  trackingUrl: 'http://luot.local:8080/t/7QK2M9XA',
  footer: 'Xin cảm ơn quý khách',
  charter: { waitMinutes: 30, serviceMinutes: 15 },
};

const GOLDEN_DIR = resolve(import.meta.dirname, 'golden');
/** Anti-aliasing may round a few edge pixels differently on another CPU; a changed glyph moves hundreds. */
const MAX_DIFFERENT_PIXELS = 0.001;

// npos knows GS v 0 and GS V but not the QR function GS ( k; teach it the command's framing only
// (two length bytes, then that many bytes), so that it can walk past the QR code to the rest.
const GS = 0x1d;
const gsRules = npos.rules[GS];
const parser = npos.parser({ ...npos.rules, [GS]: { ...(typeof gsRules === 'object' ? gsRules : {}), '(k': [0, 'd16'] } });

interface Decoded {
  width: number;
  height: number;
  /** 1 where a dot is printed. */
  dots: Uint8Array;
}

function toDots(image: NposBitmap): Decoded {
  const width = image.getWidth();
  const height = image.getHeight();
  const dots = new Uint8Array(width * height);
  for (let y = 0; y < height; y++) for (let x = 0; x < width; x++) dots[y * width + x] = image.getPixel(x, y) === 0 ? 1 : 0;
  return { width, height, dots };
}

/** The raster images in the order the paper shows them, stacked (the QR code between them is not raster). */
function rasterOf(ast: NposAst): Decoded {
  const parts = ast.entries.filter((e) => e.type === 'raster').map((e) => toDots(e.data as NposBitmap));
  expect(parts.length).toBeGreaterThan(0);
  const width = parts[0]?.width ?? 0;
  expect(parts.every((p) => p.width === width)).toBe(true);
  const height = parts.reduce((h, p) => h + p.height, 0);
  const dots = new Uint8Array(width * height);
  let offset = 0;
  for (const part of parts) {
    dots.set(part.dots, offset);
    offset += part.dots.length;
  }
  return { width, height, dots };
}

function readGolden(file: string): Decoded {
  const png = PNG.sync.read(readFileSync(file));
  const dots = new Uint8Array(png.width * png.height);
  for (let i = 0; i < dots.length; i++) dots[i] = (png.data[i * 4] ?? 255) < 128 ? 1 : 0;
  return { width: png.width, height: png.height, dots };
}

function writeGolden(file: string, image: Decoded): void {
  const png = new PNG({ width: image.width, height: image.height });
  image.dots.forEach((dot, i) => {
    const v = dot ? 0 : 255;
    png.data[i * 4] = v;
    png.data[i * 4 + 1] = v;
    png.data[i * 4 + 2] = v;
    png.data[i * 4 + 3] = 255;
  });
  writeFileSync(file, PNG.sync.write(png, { colorType: 0 }));
}

const countDots = (image: Decoded, fromRow: number, toRow: number) => {
  let n = 0;
  for (let i = fromRow * image.width; i < toRow * image.width; i++) n += image.dots[i] ?? 0;
  return n;
};

let printer: FakePrinter | null = null;
afterEach(async () => {
  await printer?.close();
  printer = null;
});

describe.each([384, 576] as const)('golden receipt, %i dots', (widthDots) => {
  it('reaches a printer over TCP and decodes, with an independent ESC/POS parser, to the committed image', async () => {
    printer = await startFakePrinter('online');
    const service = createPrintService({ now: () => receipt.issuedAt, onState: () => undefined });
    const outcome = await service.print({ id: 1, name: 'Kiosk 1', uri: printer.uri, widthDots }, receipt, 10_000);
    await service.close();
    expect(outcome).toEqual({ status: 'printed', problem: null });
    expect(printer.jobs()).toHaveLength(1);

    const ast = await parser.parse(printer.jobBytes());
    expect(ast.error).toBeUndefined();
    const image = rasterOf(ast);

    expect(image.width).toBe(widthDots);
    expect(countDots(image, 0, image.height) / image.dots.length).toBeGreaterThan(0.08);
    // The centre name is the first line: ink within the top 5 mm.
    expect(countDots(image, 0, 40)).toBeGreaterThan(200);

    // What the printer got is exactly what we drew: nothing lost or shifted by encoding or transport.
    const drawn = renderReceipt(receipt, widthDots);
    expect(image.height).toBe(drawn.height);
    const drawnDots = Uint8Array.from({ length: drawn.width * drawn.height }, (_, i) => ((drawn.data[i * 4] ?? 255) < 128 ? 1 : 0));
    expect(Buffer.from(image.dots).equals(Buffer.from(drawnDots))).toBe(true);

    // Order on paper: image, then the QR code with the tracking URL, then more image, then the cut.
    const tree = ast.tree ?? [];
    const at = (fn: string) => tree.filter((node) => node.ascii === 'GS' && node.fn === fn).map((node) => node.offset);
    const rasters = at('v0');
    const qr = at('(k');
    const cuts = at('V');
    expect(rasters.length).toBeGreaterThan(0);
    expect(qr.length).toBeGreaterThan(0);
    expect(cuts).toHaveLength(1);
    expect(Math.min(...qr)).toBeGreaterThan(Math.min(...rasters));
    expect(cuts[0]).toBeGreaterThan(Math.max(...rasters, ...qr));
    expect(printer.jobBytes().includes(Buffer.from(`1P0${receipt.trackingUrl}`, 'latin1'))).toBe(true);

    const golden = resolve(GOLDEN_DIR, `receipt-${widthDots}.png`);
    if (process.env.UPDATE_GOLDEN === '1') writeGolden(golden, image);
    const expected = readGolden(golden);
    expect([image.width, image.height]).toEqual([expected.width, expected.height]);
    let different = 0;
    for (let i = 0; i < image.dots.length; i++) if (image.dots[i] !== expected.dots[i]) different++;
    expect(different / image.dots.length).toBeLessThanOrEqual(MAX_DIFFERENT_PIXELS);
  });
});
