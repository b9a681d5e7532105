import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { FakeModem } from '../test-support/fake-modem.ts';
import { decodeSubmit } from '../test-support/pdu-decode.ts';
import type { SmsGateway } from './gateway.ts';
import { createModemGateway, type ModemSettings } from './modem-gateway.ts';
import { ucs2Hex } from './pdu.ts';

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

async function setUp(settings: Partial<ModemSettings> = {}): Promise<{ modem: FakeModem; gateway: SmsGateway }> {
  const dir = mkdtempSync(join(tmpdir(), 'luot-modem-'));
  const modem = new FakeModem(dir);
  await modem.plugIn();
  const gateway = createModemGateway({ path: modem.path, baudRate: 115200, mode: 'pdu', charset: 'ucs2', timeoutMs: 5000, ...settings });
  cleanups.push(async () => {
    await gateway.close();
    await modem.unplug();
    rmSync(dir, { recursive: true, force: true });
  });
  return { modem, gateway };
}

const LONG = 'Sắp đến lượt Ông/Bà (số A023): còn 3 người phía trước, khoảng 10 phút. Xin mời Ông/Bà về gần quầy.';

describe('GSM modem over a serial port (fake modem on a socat pseudo-terminal pair)', () => {
  it('sets the modem up and sends a Vietnamese two-part message in PDU mode, UCS-2', async () => {
    const { modem, gateway } = await setUp();
    await gateway.send({ to: '0912345123', text: LONG });
    expect(modem.commands.slice(0, 2)).toEqual(['ATE0', 'AT+CMGF=0']);
    expect(modem.received).toHaveLength(2);
    // AT+CMGS=<n> names the TPDU's octets: the PDU hex less the one SMSC octet ("00").
    expect(modem.received.map((r) => Number(r.cmgs))).toEqual(modem.received.map((r) => r.body.length / 2 - 1));
    const parts = modem.received.map((r) => decodeSubmit(r.body));
    expect(parts.map((p) => [p.to, p.dcs, p.concat?.part, p.concat?.total])).toEqual([
      ['+84912345123', 8, 1, 2],
      ['+84912345123', 8, 2, 2],
    ]);
    expect(parts[0]?.concat?.reference).toBe(parts[1]?.concat?.reference);
    expect(parts.map((p) => p.text).join('')).toBe(LONG);
    // The port stays open: a second message needs no set-up again.
    await gateway.send({ to: '0912345123', text: 'Mời Ông/Bà số A023 đến Quầy 3.' });
    expect(modem.commands.filter((c) => c === 'ATE0')).toHaveLength(1);
    expect(decodeSubmit(modem.received[2]?.body ?? '').text).toBe('Mời Ông/Bà số A023 đến Quầy 3.');
  });

  it('sends unaccented GSM 7-bit in text mode, and UCS-2 hex in text mode', async () => {
    const { modem, gateway } = await setUp({ mode: 'text', charset: 'gsm7' });
    await gateway.send({ to: '0912345123', text: 'Mời Ông/Bà số A023 đến Quầy 3.' });
    expect(modem.commands).toEqual(['ATE0', 'AT+CMGF=1', 'AT+CSCS="IRA"', 'AT+CSMP=17,167,0,0', 'AT+CMGS="+84912345123"']);
    expect(modem.received).toEqual([{ cmgs: '"+84912345123"', body: 'Moi Ong/Ba so A023 den Quay 3.' }]);

    const ucs2 = await setUp({ mode: 'text', charset: 'ucs2' });
    await ucs2.gateway.send({ to: '0912345123', text: 'Mời Ông/Bà số A023 đến Quầy 3.' });
    expect(ucs2.modem.commands.slice(2, 4)).toEqual(['AT+CSCS="UCS2"', 'AT+CSMP=17,167,0,8']);
    expect(ucs2.modem.received).toEqual([{ cmgs: `"${ucs2Hex('+84912345123')}"`, body: ucs2Hex('Mời Ông/Bà số A023 đến Quầy 3.') }]);
  });

  it('fails a send the modem answers with +CMS ERROR, and the next send starts afresh and succeeds', async () => {
    const { modem, gateway } = await setUp();
    modem.replies.push('cms-error');
    await expect(gateway.send({ to: '0912345123', text: 'Mời Ông/Bà số A001 đến Quầy 1.' })).rejects.toThrow('the modem answered +CMS ERROR: 500');
    await gateway.send({ to: '0912345123', text: 'Mời Ông/Bà số A001 đến Quầy 1.' });
    expect(modem.commands.filter((c) => c === 'ATE0')).toHaveLength(2);
    expect(modem.received.map((r) => decodeSubmit(r.body).text)).toEqual(['Mời Ông/Bà số A001 đến Quầy 1.']);
  });

  it('fails a send when the modem is pulled out mid-send, and sends once it is plugged back in', async () => {
    const { modem, gateway } = await setUp();
    modem.replies.push('unplug');
    await expect(gateway.send({ to: '0912345123', text: 'Mời Ông/Bà số A002 đến Quầy 2.' })).rejects.toThrow(/modem/);
    // Still out: the port cannot be opened.
    await expect(gateway.send({ to: '0912345123', text: 'Mời Ông/Bà số A002 đến Quầy 2.' })).rejects.toThrow(/cannot be opened/);
    await modem.plugIn();
    await gateway.send({ to: '0912345123', text: 'Mời Ông/Bà số A002 đến Quầy 2.' });
    expect(modem.received.map((r) => decodeSubmit(r.body).text)).toEqual(['Mời Ông/Bà số A002 đến Quầy 2.']);
  });
});
