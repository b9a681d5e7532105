import { describe, expect, it } from 'vitest';
import { loadConfig } from './config.ts';

describe('configuration', () => {
  it('drops unprinted receipts after LUOT_RECEIPT_MAX_AGE_MINUTES (15 by default)', () => {
    expect(loadConfig({}).receiptMaxAgeMs).toBe(15 * 60_000);
    expect(loadConfig({ LUOT_RECEIPT_MAX_AGE_MINUTES: '5' }).receiptMaxAgeMs).toBe(5 * 60_000);
    expect(() => loadConfig({ LUOT_RECEIPT_MAX_AGE_MINUTES: 'năm' })).toThrow(/LUOT_RECEIPT_MAX_AGE_MINUTES/);
  });
});
