import { t, waitWords, type Lang } from '@luot/shared';
import { drawBlocks, type Block, type ReceiptBitmap } from './bitmap-draw.ts';
import { formatReceiptTime } from './receipt-time.ts';

export interface ReceiptData {
  /** The language the citizen chose at the kiosk; staff read the Vietnamese lines kept on an English receipt. */
  lang: Lang;
  centerName: string;
  /** The field's name in `lang`, and its Vietnamese name for staff when `lang` is not Vietnamese. */
  fieldName: string;
  fieldNameVi: string;
  number: string;
  /** The priority category in `lang` and in Vietnamese, or null. */
  priorityLabel: string | null;
  priorityLabelVi: string | null;
  peopleAhead: number;
  estimatedWaitMinutes: number | null;
  /** epoch ms */
  issuedAt: number;
  trackingUrl: string;
  footer: string;
  /** The field's published service standard (citizen charter); absent or null prints none. */
  charter?: { waitMinutes: number; serviceMinutes: number } | null;
}

/** Text from the database or an admin form may arrive decomposed (e + combining marks); fonts want NFC. */
const nfc = (s: string) => s.normalize('NFC').trim();

/** "Số người chờ trước Ông/Bà: N" as label and value, so the value can be set in bold. */
export function peopleAheadText(n: number, lang: Lang = 'vi'): { label: string; value: string } {
  return { label: t(lang, 'receiptPeopleAhead'), value: String(n) };
}

/** "Thời gian chờ dự kiến: khoảng N phút" (or "sắp đến lượt", as on the kiosk and the phone); nothing without an estimate. */
export function estimatedWaitText(minutes: number | null, lang: Lang = 'vi'): { label: string; value: string } | null {
  return minutes === null ? null : { label: t(lang, 'receiptEstimatedWait'), value: waitWords(lang, minutes) };
}

/**
 * Sizes are for a 58 mm head (384 dots) and scale with the paper, so an 80 mm receipt is the same
 * design, larger. The number is as big as the paper allows: many citizens are elderly and it is what
 * they compare with the hall display.
 */
/**
 * `late`: the receipt comes out after the printer failed or long after the number was taken; it says so on top,
 * with the time the number was taken, so the next person at the kiosk does not take it for theirs, and leaves
 * out the people ahead and the wait, which were true only then.
 */
export function receiptBlocks(data: ReceiptData, widthDots: 384 | 576, late = false): Block[] {
  const k = widthDots / 384;
  const s = (dots: number) => Math.round(dots * k);
  const { lang } = data;
  // On a receipt in another language, the Vietnamese name under it tells staff where the citizen belongs.
  const forStaff = (text: string | null) => (lang !== 'vi' && text !== null && nfc(text) !== '' ? nfc(text) : null);
  const fieldVi = forStaff(data.fieldNameVi);
  const blocks: Block[] = [
    ...(late ? [{ kind: 'text', text: t(lang, 'receiptLate').replace('{time}', formatReceiptTime(data.issuedAt).slice(-5)), weight: 'bold', size: s(26), inverted: true } as const, { kind: 'space', dots: s(10) } as const] : []),
    { kind: 'text', text: nfc(data.centerName), weight: 'bold', size: s(24) },
    { kind: 'space', dots: s(8) },
    { kind: 'rule', thickness: 2 },
    { kind: 'space', dots: s(10) },
    { kind: 'text', text: nfc(data.fieldName), weight: 'bold', size: s(26) },
    ...(fieldVi === null ? [] : [{ kind: 'text', text: fieldVi, weight: 'regular', size: s(20) } as const]),
    { kind: 'space', dots: s(12) },
    { kind: 'text', text: t(lang, 'receiptYourNumber'), weight: 'regular', size: s(20) },
    { kind: 'space', dots: s(10) },
    { kind: 'headline', text: nfc(data.number), weight: 'extraBold', size: s(136) },
    { kind: 'space', dots: s(16) },
  ];
  if (data.priorityLabel !== null && nfc(data.priorityLabel) !== '') {
    const priority = t(lang, 'receiptPriority').replace('{name}', nfc(data.priorityLabel));
    blocks.push({ kind: 'text', text: priority, weight: 'bold', size: s(24), inverted: true });
    const priorityVi = forStaff(data.priorityLabelVi);
    if (priorityVi !== null) blocks.push({ kind: 'space', dots: s(4) }, { kind: 'text', text: `(${priorityVi})`, weight: 'regular', size: s(20) });
    blocks.push({ kind: 'space', dots: s(12) });
  }
  // Counted when the number was taken: on a late receipt they would mislead; the QR code's page is live.
  if (!late) {
    blocks.push({ kind: 'pair', ...peopleAheadText(data.peopleAhead, lang), size: s(24) });
    const wait = estimatedWaitText(data.estimatedWaitMinutes, lang);
    if (wait !== null) blocks.push({ kind: 'space', dots: s(6) }, { kind: 'pair', ...wait, size: s(24) });
  }
  // The commitment holds whenever the receipt comes out, so a late receipt prints it too.
  if (data.charter) {
    const text = t(lang, 'receiptCharter').replace('{wait}', String(data.charter.waitMinutes)).replace('{service}', String(data.charter.serviceMinutes));
    blocks.push({ kind: 'space', dots: s(6) }, { kind: 'text', text, weight: 'regular', size: s(20) });
  }
  blocks.push(
    { kind: 'space', dots: s(10) },
    { kind: 'text', text: formatReceiptTime(data.issuedAt), weight: 'bold', size: s(24) },
    { kind: 'space', dots: s(12) },
    { kind: 'rule', thickness: 2 },
    { kind: 'space', dots: s(8) },
    { kind: 'text', text: t(lang, 'receiptScanToFollow'), weight: 'regular', size: s(20) },
    { kind: 'space', dots: s(4) },
    { kind: 'qr' },
    { kind: 'space', dots: s(8) },
  );
  const footer = nfc(data.footer);
  if (footer !== '') blocks.push({ kind: 'text', text: footer, weight: 'regular', size: s(22) });
  return blocks;
}

/** Draws the receipt as a black-and-white bitmap, `widthDots` wide. The QR code itself is added by the encoder. */
export function renderReceipt(data: ReceiptData, widthDots: 384 | 576, late = false): ReceiptBitmap {
  return drawBlocks(receiptBlocks(data, widthDots, late), widthDots, Math.round((widthDots / 384) * 8));
}
