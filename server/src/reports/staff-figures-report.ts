import type { StaffFigures } from '@luot/shared';
import type { Db } from '../db/open-db.ts';
import { serviceDayStart } from '../domain/time.ts';
import { Pacer } from './pacer.ts';
import { addDays } from './range.ts';
import type { Labels } from './report-builder.ts';
import { StaffSweep } from './staff-figures.ts';
import { staffFiguresRepo } from './staff-figures-repo.ts';

/** Staff figures for service days `from`..`to`, a day of events at a time with the event loop's turn in between. */
export async function staffFiguresReport(
  db: Db,
  range: { from: string; to: string; groupBy: 'officer' | 'counter'; rollover: string; now: number },
  labels: Labels,
): Promise<StaffFigures> {
  const sweep = new StaffSweep(staffFiguresRepo.counterFields(db));
  const pacer = new Pacer();
  for (let day = range.from; day <= range.to; day = addDays(day, 1)) {
    const start = serviceDayStart(day, range.rollover);
    if (start > range.now) break;
    sweep.day(staffFiguresRepo.window(db, start, serviceDayStart(addDays(day, 1), range.rollover)));
    await pacer.pause();
  }
  for (const r of staffFiguresRepo.ratings(db, range.from, range.to)) sweep.rating(r.counterId, r.officerId, r.score);
  const tallies = range.groupBy === 'counter' ? sweep.counters : sweep.officers;
  const names: Map<number, { vi: string; en: string; order?: number }> = range.groupBy === 'counter' ? labels.counters : labels.staff;
  const rows = [...tallies]
    .map(([key, tally]) => {
      const name = names.get(key);
      return { order: name?.order ?? key, row: tally.row(key, name ? { vi: name.vi, en: name.en } : { vi: `#${key}`, en: `#${key}` }) };
    })
    .sort((a, b) => a.order - b.order)
    .map((r) => r.row);
  return { from: range.from, to: range.to, groupBy: range.groupBy, generatedAt: new Date(range.now).toISOString(), rows };
}
