import { Type, type Static } from 'typebox';
import { Id, ServiceDay } from './domain.ts';
import { ReportPeriod } from './reports.ts';
import { CenterConfigSnapshot, CenterLiveStatus } from './sync.ts';

/**
 * The province hub's own API: province staff, the registry of centers and their sync keys, the live province
 * board, one center's read-only board, and reports across centers.
 */
const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(t: T) => Type.Union([t, Type.Null()]);
const Moment = Type.String({ format: 'date-time' });

/** Province admin: registers centers, issues their keys, manages accounts. Province viewer: reads boards and reports. */
export const HubRole = Type.Union([Type.Literal('province_admin'), Type.Literal('province_viewer')]);
export type HubRole = Static<typeof HubRole>;

export const HubMe = Type.Object({ id: Id, username: Type.String(), name: Type.String(), role: HubRole });
export type HubMe = Static<typeof HubMe>;

export const HubLoginResponse = Type.Object({ token: Type.String(), expiresAt: Moment, me: HubMe });
export type HubLoginResponse = Static<typeof HubLoginResponse>;

export const HubStaffView = Type.Object({ id: Id, username: Type.String(), name: Type.String(), role: HubRole, active: Type.Boolean() });
export type HubStaffView = Static<typeof HubStaffView>;

export const HubStaffBody = Type.Object(
  {
    username: Type.String({ minLength: 3, maxLength: 32, pattern: '^[a-z0-9._-]+$' }),
    name: Type.String({ minLength: 1, maxLength: 100 }),
    role: HubRole,
  },
  { additionalProperties: false },
);
export type HubStaffBody = Static<typeof HubStaffBody>;

export const HubStaffUpdateBody = Type.Object(
  { name: Type.String({ minLength: 1, maxLength: 100 }), role: HubRole, active: Type.Boolean() },
  { additionalProperties: false },
);
export type HubStaffUpdateBody = Static<typeof HubStaffUpdateBody>;

/** A new account's or a reset password, shown once. */
export const HubStaffWithPassword = Type.Object({ staff: HubStaffView, password: Type.String() });
export type HubStaffWithPassword = Static<typeof HubStaffWithPassword>;

/** Where a center's sync stands on the hub. */
export const HubSyncState = Type.Object({
  ackedEventId: Type.Integer(),
  ackedRatingId: Type.Integer(),
  headEventId: Type.Integer({ description: 'the newest event the center reported having' }),
  lagEvents: Type.Integer(),
  lagSeconds: Type.Integer({ description: 'time between the newest event at the center and the newest the hub holds' }),
  lastContactAt: Nullable(Moment),
  resyncRequested: Type.Boolean(),
});
export type HubSyncState = Static<typeof HubSyncState>;

export const HubCenterView = Type.Object({
  id: Id,
  code: Type.String(),
  name: Type.String(),
  active: Type.Boolean(),
  keyIssuedAt: Nullable(Moment),
  sync: HubSyncState,
});
export type HubCenterView = Static<typeof HubCenterView>;

export const HubCenterBody = Type.Object(
  {
    code: Type.String({ minLength: 2, maxLength: 64, pattern: '^[a-z0-9-]+$' }),
    name: Type.String({ minLength: 1, maxLength: 200 }),
  },
  { additionalProperties: false },
);
export type HubCenterBody = Static<typeof HubCenterBody>;

/** A center's sync key, shown once to the province admin, who gives it to the center's admin. */
export const HubCenterKey = Type.Object({ center: HubCenterView, key: Type.String() });
export type HubCenterKey = Static<typeof HubCenterKey>;

/** One row of the province board: a center now. */
export const BoardRow = Type.Object({
  centerId: Id,
  code: Type.String(),
  name: Type.String(),
  /** False when the center has not reported its live status for a while (offline, or its link is down). */
  online: Type.Boolean(),
  liveAt: Nullable(Moment),
  waiting: Type.Integer(),
  /** As measured at `liveAt`; screens age it by the time since while the center is online. */
  longestWaitSeconds: Type.Integer(),
  /** Someone has waited longer than their field's target (aged to now). */
  overTarget: Type.Boolean(),
  openCounters: Type.Integer(),
  counters: Type.Integer(),
  servedToday: Type.Integer(),
  calledToday: Type.Integer(),
  withinTargetShare: Nullable(Type.Number({ description: 'first calls today within target / first calls today, 0..1' })),
  ratingsToday: Type.Integer(),
  satisfiedShare: Nullable(Type.Number({ description: '(very good + good) / ratings today, 0..1' })),
  alerts: Type.Array(Type.Object({ kind: Type.String(), message: Type.Object({ vi: Type.String(), en: Type.String() }) })),
  sync: HubSyncState,
});
export type BoardRow = Static<typeof BoardRow>;

export const ProvinceBoard = Type.Object({ at: Moment, serviceDay: ServiceDay, rows: Type.Array(BoardRow) });
export type ProvinceBoard = Static<typeof ProvinceBoard>;

/** A center's board on the hub: its live status as last reported, with the names to show it by. */
export const HubCenterBoard = Type.Object({
  row: BoardRow,
  config: Nullable(CenterConfigSnapshot),
  live: Nullable(CenterLiveStatus),
});
export type HubCenterBoard = Static<typeof HubCenterBoard>;

/** The first and only message a client sends on /api/hub/ws: its session token. */
export const HubClientHello = Type.Object({ type: Type.Literal('hello'), token: Type.String({ maxLength: 200 }) }, { additionalProperties: false });
export type HubClientHello = Static<typeof HubClientHello>;

/** Messages of the hub's live socket (/api/hub/ws): the whole board, then one changed center at a time. */
export const HubServerMessage = Type.Union([
  Type.Object({ type: Type.Literal('board'), board: ProvinceBoard }),
  Type.Object({ type: Type.Literal('center'), row: BoardRow }),
]);
export type HubServerMessage = Static<typeof HubServerMessage>;

/** Reports on the hub group by center, field (by code, across centers), day, month or hour; counter and officer only within one center. */
export const HubReportGroupBy = Type.Union([
  Type.Literal('center'),
  Type.Literal('field'),
  Type.Literal('day'),
  Type.Literal('month'),
  Type.Literal('hour'),
  Type.Literal('counter'),
  Type.Literal('officer'),
]);
export type HubReportGroupBy = Static<typeof HubReportGroupBy>;

/** Rankings: rows ordered best first by one figure. */
export const HubRankBy = Type.Union([Type.Literal('withinTarget'), Type.Literal('wait'), Type.Literal('satisfaction'), Type.Literal('served')]);
export type HubRankBy = Static<typeof HubRankBy>;

const hubRangeProperties = {
  from: Type.Optional(ServiceDay),
  to: Type.Optional(ServiceDay),
  period: Type.Optional(ReportPeriod),
  groupBy: Type.Optional(HubReportGroupBy),
  centerId: Type.Optional(Id),
  rankBy: Type.Optional(HubRankBy),
};

export const HubReportQuery = Type.Object(hubRangeProperties, { additionalProperties: false });
export type HubReportQuery = Static<typeof HubReportQuery>;

export const HubReportExportQuery = Type.Object(
  {
    ...hubRangeProperties,
    lang: Type.Optional(Type.Union([Type.Literal('vi'), Type.Literal('en')])),
    sep: Type.Optional(Type.Union([Type.Literal('comma'), Type.Literal('semicolon')])),
  },
  { additionalProperties: false },
);
export type HubReportExportQuery = Static<typeof HubReportExportQuery>;

export const HubCenterParams = Type.Object({ centerId: Id });
