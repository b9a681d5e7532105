import { arrivalHour, type Contribution, type CountName, type DurationName, type FoldTicket } from './ticket-fold.ts';

export const dims = ['field', 'counter', 'officer', 'hour'] as const;
export type Dim = (typeof dims)[number];

export const countNames = ['issued', 'called', 'served', 'noShow', 'transferred', 'cancelled', 'expired', 'recalls'] as const satisfies readonly CountName[];
export const durationNames = ['wait', 'walk', 'service'] as const satisfies readonly DurationName[];
/** Rating counts by score: index 0 is score 1 (Rất hài lòng) … index 3 is score 4 (Không hài lòng). */
export const ratingNames = ['ratedVeryGood', 'ratedGood', 'ratedNeutral', 'ratedBad'] as const;
export type RatingName = (typeof ratingNames)[number];

/** Where a rating counts: the visit that finished the ticket, and the ticket's day and arrival. */
export interface RatedVisit {
  ticket: FoldTicket;
  field: number;
  counter: number;
  officer: number;
  score: number;
}

/** The figures of one group on one service day; durations as milliseconds in arrival order. */
export type Cell = Record<CountName | 'withinTarget' | RatingName, number> & Record<DurationName, number[]>;

export const emptyCell = (): Cell => ({
  issued: 0,
  called: 0,
  served: 0,
  noShow: 0,
  transferred: 0,
  cancelled: 0,
  expired: 0,
  recalls: 0,
  withinTarget: 0,
  ratedVeryGood: 0,
  ratedGood: 0,
  ratedNeutral: 0,
  ratedBad: 0,
  wait: [],
  walk: [],
  service: [],
});

/** Durations are stored as uint32 milliseconds: negative ones (a clock set back) count as 0, 49 days is the cap. */
const clampMs = (ms: number) => Math.min(0xffffffff, Math.max(0, Math.round(ms)));

/** A first call no later than the target wait of the field that made it. */
export const isWithinTarget = (c: Contribution, targetMs: (fieldId: number) => number): boolean =>
  c.duration?.name === 'wait' && c.duration.ms <= targetMs(c.field);

/**
 * What one contribution adds to a cell. The one rule every rollup follows (the center's per-dim cells here, the
 * hub's per center × field × counter × officer cells), so no figure is defined twice.
 */
export function addContribution(cell: Cell, c: Contribution, within: boolean): void {
  if (c.count) cell[c.count] += 1;
  if (c.duration) cell[c.duration.name].push(clampMs(c.duration.ms));
  if (within) cell.withinTarget += 1;
}

/** A rating's share of a cell: one more answer of its score (1 … 4); false for a score outside the scale. */
export function addScore(cell: Cell, score: number): boolean {
  const name = ratingNames[score - 1];
  if (!name) return false;
  cell[name] += 1;
  return true;
}

/** Adds `from`'s figures to `into` (counts add up, durations are appended in order). */
export function mergeCell(into: Cell, from: Cell): void {
  for (const name of [...countNames, 'withinTarget', ...ratingNames] as const) into[name] += from[name];
  for (const name of durationNames) for (const ms of from[name]) into[name].push(ms);
}

/** A service day's cells, keyed by dim and group, filled from contributions. */
export class DayCells {
  readonly cells = new Map<string, { day: string; dim: Dim; key: number; cell: Cell }>();

  /** `targetMs(fieldId)`: the target wait of the field that made the first call. */
  add(ticket: FoldTicket, c: Contribution, targetMs: (fieldId: number) => number): void {
    const keys: Record<Dim, number> = { field: c.field, counter: c.counter, officer: c.officer, hour: arrivalHour(ticket) };
    const within = isWithinTarget(c, targetMs);
    for (const dim of dims) addContribution(this.cell(ticket.serviceDay, dim, keys[dim]), c, within);
  }

  addRating(r: RatedVisit): void {
    if (!ratingNames[r.score - 1]) return;
    const keys: Record<Dim, number> = { field: r.field, counter: r.counter, officer: r.officer, hour: arrivalHour(r.ticket) };
    for (const dim of dims) addScore(this.cell(r.ticket.serviceDay, dim, keys[dim]), r.score);
  }

  /** Adds `other`'s cells to these (counts add up, durations are appended in order). */
  merge(other: DayCells): void {
    for (const { day, dim, key, cell } of other.cells.values()) mergeCell(this.cell(day, dim, key), cell);
  }

  get size(): number {
    return this.cells.size;
  }

  private cell(day: string, dim: Dim, key: number): Cell {
    const id = `${day}|${dim}|${key}`;
    let entry = this.cells.get(id);
    if (!entry) {
      entry = { day, dim, key, cell: emptyCell() };
      this.cells.set(id, entry);
    }
    return entry.cell;
  }
}

/** Little-endian uint32s, whatever the machine, so a database file moves between machines unchanged. */
export function encodeMs(values: readonly number[]): Buffer {
  const buf = Buffer.allocUnsafe(values.length * 4);
  values.forEach((v, i) => buf.writeUInt32LE(v, i * 4));
  return buf;
}

const littleEndian = new Uint8Array(Uint32Array.of(1).buffer)[0] === 1;

export function decodeMs(buf: Buffer): Uint32Array {
  const out = new Uint32Array(buf.length >>> 2);
  if (littleEndian) {
    // One copy into an aligned array; a Buffer from SQLite need not start on a 4-byte boundary.
    new Uint8Array(out.buffer).set(buf.subarray(0, out.length * 4));
    return out;
  }
  for (let i = 0; i < out.length; i++) out[i] = buf.readUInt32LE(i * 4);
  return out;
}
