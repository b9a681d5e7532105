import type { BookingReport } from '@luot/shared';
import { sql } from 'drizzle-orm';
import type { Db } from '../db/open-db.ts';
import type { Lang } from './export-columns.ts';

const words = {
  title: { vi: 'Người đặt lịch hẹn và người đến trực tiếp', en: 'Booked and walk-in citizens' },
  sheet: { vi: 'Đặt lịch hẹn', en: 'Bookings' },
  all: { vi: 'Cả trung tâm', en: 'Whole center' },
  header: {
    vi: ['Lĩnh vực', 'Lịch hẹn', 'Đến đúng hẹn', 'Đến muộn', 'Không đến', 'Đã hủy', 'Đang chờ đến', 'Người đặt lịch được gọi', 'Chờ trung bình (phút)', 'Chờ 90% không quá (phút)', 'Người đến trực tiếp được gọi', 'Chờ trung bình (phút)', 'Chờ 90% không quá (phút)'],
    en: ['Field', 'Bookings', 'Came on time', 'Came late', 'Did not come', 'Cancelled', 'Still expected', 'Booked citizens called', 'Mean wait (min)', '90% waited at most (min)', 'Walk-ins called', 'Mean wait (min)', '90% waited at most (min)'],
  },
} as const;

export const bookingExportTitle = (lang: Lang): string => words.title[lang];
export const bookingExportSheet = (lang: Lang): string => words.sheet[lang];

/**
 * The booking figures as rows for the report's CSV and workbook: a header and one row per field, then the center;
 * null for a period without any booking (a center that takes none keeps its exports as they were). Counts and
 * minutes only; field names from the fields table, nothing about any citizen.
 */
export function bookingExportRows(db: Db, report: BookingReport, lang: Lang): (string | number | null)[][] | null {
  if (report.fields.length === 0) return null;
  const names = new Map(db.all<{ id: number; vi: string; en: string }>(sql`SELECT id, name_vi AS vi, name_en AS en FROM fields`).map((f) => [f.id, f]));
  const row = (label: string, r: Pick<BookingReport, 'booked' | 'walkIn' | 'bookings'>) => {
    const b = r.bookings;
    return [label, b.onTime + b.late + b.lapsed + b.cancelled + b.booked, b.onTime, b.late, b.lapsed, b.cancelled, b.booked, r.booked.called, r.booked.meanWaitMinutes, r.booked.p90WaitMinutes, r.walkIn.called, r.walkIn.meanWaitMinutes, r.walkIn.p90WaitMinutes];
  };
  return [
    [...words.header[lang]],
    ...report.fields.map((f) => row(names.get(f.fieldId)?.[lang] ?? String(f.fieldId), f)),
    row(words.all[lang], report),
  ];
}
