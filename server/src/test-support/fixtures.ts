import type { Role } from '@luot/shared';
import { counterFields, counters, fields } from '../db/schema/index.ts';
import type { TestServer } from './test-app.ts';

export interface FieldSpec {
  code: string;
  prefix: string;
  width?: number;
  startNumber?: number;
  dailyLimit?: number | null;
  opensAt?: string | null;
  closesAt?: string | null;
  parentId?: number | null;
}

/** Each test builds its own small center through the real store; nothing is shared between tests. */
export function addField(server: TestServer, spec: FieldSpec): number {
  return server.store.db
    .insert(fields)
    .values({
      code: spec.code,
      nameVi: `Lĩnh vực ${spec.code}`,
      nameEn: `Field ${spec.code}`,
      prefix: spec.prefix,
      width: spec.width ?? 3,
      startNumber: spec.startNumber ?? 1,
      dailyLimit: spec.dailyLimit ?? null,
      opensAt: spec.opensAt ?? null,
      closesAt: spec.closesAt ?? null,
      parentId: spec.parentId ?? null,
    })
    .returning({ id: fields.id })
    .get().id;
}

export function addCounter(server: TestServer, number: number, fieldIds: number[], status: 'open' | 'closed' = 'open'): number {
  const id = server.store.db.insert(counters).values({ number, name: `Quầy số ${number}`, status }).returning({ id: counters.id }).get().id;
  fieldIds.forEach((fieldId, position) => server.store.db.insert(counterFields).values({ counterId: id, fieldId, position, weight: 1 }).run());
  return id;
}

export async function addStaff(server: TestServer, username: string, role: Role, password = 'mật-khẩu-đủ-dài'): Promise<{ username: string; password: string; id: number }> {
  const row = await server.deps.auth.createStaff({ username, displayName: `Cán bộ ${username}`, role, password });
  return { username, password, id: row.id };
}

export async function login(server: TestServer, username: string, password = 'mật-khẩu-đủ-dài'): Promise<string> {
  const res = await server.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password } });
  if (res.statusCode !== 200) throw new Error(`login ${username} failed: ${res.statusCode} ${res.body}`);
  return res.json<{ token: string }>().token;
}

export function deviceToken(server: TestServer, kind: 'kiosk' | 'counter_display' | 'hall_board', counterId: number | null = null): string {
  return server.deps.auth.createPairedDevice({ kind, name: `${kind} test`, counterId }).token;
}

export const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

/** A small center: two fields, two counters, an officer signed in to each, a supervisor, an admin, a kiosk. */
export async function smallCenter(server: TestServer) {
  const fieldA = addField(server, { code: 'a', prefix: 'A' });
  const fieldB = addField(server, { code: 'b', prefix: 'B' });
  const counter1 = addCounter(server, 1, [fieldA]);
  const counter2 = addCounter(server, 2, [fieldA, fieldB]);
  await addStaff(server, 'officer1', 'officer');
  await addStaff(server, 'officer2', 'officer');
  await addStaff(server, 'boss', 'supervisor');
  await addStaff(server, 'root', 'admin');
  const officer1 = await login(server, 'officer1');
  const officer2 = await login(server, 'officer2');
  const supervisor = await login(server, 'boss');
  const admin = await login(server, 'root');
  for (const [token, counterId] of [
    [officer1, counter1],
    [officer2, counter2],
  ] as const) {
    const res = await server.app.inject({ method: 'POST', url: `/api/counters/${counterId}/join`, headers: bearer(token) });
    if (res.statusCode !== 200) throw new Error(`join failed ${res.body}`);
  }
  const kiosk = deviceToken(server, 'kiosk');
  return { fieldA, fieldB, counter1, counter2, officer1, officer2, supervisor, admin, kiosk };
}

export async function issue(server: TestServer, kiosk: string, fieldId: number, extra: Record<string, unknown> = {}) {
  const res = await server.app.inject({ method: 'POST', url: '/api/tickets', headers: bearer(kiosk), payload: { fieldId, ...extra } });
  return res;
}
