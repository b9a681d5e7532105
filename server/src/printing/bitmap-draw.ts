import { createCanvas, type SKRSContext2D } from '@napi-rs/canvas';
import { cssFont, ensureReceiptFonts, type ReceiptWeight } from './fonts.ts';
import { wrapText } from './text-wrap.ts';

/** An RGBA image whose pixels are all pure black or pure white, ready for a 1-bit thermal head. */
export interface ReceiptBitmap {
  width: number;
  height: number;
  data: Uint8ClampedArray;
  /**
   * Row (a multiple of 8) before which the QR code is printed, so that text can follow it; without it the
   * QR code follows the whole image.
   */
  qrRow?: number;
}

/** One piece of a receipt, top to bottom. Sizes are in printer dots (8 dots = 1 mm on 203 dpi heads). */
export type Block =
  | { kind: 'text'; text: string; weight: ReceiptWeight; size: number; inverted?: boolean }
  /**
   * "label: value" with the value in bold; on one line when it fits, otherwise the value gets a line of
   * its own rather than being split from its label at a random word.
   */
  | { kind: 'pair'; label: string; value: string; size: number }
  /** A single line drawn as large as fits the width, up to `size`; its height is the ink, not the font box. */
  | { kind: 'headline'; text: string; weight: ReceiptWeight; size: number }
  | { kind: 'space'; dots: number }
  | { kind: 'rule'; thickness: number }
  | { kind: 'qr' };

interface Run {
  text: string;
  weight: ReceiptWeight;
}

interface Placed {
  top: number;
  height: number;
  lines: Run[][];
  size: number;
  /** Distance from the top of the block to the first baseline. */
  ascent: number;
  lineHeight: number;
  fill: 'none' | 'black' | 'rule';
}

/** Thermal heads print a dot or nothing; grey from anti-aliasing must be decided here, not by the printer. */
const BLACK_BELOW = 150;
const INVERTED_PAD = 6;

const roundUp8 = (n: number) => Math.ceil(n / 8) * 8;

export function drawBlocks(blocks: Block[], widthDots: number, marginDots: number): ReceiptBitmap {
  ensureReceiptFonts();
  const measureCtx = createCanvas(1, 1).getContext('2d');
  const textWidth = widthDots - 2 * marginDots;
  const placed: Placed[] = [];
  let y = 0;
  let qrRow: number | undefined;

  for (const block of blocks) {
    if (block.kind === 'qr') {
      // The image is cut here and each part sent as its own raster command, whose height must be whole bytes.
      y = roundUp8(y);
      qrRow = y;
      continue;
    }
    const p = layoutBlock(block, measureCtx, textWidth, y);
    placed.push(p);
    y = p.top + p.height;
  }

  const height = Math.max(8, roundUp8(y));
  const canvas = createCanvas(widthDots, height);
  const ctx = canvas.getContext('2d');
  ctx.fillStyle = '#fff';
  ctx.fillRect(0, 0, widthDots, height);
  ctx.textBaseline = 'alphabetic';
  ctx.textAlign = 'left';
  for (const p of placed) drawPlaced(ctx, p, widthDots, marginDots);

  const image = ctx.getImageData(0, 0, widthDots, height);
  const data = image.data;
  // One 32-bit word per pixel; on little-endian machines (every x86 and ARM server) red is the low byte.
  const pixels = new Uint32Array(data.buffer, data.byteOffset, data.byteLength >> 2);
  for (let i = 0; i < pixels.length; i++) {
    pixels[i] = ((pixels[i] ?? 0xffffffff) & 0xff) < BLACK_BELOW ? 0xff000000 : 0xffffffff;
  }
  const bitmap: ReceiptBitmap = { width: widthDots, height, data };
  if (qrRow !== undefined) bitmap.qrRow = qrRow;
  return bitmap;
}

