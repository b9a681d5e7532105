import type { AuditEntry, ConfigFile, ErrorBody, ImportResult, SetupSheet } from '@luot/shared';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDb } from '../db/open-db.ts';
import { exportConfig } from '../services/config-export.ts';
import { bearer } from '../test-support/fixtures.ts';
import { firstStart, setupForm } from '../test-support/setup-fixtures.ts';
import { startTestServer, type TestServer } from '../test-support/test-app.ts';

/** The province's model center and a new center that receives its file. */
let model: TestServer;
let fresh: TestServer;
let modelAdmin: string;
let freshAdmin: string;

beforeEach(async () => {
  model = await startTestServer();
  fresh = await startTestServer();
  ({ admin: modelAdmin } = await firstStart(model));
  ({ admin: freshAdmin } = await firstStart(fresh));
  await model.app.inject({ method: 'POST', url: '/api/setup', headers: bearer(modelAdmin), payload: setupForm });
  await model.app.inject({ method: 'POST', url: '/api/printers', headers: bearer(modelAdmin), payload: { name: 'Máy in kiosk', uri: 'tcp://127.0.0.1:9', widthDots: 576 } });
});
afterEach(async () => {
  await model.dispose();
  await fresh.dispose();
});

const exported = async (server: TestServer, token: string) => {
  const res = await server.app.inject({ method: 'GET', url: '/api/admin/config', headers: bearer(token) });
  expect(res.statusCode).toBe(200);
  expect(res.headers['content-disposition']).toMatch(/^attachment; filename="luot-config-\d{4}-\d{2}-\d{2}\.json"$/);
  return res.json<ConfigFile>();
};
const importInto = (server: TestServer, token: string, payload: unknown) =>
  server.app.inject({ method: 'POST', url: '/api/admin/config', headers: bearer(token), payload: payload as object });
const withoutStamp = ({ exportedAt: _, ...rest }: ConfigFile) => rest;

