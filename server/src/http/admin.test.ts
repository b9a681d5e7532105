import type { AdminCounter, AdminField, AdminStaff, AuditEntry, CenterInfo, ErrorBody, IssuedTicket, LiveFigures, RulesBody, StaffWithPassword } from '@luot/shared';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { bearer, issue, smallCenter } from '../test-support/fixtures.ts';
import { startTestServer, type TestServer } from '../test-support/test-app.ts';

let server: TestServer;
let center: Awaited<ReturnType<typeof smallCenter>>;

beforeEach(async () => {
  server = await startTestServer();
  center = await smallCenter(server);
});
afterEach(async () => server.dispose());

type Method = 'GET' | 'POST' | 'PUT' | 'DELETE';
const call = (token: string, method: Method, url: string, payload?: object) =>
  server.app.inject({ method, url, headers: bearer(token), ...(payload ? { payload } : {}) });

const newField = { code: 'ho-tich-moi', parentId: null, nameVi: 'Hộ tịch mới', nameEn: 'New civil status', prefix: 'H', width: 3, startNumber: 1, dailyLimit: null, opensAt: '07:30', closesAt: '17:00', targetWaitMinutes: 20, position: 9 };

describe('fields and counters', () => {
  it('an admin creates a field and a counter serving it; kiosks offer it at once and the audit log names who', async () => {
    const field = await call(center.admin, 'POST', '/api/admin/fields', newField);
    expect(field.statusCode).toBe(201);
    const created = field.json<AdminField>();
    expect(created).toMatchObject({ ...newField, active: true, issuing: true });
    const counter = await call(center.admin, 'POST', '/api/admin/counters', { number: 9, name: 'Quầy số 9', policy: 'order', fields: [{ fieldId: created.id, weight: 1 }] });
    expect(counter.statusCode).toBe(201);
    expect(counter.json<AdminCounter>().fields).toEqual([{ fieldId: created.id, weight: 1 }]);
    const info = (await call(center.kiosk, 'GET', '/api/center')).json<CenterInfo>();
    expect(info.fields.map((f) => f.nameVi)).toContain('Hộ tịch mới');
    expect((await issue(server, center.kiosk, created.id)).json<IssuedTicket>().ticket.number).toBe('H001');
    const audit = (await call(center.admin, 'GET', '/api/admin/audit')).json<AuditEntry[]>();
    expect(audit.slice(0, 2).map((a) => a.action)).toEqual(['counter.create', 'field.create']);
    expect(audit[0]?.actor?.name).toBe('Cán bộ root');
  });

  it('refuses bad set-ups with messages that say what to do', async () => {
    await call(center.admin, 'POST', '/api/admin/fields', newField);
    const dup = await call(center.admin, 'POST', '/api/admin/fields', { ...newField, prefix: 'K' });
    expect(dup.json<ErrorBody>().code).toBe('FIELD_CODE_TAKEN');
    const hours = await call(center.admin, 'POST', '/api/admin/fields', { ...newField, code: 'gio-sai', opensAt: '17:00', closesAt: '07:30' });
    expect(hours.json<ErrorBody>().code).toBe('HOURS_INVALID');
    const prefix = await call(center.admin, 'POST', '/api/admin/fields', { ...newField, prefix: 'hh' });
    expect(prefix.json<ErrorBody>().code).toBe('VALIDATION_FAILED');
    const number = await call(center.admin, 'POST', '/api/admin/counters', { number: 1, name: 'x', policy: 'order', fields: [{ fieldId: center.fieldA, weight: 1 }] });
    expect(number.json<ErrorBody>().code).toBe('COUNTER_NUMBER_TAKEN');
    const fields = await call(center.admin, 'POST', '/api/admin/counters', { number: 12, name: 'x', policy: 'order', fields: [{ fieldId: 999, weight: 1 }] });
    expect(fields.json<ErrorBody>().code).toBe('COUNTER_FIELDS_INVALID');
  });

  it('removing something in use is refused; otherwise it is deactivated, not deleted', async () => {
    await issue(server, center.kiosk, center.fieldB);
    const busyField = await call(center.admin, 'DELETE', `/api/admin/fields/${center.fieldB}`);
    expect(busyField.json<ErrorBody>().code).toBe('FIELD_IN_USE');
    await call(center.officer2, 'POST', `/api/counters/${center.counter2}/call-next`);
    const busyCounter = await call(center.admin, 'DELETE', `/api/admin/counters/${center.counter2}`);
    expect(busyCounter.json<ErrorBody>().code).toBe('COUNTER_IN_USE');
    await call(center.officer2, 'POST', `/api/counters/${center.counter2}/finish`, {});
    expect((await call(center.admin, 'DELETE', `/api/admin/fields/${center.fieldB}`)).json<AdminField>().active).toBe(false);
    expect((await issue(server, center.kiosk, center.fieldB)).json<ErrorBody>().code).toBe('FIELD_NOT_FOUND');
  });

  it('supervisors stop and resume issuing for a field; kiosks are refused meanwhile', async () => {
    const stop = await call(center.supervisor, 'POST', `/api/fields/${center.fieldA}/issuing`, { issuing: false });
    expect(stop.json<AdminField>().issuing).toBe(false);
    expect((await issue(server, center.kiosk, center.fieldA)).json<ErrorBody>().code).toBe('FIELD_NOT_ISSUING');
    await call(center.supervisor, 'POST', `/api/fields/${center.fieldA}/issuing`, { issuing: true });
    expect((await issue(server, center.kiosk, center.fieldA)).statusCode).toBe(201);
    expect((await call(center.officer1, 'POST', `/api/fields/${center.fieldA}/issuing`, { issuing: false })).statusCode).toBe(403);
  });
});

