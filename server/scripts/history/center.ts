import type { OpenDb } from '../../src/db/open-db.ts';
import type { StaffActor } from '../../src/services/actor.ts';
import type { Actor } from '../../src/services/actor.ts';
import { createAdminService } from '../../src/services/admin-service.ts';
import { createAudit } from '../../src/services/audit.ts';
import { createAuthService } from '../../src/services/auth-service.ts';
import type { Clock } from '../../src/domain/clock.ts';
import { createConfigCache } from '../../src/db/config-cache.ts';
import { settingsRepo } from '../../src/db/repositories/settings-repo.ts';
import type { Random } from './random.ts';

/** A field of the simulated center: its share of arrivals and how long a visit takes (minutes, median). */
export interface FieldPlan {
  code: string;
  nameVi: string;
  nameEn: string;
  prefix: string;
  share: number;
  serviceMinutes: number;
  targetWaitMinutes: number;
}

/** A large ward center after the 2025 merger: eight fields, thirty counters. */
export const largeCenterFields: FieldPlan[] = [
  { code: 'tu-phap-ho-tich', nameVi: 'Tư pháp – Hộ tịch', nameEn: 'Justice – Civil status', prefix: 'A', share: 0.2, serviceMinutes: 5, targetWaitMinutes: 30 },
  { code: 'chung-thuc', nameVi: 'Chứng thực', nameEn: 'Certification', prefix: 'B', share: 0.24, serviceMinutes: 2, targetWaitMinutes: 20 },
  { code: 'dat-dai-xay-dung', nameVi: 'Đất đai – Xây dựng', nameEn: 'Land – Construction', prefix: 'C', share: 0.11, serviceMinutes: 7, targetWaitMinutes: 40 },
  { code: 'dang-ky-kinh-doanh', nameVi: 'Đăng ký kinh doanh', nameEn: 'Business registration', prefix: 'D', share: 0.07, serviceMinutes: 6, targetWaitMinutes: 30 },
  { code: 'lao-dong-xa-hoi', nameVi: 'Lao động, Người có công và Xã hội', nameEn: 'Labour, Meritorious people and Social affairs', prefix: 'E', share: 0.08, serviceMinutes: 4, targetWaitMinutes: 30 },
  { code: 'cu-tru', nameVi: 'Cư trú', nameEn: 'Residence', prefix: 'G', share: 0.09, serviceMinutes: 3.5, targetWaitMinutes: 30 },
  { code: 'nong-nghiep-moi-truong', nameVi: 'Nông nghiệp và Môi trường', nameEn: 'Agriculture and Environment', prefix: 'H', share: 0.05, serviceMinutes: 5.5, targetWaitMinutes: 40 },
  { code: 'tra-ket-qua', nameVi: 'Trả kết quả', nameEn: 'Return of results', prefix: 'F', share: 0.16, serviceMinutes: 1.5, targetWaitMinutes: 15 },
];

/** A small ward center: five fields, six counters, some 300 citizens a day. */
export const wardCenterFields: FieldPlan[] = [
  { code: 'tu-phap-ho-tich', nameVi: 'Tư pháp – Hộ tịch', nameEn: 'Justice – Civil status', prefix: 'A', share: 0.3, serviceMinutes: 5, targetWaitMinutes: 30 },
  { code: 'chung-thuc', nameVi: 'Chứng thực', nameEn: 'Certification', prefix: 'B', share: 0.3, serviceMinutes: 2, targetWaitMinutes: 20 },
  { code: 'dat-dai-xay-dung', nameVi: 'Đất đai – Xây dựng', nameEn: 'Land – Construction', prefix: 'C', share: 0.15, serviceMinutes: 7, targetWaitMinutes: 40 },
  { code: 'lao-dong-xa-hoi', nameVi: 'Lao động, Người có công và Xã hội', nameEn: 'Labour, Meritorious people and Social affairs', prefix: 'E', share: 0.1, serviceMinutes: 4, targetWaitMinutes: 30 },
  { code: 'tra-ket-qua', nameVi: 'Trả kết quả', nameEn: 'Return of results', prefix: 'F', share: 0.15, serviceMinutes: 1.5, targetWaitMinutes: 15 },
];

