import type { SetupBody } from '@luot/shared';
import { login } from './fixtures.ts';
import type { TestServer } from './test-app.ts';

/** A center on its first start: only the admin, with the one-time password a production start prints. */
export async function firstStart(server: TestServer): Promise<{ admin: string }> {
  const started = await server.deps.firstRun.begin();
  if (!started) throw new Error('first start expected an empty database');
  return { admin: await login(server, started.username, started.password) };
}

/** What a new center enters on the setup screen: four fields, three counters, three accounts, five devices. */
export const setupForm: SetupBody = {
  center: { name: 'Trung tâm Phục vụ hành chính công xã Tân Phú', address: 'Xã Tân Phú, Tỉnh Đồng Nai' },
  hours: { opensAt: '07:30', closesAt: '17:00' },
  fields: [
    { code: 'tu-phap-ho-tich', nameVi: 'Tư pháp – Hộ tịch', nameEn: 'Justice – Civil status', prefix: 'A' },
    { code: 'chung-thuc', nameVi: 'Chứng thực', nameEn: 'Certification', prefix: 'B' },
    { code: 'dat-dai-xay-dung', nameVi: 'Đất đai – Xây dựng', nameEn: 'Land – Construction', prefix: 'C' },
    { code: 'bao-tro-xa-hoi', nameVi: 'Bảo trợ xã hội', nameEn: 'Social protection', prefix: 'G' },
  ],
  counters: [
    { number: 1, name: 'Quầy số 1', fields: ['tu-phap-ho-tich', 'chung-thuc'] },
    { number: 2, name: 'Quầy số 2', fields: ['dat-dai-xay-dung'] },
    { number: 3, name: 'Quầy số 3', fields: ['bao-tro-xa-hoi', 'tu-phap-ho-tich'] },
  ],
  staff: [
    { username: 'giamsat', displayName: 'Lãnh đạo Trung tâm', role: 'supervisor' },
    { username: 'quay1', displayName: 'Nguyễn Thị Lan', role: 'officer' },
    { username: 'quay2', displayName: 'Trần Văn Minh', role: 'officer' },
  ],
  devices: [
    { kind: 'kiosk', name: 'Kiosk sảnh', counter: null },
    { kind: 'hall_board', name: 'Bảng gọi số sảnh', counter: null },
    { kind: 'counter_display', name: 'Màn hình quầy 1', counter: 1 },
    { kind: 'counter_display', name: 'Màn hình quầy 2', counter: 2 },
    { kind: 'counter_display', name: 'Màn hình quầy 3', counter: 3 },
  ],
};
