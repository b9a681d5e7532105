import type { Sql } from 'postgres';

export interface DayFigures {
  centerId: number;
  day: string;
  called: number;
  served: number;
  withinTarget: number;
  ratings: [veryGood: number, good: number, neutral: number, bad: number];
}

/** Today's figures of each center, from the rollups: the same numbers its reports give for the day. */
export const boardRepo = {
  async dayFigures(sql: Sql, days: readonly string[], only?: number): Promise<DayFigures[]> {
    if (days.length === 0) return [];
    const rows = await sql<{ centerId: number; day: string; called: number; served: number; withinTarget: number; vg: number; g: number; n: number; b: number }[]>`
      SELECT center_id AS "centerId", day::text AS day, sum(called)::int AS called, sum(served)::int AS served,
        sum(within_target)::int AS "withinTarget", sum(rated_very_good)::int AS vg, sum(rated_good)::int AS g,
        sum(rated_neutral)::int AS n, sum(rated_bad)::int AS b
      FROM hub_rollups
      WHERE day = ANY(${sql.array(days as string[])}::date[]) ${only === undefined ? sql`` : sql`AND center_id = ${only}`}
      GROUP BY center_id, day`;
    return rows.map((r) => ({ centerId: r.centerId, day: r.day, called: r.called, served: r.served, withinTarget: r.withinTarget, ratings: [r.vg, r.g, r.n, r.b] }));
  },
};
