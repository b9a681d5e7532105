import { Type, type Static } from 'typebox';
import { ServiceDay } from './domain.ts';

const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(t: T) => Type.Union([t, Type.Null()]);

/** How report rows are grouped. `hour` and `day` describe the citizens who took their number in that hour or day. */
export const ReportGroupBy = Type.Union([
  Type.Literal('field'),
  Type.Literal('counter'),
  Type.Literal('officer'),
  Type.Literal('hour'),
  Type.Literal('day'),
]);
export type ReportGroupBy = Static<typeof ReportGroupBy>;

/**
 * Any grouping a report may carry: a center's five, and on the province hub also `center` (one row per center)
 * and `month` (calendar months of service days).
 */
export const AnyReportGroupBy = Type.Union([
  Type.Literal('field'),
  Type.Literal('counter'),
  Type.Literal('officer'),
  Type.Literal('hour'),
  Type.Literal('day'),
  Type.Literal('month'),
  Type.Literal('center'),
]);
export type AnyReportGroupBy = Static<typeof AnyReportGroupBy>;

/** Ready-made ranges, resolved on the server from today's service day: this calendar week (Monday first), month or year. */
export const ReportPeriod = Type.Union([Type.Literal('today'), Type.Literal('week'), Type.Literal('month'), Type.Literal('year')]);
export type ReportPeriod = Static<typeof ReportPeriod>;

const rangeProperties = {
  from: Type.Optional(ServiceDay),
  to: Type.Optional(ServiceDay),
  period: Type.Optional(ReportPeriod),
  groupBy: Type.Optional(ReportGroupBy),
};

/** `from`..`to` (service days, both included), or `period`; neither means today. Group by field unless told. */
export const ReportQuery = Type.Object(rangeProperties, { additionalProperties: false });
export type ReportQuery = Static<typeof ReportQuery>;

/** Exports take the same range, plus the language of headers and labels and, for CSV, the separator. */
export const ReportExportQuery = Type.Object(
  {
    ...rangeProperties,
    lang: Type.Optional(Type.Union([Type.Literal('vi'), Type.Literal('en')])),
    sep: Type.Optional(
      Type.Union([Type.Literal('comma'), Type.Literal('semicolon')], {
        description: 'CSV only. semicolon also writes decimal commas, for Excel with Vietnamese regional settings',
      }),
    ),
  },
  { additionalProperties: false },
);
export type ReportExportQuery = Static<typeof ReportExportQuery>;

/** A duration over a set of citizens, in seconds with one decimal. Median and 90th percentile are nearest-rank. */
export const DurationFigures = Type.Object({
  count: Type.Integer({ description: 'how many durations were measured' }),
  meanSeconds: Nullable(Type.Number()),
  medianSeconds: Nullable(Type.Number()),
  p90Seconds: Nullable(Type.Number()),
});
export type DurationFigures = Static<typeof DurationFigures>;

/**
 * Citizens' ratings (Rất hài lòng / Hài lòng / Bình thường / Không hài lòng), counted where the rated ticket was
 * finished (field, counter, officer) and on its day and hour of arrival. Null for a row nobody rated.
 */
export const SatisfactionFigures = Type.Object({
  ratings: Type.Integer(),
  veryGood: Type.Integer(),
  good: Type.Integer(),
  neutral: Type.Integer(),
  bad: Type.Integer(),
  satisfiedShare: Nullable(Type.Number({ description: '(very good + good) / ratings, 0..1, four decimals' })),
  ratedShare: Nullable(Type.Number({ description: 'ratings / served: the share of served citizens who rated, 0..1, four decimals' })),
});
export type SatisfactionFigures = Static<typeof SatisfactionFigures>;

