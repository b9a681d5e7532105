import type { CallView } from '@luot/shared';
import { describe, expect, it } from 'vitest';
import { CallTracker } from './call-tracker.ts';

const at = Date.parse('2026-11-23T02:00:00Z');
const call = (ticketId: number, ms: number, counterNumber = 1): CallView => ({
  ticketId,
  number: `A${String(ticketId).padStart(3, '0')}`,
  fieldId: 1,
  counterId: counterNumber,
  counterNumber,
  at: new Date(ms).toISOString(),
  recall: false,
});

describe('CallTracker', () => {
  it('does not read out the calls of the first snapshot a screen sees', () => {
    const tracker = new CallTracker();
    expect(tracker.missed([call(1, at), call(2, at + 1000)], at + 2000)).toEqual([]);
  });

  it('reads out, once and oldest first, the calls made while the screen was reconnecting', () => {
    const tracker = new CallTracker();
    tracker.missed([call(1, at)], at);
    const missed = tracker.missed([call(3, at + 2000, 2), call(1, at), call(2, at + 1000)], at + 3000);
    expect(missed.map((c) => c.ticketId)).toEqual([2, 3]);
    expect(tracker.missed([call(1, at), call(2, at + 1000), call(3, at + 2000, 2)], at + 4000)).toEqual([]);
  });

  it('reads out a missed call made in the same instant as the newest one it heard', () => {
    const tracker = new CallTracker();
    tracker.missed([call(1, at)], at);
    expect(tracker.missed([call(1, at), call(2, at, 2)], at + 1000).map((c) => c.ticketId)).toEqual([2]);
  });

  it('keeps quiet about calls older than the newest heard, or older than a minute', () => {
    const tracker = new CallTracker();
    tracker.missed([call(5, at + 10_000)], at + 10_000);
    expect(tracker.missed([call(4, at), call(5, at + 10_000)], at + 11_000)).toEqual([]);
    expect(tracker.missed([call(6, at + 20_000)], at + 90_000)).toEqual([]);
  });

  it('knows a live call once: a later snapshot does not read it out again', () => {
    const tracker = new CallTracker();
    tracker.missed([], at);
    expect(tracker.fresh(call(7, at + 1000))).toBe(true);
    expect(tracker.fresh(call(7, at + 1000))).toBe(false);
    expect(tracker.missed([call(7, at + 1000)], at + 2000)).toEqual([]);
  });
});