function fontBox(ctx: SKRSContext2D, weight: ReceiptWeight, size: number): { ascent: number; lineHeight: number } {
  ctx.font = cssFont(weight, size);
  // The font box, not the ink, so that stacked marks (ễ, ậ) never touch the line above or below.
  const m = ctx.measureText('Ệ');
  const ascent = Math.ceil(m.fontBoundingBoxAscent);
  return { ascent, lineHeight: ascent + Math.ceil(m.fontBoundingBoxDescent) };
}

function wrapRuns(ctx: SKRSContext2D, text: string, weight: ReceiptWeight, size: number, width: number): Run[][] {
  ctx.font = cssFont(weight, size);
  return wrapText(text, width, (s) => ctx.measureText(s).width).map((line) => [{ text: line, weight }]);
}

function layoutBlock(block: Exclude<Block, { kind: 'qr' }>, ctx: SKRSContext2D, textWidth: number, top: number): Placed {
  const none = { top, lines: [], size: 0, ascent: 0, lineHeight: 0 };
  switch (block.kind) {
    case 'space':
      return { ...none, height: block.dots, fill: 'none' };
    case 'rule':
      return { ...none, height: block.thickness, fill: 'rule' };
    case 'text': {
      const pad = block.inverted ? INVERTED_PAD : 0;
      const lines = wrapRuns(ctx, block.text, block.weight, block.size, textWidth - 2 * pad);
      const box = fontBox(ctx, block.weight, block.size);
      const height = lines.length * box.lineHeight + 2 * pad;
      return { top, lines, size: block.size, ascent: box.ascent + pad, lineHeight: box.lineHeight, height, fill: block.inverted ? 'black' : 'none' };
    }
    case 'pair': {
      const label: Run = { text: `${block.label}:`, weight: 'regular' };
      const value: Run = { text: block.value, weight: 'bold' };
      const oneLine = runsWidth(ctx, [label, value], block.size) <= textWidth;
      const lines = oneLine
        ? [[label, value]]
        : [...wrapRuns(ctx, label.text, 'regular', block.size, textWidth), ...wrapRuns(ctx, value.text, 'bold', block.size, textWidth)];
      const box = fontBox(ctx, 'bold', block.size);
      return { top, lines, size: block.size, ascent: box.ascent, lineHeight: box.lineHeight, height: lines.length * box.lineHeight, fill: 'none' };
    }
    case 'headline': {
      let size = block.size;
      ctx.font = cssFont(block.weight, size);
      let m = ctx.measureText(block.text);
      if (m.width > textWidth) {
        size = Math.floor((size * textWidth) / m.width);
        ctx.font = cssFont(block.weight, size);
        m = ctx.measureText(block.text);
      }
      const ascent = Math.ceil(m.actualBoundingBoxAscent);
      const height = ascent + Math.ceil(m.actualBoundingBoxDescent);
      return { top, lines: [[{ text: block.text, weight: block.weight }]], size, ascent, lineHeight: height, height, fill: 'none' };
    }
  }
}

/** Width of runs drawn side by side, with one space between them. */
function runsWidth(ctx: SKRSContext2D, runs: Run[], size: number): number {
  let width = 0;
  runs.forEach((run, i) => {
    ctx.font = cssFont(run.weight, size);
    width += ctx.measureText(i === 0 ? run.text : ` ${run.text}`).width;
  });
  return width;
}

function drawPlaced(ctx: SKRSContext2D, p: Placed, widthDots: number, marginDots: number): void {
  if (p.fill !== 'none') {
    ctx.fillStyle = '#000';
    ctx.fillRect(marginDots, p.top, widthDots - 2 * marginDots, p.height);
  }
  ctx.fillStyle = p.fill === 'black' ? '#fff' : '#000';
  p.lines.forEach((runs, i) => {
    const baseline = p.top + p.ascent + i * p.lineHeight;
    // Every line is centred: a receipt is read at a glance, not scanned like a table.
    let x = (widthDots - runsWidth(ctx, runs, p.size)) / 2;
    runs.forEach((run, j) => {
      const text = j === 0 ? run.text : ` ${run.text}`;
      ctx.font = cssFont(run.weight, p.size);
      ctx.fillText(text, x, baseline);
      x += ctx.measureText(text).width;
    });
  });
}