const figureProperties = {
  issued: Nullable(Type.Integer({ description: 'numbers issued; null when grouped by counter or officer (a kiosk issues them)' })),
  called: Type.Integer({ description: 'tickets called for the first time; a recall or a call after a transfer does not count again' }),
  served: Type.Integer({ description: 'finished (hoàn thành)' }),
  noShow: Type.Integer({ description: 'marked absent (vắng mặt), by hand or after the allowed recalls' }),
  transferred: Type.Integer({ description: 'transfers, counted where the ticket left' }),
  cancelled: Type.Integer(),
  expired: Type.Integer({ description: 'left unfinished at the end of the service day' }),
  recalls: Type.Integer(),
  wait: Type.Object(DurationFigures.properties, { description: 'issue → FIRST call; a transfer does not restart it' }),
  walk: Type.Object(DurationFigures.properties, { description: 'call → start of service (the walk to the counter)' }),
  service: Type.Object(DurationFigures.properties, { description: 'start → finish at the counter' }),
  withinTarget: Type.Integer({ description: 'first calls no later than the target wait of the field that called them' }),
  withinTargetShare: Nullable(Type.Number({ description: 'withinTarget / called, 0..1, four decimals' })),
  satisfaction: Nullable(SatisfactionFigures),
};

export const ReportFigures = Type.Object(figureProperties);
export type ReportFigures = Static<typeof ReportFigures>;

export const ReportRow = Type.Object({
  key: Type.Union([Type.Integer(), Type.String(), Type.Null()], {
    description: 'field, counter or staff id; hour 0–23; service day; null for “none” (e.g. cancelled before reaching a counter)',
  }),
  label: Type.Object({ vi: Type.String(), en: Type.String() }),
  ...figureProperties,
});
export type ReportRow = Static<typeof ReportRow>;

export const Report = Type.Object({
  from: ServiceDay,
  to: ServiceDay,
  groupBy: AnyReportGroupBy,
  days: Type.Integer({ description: 'calendar days in the range' }),
  generatedAt: Type.String({ format: 'date-time' }),
  source: Type.Union([Type.Literal('rollups'), Type.Literal('events')]),
  rows: Type.Array(ReportRow),
  total: ReportFigures,
  heatmap: Type.Object({
    description: Type.Literal('numbers issued by weekday (Monday first) × local hour 0–23'),
    counts: Type.Array(Type.Array(Type.Integer(), { minItems: 24, maxItems: 24 }), { minItems: 7, maxItems: 7 }),
  }),
});
export type Report = Static<typeof Report>;

type Text = { vi: string; en: string };

/** Monday first, like the heat map's rows. */
export const reportWeekdays: readonly Text[] = [
  { vi: 'Thứ Hai', en: 'Monday' },
  { vi: 'Thứ Ba', en: 'Tuesday' },
  { vi: 'Thứ Tư', en: 'Wednesday' },
  { vi: 'Thứ Năm', en: 'Thursday' },
  { vi: 'Thứ Sáu', en: 'Friday' },
  { vi: 'Thứ Bảy', en: 'Saturday' },
  { vi: 'Chủ Nhật', en: 'Sunday' },
];

/** Title of the grouping column. */
export const reportGroupTitles: Record<AnyReportGroupBy, Text> = {
  field: { vi: 'Lĩnh vực', en: 'Field' },
  counter: { vi: 'Quầy', en: 'Counter' },
  officer: { vi: 'Cán bộ', en: 'Officer' },
  hour: { vi: 'Giờ lấy số', en: 'Hour of arrival' },
  day: { vi: 'Ngày', en: 'Day' },
  month: { vi: 'Tháng', en: 'Month' },
  center: { vi: 'Trung tâm', en: 'Center' },
};

/** Labels of the “none” rows. */
export const reportNoneLabels: Record<'field' | 'counter' | 'officer', Text> = {
  field: { vi: 'Không xác định', en: 'Unknown' },
  counter: { vi: 'Chưa đến quầy', en: 'Not at a counter' },
  officer: { vi: 'Không qua cán bộ (kiosk, hệ thống)', en: 'No officer (kiosk, system)' },
};

/**
 * Columns of the CSV and XLSX exports, in order. Durations are exported in minutes with one decimal, shares in
 * percent; the JSON report keeps seconds and 0..1 shares.
 */
