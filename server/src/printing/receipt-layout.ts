import { t, waitWords } from '@luot/shared';
import { drawBlocks, type Block, type ReceiptBitmap } from './bitmap-draw.ts';
import { formatReceiptTime } from './receipt-time.ts';

export interface ReceiptData {
  centerName: string;
  fieldName: string;
  number: string;
  priorityLabel: string | null;
  peopleAhead: number;
  estimatedWaitMinutes: number | null;
  /** epoch ms */
  issuedAt: number;
  trackingUrl: string;
  footer: string;
}

/** Text from the database or an admin form may arrive decomposed (e + combining marks); fonts want NFC. */
const nfc = (s: string) => s.normalize('NFC').trim();

/** "Số người đang chờ trước Ông/Bà: N" as label and value, so the value can be set in bold. */
export function peopleAheadText(n: number): { label: string; value: string } {
  return { label: t('vi', 'receiptPeopleAhead'), value: String(n) };
}

/** "Thời gian chờ dự kiến: khoảng N phút" (or "sắp đến lượt", as on the kiosk and the phone); nothing without an estimate. */
export function estimatedWaitText(minutes: number | null): { label: string; value: string } | null {
  return minutes === null ? null : { label: t('vi', 'receiptEstimatedWait'), value: waitWords('vi', minutes) };
}

/**
 * Sizes are for a 58 mm head (384 dots) and scale with the paper, so an 80 mm receipt is the same
 * design, larger. The number is as big as the paper allows: many citizens are elderly and it is what
 * they compare with the hall display.
 */
export function receiptBlocks(data: ReceiptData, widthDots: 384 | 576): Block[] {
  const k = widthDots / 384;
  const s = (dots: number) => Math.round(dots * k);
  const blocks: Block[] = [
    { kind: 'text', text: nfc(data.centerName), weight: 'bold', size: s(24) },
    { kind: 'space', dots: s(8) },
    { kind: 'rule', thickness: 2 },
    { kind: 'space', dots: s(10) },
    { kind: 'text', text: nfc(data.fieldName), weight: 'bold', size: s(26) },
    { kind: 'space', dots: s(12) },
    { kind: 'text', text: t('vi', 'receiptYourNumber'), weight: 'regular', size: s(20) },
    { kind: 'space', dots: s(10) },
    { kind: 'headline', text: nfc(data.number), weight: 'extraBold', size: s(136) },
    { kind: 'space', dots: s(16) },
  ];
  if (data.priorityLabel !== null && nfc(data.priorityLabel) !== '') {
    const priority = t('vi', 'receiptPriority').replace('{name}', nfc(data.priorityLabel));
    blocks.push({ kind: 'text', text: priority, weight: 'bold', size: s(24), inverted: true }, { kind: 'space', dots: s(12) });
  }
  blocks.push({ kind: 'pair', ...peopleAheadText(data.peopleAhead), size: s(24) });
  const wait = estimatedWaitText(data.estimatedWaitMinutes);
  if (wait !== null) blocks.push({ kind: 'space', dots: s(6) }, { kind: 'pair', ...wait, size: s(24) });
  blocks.push(
    { kind: 'space', dots: s(10) },
    { kind: 'text', text: formatReceiptTime(data.issuedAt), weight: 'bold', size: s(24) },
    { kind: 'space', dots: s(12) },
    { kind: 'rule', thickness: 2 },
    { kind: 'space', dots: s(8) },
    { kind: 'text', text: t('vi', 'receiptScanToFollow'), weight: 'regular', size: s(20) },
    { kind: 'space', dots: s(4) },
    { kind: 'qr' },
    { kind: 'space', dots: s(8) },
  );
  const footer = nfc(data.footer);
  if (footer !== '') blocks.push({ kind: 'text', text: footer, weight: 'regular', size: s(22) });
  return blocks;
}

/** Draws the receipt as a black-and-white bitmap, `widthDots` wide. The QR code itself is added by the encoder. */
export function renderReceipt(data: ReceiptData, widthDots: 384 | 576): ReceiptBitmap {
  return drawBlocks(receiptBlocks(data, widthDots), widthDots, Math.round((widthDots / 384) * 8));
}
