import { describe, expect, it } from 'vitest';
import { formatReceiptTime } from './receipt-time.ts';
import { wrapText } from './text-wrap.ts';

/** One unit per code point: enough to reason about where lines break. */
const measure = (s: string) => Array.from(s).length;

describe('wrapText', () => {
  it('breaks Vietnamese between syllables and keeps every word', () => {
    const text = 'Trung tâm Phục vụ hành chính công phường Hiệp Tân';
    const lines = wrapText(text, 20, measure);
    expect(lines).toEqual(['Trung tâm Phục vụ', 'hành chính công', 'phường Hiệp Tân']);
    expect(lines.every((l) => measure(l) <= 20)).toBe(true);
    expect(lines.join(' ')).toBe(text);
  });

  it('breaks a run longer than the line between characters', () => {
    expect(wrapText('mã ABCDEFGHIJKL xong', 5, measure)).toEqual(['mã', 'ABCDE', 'FGHIJ', 'KL', 'xong']);
  });

  it('keeps words joined by a no-break space on one line', () => {
    expect(wrapText('chờ tối đa 30\u00a0phút', 12, measure)).toEqual(['chờ tối đa', '30\u00a0phút']);
  });

  it('collapses spaces and gives nothing for blank text', () => {
    expect(wrapText('  Xin   cảm ơn  ', 40, measure)).toEqual(['Xin cảm ơn']);
    expect(wrapText('   ', 40, measure)).toEqual([]);
  });
});

describe('formatReceiptTime', () => {
  it('writes Asia/Ho_Chi_Minh time as dd/MM/yyyy HH:mm', () => {
    expect(formatReceiptTime(Date.UTC(2025, 2, 10, 1, 5))).toBe('10/03/2025 08:05');
    // 17:30 UTC is already the next day in Viet Nam.
    expect(formatReceiptTime(Date.UTC(2025, 11, 31, 17, 30))).toBe('01/01/2026 00:30');
  });
});
