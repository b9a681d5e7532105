import type { Sql } from 'postgres';
import { decodeMs } from '../../reports/cells.ts';
import type { RollupRow } from '../../reports/report-repo.ts';

/** What hub rollup rows are summed by: the row key of a report. */
export type HubKey = 'center' | 'field' | 'counter' | 'officer' | 'day' | 'month' | 'hour';

const sums = `sum(issued)::int, sum(called)::int, sum(served)::int, sum(no_show)::int, sum(transferred)::int, sum(cancelled)::int,
  sum(expired)::int, sum(recalls)::int, sum(within_target)::int, sum(rated_very_good)::int, sum(rated_good)::int,
  sum(rated_neutral)::int, sum(rated_bad)::int,
  string_agg(wait_ms, ''::bytea), string_agg(walk_ms, ''::bytea), string_agg(service_ms, ''::bytea)`;

/** Columns that group a window's rows, and the key they give (center id, field id, yyyymm, hour …). */
const groupings: Record<HubKey, { table: 'hub_rollups' | 'hub_rollup_hours'; select: string; group: string }> = {
  center: { table: 'hub_rollups', select: `center_id, center_id`, group: 'center_id' },
  field: { table: 'hub_rollups', select: `center_id, field`, group: 'center_id, field' },
  counter: { table: 'hub_rollups', select: `center_id, counter`, group: 'center_id, counter' },
  officer: { table: 'hub_rollups', select: `center_id, officer`, group: 'center_id, officer' },
  day: { table: 'hub_rollups', select: `0, extract(epoch from day)::int / 86400`, group: 'day' },
  month: { table: 'hub_rollups', select: `0, (extract(year from day) * 100 + extract(month from day))::int`, group: 'extract(year from day), extract(month from day)' },
  hour: { table: 'hub_rollup_hours', select: `0, hour`, group: 'hour' },
};

export interface HubRollupRow extends RollupRow {
  centerId: number;
}

/** Reads of the hub's rollups for reports: a window of days summed in PostgreSQL, durations concatenated exactly. */
export const hubReportRepo = {
  async rows(sql: Sql, key: HubKey, from: string, to: string, centerId?: number): Promise<HubRollupRow[]> {
    const g = groupings[key];
    const rows = await sql.unsafe<unknown[][]>(
      `SELECT ${g.select}, ${sums} FROM ${g.table} WHERE day BETWEEN $1::date AND $2::date ${centerId === undefined ? '' : 'AND center_id = $3'} GROUP BY ${g.group}`,
      centerId === undefined ? [from, to] : [from, to, centerId],
    ).values();
    return rows.map((r) => ({
      centerId: r[0] as number,
      day: key === 'day' ? new Date((r[1] as number) * 86_400_000).toISOString().slice(0, 10) : from,
      key: r[1] as number,
      counts: r.slice(2, 15) as number[],
      wait: decodeMs(r[15] as Buffer),
      walk: decodeMs(r[16] as Buffer),
      service: decodeMs(r[17] as Buffer),
    }));
  },

  /** Numbers issued per day and local hour, for the heat map. */
  async hourCounts(sql: Sql, from: string, to: string, centerId?: number): Promise<[string, number, number][]> {
    const rows = await sql.unsafe(
      `SELECT day::text, hour::int, sum(issued)::int FROM hub_rollup_hours WHERE day BETWEEN $1::date AND $2::date ${centerId === undefined ? '' : 'AND center_id = $3'} GROUP BY day, hour`,
      centerId === undefined ? [from, to] : [from, to, centerId],
    ).values();
    return rows as unknown as [string, number, number][];
  },
};
