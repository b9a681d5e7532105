import type { AdminField, AuditEntry, CenterInfo, ErrorBody, IssuedTicket, PairResponse, SetupSheet, SetupStatus } from '@luot/shared';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDb } from '../db/open-db.ts';
import { setupRepo } from '../db/repositories/setup-repo.ts';
import { addStaff, bearer, login } from '../test-support/fixtures.ts';
import { firstStart, setupForm } from '../test-support/setup-fixtures.ts';
import { startTestServer, type TestServer } from '../test-support/test-app.ts';

let server: TestServer;
let admin: string;

beforeEach(async () => {
  server = await startTestServer();
  ({ admin } = await firstStart(server));
});
afterEach(async () => server.dispose());

const call = (token: string, method: 'GET' | 'POST', url: string, payload?: object) =>
  server.app.inject({ method, url, headers: bearer(token), ...(payload ? { payload } : {}) });

describe('first-run setup', () => {
  it('takes a center from its admin alone to a kiosk issuing numbers, and is done once', async () => {
    expect((await call(admin, 'GET', '/api/setup')).json<SetupStatus>()).toEqual({ done: false });
    const res = await call(admin, 'POST', '/api/setup', setupForm);
    expect(res.statusCode).toBe(201);
    const sheet = res.json<SetupSheet>();
    expect(sheet.accounts.map((a) => a.username)).toEqual(['giamsat', 'quay1', 'quay2']);
    expect(sheet.devices.map((d) => [d.kind, d.counter])).toEqual([['kiosk', null], ['hall_board', null], ['counter_display', 1], ['counter_display', 2], ['counter_display', 3]]);
    // The sheet's codes last a day: they are carried to the screens on paper.
    expect(Date.parse(sheet.devices[0]?.pairingExpiresAt ?? '') - server.clock.now()).toBe(24 * 3600_000);

    // An officer signs in with the sheet's password; the kiosk pairs with its code and issues a number.
    const officer = sheet.accounts.find((a) => a.username === 'quay1');
    await login(server, 'quay1', officer?.password);
    const paired = await server.app.inject({ method: 'POST', url: '/api/devices/pair', payload: { code: sheet.devices[0]?.pairingCode } });
    expect(paired.statusCode).toBe(200);
    const kiosk = paired.json<PairResponse>().token;
    const info = (await call(kiosk, 'GET', '/api/center')).json<CenterInfo>();
    expect(info.name).toBe(setupForm.center.name);
    const land = info.fields.find((f) => f.code === 'dat-dai-xay-dung');
    const ticket = await call(kiosk, 'POST', '/api/tickets', { fieldId: land?.id });
    expect(ticket.json<IssuedTicket>().ticket.number).toBe('C001');

    const fields = (await call(admin, 'GET', '/api/admin/fields')).json<AdminField[]>();
    expect(fields.map((f) => [f.prefix, f.opensAt, f.closesAt])).toEqual([['A', '07:30', '17:00'], ['B', '07:30', '17:00'], ['C', '07:30', '17:00'], ['G', '07:30', '17:00']]);
    expect((await call(admin, 'GET', '/api/setup')).json<SetupStatus>()).toEqual({ done: true });
    expect((await call(admin, 'POST', '/api/setup', setupForm)).json<ErrorBody>().code).toBe('SETUP_DONE');
    const audit = (await call(admin, 'GET', '/api/admin/audit')).json<AuditEntry[]>();
    expect(audit[0]?.action).toBe('setup.complete');
    expect(audit[0]?.actor?.name).toBe('Quản trị viên');
    expect(audit[0]?.subject).toBe(setupForm.center.name);
    expect(audit[0]?.changes).toContainEqual({ key: 'staff', before: null, after: ['giamsat', 'quay1', 'quay2'] });
    expect(JSON.stringify(audit)).not.toContain(officer?.password);
  });

  it('lists every bad entry with where it is, and saves nothing', async () => {
    const bad = {
      ...setupForm,
      hours: { opensAt: '17:00', closesAt: '07:30' },
      fields: [...setupForm.fields, { code: 'chung-thuc-2', nameVi: 'Chứng thực 2', nameEn: 'Certification 2', prefix: 'B' }],
      counters: [...setupForm.counters, { number: 2, name: 'Quầy trùng', fields: ['khong-co'] }],
      staff: [...setupForm.staff, { username: 'admin', displayName: 'Trùng', role: 'officer' as const }],
      devices: [...setupForm.devices, { kind: 'counter_display' as const, name: 'Màn hình quầy 9', counter: 9 }],
    };
    const res = await call(admin, 'POST', '/api/setup', bad);
    expect(res.statusCode).toBe(400);
    const body = res.json<ErrorBody>();
    expect(body.code).toBe('SETUP_INVALID');
    expect(body.problems?.map((p) => [p.path, p.code])).toEqual([
      ['/hours/closesAt', 'HOURS_INVALID'],
      ['/fields/4/prefix', 'PREFIX_TAKEN'],
      ['/counters/3/number', 'COUNTER_NUMBER_TAKEN'],
      ['/counters/3/fields/0', 'FIELD_UNKNOWN'],
      ['/staff/3/username', 'USERNAME_TAKEN'],
      ['/devices/5/counter', 'COUNTER_UNKNOWN'],
    ]);
    expect(body.problems?.every((p) => p.message.vi.length > 0 && p.message.en.length > 0)).toBe(true);
    expect((await call(admin, 'GET', '/api/admin/fields')).json<AdminField[]>()).toEqual([]);
    expect(setupRepo.pending(server.store.db)).toBe(true);
  });

  it('names entries of the wrong shape the same way: a bad username, a counter serving nothing', async () => {
    const bad = { ...setupForm, counters: [{ ...setupForm.counters[0], fields: [] }, ...setupForm.counters.slice(1)], staff: [...setupForm.staff, { username: '', displayName: 'Ai đó', role: 'officer' }] };
    const first = (await call(admin, 'POST', '/api/setup', bad)).json<ErrorBody>();
    expect(first.code).toBe('SETUP_INVALID');
    expect(first.problems?.map((p) => p.path)).toEqual(['/staff/3/username']);
    expect(first.problems?.[0]?.message.vi).toContain('tên đăng nhập 3–32 ký tự');
    const second = (await call(admin, 'POST', '/api/setup', { ...bad, staff: setupForm.staff })).json<ErrorBody>();
    expect(second.problems?.map((p) => [p.path, p.code])).toEqual([['/counters/0/fields', 'COUNTER_FIELDS_INVALID']]);
    expect(setupRepo.pending(server.store.db)).toBe(true);
  });

  it('is remembered in the database file across a restart; skipping also ends it', async () => {
    await call(admin, 'POST', '/api/setup/skip');
    await server.stop();
    const reopened = openDb(server.dbFile);
    try {
      expect(setupRepo.pending(reopened.db)).toBe(false);
    } finally {
      reopened.close();
    }
  });

  it('is for admins only', async () => {
    await addStaff(server, 'boss', 'supervisor');
    const supervisor = await login(server, 'boss');
    expect((await call(supervisor, 'POST', '/api/setup', setupForm)).json<ErrorBody>().code).toBe('FORBIDDEN');
    expect(setupRepo.pending(server.store.db)).toBe(true);
  });
});