export interface SimCenter {
  fields: { id: number; plan: FieldPlan }[];
  counters: { id: number; number: number; fieldIds: number[]; officer: StaffActor }[];
  /** Officers who stand in when a counter's own officer is away. */
  substitutes: StaffActor[];
  supervisor: StaffActor;
  kiosks: Actor[];
}

/**
 * Counters per field in proportion to the work (share × service time), at least one each; every counter also
 * helps one or two neighbouring fields, in order after its own, as real centers set them up.
 */
export function planCounters(fields: readonly FieldPlan[], total: number): number[][] {
  const work = fields.map((f) => f.share * f.serviceMinutes);
  const sum = work.reduce((a, b) => a + b, 0);
  const counts = work.map((w) => Math.max(1, Math.floor((w / sum) * total)));
  while (counts.reduce((a, b) => a + b, 0) < total) {
    const i = work.map((w, j) => w / (counts[j] ?? 1)).reduce((best, v, j, all) => (v > (all[best] ?? 0) ? j : best), 0);
    counts[i] = (counts[i] ?? 0) + 1;
  }
  const plan: number[][] = [];
  counts.forEach((n, i) => {
    for (let k = 0; k < n; k++) {
      const helps = k % 3 === 0 ? [(i + 1) % fields.length] : k % 3 === 1 ? [(i + 1) % fields.length, (i + 2) % fields.length] : [];
      plan.push([i, ...helps.filter((h) => h !== i)]);
    }
  });
  return plan.slice(0, total);
}

/** Sets the center up through the admin service, as an admin would: fields, counters, accounts, kiosks. */
export async function setUpCenter(store: OpenDb, clock: Clock, random: Random, options: { counters: number; fields?: FieldPlan[]; name?: string; layout?: number[][] }): Promise<SimCenter & { passwords: Record<string, string> }> {
  const plans = options.fields ?? largeCenterFields;
  const config = createConfigCache(store);
  // Synthetic accounts: a low scrypt cost keeps set-up quick; their passwords are printed, never reused.
  const auth = createAuthService({ store, clock, options: { scryptN: 1 << 12 } });
  // No screens listen to a generated history.
  const silent = { fieldsChanged: () => undefined, counterChanged: () => undefined, centerChanged: () => undefined };
  const admin = createAdminService({ store, clock, config, auth, audit: createAudit({ store, clock }), announcer: silent });
  const rootRow = await auth.createStaff({ username: 'admin', displayName: 'Quản trị viên', role: 'admin', password: randomPassword(random) });
  const root: StaffActor = { kind: 'staff', staffId: rootRow.id, role: 'admin', name: rootRow.displayName, counterId: null, tokenHash: '' };
  const passwords: Record<string, string> = {};
  const staff = async (username: string, displayName: string, role: 'officer' | 'supervisor'): Promise<StaffActor> => {
    const created = await admin.createStaff(root, { username, displayName, role });
    passwords[username] = created.password;
    return { kind: 'staff', staffId: created.staff.id, role, name: displayName, counterId: null, tokenHash: '' };
  };

  admin.saveCenter(root, {
    name: options.name ?? 'Trung tâm Phục vụ hành chính công phường Hiệp Tân (lịch sử mô phỏng)',
    address: 'Phường Hiệp Tân, Thành phố Hồ Chí Minh',
    logo: '',
    dayRollover: settingsRepo.rules(store.db).dayRollover,
    receiptFooter: '',
    hallNotice: '',
  });
  const fields = plans.map((plan, position) => {
    const created = admin.createField(root, {
      code: plan.code,
      parentId: null,
      nameVi: plan.nameVi,
      nameEn: plan.nameEn,
      prefix: plan.prefix,
      width: 4,
      startNumber: 1,
      dailyLimit: null,
      opensAt: '07:30',
      closesAt: '16:30',
      targetWaitMinutes: plan.targetWaitMinutes,
      position,
    });
    return { id: created.id, plan };
  });
  const supervisor = await staff('giamsat', 'Lãnh đạo Trung tâm', 'supervisor');
  const counters: SimCenter['counters'] = [];
  // `layout` (fields by index, per counter) replays a given set-up, e.g. the staffing advice's (bench/staffing-replay.ts).
  const plan = options.layout ?? planCounters(plans, options.counters);
  for (const [i, served] of plan.entries()) {
    const number = i + 1;
    const fieldIds = served.map((f) => fields[f]?.id).filter((id): id is number => id !== undefined);
    const created = admin.createCounter(root, { number, name: `Quầy số ${number}`, policy: 'order', fields: fieldIds.map((fieldId) => ({ fieldId, weight: 1 })) });
    const officer = await staff(`quay${number}`, officerName(random), 'officer');
    counters.push({ id: created.id, number, fieldIds, officer: { ...officer, counterId: created.id } });
  }
  const substitutes: StaffActor[] = [];
  for (let i = 1; i <= Math.max(1, Math.round(options.counters / 8)); i++) substitutes.push(await staff(`dutru${i}`, officerName(random), 'officer'));
  const kiosks: Actor[] = [1, 2, 3].map((n) => {
    const { device } = auth.createPairedDevice({ kind: 'kiosk', name: `Kiosk ${n}`, counterId: null });
    return { kind: 'device', deviceId: device.id, deviceKind: 'kiosk', counterId: null, name: device.name };
  });
  return { fields, counters, substitutes, supervisor, kiosks, passwords };
}

