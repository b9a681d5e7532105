import { Type, type Static } from 'typebox';
import { ServiceDay } from './domain.ts';
import { ReportPeriod } from './reports.ts';

const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(t: T) => Type.Union([t, Type.Null()]);

/** Staff figures over service days `from`..`to` (or a period; neither means today), one row per officer or counter. */
export const StaffFiguresQuery = Type.Object(
  {
    from: Type.Optional(ServiceDay),
    to: Type.Optional(ServiceDay),
    period: Type.Optional(ReportPeriod),
    groupBy: Type.Optional(Type.Union([Type.Literal('officer'), Type.Literal('counter')])),
    lang: Type.Optional(Type.Union([Type.Literal('vi'), Type.Literal('en')])),
  },
  { additionalProperties: false },
);
export type StaffFiguresQuery = Static<typeof StaffFiguresQuery>;

export const PauseShare = Type.Object({ reason: Nullable(Type.String()), minutes: Type.Number() });
export type PauseShare = Static<typeof PauseShare>;

export const StaffFigureRow = Type.Object({
  key: Type.Integer(),
  label: Type.Object({ vi: Type.String(), en: Type.String() }),
  served: Type.Integer(),
  openMinutes: Type.Number(),
  servedPerHour: Nullable(Type.Number()),
  meanVisitMinutes: Nullable(Type.Number()),
  meanWalkSeconds: Nullable(Type.Number()),
  idleMinutes: Type.Number(),
  pauseMinutes: Type.Number(),
  pauses: Type.Array(PauseShare),
  recalls: Type.Integer(),
  noShows: Type.Integer(),
  ratings: Type.Integer(),
  satisfiedShare: Nullable(Type.Number({ description: '0..1: ratings “very satisfied” or “satisfied”' })),
});
export type StaffFigureRow = Static<typeof StaffFigureRow>;

export const StaffFigures = Type.Object({
  from: ServiceDay,
  to: ServiceDay,
  groupBy: Type.Union([Type.Literal('officer'), Type.Literal('counter')]),
  generatedAt: Type.String({ format: 'date-time' }),
  rows: Type.Array(StaffFigureRow),
});
export type StaffFigures = Static<typeof StaffFigures>;

type Words = { vi: string; en: string };

/** Each figure's heading and what it means: shown beside the table in the console, written in docs, used by exports. */
export const staffFigureWords: Record<Exclude<keyof StaffFigureRow, 'key' | 'label' | 'pauses'>, { title: Words; meaning: Words }> = {
  served: { title: { vi: 'Đã phục vụ', en: 'Served' }, meaning: { vi: 'Số công dân được hoàn thành tại quầy.', en: 'Citizens finished at the counter.' } },
  openMinutes: { title: { vi: 'Thời gian mở quầy (phút)', en: 'Open time (min)' }, meaning: { vi: 'Tổng thời gian quầy ở trạng thái mở (kể cả lúc đang phục vụ).', en: 'Total time the counter was open (serving included).' } },
  servedPerHour: { title: { vi: 'Phục vụ mỗi giờ', en: 'Served per hour' }, meaning: { vi: 'Số đã phục vụ chia cho số giờ mở quầy.', en: 'Served divided by the hours the counter was open.' } },
  meanVisitMinutes: { title: { vi: 'Thời gian phục vụ TB (phút)', en: 'Mean visit (min)' }, meaning: { vi: 'Trung bình từ lúc bắt đầu phục vụ đến lúc hoàn thành.', en: 'Mean time from start of service to finish.' } },
  meanWalkSeconds: { title: { vi: 'Thời gian đến quầy TB (giây)', en: 'Mean walk (s)' }, meaning: { vi: 'Trung bình từ lúc gọi số đến lúc bắt đầu phục vụ: công dân đi tới quầy.', en: 'Mean time from the call to start of service: the citizen walking to the counter.' } },
  idleMinutes: { title: { vi: 'Thời gian chờ gọi (phút)', en: 'Idle time (min)' }, meaning: { vi: 'Quầy mở, không phục vụ ai, trong khi có công dân chờ lĩnh vực của quầy mà chưa gọi.', en: 'The counter open and serving nobody while citizens waited for its fields, not called.' } },
  pauseMinutes: { title: { vi: 'Tạm dừng (phút)', en: 'Paused (min)' }, meaning: { vi: 'Tổng thời gian tạm dừng, chia theo lý do cán bộ chọn.', en: 'Total paused time, split by the reason the officer chose.' } },
  recalls: { title: { vi: 'Gọi lại', en: 'Recalls' }, meaning: { vi: 'Số lần gọi lại một số đã gọi.', en: 'Times a called number was called again.' } },
  noShows: { title: { vi: 'Vắng mặt', en: 'No-shows' }, meaning: { vi: 'Số công dân được gọi nhưng không đến quầy.', en: 'Citizens called who did not come.' } },
  ratings: { title: { vi: 'Lượt đánh giá', en: 'Ratings' }, meaning: { vi: 'Số đánh giá công dân để lại cho lượt phục vụ.', en: 'Ratings citizens left for the visit.' } },
  satisfiedShare: { title: { vi: 'Hài lòng (%)', en: 'Satisfied (%)' }, meaning: { vi: 'Tỷ lệ đánh giá “Rất hài lòng” hoặc “Hài lòng”.', en: 'Share of ratings “very satisfied” or “satisfied”.' } },
};
