import type { IssuedTicket, PublicLink } from '@luot/shared';
import { afterEach, describe, expect, it } from 'vitest';
import { bearer, issue, smallCenter } from '../test-support/fixtures.ts';
import { startFakePrinter, type FakePrinter } from '../test-support/fake-printer.ts';
import { startTestServer, type TestServer } from '../test-support/test-app.ts';
import { lanAddresses, phoneCanOpen, publicUrlFor } from './public-url.ts';

describe('addresses a phone can open', () => {
  it('refuses this machine itself, link-local addresses, mDNS and single-label names', () => {
    for (const host of ['localhost', 'app.localhost', '127.0.0.1', '127.1.2.3', '0.0.0.0', '::1', '[::1]', 'fe80::1', '169.254.10.2', 'may-chu', 'may-chu.local', 'MAY-CHU.LOCAL']) {
      expect(phoneCanOpen(host), host).toBe(false);
    }
    for (const host of ['192.168.1.10', '10.0.0.5', 'luot.phuong-hieptan.gov.vn', 'fd00::2', '[fd00::2]']) expect(phoneCanOpen(host), host).toBe(true);
  });

  it('picks real interfaces and private ranges first, never loopback or link-local', () => {
    const v4 = (address: string, internal = false) => ({ address, family: 'IPv4' as const, internal, netmask: '', mac: '', cidr: null });
    const found = lanAddresses({
      lo: [v4('127.0.0.1', true)],
      docker0: [v4('172.17.0.1')],
      eth1: [v4('169.254.3.4'), v4('203.0.113.7')],
      wlan0: [v4('192.168.1.10')],
    });
    expect(found).toEqual(['192.168.1.10', '203.0.113.7', '172.17.0.1']);
  });

  it('keeps the asked address when phones can open it, else the LAN address with the same port', () => {
    expect(publicUrlFor(null, { protocol: 'http', host: '192.168.1.77:8080' }, ['192.168.1.10'])).toMatchObject({ base: 'http://192.168.1.77:8080', source: 'request' });
    expect(publicUrlFor(null, { protocol: 'http', host: 'localhost:8080' }, ['192.168.1.10'])).toMatchObject({ base: 'http://192.168.1.10:8080', source: 'lan' });
    expect(publicUrlFor(null, { protocol: 'http', host: '[::1]' }, ['10.1.2.3'])).toMatchObject({ base: 'http://10.1.2.3', source: 'lan' });
    expect(publicUrlFor(null, { protocol: 'http', host: 'localhost:8080' }, [])).toMatchObject({ base: 'http://localhost:8080', source: 'unreachable' });
    expect(publicUrlFor('https://luot.example.vn', { protocol: 'http', host: 'localhost:8080' }, [])).toMatchObject({ base: 'https://luot.example.vn', source: 'configured' });
  });
});

describe('the receipt’s QR code', () => {
  let server: TestServer;
  let printer: FakePrinter;
  afterEach(async () => {
    await server.dispose();
    await printer.close();
  });

  async function setUp(network: () => string[]) {
    server = await startTestServer({ listen: true, network });
    const center = await smallCenter(server);
    printer = await startFakePrinter('online');
    const created = await server.app.inject({ method: 'POST', url: '/api/printers', headers: bearer(center.admin), payload: { name: 'Kiosk', uri: printer.uri, widthDots: 576 } });
    const devices = (await server.app.inject({ method: 'GET', url: '/api/devices', headers: bearer(center.admin) })).json<{ id: number; kind: string }[]>();
    const kiosk = devices.find((d) => d.kind === 'kiosk')?.id;
    await server.app.inject({ method: 'PUT', url: `/api/devices/${kiosk}/printer`, headers: bearer(center.admin), payload: { printerId: created.json<{ id: number }>().id } });
    return center;
  }

  const printed = (text: string) => printer.qrTexts().includes(text);

  it('opens the server’s LAN address when the kiosk reached the server as localhost', async () => {
    const center = await setUp(() => ['192.168.1.20']);
    const res = await server.app.inject({ method: 'POST', url: '/api/tickets', headers: { ...bearer(center.kiosk), host: 'localhost:8080' }, payload: { fieldId: center.fieldA } });
    const body = res.json<IssuedTicket>();
    expect(body.print.status).toBe('printed');
    expect(printed(`http://192.168.1.20:8080/t/${body.trackingCode}`)).toBe(true);
    expect(printer.qrTexts()).toHaveLength(1);
    // The admin sees the same address, and no warning.
    const link = await server.app.inject({ method: 'GET', url: '/api/printers/public-link', headers: { ...bearer(center.admin), host: 'localhost:8080' } });
    expect(link.json<PublicLink>()).toEqual({ base: 'http://192.168.1.20:8080', source: 'lan', addresses: ['192.168.1.20'] });
  });

  it('keeps an address phones can open, and says when there is none to use', async () => {
    const center = await setUp(() => []);
    const res = await issue(server, center.kiosk, center.fieldA, {});
    expect(res.statusCode).toBe(201);
    const lan = await server.app.inject({ method: 'POST', url: '/api/tickets', headers: { ...bearer(center.kiosk), host: '192.168.5.9:8080' }, payload: { fieldId: center.fieldA } });
    expect(printed(`http://192.168.5.9:8080/t/${lan.json<IssuedTicket>().trackingCode}`)).toBe(true);
    const link = await server.app.inject({ method: 'GET', url: '/api/printers/public-link', headers: { ...bearer(center.admin), host: 'localhost:8080' } });
    expect(link.json<PublicLink>()).toMatchObject({ source: 'unreachable', addresses: [] });
    expect((await server.app.inject({ method: 'GET', url: '/api/printers/public-link', headers: bearer(center.supervisor) })).statusCode).toBe(403);
  });
});
