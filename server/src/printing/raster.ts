import type { ReceiptBitmap } from './bitmap-draw.ts';

/**
 * Rows per GS v 0 command. Cheap printers choke on one huge raster command (their receive buffer is a
 * few kilobytes); like the encoder library we send bands of at most 255 rows, which join without a seam.
 */
const BAND_ROWS = 255;

/**
 * GS v 0 raster commands for rows [fromRow, toRow) of a black-and-white RGBA bitmap. We pack the bits
 * ourselves because the encoder library re-flattens and re-thresholds every pixel, which costs more than
 * drawing the whole receipt; our bitmap is already 1-bit.
 */
export function rasterCommands(bitmap: ReceiptBitmap, fromRow: number, toRow: number): Uint8Array {
  const rowBytes = Math.ceil(bitmap.width / 8);
  const rows = Math.max(0, toRow - fromRow);
  const bands = Math.ceil(rows / BAND_ROWS);
  const out = new Uint8Array(rows * rowBytes + bands * 8);
  const pixels = new Uint32Array(bitmap.data.buffer, bitmap.data.byteOffset, bitmap.data.byteLength >> 2);
  let o = 0;
  for (let band = fromRow; band < toRow; band += BAND_ROWS) {
    const h = Math.min(BAND_ROWS, toRow - band);
    out.set([0x1d, 0x76, 0x30, 0x00, rowBytes & 0xff, rowBytes >> 8, h & 0xff, h >> 8], o);
    o += 8;
    for (let y = band; y < band + h; y++) {
      const rowStart = y * bitmap.width;
      for (let xb = 0; xb < rowBytes; xb++) {
        let byte = 0;
        for (let bit = 0; bit < 8; bit++) {
          const x = xb * 8 + bit;
          // A dot is printed where the red channel is dark; the bitmap is grey-free, so red alone decides.
          if (x < bitmap.width && ((pixels[rowStart + x] ?? 0xffffffff) & 0xff) < 128) byte |= 0x80 >> bit;
        }
        out[o++] = byte;
      }
    }
  }
  return out;
}
