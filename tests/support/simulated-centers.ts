import { configHash, SYNC_PROTOCOL, type CenterConfigSnapshot, type CenterLiveStatus, type SyncBatch, type SyncEvent } from '@luot/shared';

/**
 * Simulated centers for a province-sized board: each registers on the hub, gets its key, and sends what a center
 * sends — its set-up, today's events (numbers issued, called, served) and a live status — through the hub's real
 * sync API. Seeded, so the same province comes back every run.
 */
const wards = ['Bến Thành', 'Tân Định', 'Đa Kao', 'Cầu Ông Lãnh', 'Nguyễn Cư Trinh', 'Phạm Ngũ Lão', 'Cô Giang', 'Nguyễn Thái Bình', 'Bàn Cờ', 'Xuân Hòa', 'Nhiêu Lộc', 'Chợ Quán', 'An Đông', 'Chợ Lớn', 'Bình Tây', 'Bình Phú', 'Phú Lâm', 'Tân Thuận', 'Phú Thuận', 'Tân Mỹ', 'Tân Hưng', 'Chánh Hưng', 'Phú Định', 'Bình Đông', 'Diên Hồng', 'Vườn Lài', 'Hòa Hưng', 'Minh Phụng', 'Bình Thới', 'Hòa Bình', 'Phú Thọ', 'Đông Hưng Thuận', 'Trung Mỹ Tây', 'Tân Thới Hiệp', 'Thới An', 'An Phú Đông', 'An Lạc', 'Bình Tân', 'Tân Tạo', 'Bình Trị Đông', 'Bình Hưng Hòa', 'Gia Định', 'Bình Thạnh', 'Bình Lợi Trung', 'Thạnh Mỹ Tây', 'Bình Quới', 'Hạnh Thông', 'An Nhơn', 'Gò Vấp', 'An Hội Đông', 'Thông Tây Hội', 'An Hội Tây', 'Đức Nhuận', 'Cầu Kiệu', 'Phú Nhuận', 'Tân Sơn Hòa', 'Tân Sơn Nhất', 'Tân Hòa', 'Bảy Hiền', 'Tân Bình', 'Tân Sơn', 'Tây Thạnh', 'Tân Sơn Nhì', 'Phú Thọ Hòa', 'Tân Phú', 'Phú Trung', 'Long Bình', 'Long Phước', 'Long Trường', 'Phước Long', 'Tăng Nhơn Phú', 'Long Thạnh Mỹ', 'Thủ Đức', 'Hiệp Bình', 'Tam Bình', 'Linh Xuân', 'Linh Trung', 'An Khánh', 'Bình Trưng', 'Cát Lái'];
const communes = ['Vĩnh Lộc', 'Tân Vĩnh Lộc', 'Bình Lợi', 'Tân Nhựt', 'Bình Chánh', 'Hưng Long', 'Bình Hưng', 'Cần Giờ', 'Bình Khánh', 'An Thới Đông', 'Thạnh An', 'Củ Chi', 'Tân An Hội', 'Thái Mỹ', 'An Nhơn Tây', 'Nhuận Đức', 'Phú Hòa Đông', 'Bình Mỹ', 'Đông Thạnh', 'Hóc Môn', 'Xuân Thới Sơn', 'Bà Điểm', 'Nhà Bè', 'Hiệp Phước'];
const names = ['Nguyễn Văn An', 'Trần Thị Bình', 'Lê Minh Châu', 'Phạm Quốc Dũng', 'Hoàng Thu Hà', 'Võ Thanh Hải', 'Đặng Ngọc Lan', 'Bùi Đức Long', 'Đỗ Kim Mai', 'Ngô Hữu Nam'];
const fields = [
  { code: 'tu-phap-ho-tich', nameVi: 'Tư pháp – Hộ tịch', nameEn: 'Justice – Civil status', prefix: 'A', target: 30 },
  { code: 'chung-thuc', nameVi: 'Chứng thực', nameEn: 'Certification', prefix: 'B', target: 20 },
  { code: 'dat-dai-xay-dung', nameVi: 'Đất đai – Xây dựng', nameEn: 'Land – Construction', prefix: 'C', target: 40 },
  { code: 'lao-dong-xa-hoi', nameVi: 'Lao động, Người có công và Xã hội', nameEn: 'Labour, Meritorious people and Social affairs', prefix: 'E', target: 30 },
  { code: 'tra-ket-qua', nameVi: 'Trả kết quả', nameEn: 'Return of results', prefix: 'F', target: 15 },
];

class Random {
  constructor(private s: number) {}
  next(): number {
    this.s = (this.s * 1103515245 + 12345) % 2147483648;
    return this.s / 2147483648;
  }
  int(lo: number, hi: number): number {
    return lo + Math.floor(this.next() * (hi - lo + 1));
  }
}