describe('configuration file', () => {
  it('rolls the model center’s set-up out to a new center, kept in its database file', async () => {
    const file = await exported(model, modelAdmin);
    expect(file.fields.map((f) => f.code)).toEqual(setupForm.fields.map((f) => f.code));
    expect(JSON.stringify(file)).not.toMatch(/token|pairing|password/i);
    const { center: _, ...withoutCenter } = file;
    const res = await importInto(fresh, freshAdmin, { ...withoutCenter, devices: file.devices.map((d) => (d.kind === 'kiosk' ? { ...d, printer: 'Máy in kiosk' } : d)) });
    expect(res.statusCode).toBe(200);
    const result = res.json<ImportResult>();
    expect(result).toMatchObject({ fields: { created: 4, updated: 0 }, counters: { created: 3, updated: 0 }, printers: { created: 1, updated: 0 }, devices: { created: 5, updated: 0 } });
    expect(result.pairing.map((p) => p.pairingCode)).toHaveLength(5);
    expect(result.pairing.every((p) => /^[0-9]{8}$/.test(p.pairingCode))).toBe(true);

    // Importing the same file again changes nothing new: entries are matched by code, number and name.
    const again = (await importInto(fresh, freshAdmin, withoutCenter)).json<ImportResult>();
    expect(again).toMatchObject({ fields: { created: 0, updated: 4 }, counters: { created: 0, updated: 3 }, devices: { created: 0, updated: 5 }, pairing: [] });

    const received = await exported(fresh, freshAdmin);
    expect(received.center?.name).toBe('Trung tâm Phục vụ hành chính công'); // the center keeps its own name
    expect(withoutStamp({ ...received, center: file.center })).toEqual(withoutStamp(file));

    await fresh.stop();
    const reopened = openDb(fresh.dbFile);
    try {
      expect(withoutStamp({ ...exportConfig(reopened, fresh.clock), center: file.center })).toEqual(withoutStamp(file));
    } finally {
      reopened.close();
    }
  });

  it('names every bad entry, in Vietnamese and English, and changes nothing', async () => {
    const file = await exported(model, modelAdmin);
    const before = await exported(fresh, freshAdmin);
    const bad = {
      ...file,
      fields: [file.fields[0], { ...file.fields[1], prefix: 'bb' }, { ...file.fields[2], opensAt: '18:00' }, { ...file.fields[3], colour: 'red' }],
      counters: [{ ...file.counters[0], fields: [{ field: 'khong-co', weight: 1 }] }, ...file.counters.slice(1)],
      devices: [{ ...file.devices[0], printer: 'Máy in không có' }, ...file.devices.slice(1)],
    };
    const res = await importInto(fresh, freshAdmin, bad);
    expect(res.statusCode).toBe(400);
    const body = res.json<ErrorBody>();
    expect(body.code).toBe('CONFIG_INVALID');
    // Shape first: the file is not read further until its entries have the right form.
    expect(body.problems?.map((p) => p.path)).toEqual(['/fields/1/prefix', '/fields/3/colour']);
    expect(body.problems?.[0]?.message.vi).toBe('Giá trị không hợp lệ; cần một chữ cái (A–Z, Đ) hoặc một/hai chữ số.');
    expect(body.problems?.[1]?.message.en).toBe('Not allowed here: colour. Remove it.');

    bad.fields = [file.fields[0], file.fields[1], { ...file.fields[2], opensAt: '18:00' }, { ...file.fields[3], prefix: 'A' }];
    const second = (await importInto(fresh, freshAdmin, bad)).json<ErrorBody>();
    expect(second.problems?.map((p) => [p.path, p.code])).toEqual([
      ['/fields/3/prefix', 'PREFIX_TAKEN'],
      ['/fields/2/closesAt', 'HOURS_INVALID'],
      ['/counters/0/fields/0/field', 'FIELD_UNKNOWN'],
      ['/devices/0/printer', 'PRINTER_UNKNOWN'],
    ]);
    expect(withoutStamp(await exported(fresh, freshAdmin))).toEqual(withoutStamp(before));
    const audit = (await fresh.app.inject({ method: 'GET', url: '/api/admin/audit', headers: bearer(freshAdmin) })).json<AuditEntry[]>();
    expect(audit.some((a) => a.action === 'config.import')).toBe(false);
  });

  it('refuses a file that is not a Lượt configuration', async () => {
    for (const payload of [{ hello: 1 }, { format: 'luot-config', version: 2 }, []]) {
      expect((await importInto(fresh, freshAdmin, payload)).json<ErrorBody>().code).toBe('CONFIG_FORMAT_UNKNOWN');
    }
  });

  it('is one transaction: a failure half-way leaves the database as it was, and a success is audited', async () => {
    const file = await exported(model, modelAdmin);
    const before = await exported(fresh, freshAdmin);
    // The disk refuses the counters after the fields are written: nothing of the import may stay.
    fresh.store.sqlite.exec(`CREATE TRIGGER refuse_counters BEFORE INSERT ON counters BEGIN SELECT RAISE(ABORT, 'disk trouble'); END`);
    const failed = await importInto(fresh, freshAdmin, file);
    expect(failed.json<ErrorBody>().code).toBe('INTERNAL');
    expect(withoutStamp(await exported(fresh, freshAdmin))).toEqual(withoutStamp(before));

    fresh.store.sqlite.exec('DROP TRIGGER refuse_counters');
    expect((await importInto(fresh, freshAdmin, file)).statusCode).toBe(200);
    const audit = (await fresh.app.inject({ method: 'GET', url: '/api/admin/audit', headers: bearer(freshAdmin) })).json<AuditEntry[]>();
    expect(audit.filter((a) => a.action === 'config.import')).toHaveLength(1);
    expect(audit[0]).toMatchObject({ action: 'config.import', actor: { name: 'Quản trị viên' }, subject: setupForm.center.name });
    expect(audit[0]?.changes).toEqual(expect.arrayContaining([{ key: 'fields.created', before: null, after: 4 }, { key: 'center', before: null, after: 'replaced' }]));
    // The imported center is set up: its admin is not sent to the first-run screen.
    expect((await fresh.app.inject({ method: 'GET', url: '/api/setup', headers: bearer(freshAdmin) })).json()).toEqual({ done: true });
    const sheetless = (await fresh.app.inject({ method: 'POST', url: '/api/setup', headers: bearer(freshAdmin), payload: setupForm })).json<SetupSheet | ErrorBody>();
    expect('code' in sheetless && sheetless.code).toBe('SETUP_DONE');
  });
});