describe('staff accounts', () => {
  it('creates an account with a generated password shown once; reset ends old sessions; disable locks out', async () => {
    const res = await call(center.admin, 'POST', '/api/admin/staff', { username: 'quay9', displayName: 'Nguyễn Văn An', role: 'officer' });
    expect(res.statusCode).toBe(201);
    const { staff, password } = res.json<StaffWithPassword>();
    expect(password).toMatch(/^[A-Za-z2-9]{12}$/);
    const login = await server.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'quay9', password } });
    expect(login.statusCode).toBe(200);
    const token = login.json<{ token: string }>().token;
    const reset = (await call(center.admin, 'POST', `/api/admin/staff/${staff.id}/reset-password`)).json<StaffWithPassword>();
    expect(reset.password).not.toBe(password);
    expect((await call(token, 'GET', '/api/auth/me')).statusCode).toBe(401);
    await call(center.admin, 'PUT', `/api/admin/staff/${staff.id}`, { displayName: staff.displayName, role: 'officer', active: false });
    const locked = await server.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'quay9', password: reset.password } });
    expect(locked.json<ErrorBody>().code).toBe('ACCOUNT_DISABLED');
    expect((await call(center.admin, 'POST', '/api/admin/staff', { username: 'quay9', displayName: 'x', role: 'officer' })).json<ErrorBody>().code).toBe('USERNAME_TAKEN');
  });

  it('never disables or demotes the last admin', async () => {
    const admins = (await call(center.admin, 'GET', '/api/admin/staff')).json<AdminStaff[]>().filter((s) => s.role === 'admin');
    expect(admins).toHaveLength(1);
    const me = admins[0];
    const res = await call(center.admin, 'PUT', `/api/admin/staff/${me?.id}`, { displayName: 'x', role: 'supervisor', active: true });
    expect(res.json<ErrorBody>().code).toBe('LAST_ADMIN');
  });
});

