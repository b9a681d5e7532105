import type { AuditEntry, PrinterState } from '@luot/shared';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startFakePrinter, type FakePrinter } from '../test-support/fake-printer.ts';
import { bearer, smallCenter } from '../test-support/fixtures.ts';
import { startTestServer, type TestServer } from '../test-support/test-app.ts';

let server: TestServer;
let center: Awaited<ReturnType<typeof smallCenter>>;
let printer: FakePrinter;

beforeEach(async () => {
  server = await startTestServer();
  center = await smallCenter(server);
  printer = await startFakePrinter('online');
});
afterEach(async () => {
  await server.dispose();
  await printer.close();
});

type Method = 'GET' | 'POST' | 'PUT' | 'DELETE';
const call = (method: Method, url: string, payload?: object) =>
  server.app.inject({ method, url, headers: bearer(center.admin), ...(payload ? { payload } : {}) });
const audit = async () => (await call('GET', '/api/admin/audit')).json<AuditEntry[]>();

describe('device and printer changes in the audit log', () => {
  it('names who registered, tuned, gave a printer to and revoked a device, and who added and removed a printer', async () => {
    const created = await call('POST', '/api/devices', { kind: 'kiosk', name: 'Kiosk tầng 2' });
    expect(created.statusCode).toBe(201);
    const deviceId = created.json<{ device: { id: number } }>().device.id;
    expect((await call('PUT', `/api/devices/${deviceId}/settings`, { soundEnabled: false, volume: 30 })).statusCode).toBe(200);
    const added = await call('POST', '/api/printers', { name: 'Máy in tầng 2', uri: printer.uri, widthDots: 576 });
    expect(added.statusCode).toBe(201);
    const printerId = added.json<PrinterState>().id;
    expect((await call('PUT', `/api/devices/${deviceId}/printer`, { printerId })).statusCode).toBe(200);
    expect((await call('DELETE', `/api/printers/${printerId}`)).statusCode).toBe(200);
    expect((await call('DELETE', `/api/devices/${deviceId}`)).statusCode).toBe(200);

    const log = (await audit()).slice(0, 6).reverse();
    expect(log.map((a) => [a.action, a.entity, a.entityId])).toEqual([
      ['device.create', 'device', deviceId],
      ['device.settings', 'device', deviceId],
      ['printer.create', 'printer', printerId],
      ['device.printer', 'device', deviceId],
      ['printer.remove', 'printer', printerId],
      ['device.revoke', 'device', deviceId],
    ]);
    for (const entry of log) expect(entry.actor?.name).toBe('Cán bộ root');
  });

  it('writes nothing for a refused change', async () => {
    const board = (await call('POST', '/api/devices', { kind: 'hall_board', name: 'Bảng sảnh' })).json<{ device: { id: number } }>().device.id;
    const before = (await audit()).length;
    // Only a kiosk prints receipts; an unknown device has no settings.
    expect((await call('PUT', `/api/devices/${board}/printer`, { printerId: null })).statusCode).toBe(403);
    expect((await call('PUT', '/api/devices/9999/settings', { soundEnabled: true, volume: 50 })).statusCode).toBe(404);
    expect((await audit()).length).toBe(before);
  });
});
