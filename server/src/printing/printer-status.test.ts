import { describe, expect, it } from 'vitest';
import { blocksPrinting, mainProblem, problemsFromStatus } from './printer-status.ts';

/** Bits 1 and 4 are fixed to 1 in every Epson status byte. */
const FIXED = 0x12;

describe('DLE EOT status bytes (Epson ESC/POS)', () => {
  it('reads a ready printer as having no problems', () => {
    expect(problemsFromStatus({ printer: FIXED, offlineCause: FIXED, paper: FIXED })).toEqual([]);
  });

  it('reads n=1 bit 3 as offline when no cause is given', () => {
    expect(problemsFromStatus({ printer: FIXED | 0x08, offlineCause: FIXED, paper: FIXED })).toEqual(['offline']);
  });

  it('reads n=2 bit 2 as cover open, bit 5 as paper out, bit 6 as error, and drops the generic offline', () => {
    expect(problemsFromStatus({ printer: FIXED | 0x08, offlineCause: FIXED | 0x04, paper: FIXED })).toEqual(['cover_open']);
    expect(problemsFromStatus({ printer: FIXED | 0x08, offlineCause: FIXED | 0x20, paper: FIXED })).toEqual(['paper_out']);
    expect(problemsFromStatus({ printer: FIXED | 0x08, offlineCause: FIXED | 0x40, paper: FIXED })).toEqual(['error']);
  });

  it('reads n=4 bits 2-3 as paper near end and bits 5-6 as paper out', () => {
    expect(problemsFromStatus({ printer: FIXED, offlineCause: FIXED, paper: FIXED | 0x0c })).toEqual(['paper_near_end']);
    expect(problemsFromStatus({ printer: FIXED, offlineCause: FIXED, paper: FIXED | 0x60 })).toEqual(['paper_out']);
    // Paper out implies near end on most sensors; only the worse one is reported.
    expect(problemsFromStatus({ printer: FIXED | 0x08, offlineCause: FIXED | 0x20, paper: FIXED | 0x6c })).toEqual(['paper_out']);
  });

  it('keeps offline next to a near-end roll, which alone does not explain it', () => {
    expect(problemsFromStatus({ printer: FIXED | 0x08, offlineCause: FIXED, paper: FIXED | 0x0c })).toEqual(['offline', 'paper_near_end']);
  });

  it('lets a nearly empty roll print and names the worst problem first', () => {
    expect(blocksPrinting(['paper_near_end'])).toBe(false);
    expect(blocksPrinting(['cover_open'])).toBe(true);
    expect(mainProblem(['paper_near_end', 'offline'])).toBe('offline');
    expect(mainProblem(['paper_near_end'])).toBe('paper_near_end');
    expect(mainProblem([])).toBeNull();
  });
});
