import type { BoardRow } from '@luot/shared';

export type BoardSortKey = 'attention' | 'name' | 'waiting' | 'longest' | 'counters' | 'served' | 'within' | 'satisfied' | 'sync' | 'alerts';

export interface BoardSort {
  key: BoardSortKey;
  /** true: largest (or worst) first. */
  descending: boolean;
}

export const defaultSort: BoardSort = { key: 'attention', descending: true };

/** The longest wait now: as reported, plus the time since, while the center is online and someone waits. */
export function longestNow(row: BoardRow, now: number): number {
  if (!row.online || row.waiting === 0 || row.liveAt === null) return row.longestWaitSeconds;
  return row.longestWaitSeconds + Math.max(0, Math.floor((now - Date.parse(row.liveAt)) / 1000));
}

/**
 * How much a center needs a leader's eye, as a tuple compared in order: citizens waiting past the target,
 * then alerts, then a center not reporting, then sync far behind, then the longest wait and the queue.
 */
export function attention(row: BoardRow, now: number): number[] {
  return [row.overTarget ? 1 : 0, row.alerts.length, row.online ? 0 : 1, row.sync.lagSeconds > 120 ? 1 : 0, longestNow(row, now), row.waiting];
}

function compareTuples(a: number[], b: number[]): number {
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    const d = (a[i] ?? 0) - (b[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}

/** A null share sorts as the worst (nobody called yet says nothing good). */
const shareValue = (x: number | null) => (x === null ? -1 : x);

function value(row: BoardRow, key: BoardSortKey, now: number): number[] | string {
  switch (key) {
    case 'attention':
      return attention(row, now);
    case 'name':
      return row.name;
    case 'waiting':
      return [row.waiting];
    case 'longest':
      return [longestNow(row, now)];
    case 'counters':
      return [row.openCounters, row.counters];
    case 'served':
      return [row.servedToday];
    case 'within':
      return [shareValue(row.withinTargetShare)];
    case 'satisfied':
      return [shareValue(row.satisfiedShare)];
    case 'sync':
      return [row.sync.lagSeconds, row.sync.lagEvents];
    case 'alerts':
      return [row.alerts.length];
  }
}

/** Rows in the chosen order; ties keep the centers' names in Vietnamese order. */
export function sortRows(rows: readonly BoardRow[], sort: BoardSort, now: number): BoardRow[] {
  return [...rows].sort((a, b) => {
    const x = value(a, sort.key, now);
    const y = value(b, sort.key, now);
    const d = typeof x === 'string' || typeof y === 'string' ? String(x).localeCompare(String(y), 'vi') : compareTuples(x, y);
    return (sort.descending ? -d : d) || a.name.localeCompare(b.name, 'vi');
  });
}