export const reportColumns = [
  { id: 'issued', unit: 'count', vi: 'Số đã cấp', en: 'Issued' },
  { id: 'called', unit: 'count', vi: 'Đã gọi', en: 'Called' },
  { id: 'served', unit: 'count', vi: 'Hoàn thành', en: 'Served' },
  { id: 'noShow', unit: 'count', vi: 'Vắng mặt', en: 'No-show' },
  { id: 'transferred', unit: 'count', vi: 'Chuyển quầy/lĩnh vực', en: 'Transferred' },
  { id: 'cancelled', unit: 'count', vi: 'Đã hủy', en: 'Cancelled' },
  { id: 'expired', unit: 'count', vi: 'Hết ngày chưa phục vụ', en: 'Expired at day end' },
  { id: 'recalls', unit: 'count', vi: 'Số lần gọi lại', en: 'Recalls' },
  { id: 'wait.mean', unit: 'minutes', vi: 'Thời gian chờ trung bình (phút)', en: 'Mean wait (min)' },
  { id: 'wait.median', unit: 'minutes', vi: 'Thời gian chờ trung vị (phút)', en: 'Median wait (min)' },
  { id: 'wait.p90', unit: 'minutes', vi: 'Thời gian chờ 90% (phút)', en: '90th percentile wait (min)' },
  { id: 'walk.mean', unit: 'minutes', vi: 'Thời gian đến quầy trung bình (phút)', en: 'Mean walk to counter (min)' },
  { id: 'walk.median', unit: 'minutes', vi: 'Thời gian đến quầy trung vị (phút)', en: 'Median walk to counter (min)' },
  { id: 'walk.p90', unit: 'minutes', vi: 'Thời gian đến quầy 90% (phút)', en: '90th percentile walk to counter (min)' },
  { id: 'service.mean', unit: 'minutes', vi: 'Thời gian phục vụ trung bình (phút)', en: 'Mean service time (min)' },
  { id: 'service.median', unit: 'minutes', vi: 'Thời gian phục vụ trung vị (phút)', en: 'Median service time (min)' },
  { id: 'service.p90', unit: 'minutes', vi: 'Thời gian phục vụ 90% (phút)', en: '90th percentile service time (min)' },
  { id: 'withinTargetShare', unit: 'percent', vi: 'Tỷ lệ được gọi trong thời gian chờ mục tiêu (%)', en: 'Called within target wait (%)' },
  { id: 'satisfaction.ratings', unit: 'count', vi: 'Số lượt đánh giá', en: 'Ratings' },
  { id: 'satisfaction.satisfiedShare', unit: 'percent', vi: 'Tỷ lệ hài lòng (%)', en: 'Satisfied (%)' },
  { id: 'satisfaction.ratedShare', unit: 'percent', vi: 'Tỷ lệ người được phục vụ có đánh giá (%)', en: 'Served citizens who rated (%)' },
] as const satisfies readonly { id: string; unit: 'count' | 'minutes' | 'percent'; vi: string; en: string }[];
export type ReportColumn = (typeof reportColumns)[number];

export const reportTexts = {
  title: { vi: 'Báo cáo', en: 'Report' },
  total: { vi: 'Tổng cộng', en: 'Total' },
  range: { vi: 'Từ ngày {from} đến ngày {to}', en: 'From {from} to {to}' },
  groupedBy: { vi: 'Theo {group}', en: 'By {group}' },
  generatedAt: { vi: 'Lập lúc {at}', en: 'Generated at {at}' },
  reportSheet: { vi: 'Báo cáo', en: 'Report' },
  heatmapSheet: { vi: 'Lượt đến theo giờ', en: 'Arrivals by hour' },
  heatmapTitle: { vi: 'Số đã cấp theo thứ trong tuần và giờ (giờ Việt Nam)', en: 'Numbers issued by weekday and hour (Viet Nam time)' },
  weekday: { vi: 'Thứ', en: 'Weekday' },
  fileName: { vi: 'Báo cáo theo {group} {from} đến {to}', en: 'Report by {group} {from} to {to}' },
} as const satisfies Record<string, Text>;
