import type { HubRole } from '@luot/shared';
import type { HubAuth } from './services/hub-auth.ts';

/**
 * A hub with no accounts gets its first province admin (and, for the demo province, a viewer), with generated
 * passwords printed once. Nothing fixed in code.
 */
export async function seedProvince(auth: HubAuth, options: { demo: boolean }): Promise<{ username: string; role: HubRole; password: string }[]> {
  if (!(await auth.isEmpty())) return [];
  const accounts: { username: string; name: string; role: HubRole }[] = [{ username: 'tinh-admin', name: 'Quản trị cấp tỉnh', role: 'province_admin' }];
  if (options.demo) accounts.push({ username: 'tinh-xem', name: 'Lãnh đạo tỉnh', role: 'province_viewer' });
  const out: { username: string; role: HubRole; password: string }[] = [];
  for (const a of accounts) {
    const { staff, password } = await auth.createStaff(a);
    out.push({ username: staff.username, role: staff.role, password });
  }
  return out;
}
