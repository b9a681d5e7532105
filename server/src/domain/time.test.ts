import { describe, expect, it } from 'vitest';
import { localMinutes, parseLocalTime, serviceDayOf, serviceDayStart, withinHours } from './time.ts';

/** A moment given as local time in Asia/Ho_Chi_Minh (UTC+7, no daylight saving). */
function local(isoWithoutZone: string): number {
  return Date.parse(`${isoWithoutZone}+07:00`);
}

describe('parseLocalTime', () => {
  it('reads HH:mm as minutes since midnight', () => {
    expect(parseLocalTime('00:00')).toBe(0);
    expect(parseLocalTime('03:00')).toBe(180);
    expect(parseLocalTime('17:30')).toBe(1050);
    expect(parseLocalTime('23:59')).toBe(1439);
  });

  it('rejects text that is not a time', () => {
    expect(() => parseLocalTime('noon')).toThrow(RangeError);
    expect(() => parseLocalTime('7')).toThrow(RangeError);
  });
});

describe('localMinutes (Asia/Ho_Chi_Minh = UTC+7)', () => {
  it('shifts UTC by seven hours', () => {
    expect(localMinutes(Date.UTC(2025, 2, 10, 0, 0))).toBe(7 * 60);
    expect(localMinutes(Date.UTC(2025, 2, 10, 1, 30))).toBe(8 * 60 + 30);
    // 17:00 UTC is midnight in Ha Noi, 16:59 UTC one minute before.
    expect(localMinutes(Date.UTC(2025, 2, 10, 17, 0))).toBe(0);
    expect(localMinutes(Date.UTC(2025, 2, 10, 16, 59))).toBe(23 * 60 + 59);
  });

  it('agrees with the platform time zone database', () => {
    const fmt = new Intl.DateTimeFormat('en-GB', { timeZone: 'Asia/Ho_Chi_Minh', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
    for (const at of [Date.UTC(2024, 0, 1, 0, 0), Date.UTC(2024, 6, 15, 9, 41), Date.UTC(2025, 11, 31, 20, 5)]) {
      const [h, m] = fmt.format(at).split(':').map(Number);
      expect(localMinutes(at)).toBe((h ?? NaN) * 60 + (m ?? NaN));
    }
  });
});

describe('serviceDayOf', () => {
  it('is the local date, not the UTC date', () => {
    // 06:30 local on the 10th is 23:30 UTC on the 9th.
    expect(serviceDayOf(local('2025-03-10T06:30:00'), '00:00')).toBe('2025-03-10');
    expect(serviceDayOf(Date.UTC(2025, 2, 9, 23, 30), '00:00')).toBe('2025-03-10');
  });

  it('with rollover 03:00, 02:59 local belongs to the previous day and 03:00 to the new one', () => {
    expect(serviceDayOf(local('2025-03-10T02:59:00'), '03:00')).toBe('2025-03-09');
    expect(serviceDayOf(local('2025-03-10T02:59:59.999'), '03:00')).toBe('2025-03-09');
    expect(serviceDayOf(local('2025-03-10T03:00:00'), '03:00')).toBe('2025-03-10');
    expect(serviceDayOf(local('2025-03-10T00:30:00'), '03:00')).toBe('2025-03-09');
    expect(serviceDayOf(local('2025-03-10T23:59:00'), '03:00')).toBe('2025-03-10');
  });

  it('with rollover 00:00 the day changes at local midnight', () => {
    expect(serviceDayOf(local('2025-03-10T23:59:59'), '00:00')).toBe('2025-03-10');
    expect(serviceDayOf(local('2025-03-11T00:00:00'), '00:00')).toBe('2025-03-11');
  });

  it('rolls over months and years', () => {
    expect(serviceDayOf(local('2025-01-01T01:00:00'), '03:00')).toBe('2024-12-31');
    expect(serviceDayOf(local('2024-03-01T02:00:00'), '03:00')).toBe('2024-02-29');
  });
});

describe('serviceDayStart', () => {
  it('is the rollover moment in local time', () => {
    expect(serviceDayStart('2025-03-10', '03:00')).toBe(local('2025-03-10T03:00:00'));
    expect(serviceDayStart('2025-03-10', '00:00')).toBe(Date.UTC(2025, 2, 9, 17, 0));
  });

  it('round-trips with serviceDayOf at its boundaries', () => {
    for (const rollover of ['00:00', '03:00', '05:30']) {
      const start = serviceDayStart('2025-03-10', rollover);
      expect(serviceDayOf(start, rollover)).toBe('2025-03-10');
      expect(serviceDayOf(start - 1, rollover)).toBe('2025-03-09');
    }
  });
});

describe('withinHours', () => {
  it('is open on [opensAt, closesAt) in local time', () => {
    expect(withinHours(local('2025-03-10T07:29:59'), '07:30', '17:00')).toBe(false);
    expect(withinHours(local('2025-03-10T07:30:00'), '07:30', '17:00')).toBe(true);
    expect(withinHours(local('2025-03-10T16:59:59'), '07:30', '17:00')).toBe(true);
    expect(withinHours(local('2025-03-10T17:00:00'), '07:30', '17:00')).toBe(false);
  });

  it('uses Vietnamese local time, not UTC', () => {
    // 08:00 local is 01:00 UTC: open in Ha Noi though 01:00 would be closed.
    expect(withinHours(Date.UTC(2025, 2, 10, 1, 0), '07:30', '17:00')).toBe(true);
    // 11:00 UTC is 18:00 local: closed.
    expect(withinHours(Date.UTC(2025, 2, 10, 11, 0), '07:30', '17:00')).toBe(false);
  });

  it('treats a missing bound as open on that side', () => {
    expect(withinHours(local('2025-03-10T00:00:00'), null, null)).toBe(true);
    expect(withinHours(local('2025-03-10T05:00:00'), null, '17:00')).toBe(true);
    expect(withinHours(local('2025-03-10T18:00:00'), null, '17:00')).toBe(false);
    expect(withinHours(local('2025-03-10T06:00:00'), '07:30', null)).toBe(false);
    expect(withinHours(local('2025-03-10T23:59:00'), '07:30', null)).toBe(true);
  });
});
