import { t, type Lang, type StringKey } from '../i18n.ts';

/**
 * Wall-clock time in Asia/Ho_Chi_Minh. Vietnam is UTC+7 all year (no daylight saving), so a fixed offset
 * is exact and does not depend on the device's own time zone setting, which is often wrong on cheap kiosks and TV boxes.
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

/** 'HH:mm', 24-hour, as every Vietnamese office writes it. */
export function formatTime(time: VnTime): string {
  return `${pad2(time.hours)}:${pad2(time.minutes)}`;
}

const weekdayKeys: readonly StringKey[] = ['weekdaySun', 'weekdayMon', 'weekdayTue', 'weekdayWed', 'weekdayThu', 'weekdayFri', 'weekdaySat'];

/** 'Thứ Sáu, 21/11/2025': day before month in both languages, since the reader is in Vietnam. */
export function formatDate(lang: Lang, time: VnTime): string {
  const weekday = weekdayKeys[time.weekday];
  const name = weekday === undefined ? '' : `${t(lang, weekday)}, `;
  return `${name}${pad2(time.day)}/${pad2(time.month)}/${time.year}`;
}

export function minutesOfDay(time: VnTime): number {
  return time.hours * 60 + time.minutes;
}

/** Minutes since midnight of a 'HH:mm' value from the server (validated by the schema's pattern). */
export function parseLocalTime(value: string): number {
  const [hours = '0', minutes = '0'] = value.split(':');
  return Number(hours) * 60 + Number(minutes);
}

/** 'YYYY-MM-DD' of the local calendar day. */
export function dayKey(time: VnTime): string {
  return `${time.year}-${pad2(time.month)}-${pad2(time.day)}`;
}
