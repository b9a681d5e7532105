import { describe, expect, it } from 'vitest';
import { waitWords } from './wait-words.ts';

describe('the estimated wait in words', () => {
  it('says “sắp đến lượt”, never “khoảng 0 phút”, for a near-zero estimate', () => {
    expect(waitWords('vi', 0)).toBe('sắp đến lượt');
    expect(waitWords('vi', 1)).toBe('sắp đến lượt');
    expect(waitWords('en', 0)).toBe('almost your turn');
  });

  it('rounds nothing else away, and says when there is no estimate', () => {
    expect(waitWords('vi', 2)).toBe('khoảng 2 phút');
    expect(waitWords('vi', 45)).toBe('khoảng 45 phút');
    expect(waitWords('en', 12)).toBe('about 12 min');
    expect(waitWords('vi', null)).toBe('chưa xác định');
  });
});
