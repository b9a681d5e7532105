import { describe, expect, it } from 'vitest';
import type { Block } from './bitmap-draw.ts';
import { estimatedWaitText, peopleAheadText, receiptBlocks, renderReceipt, type ReceiptData } from './receipt-layout.ts';

const base: ReceiptData = {
  lang: 'vi',
  centerName: 'Trung tâm Phục vụ hành chính công phường Hiệp Tân',
  fieldName: 'Tư pháp – Hộ tịch',
  fieldNameVi: 'Tư pháp – Hộ tịch',
  number: 'A001',
  priorityLabel: null,
  priorityLabelVi: null,
  peopleAhead: 0,
  estimatedWaitMinutes: null,
  issuedAt: Date.UTC(2025, 2, 10, 1, 0),
  trackingUrl: 'http://luot.local/t/AAAA',
  footer: '',
};

/** The receipt's words, a line a block, as a person reads them off the paper. */
const linesOf = (blocks: Block[]) => blocks.map((b) => (b.kind === 'text' || b.kind === 'headline' ? b.text : b.kind === 'pair' ? `${b.label}: ${b.value}` : ''));

const black = (b: ReturnType<typeof renderReceipt>) => {
  let n = 0;
  for (let i = 0; i < b.data.length; i += 4) if (b.data[i] === 0) n++;
  return n;
};

