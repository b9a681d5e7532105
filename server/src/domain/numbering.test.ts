import { describe, expect, it } from 'vitest';
import { formatNumber, nextSeq } from './numbering.ts';

describe('formatNumber', () => {
  it('pads the sequence to the field width after the prefix', () => {
    expect(formatNumber({ prefix: 'A', width: 3 }, 23)).toBe('A023');
    expect(formatNumber({ prefix: 'A', width: 3 }, 1)).toBe('A001');
    expect(formatNumber({ prefix: 'HT', width: 4 }, 7)).toBe('HT0007');
  });

  it('keeps a digit prefix apart from the padding', () => {
    expect(formatNumber({ prefix: '1', width: 3 }, 23)).toBe('1023');
    expect(formatNumber({ prefix: '1', width: 3 }, 999)).toBe('1999');
  });

  it('does not truncate a sequence wider than the field width', () => {
    expect(formatNumber({ prefix: 'A', width: 3 }, 1234)).toBe('A1234');
  });

  it('allows no prefix and no padding', () => {
    expect(formatNumber({ prefix: '', width: 0 }, 5)).toBe('5');
  });
});

describe('nextSeq', () => {
  it('starts the day at the field start number', () => {
    expect(nextSeq({ startNumber: 1 }, null)).toBe(1);
    expect(nextSeq({ startNumber: 100 }, null)).toBe(100);
  });

  it('follows the highest sequence issued today', () => {
    expect(nextSeq({ startNumber: 1 }, 1)).toBe(2);
    expect(nextSeq({ startNumber: 100 }, 141)).toBe(142);
  });
});
