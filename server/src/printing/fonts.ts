import { resolve } from 'node:path';
import { GlobalFonts } from '@napi-rs/canvas';
import { serverRoot } from '../paths.ts';

/**
 * Receipts are drawn with Be Vietnam Pro shipped in server/assets/fonts, never a system font: a kiosk PC
 * without Vietnamese fonts would otherwise print boxes instead of "ư", "ệ", "ộ". The private family names
 * keep us from picking up (or shadowing) a font of the same name installed on the machine.
 */
const FONT_DIR = resolve(serverRoot, 'assets/fonts');

export const receiptFonts = {
  regular: { family: 'Luot Receipt Regular', file: 'BeVietnamPro-Regular.ttf' },
  bold: { family: 'Luot Receipt Bold', file: 'BeVietnamPro-Bold.ttf' },
  extraBold: { family: 'Luot Receipt ExtraBold', file: 'BeVietnamPro-ExtraBold.ttf' },
} as const;

export type ReceiptWeight = keyof typeof receiptFonts;

let registered = false;

/** Registers the bundled fonts once per process (GlobalFonts is process-wide in @napi-rs/canvas). */
export function ensureReceiptFonts(): void {
  if (registered) return;
  for (const font of Object.values(receiptFonts)) {
    const key = GlobalFonts.registerFromPath(resolve(FONT_DIR, font.file), font.family);
    if (key === null) throw new Error(`receipt font ${font.file} could not be loaded from ${FONT_DIR}`);
  }
  registered = true;
}

/** A CSS font shorthand for the canvas; sizes are in printer dots. */
export function cssFont(weight: ReceiptWeight, sizeDots: number): string {
  return `${sizeDots}px "${receiptFonts[weight].family}"`;
}
