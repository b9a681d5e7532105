import { Type, type Static } from 'typebox';
import { Id } from './domain.ts';

/** Staffing advice: which share of citizens to plan for, over how many past weeks. */
export const StaffingQuery = Type.Object(
  {
    share: Type.Optional(Type.Number({ minimum: 0.5, maximum: 0.99, description: 'share of citizens to call within the committed wait; 0.9 when left out' })),
    weeks: Type.Optional(Type.Integer({ minimum: 1, maximum: 26, description: 'past weeks of history to learn the arrival pattern from; 8 when left out' })),
    lang: Type.Optional(Type.Union([Type.Literal('vi'), Type.Literal('en')], { description: 'exports only' })),
    sep: Type.Optional(Type.Union([Type.Literal('comma'), Type.Literal('semicolon')], { description: 'CSV only' })),
  },
  { additionalProperties: false },
);
export type StaffingQuery = Static<typeof StaffingQuery>;

export const StaffingField = Type.Object({
  fieldId: Id,
  prefix: Type.String(),
  nameVi: Type.String(),
  nameEn: Type.String(),
  targetWaitMinutes: Type.Integer({ description: 'the committed wait' }),
  serviceMinutes: Type.Number({ description: 'counter time per visit used by the plan: measured when history has enough visits, else the published usual time' }),
  measuredVisits: Type.Integer({ description: 'visits measured (call → finish, absent, hold or transfer) in the weeks read' }),
  present: Type.Number({ description: "today's active counters serving the field; a counter serving n fields counts 1/n to each" }),
});
export type StaffingField = Static<typeof StaffingField>;

/** One field at one weekday and local hour. Cells with no arrivals in the weeks read are left out. */
export const StaffingCell = Type.Object({
  fieldId: Id,
  weekday: Type.Integer({ minimum: 0, maximum: 6, description: 'Monday = 0' }),
  hour: Type.Integer({ minimum: 0, maximum: 23, description: 'local hour (Asia/Ho_Chi_Minh)' }),
  arrivalsPerHour: Type.Number({ description: 'mean arrivals (numbers issued, and transfers in) in that hour on that weekday' }),
  needed: Type.Integer({ description: 'fewest counters so that the chosen share is called within the committed wait (Erlang C)' }),
});
export type StaffingCell = Static<typeof StaffingCell>;

export const StaffingPlan = Type.Object({
  from: Type.String({ description: 'first service day read' }),
  to: Type.String({ description: 'last service day read' }),
  share: Type.Number(),
  /** How many days of each weekday (Monday first) had citizens in the weeks read: the divisor of the arrival rates. */
  openDays: Type.Array(Type.Integer(), { minItems: 7, maxItems: 7 }),
  /** Share of arrivals that were priority citizens, and of visits that were transfers in, in the weeks read. */
  priorityShare: Type.Number(),
  transferShare: Type.Number(),
  presentCounters: Type.Integer({ description: 'active counters in today’s set-up' }),
  fields: Type.Array(StaffingField),
  cells: Type.Array(StaffingCell),
});
export type StaffingPlan = Static<typeof StaffingPlan>;

type Text = { vi: string; en: string };

/** What the plan leaves out or simplifies, shown under the table and printed with it. */
export const staffingAssumptions: readonly Text[] = [
  {
    vi: 'Tính theo công thức Erlang C: công dân đến ngẫu nhiên theo mức trung bình của từng giờ trong các tuần đã qua, thời gian tiếp mỗi người dao động quanh mức trung bình đo được.',
    en: 'Worked out by Erlang C: citizens arrive at random at the mean rate of each hour in the past weeks; time at the counter varies around the measured mean.',
  },
  {
    vi: 'Mỗi lĩnh vực tính riêng rồi cộng lại; quầy phục vụ nhiều lĩnh vực thường cần ít hơn tổng này.',
    en: 'Each field is worked out alone and then added up; counters that serve several fields usually need fewer than this total.',
  },
  {
    vi: 'Không tách riêng công dân ưu tiên: thứ tự ưu tiên đổi ai chờ lâu hơn, không đổi tổng số quầy cần; quầy chỉ dành cho ưu tiên được tính như quầy thường.',
    en: 'Priority citizens are not planned apart: priority changes who waits longer, not how many counters are needed; priority-only counters count as ordinary ones.',
  },
  {
    vi: 'Công dân được chuyển lĩnh vực được tính là một lượt đến mới ở lĩnh vực nhận; công dân vắng mặt vẫn tính là lượt đến.',
    en: 'A citizen transferred to another field counts as a new arrival there; absent citizens still count as arrivals.',
  },
];

/** Words of the staffing plan, on screen and in its exports. */
export const staffingTexts = {
  title: { vi: 'Kế hoạch bố trí quầy theo tuần', en: 'Weekly counter staffing plan' },
  basis: { vi: 'Theo số liệu từ {from} đến {to}; mục tiêu: {share}% công dân được gọi trong thời gian chờ cam kết', en: 'From the records of {from} to {to}; aim: {share}% of citizens called within the committed wait' },
  hour: { vi: 'Giờ', en: 'Hour' },
  field: { vi: 'Lĩnh vực', en: 'Field' },
  weekday: { vi: 'Thứ', en: 'Weekday' },
  arrivals: { vi: 'Lượt đến mỗi giờ', en: 'Arrivals per hour' },
  needed: { vi: 'Số quầy cần', en: 'Counters needed' },
  present: { vi: 'Số quầy hiện có', en: 'Counters now' },
  gap: { vi: 'Chênh lệch (+ thiếu, − thừa)', en: 'Gap (+ short, − spare)' },
  total: { vi: 'Tất cả lĩnh vực', en: 'All fields' },
  gridSheet: { vi: 'Kế hoạch tuần', en: 'Weekly plan' },
  detailSheet: { vi: 'Chi tiết theo lĩnh vực', en: 'By field' },
} as const;
