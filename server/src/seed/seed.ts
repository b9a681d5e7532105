import type { DeviceKind } from '@luot/shared';
import { generatePassword } from '../auth/password.ts';
import type { OpenDb } from '../db/open-db.ts';
import { accessRepo } from '../db/repositories/access-repo.ts';
import { settingsRepo, defaultCenter } from '../db/repositories/settings-repo.ts';
import { counterFields, counters, fields } from '../db/schema/index.ts';
import { demoRepo, type DemoDevice } from '../db/repositories/demo-repo.ts';
import type { AuthService } from '../services/auth-service.ts';
import type { Clock } from '../domain/clock.ts';
import { demoCenter } from './demo-center.ts';

export interface SeededAccount {
  username: string;
  role: string;
  password: string;
  counter: number | null;
}


export interface SeedResult {
  accounts: SeededAccount[];
  devices: DemoDevice[];
}

export const isEmpty = (store: OpenDb) => accessRepo.staffCount(store.db) === 0;

/** The demo center: fields, counters, accounts and pre-paired devices so every screen works at once. */
export async function seedDemo(store: OpenDb, auth: AuthService, clock: Clock): Promise<SeedResult> {
  const { db } = store;
  const now = clock.now();
  const fieldIds = new Map<string, number>();
  const counterIds = new Map<number, number>();
  store.sqlite.transaction(() => {
    settingsRepo.saveCenter(db, { ...defaultCenter, name: demoCenter.name, address: demoCenter.address, hallNotice: 'Vui lòng giữ phiếu số thứ tự và theo dõi bảng gọi số. Xin cảm ơn!' }, now);
    demoCenter.fields.forEach((f, i) => {
      const row = db
        .insert(fields)
        .values({ ...f, dailyLimit: f.dailyLimit ?? null, width: 3, startNumber: 1, opensAt: null, closesAt: null, position: i })
        .returning({ id: fields.id })
        .get();
      fieldIds.set(f.code, row.id);
    });
    for (const c of demoCenter.counters) {
      const row = db
        .insert(counters)
        .values({ number: c.number, name: `Quầy số ${c.number}`, status: 'open' })
        .returning({ id: counters.id })
        .get();
      counterIds.set(c.number, row.id);
      c.fields.forEach((code, position) => {
        const fieldId = fieldIds.get(code);
        if (fieldId === undefined) throw new Error(`demo counter ${c.number} names unknown field ${code}`);
        db.insert(counterFields).values({ counterId: row.id, fieldId, position, weight: 1 }).run();
      });
    }
  })();

  const accounts: SeededAccount[] = [];
  const add = async (username: string, displayName: string, role: 'admin' | 'supervisor' | 'officer', counter: number | null) => {
    const password = generatePassword();
    await auth.createStaff({ username, displayName, role, password });
    accounts.push({ username, role, password, counter });
  };
  await add('admin', 'Quản trị viên', 'admin', null);
  await add('giamsat', 'Lãnh đạo Trung tâm', 'supervisor', null);
  for (const c of demoCenter.counters) await add(`quay${c.number}`, `Cán bộ quầy ${c.number}`, 'officer', c.number);

  const devices: DemoDevice[] = [];
  const pair = (kind: DeviceKind, name: string, counterId: number | null) => {
    const { token } = auth.createPairedDevice({ kind, name, counterId });
    devices.push({ kind, name, counterId, token });
  };
  pair('kiosk', 'Kiosk sảnh (demo)', null);
  pair('hall_board', 'Bảng gọi số sảnh (demo)', null);
  for (const [number, id] of counterIds) pair('counter_display', `Màn hình quầy ${number} (demo)`, id);
  // Demo only: the tokens are kept so the demo screens pair themselves (see http/demo-routes.ts).
  demoRepo.save(db, devices, now);
  return { accounts, devices };
}
