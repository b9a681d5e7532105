import { describe, expect, it } from 'vitest';
import { createTrackingCodes } from './tracking-code.ts';

describe('tracking codes', () => {
  it('are 16 base64url characters (96 bits) and never repeat, across many blocks of random bytes', () => {
    const newTrackingCode = createTrackingCodes();
    const codes = Array.from({ length: 5_000 }, newTrackingCode);
    for (const code of codes) expect(code).toMatch(/^[A-Za-z0-9_-]{16}$/);
    expect(new Set(codes).size).toBe(codes.length);
  });
});
