import type { DeviceKind } from '@luot/shared';
import { eq } from 'drizzle-orm';
import type { Db } from '../open-db.ts';
import { settings } from '../schema/index.ts';

export interface DemoDevice {
  kind: DeviceKind;
  name: string;
  counterId: number | null;
  token: string;
}

const KEY = 'demoDevices';

/**
 * Demo center only: the pre-paired screens' tokens, kept in clear so any browser can become the demo kiosk
 * or board. A real center has no such row. When a demo screen renews its token, the stored one follows.
 */
export const demoRepo = {
  list(db: Db): DemoDevice[] {
    const row = db.select().from(settings).where(eq(settings.key, KEY)).get();
    return (row?.value ?? []) as DemoDevice[];
  },
  save(db: Db, devices: DemoDevice[], now: number): void {
    db.insert(settings)
      .values({ key: KEY, value: devices, updatedAt: now })
      .onConflictDoUpdate({ target: settings.key, set: { value: devices, updatedAt: now } })
      .run();
  },
  replaceToken(db: Db, oldToken: string, newToken: string, now: number): void {
    const list = demoRepo.list(db);
    if (!list.some((d) => d.token === oldToken)) return;
    demoRepo.save(db, list.map((d) => (d.token === oldToken ? { ...d, token: newToken } : d)), now);
  },
};
