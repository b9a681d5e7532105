import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ErrorBody, PrinterState, PrintOutcome } from '@luot/shared';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createPrintService } from '../printing/index.ts';
import { addStaff, bearer, login } from '../test-support/fixtures.ts';
import { startTestServer, type TestServer } from '../test-support/test-app.ts';

let server: TestServer;
let admin: string;
let victim: string;
const original = 'nội dung quan trọng, không được ghi đè\n'.repeat(20_000);

beforeEach(async () => {
  server = await startTestServer();
  await addStaff(server, 'root', 'admin');
  admin = await login(server, 'root');
  // /dev/shm is writable by the server and is exactly where the probe overwrote a file.
  victim = join(existsSync('/dev/shm') ? '/dev/shm' : tmpdir(), `luot-victim-${process.pid}-${Date.now()}`);
  writeFileSync(victim, original);
});
afterEach(async () => {
  rmSync(victim, { force: true });
  await server.dispose();
});

const addPrinter = (uri: string) =>
  server.app.inject({ method: 'POST', url: '/api/printers', headers: bearer(admin), payload: { name: 'Máy in', uri, widthDots: 576 } });

describe('an admin cannot make the server write to any file', () => {
  it('refuses a USB address that is not a printer device, with a clear 400, and the file stays as it was', async () => {
    for (const uri of [`usb:${victim}`, 'usb:/dev/sda', 'usb:/dev/null', 'usb:/dev/usb/lp0x', 'usb:/dev/usb/../shm/x', 'usb:/dev/ttyS0']) {
      const res = await addPrinter(uri);
      expect(res.statusCode, uri).toBe(400);
      if (uri.startsWith('usb:/dev/usb/..')) continue; // refused by the address pattern itself
      expect(res.json<ErrorBody>().code, uri).toBe('PRINTER_PATH_NOT_ALLOWED');
      expect(res.json<ErrorBody>().message.vi, uri).toContain('/dev/usb/lp0');
      expect(res.json<ErrorBody>().details, uri).toEqual(['body/uri']);
    }
    const printers = (await server.app.inject({ method: 'GET', url: '/api/printers', headers: bearer(admin) })).json<PrinterState[]>();
    expect(printers).toEqual([]);
    expect(readFileSync(victim, 'utf8')).toBe(original);
  });

  it('accepts the kernel’s printer devices, /dev/usb/lp<N>', async () => {
    for (const uri of ['usb:/dev/usb/lp0', 'usb:/dev/usb/lp12']) expect((await addPrinter(uri)).statusCode, uri).toBe(201);
  });

  it('a stored address outside the allowed devices prints nothing there (an older database)', async () => {
    server.store.sqlite.prepare(`INSERT INTO printers (name, uri, width_dots, created_at) VALUES ('cũ', ?, 576, 0)`).run(`usb:${victim}`);
    const id = (server.store.sqlite.prepare('SELECT id FROM printers').get() as { id: number }).id;
    const test = await server.app.inject({ method: 'POST', url: `/api/printers/${id}/test`, headers: bearer(admin) });
    expect(test.json<PrintOutcome>().status).not.toBe('printed');
    expect(readFileSync(victim, 'utf8')).toBe(original);
  });
});

describe('the USB transport opens the device without creating or truncating anything', () => {
  let dir = '';
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'luot-lp-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('a configured device that is missing stays missing; an existing one is written in place, never cut short', async () => {
    const missing = join(dir, 'lp9');
    const standIn = join(dir, 'lp0');
    writeFileSync(standIn, original);
    const service = createPrintService({ now: () => 0, onState: () => undefined, usbDevices: [missing, standIn], attemptTimeoutMs: 2000 });
    const config = (uri: string) => ({ id: 1, name: 'USB', uri, widthDots: 384 as const });
    const link = { base: 'http://192.168.1.20:8080', unreachable: false };
    expect((await service.testPrint(config(`usb:${missing}`), 'Trung tâm', link)).status).not.toBe('printed');
    expect(existsSync(missing)).toBe(false);
    expect((await service.testPrint({ ...config(`usb:${standIn}`), id: 2 }, 'Trung tâm', link)).status).toBe('printed');
    expect(readFileSync(standIn).length).toBeGreaterThanOrEqual(Buffer.byteLength(original));
    await service.close();
  });
});