describe('receipt layout', () => {
  it('says how many are ahead and the estimated wait in the words of the issue', () => {
    expect(peopleAheadText(3)).toEqual({ label: 'Số người chờ trước Ông/Bà', value: '3' });
    expect(estimatedWaitText(15)).toEqual({ label: 'Thời gian chờ dự kiến', value: 'khoảng 15 phút' });
    expect(estimatedWaitText(null)).toBeNull();
    // The same words as the kiosk and the phone for a near-zero estimate, not “khoảng 0 phút”.
    expect(estimatedWaitText(0)).toEqual({ label: 'Thời gian chờ dự kiến', value: 'sắp đến lượt' });
  });

  it('prints the field’s published standard (citizen charter), late receipts too, and nothing without one', () => {
    const charter = { waitMinutes: 20, serviceMinutes: 10 };
    expect(linesOf(receiptBlocks({ ...base, charter }, 384))).toContain('Trung tâm cam kết: chờ tối đa 20\u00a0phút, giải quyết khoảng 10\u00a0phút');
    expect(linesOf(receiptBlocks({ ...base, charter }, 384, true))).toContain('Trung tâm cam kết: chờ tối đa 20\u00a0phút, giải quyết khoảng 10\u00a0phút');
    expect(linesOf(receiptBlocks({ ...base, lang: 'en', charter }, 384))).toContain('Our commitment: a wait of at most 20\u00a0min, handled in about 10\u00a0min');
    expect(linesOf(receiptBlocks(base, 384)).join('\n')).not.toContain('cam kết');
  });

  it('addresses the citizen as Ông/Bà on every line, never “bạn”', () => {
    const words = linesOf(receiptBlocks({ ...base, priorityLabel: 'Người cao tuổi', peopleAhead: 2, estimatedWaitMinutes: 9 }, 576)).join('\n');
    expect(words).toContain('SỐ THỨ TỰ CỦA ÔNG/BÀ');
    expect(words).toContain('Số người chờ trước Ông/Bà: 2');
    expect(words).toContain('Quét mã để theo dõi lượt của Ông/Bà');
    expect(words).not.toMatch(/(^|[^\p{L}])bạn($|[^\p{L}])/iu);
  });

  it('prints in English for a citizen who chose English, keeping the Vietnamese names for staff', () => {
    const english: ReceiptData = {
      ...base,
      lang: 'en',
      fieldName: 'Justice – Civil status',
      priorityLabel: 'Elderly person',
      priorityLabelVi: 'Người cao tuổi',
      peopleAhead: 2,
      estimatedWaitMinutes: 9,
    };
    const lines = linesOf(receiptBlocks(english, 576));
    expect(lines).toContain('Justice – Civil status');
    expect(lines).toContain('Tư pháp – Hộ tịch');
    expect(lines).toContain('YOUR NUMBER');
    expect(lines).toContain('PRIORITY: Elderly person');
    expect(lines).toContain('(Người cao tuổi)');
    expect(lines).toContain('People waiting ahead of you: 2');
    expect(lines).toContain('Estimated wait: about 9 min');
    expect(lines).toContain('Scan to follow your turn');
    expect(lines.join('\n')).not.toContain('SỐ THỨ TỰ');
    // A Vietnamese receipt has no extra staff lines.
    const vi = receiptBlocks({ ...base, priorityLabel: 'Người cao tuổi', priorityLabelVi: 'Người cao tuổi' }, 576);
    expect(vi.filter((b) => b.kind === 'text' && b.text === 'Tư pháp – Hộ tịch')).toHaveLength(1);
    expect(vi.some((b) => b.kind === 'text' && b.text.startsWith('('))).toBe(false);
  });

  it('marks a late receipt on top with the time the number was taken, in the citizen’s language', () => {
    const top = (data: ReceiptData) => receiptBlocks(data, 384, true)[0];
    expect(top(base)).toMatchObject({ kind: 'text', text: 'IN LẠI – số lấy lúc 08:00', inverted: true });
    expect(top({ ...base, lang: 'en' })).toMatchObject({ kind: 'text', text: 'REPRINTED LATE – taken at 08:00', inverted: true });
    expect(receiptBlocks(base, 384).some((b) => b.kind === 'text' && b.text.startsWith('IN LẠI'))).toBe(false);
    // What was true when the number was taken is left out; the QR code's page says how things stand now.
    const late = receiptBlocks({ ...base, peopleAhead: 3, estimatedWaitMinutes: 20 }, 384, true);
    expect(late.some((b) => b.kind === 'pair')).toBe(false);
    expect(late.some((b) => b.kind === 'qr')).toBe(true);
  });

  it('shows the priority mark and the wait only when there is one', () => {
    const plain = receiptBlocks(base, 384);
    expect(plain.some((b) => b.kind === 'text' && b.inverted)).toBe(false);
    expect(plain.some((b) => b.kind === 'pair' && b.label.startsWith('Thời gian'))).toBe(false);
    const priority = receiptBlocks({ ...base, priorityLabel: 'Phụ nữ mang thai', estimatedWaitMinutes: 10 }, 384);
    expect(priority.some((b) => b.kind === 'text' && b.inverted && b.text === 'ƯU TIÊN: Phụ nữ mang thai')).toBe(true);
    expect(priority.some((b) => b.kind === 'pair' && b.value === 'khoảng 10 phút')).toBe(true);
  });

  it('normalizes decomposed text to NFC, so it prints exactly like composed text', () => {
    const nfd = { ...base, centerName: base.centerName.normalize('NFD'), fieldName: base.fieldName.normalize('NFD') };
    expect(nfd.centerName).not.toBe(base.centerName);
    const a = renderReceipt(base, 384);
    const b = renderReceipt(nfd, 384);
    expect(Buffer.from(b.data).equals(Buffer.from(a.data))).toBe(true);
  });

  it('is pure black and white, a whole number of bytes high, with the QR row on a byte boundary', () => {
    for (const width of [384, 576] as const) {
      const bitmap = renderReceipt({ ...base, footer: 'Xin cảm ơn' }, width);
      expect(bitmap.width).toBe(width);
      expect(bitmap.height % 8).toBe(0);
      expect((bitmap.qrRow ?? -1) % 8).toBe(0);
      expect(bitmap.qrRow).toBeLessThan(bitmap.height);
      expect(bitmap.data.every((v) => v === 0 || v === 255)).toBe(true);
    }
  });

  it('wraps a long field name instead of cutting it, and shrinks a long number to fit', () => {
    const short = renderReceipt(base, 384);
    const long = renderReceipt({ ...base, fieldName: 'Lao động, Người có công và Xã hội; Đất đai – Xây dựng; Đăng ký kinh doanh' }, 384);
    expect(long.height).toBeGreaterThan(short.height);
    const wide = renderReceipt({ ...base, number: 'ĐKKD-10234' }, 384);
    expect(wide.width).toBe(384);
    // Ink reaches neither paper edge: the number was shrunk, not clipped.
    for (let y = 0; y < wide.height; y++) {
      expect(wide.data[y * 384 * 4]).toBe(255);
      expect(wide.data[(y * 384 + 383) * 4]).toBe(255);
    }
    expect(black(wide)).toBeGreaterThan(0);
  });
});