const familyNames = ['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Hoàng', 'Huỳnh', 'Phan', 'Vũ', 'Võ', 'Đặng', 'Bùi', 'Đỗ', 'Hồ', 'Ngô', 'Dương', 'Lý'];
const middleNames = ['Thị', 'Văn', 'Minh', 'Ngọc', 'Thanh', 'Đức', 'Hữu', 'Thu', 'Quốc', 'Kim'];
const givenNames = ['An', 'Bình', 'Châu', 'Dũng', 'Giang', 'Hà', 'Hải', 'Hạnh', 'Hoa', 'Hùng', 'Hương', 'Khánh', 'Lan', 'Linh', 'Long', 'Mai', 'Nam', 'Nga', 'Phúc', 'Phương', 'Quân', 'Quỳnh', 'Sơn', 'Tâm', 'Thảo', 'Trang', 'Trí', 'Tuấn', 'Vân', 'Yến'];

function officerName(random: Random): string {
  return `${random.pick(familyNames)} ${random.pick(middleNames)} ${random.pick(givenNames)}`;
}

function randomPassword(random: Random): string {
  return Array.from({ length: 16 }, () => 'abcdefghjkmnpqrstuvwxyz23456789'[Math.floor(random.next() * 31)]).join('');
}

/** The simulated center already in a history file, for `--resume`. */
export function loadCenter(store: OpenDb): SimCenter {
  const q = <T>(sql: string) => store.sqlite.prepare(sql).all() as T[];
  const staffByName = new Map(q<{ id: number; username: string; name: string; role: 'officer' | 'supervisor' }>('SELECT id, username, display_name AS name, role FROM staff').map((s) => [s.username, s]));
  const actor = (username: string, counterId: number | null): StaffActor => {
    const s = staffByName.get(username);
    if (!s) throw new Error(`no account ${username}: not a file written by seed:history`);
    return { kind: 'staff', staffId: s.id, role: s.role, name: s.name, counterId, tokenHash: '' };
  };
  const fields = q<{ id: number; code: string }>('SELECT id, code FROM fields ORDER BY position, id').map((f) => {
    const plan = largeCenterFields.find((p) => p.code === f.code);
    if (!plan) throw new Error(`field ${f.code} is not one of the simulated center's`);
    return { id: f.id, plan };
  });
  const links = q<{ counterId: number; fieldId: number }>('SELECT counter_id AS counterId, field_id AS fieldId FROM counter_fields ORDER BY counter_id, position');
  const counters = q<{ id: number; number: number }>('SELECT id, number FROM counters ORDER BY number').map((c) => ({
    id: c.id,
    number: c.number,
    fieldIds: links.filter((l) => l.counterId === c.id).map((l) => l.fieldId),
    officer: actor(`quay${c.number}`, c.id),
  }));
  const substitutes = [...staffByName.keys()].filter((u) => u.startsWith('dutru')).sort((a, b) => Number(a.slice(5)) - Number(b.slice(5))).map((u) => actor(u, null));
  const kiosks: Actor[] = q<{ id: number; name: string }>(`SELECT id, name FROM devices WHERE kind = 'kiosk' ORDER BY id`).map((d) => ({ kind: 'device', deviceId: d.id, deviceKind: 'kiosk', counterId: null, name: d.name }));
  return { fields, counters, substitutes, supervisor: actor('giamsat', null), kiosks };
}