describe('rules, center profile and voice', () => {
  it('changes the interleave and priority list, and the engine follows', async () => {
    const rules = (await call(center.admin, 'GET', '/api/admin/rules')).json<RulesBody>();
    expect(rules.interleave).toEqual({ priority: 1, normal: 2 });
    const next: RulesBody = { ...rules, interleave: { priority: 1, normal: 1 }, priorityCategories: [...rules.priorityCategories, { code: 'child', nameVi: 'Người đi cùng trẻ nhỏ', nameEn: 'With a small child' }] };
    expect((await call(center.admin, 'PUT', '/api/admin/rules', next)).statusCode).toBe(200);
    expect((await issue(server, center.kiosk, center.fieldA, { priority: 'child' })).statusCode).toBe(201);
    const dup = await call(center.admin, 'PUT', '/api/admin/rules', { ...next, priorityCategories: [next.priorityCategories[0], next.priorityCategories[0]] });
    expect(dup.json<ErrorBody>().code).toBe('PRIORITY_CODES_INVALID');
  });

  it('saves the center profile and voice choice; supervisors and officers may not', async () => {
    const profile = { name: 'Trung tâm Phục vụ hành chính công xã Tân Phú', address: 'Xã Tân Phú', logo: '', dayRollover: '03:00', receiptFooter: 'Xin cảm ơn', hallNotice: 'Giữ trật tự' };
    expect((await call(center.admin, 'PUT', '/api/admin/center', profile)).json()).toEqual(profile);
    expect((await call(center.admin, 'GET', '/api/admin/center')).json()).toEqual(profile);
    expect((await server.app.inject({ method: 'GET', url: '/api/health' })).json<{ center: string }>().center).toBe(profile.name);
    expect((await call(center.admin, 'PUT', '/api/admin/voice', { english: true })).json()).toEqual({ english: true });
    for (const token of [center.supervisor, center.officer1]) {
      expect((await call(token, 'PUT', '/api/admin/center', profile)).statusCode).toBe(403);
      expect((await call(token, 'GET', '/api/admin/staff')).statusCode).toBe(403);
      expect((await call(token, 'POST', '/api/admin/fields', newField)).statusCode).toBe(403);
      expect((await call(token, 'PUT', '/api/admin/rules', {})).statusCode).toBe(403);
    }
  });
});

describe('live figures', () => {
  it('shows waits per field and raises alerts for a long wait and an idle counter', async () => {
    await issue(server, center.kiosk, center.fieldA);
    server.clock.advance(10);
    await call(center.officer1, 'POST', `/api/counters/${center.counter1}/call-next`);
    await issue(server, center.kiosk, center.fieldA);
    server.clock.advance(35);
    const live = (await call(center.supervisor, 'GET', '/api/live')).json<LiveFigures>();
    const a = live.fields.find((f) => f.fieldId === center.fieldA);
    expect(a).toMatchObject({ waiting: 1, longestWaitSeconds: 35 * 60, averageWaitLastHourSeconds: 10 * 60, servedToday: 0, targetWaitMinutes: 30 });
    expect(live.alerts.map((x) => x.kind)).toContain('wait_over_target');
    // Counter 2 serves field A, is open, calls no one: idle alert. Counter 1 is busy: none.
    const idle = live.alerts.filter((x) => x.kind === 'counter_idle').map((x) => x.counterId);
    expect(idle).toEqual([center.counter2]);
    expect(live.counters.find((c) => c.counterId === center.counter1)?.stateSinceSeconds).toBe(35 * 60);
    expect((await call(center.officer1, 'GET', '/api/live')).statusCode).toBe(403);
  });

  it('flags as idle only counters that could call someone: a ticket sent to counter 2 waits for counter 2 alone', async () => {
    const a = (await issue(server, center.kiosk, center.fieldA)).json<IssuedTicket>();
    await call(center.officer1, 'POST', `/api/counters/${center.counter1}/call-next`);
    const sent = await call(center.officer1, 'POST', `/api/tickets/${a.ticket.id}/transfer`, { toCounterId: center.counter2, note: 'nhờ quầy 2' });
    expect(sent.statusCode).toBe(200);
    server.clock.advance(5);
    const live = (await call(center.supervisor, 'GET', '/api/live')).json<LiveFigures>();
    // Counter 1 serves field A, but its only citizen waits for counter 2: the call order would give it nobody.
    expect(live.alerts.filter((x) => x.kind === 'counter_idle').map((x) => x.counterId)).toEqual([center.counter2]);
  });

  it('reports screens not seen for three minutes as offline', async () => {
    await issue(server, center.kiosk, center.fieldA);
    const live = (await call(center.supervisor, 'GET', '/api/live')).json<LiveFigures>();
    expect(live.alerts.some((x) => x.kind === 'device_offline')).toBe(false);
    server.clock.advance(4);
    const later = (await call(center.supervisor, 'GET', '/api/live')).json<LiveFigures>();
    expect(later.alerts.filter((x) => x.kind === 'device_offline').map((x) => x.deviceKind)).toEqual(['kiosk']);
  });
});

