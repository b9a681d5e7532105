import { reportNoneLabels, reportWeekdays, type ReportFigures, type ReportGroupBy, type ReportRow, type SatisfactionFigures } from '@luot/shared';
import { countNames, ratingNames, type Dim } from './cells.ts';
import { concat, summarize } from './durations.ts';
import type { Pacer } from './pacer.ts';
import { RATINGS_AT, WITHIN_TARGET_AT, type RollupRow } from './report-repo.ts';

/** Rollup dim a grouping reads: days are the sum of their hours. */
export const dimOf = (groupBy: ReportGroupBy): Dim => (groupBy === 'day' ? 'hour' : groupBy);

interface Acc {
  counts: number[];
  wait: Uint32Array[];
  walk: Uint32Array[];
  service: Uint32Array[];
}

const emptyAcc = (): Acc => ({ counts: new Array<number>(RATINGS_AT + ratingNames.length).fill(0), wait: [], walk: [], service: [] });

const share = (part: number, whole: number) => (whole === 0 ? null : Math.round((part / whole) * 10000) / 10000);

function satisfaction(counts: readonly number[], served: number): SatisfactionFigures | null {
  const [veryGood = 0, good = 0, neutral = 0, bad = 0] = counts.slice(RATINGS_AT, RATINGS_AT + ratingNames.length);
  const ratings = veryGood + good + neutral + bad;
  if (ratings === 0) return null;
  return { ratings, veryGood, good, neutral, bad, satisfiedShare: share(veryGood + good, ratings), ratedShare: share(ratings, served) };
}

function addTo(acc: Acc, row: RollupRow): void {
  row.counts.forEach((n, i) => (acc.counts[i] = (acc.counts[i] ?? 0) + n));
  if (row.wait.length) acc.wait.push(row.wait);
  if (row.walk.length) acc.walk.push(row.walk);
  if (row.service.length) acc.service.push(row.service);
}

/** Sums rollup rows into groups and a total; durations stay exact until the end. */
export class ReportAccumulator {
  private readonly groups = new Map<number | string, Acc>();
  private readonly total = emptyAcc();

  constructor(private readonly groupBy: ReportGroupBy) {}

  add(rows: readonly RollupRow[]): void {
    for (const row of rows) {
      const key = this.groupBy === 'day' ? row.day : row.key;
      let acc = this.groups.get(key);
      if (!acc) {
        acc = emptyAcc();
        this.groups.set(key, acc);
      }
      addTo(acc, row);
      addTo(this.total, row);
    }
  }

  keys(): (number | string)[] {
    return [...this.groups.keys()];
  }

  /** The figures of a group, or of the total (null); yields between the durations, which are the costly part. */
  async figures(key: number | string | null, pacer: Pacer): Promise<ReportFigures> {
    const acc = key === null ? this.total : (this.groups.get(key) ?? emptyAcc());
    const count = (name: (typeof countNames)[number]) => acc.counts[countNames.indexOf(name)] ?? 0;
    const called = count('called');
    const withinTarget = acc.counts[WITHIN_TARGET_AT] ?? 0;
    const perTicket = key !== null && (this.groupBy === 'counter' || this.groupBy === 'officer');
    return {
      issued: perTicket ? null : count('issued'),
      called,
      served: count('served'),
      noShow: count('noShow'),
      transferred: count('transferred'),
      cancelled: count('cancelled'),
      expired: count('expired'),
      recalls: count('recalls'),
      wait: await pacer.run(() => summarize(concat(acc.wait))),
      walk: await pacer.run(() => summarize(concat(acc.walk))),
      service: await pacer.run(() => summarize(concat(acc.service))),
      withinTarget,
      withinTargetShare: share(withinTarget, called),
      satisfaction: satisfaction(acc.counts, count('served')),
    };
  }
}

export interface Labels {
  fields: Map<number, { vi: string; en: string; order: number }>;
  counters: Map<number, { vi: string; en: string; order: number }>;
  staff: Map<number, { vi: string; en: string }>;
}

const pad = (n: number) => String(n).padStart(2, '0');

export function weekdayOf(day: string): number {
  return (new Date(`${day}T00:00:00Z`).getUTCDay() + 6) % 7;
}

function dayLabel(day: string): { vi: string; en: string } {
  const [y, m, d] = day.split('-');
  const weekday = reportWeekdays[weekdayOf(day)] ?? { vi: '', en: '' };
  return { vi: `${weekday.vi}, ${d}/${m}/${y}`, en: `${weekday.en.slice(0, 3)} ${day}` };
}

/** Ordered rows with labels; “none” groups (key 0) come last with key null. */
export async function buildRows(acc: ReportAccumulator, groupBy: ReportGroupBy, labels: Labels, pacer: Pacer): Promise<ReportRow[]> {
  const described: { row: ReportRow; order: number | string }[] = [];
  for (const key of acc.keys()) {
    let label: { vi: string; en: string };
    let order: number | string;
    if (groupBy === 'day') {
      label = dayLabel(String(key));
      order = String(key);
    } else if (groupBy === 'hour') {
      const h = Number(key);
      label = { vi: `${pad(h)}:00–${pad(h + 1)}:00`, en: `${pad(h)}:00–${pad(h + 1)}:00` };
      order = h;
    } else if (key === 0) {
      label = reportNoneLabels[groupBy];
      order = Number.MAX_SAFE_INTEGER;
    } else {
      const id = Number(key);
      const staff = groupBy === 'officer' ? labels.staff.get(id) : undefined;
      const place = groupBy === 'field' ? labels.fields.get(id) : groupBy === 'counter' ? labels.counters.get(id) : undefined;
      label = { vi: (staff ?? place)?.vi ?? `#${id}`, en: (staff ?? place)?.en ?? `#${id}` };
      order = groupBy === 'officer' ? label.vi : (place?.order ?? Number.MAX_SAFE_INTEGER - 1);
    }
    const outKey = groupBy !== 'hour' && groupBy !== 'day' && key === 0 ? null : key;
    const figures = await acc.figures(key, pacer);
    // Every number is issued outside any counter; a “none” row that holds nothing else would only be noise.
    if (outKey === null && figures.issued === null && !hasActivity(figures)) continue;
    described.push({ row: { key: outKey, label, ...figures }, order });
  }
  described.sort((a, b) =>
    typeof a.order === 'number' && typeof b.order === 'number'
      ? a.order - b.order || Number(a.row.key) - Number(b.row.key)
      : a.row.key === null
        ? 1
        : b.row.key === null
          ? -1
          : String(a.order).localeCompare(String(b.order), 'vi'),
  );
  return described.map((d) => d.row);
}

function hasActivity(f: ReportFigures): boolean {
  return f.called + f.served + f.noShow + f.transferred + f.cancelled + f.expired + f.recalls + f.walk.count + f.service.count > 0;
}

/** Numbers issued by weekday (Monday first) × local hour. */
export function heatmap(hourCounts: readonly [day: string, hour: number, issued: number][]): number[][] {
  const grid = Array.from({ length: 7 }, () => new Array<number>(24).fill(0));
  for (const [day, hour, issued] of hourCounts) {
    const row = grid[weekdayOf(day)];
    if (row && hour >= 0 && hour < 24) row[hour] = (row[hour] ?? 0) + issued;
  }
  return grid;
}
