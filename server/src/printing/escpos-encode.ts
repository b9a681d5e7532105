import ReceiptPrinterEncoder from '@point-of-sale/receipt-printer-encoder';
import type { ReceiptBitmap } from './bitmap-draw.ts';
import { rasterCommands } from './raster.ts';

/**
 * The QR module size in dots. A tracking URL is about 40 characters (QR version 3, 29 modules): 6 dots a
 * module makes it 22 mm wide on 58 mm paper, 8 dots 29 mm on 80 mm, both easy for any phone camera.
 */
const qrModuleDots = (widthDots: number) => (widthDots >= 576 ? 8 : 6);

const encoderOptions = { language: 'esc-pos', imageMode: 'raster', newline: '\n', feedBeforeCut: 4 } as const;

/**
 * ESC/POS bytes for a bitmap and an optional QR code: initialise, raster image (GS v 0), QR code
 * (GS ( k) where the bitmap asks for it, more image, feed, partial cut (GS V).
 *
 * The encoder library writes the commands; the raster bands are spliced in between its outputs rather
 * than passed through `raw()`, because its `encode()` spreads every payload into a JS array, which costs
 * milliseconds per receipt and would overflow the call stack on a long one.
 */
export function encodeBitmap(bitmap: ReceiptBitmap, qrUrl: string | null): Uint8Array {
  const qrRow = qrUrl === null ? bitmap.height : Math.min(bitmap.qrRow ?? bitmap.height, bitmap.height);
  const parts: Uint8Array[] = [new ReceiptPrinterEncoder(encoderOptions).initialize().encode(), rasterCommands(bitmap, 0, qrRow)];
  if (qrUrl !== null) {
    parts.push(
      new ReceiptPrinterEncoder(encoderOptions).align('center').qrcode(qrUrl, { model: 2, size: qrModuleDots(bitmap.width), errorlevel: 'm' }).encode(),
      rasterCommands(bitmap, qrRow, bitmap.height),
    );
  }
  parts.push(new ReceiptPrinterEncoder(encoderOptions).cut('partial').encode());
  return concat(parts);
}

/** Receipt bytes: init, raster image, QR code, feed, cut. */
export function encodeReceipt(bitmap: ReceiptBitmap, qrUrl: string): Uint8Array {
  return encodeBitmap(bitmap, qrUrl);
}

function concat(parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let offset = 0;
  for (const part of parts) {
    out.set(part, offset);
    offset += part.length;
  }
  return out;
}