describe('the audit log', () => {
  const latest = async () => (await call(center.admin, 'GET', '/api/admin/audit')).json<AuditEntry[]>()[0];

  it('says what changed, before → after, for the center, fields and counters', async () => {
    const profile = (await call(center.admin, 'GET', '/api/admin/center')).json<Record<string, string>>();
    expect((await call(center.admin, 'PUT', '/api/admin/center', { ...profile, name: 'Trung tâm xã Đông Hòa' })).statusCode).toBe(200);
    expect(await latest()).toMatchObject({ action: 'center.update', subject: 'Trung tâm xã Đông Hòa', changes: [{ key: 'name', before: profile.name, after: 'Trung tâm xã Đông Hòa' }] });

    const field = (await call(center.admin, 'POST', '/api/admin/fields', newField)).json<AdminField>();
    expect((await latest())?.changes).toContainEqual({ key: 'prefix', before: null, after: 'H' });
    await call(center.admin, 'PUT', `/api/admin/fields/${field.id}`, { ...newField, targetWaitMinutes: 45 });
    expect(await latest()).toMatchObject({ action: 'field.update', subject: 'Hộ tịch mới', changes: [{ key: 'targetWaitMinutes', before: 20, after: 45 }] });

    await call(center.admin, 'PUT', `/api/admin/counters/${center.counter1}`, { number: 1, name: 'Quầy số 1', policy: 'order', fields: [{ fieldId: center.fieldA, weight: 1 }, { fieldId: field.id, weight: 1 }] });
    expect((await latest())?.changes).toEqual([{ key: 'fields', before: ['A · Lĩnh vực a'], after: ['A · Lĩnh vực a', 'H · Hộ tịch mới'] }]);
  });

  it('records adding a printer, mapping it to a kiosk, a screen’s settings and removing the printer', async () => {
    const printer = (await call(center.admin, 'POST', '/api/printers', { name: 'Máy in sảnh', uri: 'tcp://127.0.0.1:9', widthDots: 576 })).json<{ id: number }>();
    expect(await latest()).toMatchObject({
      action: 'printer.create',
      subject: 'Máy in sảnh',
      changes: [
        { key: 'name', before: null, after: 'Máy in sảnh' },
        { key: 'uri', before: null, after: 'tcp://127.0.0.1:9' },
        { key: 'paper', before: null, after: '80 mm' },
      ],
    });
    const devices = (await call(center.admin, 'GET', '/api/devices')).json<{ id: number; kind: string; name: string }[]>();
    const kiosk = devices.find((d) => d.kind === 'kiosk');
    await call(center.admin, 'PUT', `/api/devices/${kiosk?.id}/printer`, { printerId: printer.id });
    expect(await latest()).toMatchObject({ action: 'device.printer', subject: kiosk?.name, changes: [{ key: 'printer', before: null, after: 'Máy in sảnh' }] });

    const board = (await call(center.admin, 'POST', '/api/devices', { kind: 'hall_board', name: 'Bảng gọi số sảnh' })).json<{ device: { id: number } }>();
    expect(await latest()).toMatchObject({ action: 'device.create', subject: 'Bảng gọi số sảnh' });
    await call(center.admin, 'PUT', `/api/devices/${board.device.id}/settings`, { soundEnabled: true, volume: 50 });
    expect(await latest()).toMatchObject({ action: 'device.settings', changes: [{ key: 'volume', before: 80, after: 50 }] });

    await call(center.admin, 'DELETE', `/api/printers/${printer.id}`);
    const removed = await latest();
    expect(removed).toMatchObject({ action: 'printer.remove', subject: 'Máy in sảnh' });
    expect(removed?.changes).toContainEqual({ key: 'kiosks', before: [kiosk?.name], after: [] });
    await call(center.admin, 'DELETE', `/api/devices/${board.device.id}`);
    expect(await latest()).toMatchObject({ action: 'device.revoke', changes: [{ key: 'revoked', before: false, after: true }] });
  });
});
