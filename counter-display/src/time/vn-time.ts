import { t, type Lang, type StringKey } from '@luot/shared';

/**
 * Wall-clock time in Asia/Ho_Chi_Minh: UTC+7 all year, no daylight saving, so a fixed offset is exact and
 * does not depend on the screen's own time zone setting, which is often wrong on a TV box.
 */
const offsetMs = 7 * 60 * 60 * 1000;

export interface VnTime {
  year: number;
  month: number;
  day: number;
  weekday: number;
  hours: number;
  minutes: number;
}

export function vnTime(epochMs: number): VnTime {
  const d = new Date(epochMs + offsetMs);
  return {
    year: d.getUTCFullYear(),
    month: d.getUTCMonth() + 1,
    day: d.getUTCDate(),
    weekday: d.getUTCDay(),
    hours: d.getUTCHours(),
    minutes: d.getUTCMinutes(),
  };
}

const pad2 = (n: number) => String(n).padStart(2, '0');

/** 'HH:mm', 24-hour, as Vietnamese offices write it. */
export function formatTime(time: VnTime): string {
  return `${pad2(time.hours)}:${pad2(time.minutes)}`;
}

const weekdayKeys: readonly StringKey[] = ['weekdaySun', 'weekdayMon', 'weekdayTue', 'weekdayWed', 'weekdayThu', 'weekdayFri', 'weekdaySat'];

/** 'Thứ Sáu, 21/11/2025': day before month in both languages, the reader is in Vietnam. */
export function formatDate(lang: Lang, time: VnTime): string {
  const weekday = weekdayKeys[time.weekday];
  const name = weekday === undefined ? '' : `${t(lang, weekday)}, `;
  return `${name}${pad2(time.day)}/${pad2(time.month)}/${time.year}`;
}