export function simulatedCenterNames(count: number): { code: string; name: string }[] {
  const all = [...wards.map((w) => ({ kind: 'phường', w })), ...communes.map((w) => ({ kind: 'xã', w }))];
  return Array.from({ length: count }, (_, i) => {
    const { kind, w } = all[i % all.length] ?? { kind: 'xã', w: `Số ${i}` };
    const round = Math.floor(i / all.length);
    const name = `${kind === 'xã' ? 'Xã' : 'Phường'} ${w}${round ? ` ${round + 1}` : ''}`;
    return { code: `sim-${i + 1}`, name };
  });
}

function config(name: string, counters: number): CenterConfigSnapshot {
  return {
    name,
    address: '',
    dayRollover: '00:00',
    fields: fields.map((f, i) => ({ id: i + 1, parentId: null, code: f.code, nameVi: f.nameVi, nameEn: f.nameEn, prefix: f.prefix, targetWaitMinutes: f.target, position: i, active: true })),
    counters: Array.from({ length: counters }, (_, i) => ({ id: i + 1, number: i + 1, name: `Quầy số ${i + 1}`, active: true })),
    staff: names.slice(0, counters).map((n, i) => ({ id: i + 1, name: n, role: 'officer' as const, active: true })),
  };
}

/** Today's served visits and the live status of one simulated center, in one batch. */
export function simulatedBatch(centerId: number, name: string, seed: number, now: number): SyncBatch {
  const r = new Random(seed * 7919 + 1);
  const counters = r.int(4, 10);
  const cfg = config(name, counters);
  const day = new Date(now + 7 * 3_600_000).toISOString().slice(0, 10);
  const opening = Date.parse(`${day}T00:30:00Z`); // 07:30 in Viet Nam
  const busy = r.next();
  const tickets = r.int(20, 60);
  const events: SyncEvent[] = [];
  let id = 0;
  for (let t = 1; t <= tickets; t++) {
    const field = r.int(1, fields.length);
    const issuedAt = opening + r.int(0, 6 * 3600) * 1000;
    const wait = Math.round((busy > 0.8 ? r.int(10, 70) : r.int(1, 25)) * 60_000 * r.next());
    const counter = r.int(1, counters);
    const base = { ticketId: t, fieldId: field, fromStatus: null, toStatus: null, deviceId: null, data: {}, serviceDay: day, issuedAt };
    events.push({ ...base, id: ++id, at: issuedAt, type: 'issued', counterId: null, actorId: null });
    events.push({ ...base, id: ++id, at: issuedAt + wait, type: 'called', counterId: counter, actorId: counter });
    events.push({ ...base, id: ++id, at: issuedAt + wait + 40_000, type: 'serving', counterId: counter, actorId: counter });
    events.push({ ...base, id: ++id, at: issuedAt + wait + 40_000 + r.int(2, 12) * 60_000, type: 'done', counterId: counter, actorId: counter });
  }
  events.sort((a, b) => a.at - b.at || a.id - b.id);
  events.forEach((e, i) => (e.id = i + 1));
  const live: CenterLiveStatus = {
    at: now,
    serviceDay: day,
    fields: fields.map((f, i) => {
      const waiting = busy > 0.85 ? r.int(5, 30) : r.int(0, 6);
      return { fieldId: i + 1, waiting, longestWaitSeconds: waiting ? Math.round((busy > 0.85 ? r.int(15, 70) : r.int(1, 18)) * 60) : 0, averageWaitLastHourSeconds: r.int(60, 1200), servedToday: r.int(3, 15), targetWaitMinutes: f.target, issuing: true };
    }),
    counters: cfg.counters.map((c, i) => ({
      counterId: c.id,
      status: r.next() < 0.12 ? ('paused' as const) : r.next() < 0.1 ? ('closed' as const) : ('open' as const),
      pauseReason: null,
      officerName: names[i] ?? null,
      ticket: null,
      stateSinceSeconds: r.int(10, 600),
    })),
    alerts: [],
  };
  for (const f of live.fields) {
    if (f.longestWaitSeconds > f.targetWaitMinutes * 60) {
      const field = fields[f.fieldId - 1];
      live.alerts.push({ kind: 'wait_over_target', fieldId: f.fieldId, message: { vi: `${field?.nameVi}: có người đã chờ ${Math.floor(f.longestWaitSeconds / 60)} phút (mục tiêu ${field?.target} phút)`, en: `${field?.nameEn}: someone has waited ${Math.floor(f.longestWaitSeconds / 60)} min` } });
    }
  }
  const last = events.at(-1);
  return {
    protocol: SYNC_PROTOCOL,
    centerId,
    events: { after: 0, items: events },
    ratings: { after: 0, items: [] },
    head: { eventId: last?.id ?? 0, eventAt: last?.at ?? null, ratingId: 0 },
    config: cfg,
    configHash: configHash(cfg),
    live,
  };
}
