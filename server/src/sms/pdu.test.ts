import { describe, expect, it } from 'vitest';
import { decodeSubmit } from '../test-support/pdu-decode.ts';
import { isGsm7, unaccent } from './gsm7.ts';
import { submitPdus, textModeParts, ucs2Hex } from './pdu.ts';

const TO = '+84912345123';
/** 11 digits, international (91), swapped nibbles padded with F: 84 91 23 45 12 3F → 48 19 32 54 21 F3. */
const DA = '0B91481932542 1F3'.replace(' ', '');
const utf16beHex = (s: string) => Buffer.from(s, 'utf16le').swap16().toString('hex').toUpperCase();
const byte = (n: number) => n.toString(16).toUpperCase().padStart(2, '0');

describe('SMS-SUBMIT PDUs', () => {
  it('packs GSM 7-bit septets as the standard example does ("hellohello" → E8329BFD4697D9EC37)', () => {
    const [pdu, ...rest] = submitPdus(TO, 'hellohello', 'gsm7', 0);
    expect(rest).toEqual([]);
    expect(pdu?.hex).toBe(`00 01 00 ${DA} 00 00 0A E8329BFD4697D9EC37`.replace(/ /g, ''));
    expect(pdu?.length).toBe((pdu?.hex.length ?? 0) / 2 - 1);
  });

  it('writes a Vietnamese message in UCS-2 as two concatenated parts, byte for byte', () => {
    const text = 'Sắp đến lượt Ông/Bà (số A023): còn 3 người phía trước, khoảng 10 phút. Xin mời Ông/Bà về gần quầy.';
    expect(text.length).toBeGreaterThan(70);
    const pdus = submitPdus(TO, text, 'ucs2', 0x2a);
    const slices = [text.slice(0, 67), text.slice(67)];
    expect(pdus.map((p) => p.hex)).toEqual(
      slices.map((slice, i) => `00 41 00 ${DA} 00 08 ${byte(6 + slice.length * 2)} 050003 2A 02 ${byte(i + 1)} ${utf16beHex(slice)}`.replace(/ /g, '')),
    );
    expect(pdus.map((p) => p.length)).toEqual(pdus.map((p) => p.hex.length / 2 - 1));
    // And read back by a decoder written apart from the encoder.
    const decoded = pdus.map((p) => decodeSubmit(p.hex));
    expect(decoded.map((d) => d.to)).toEqual([TO, TO]);
    expect(decoded.map((d) => d.concat)).toEqual([
      { reference: 0x2a, total: 2, part: 1 },
      { reference: 0x2a, total: 2, part: 2 },
    ]);
    expect(decoded.map((d) => d.text).join('')).toBe(text);
  });

  it('sends one UCS-2 SMS of up to 70 characters without a header', () => {
    const text = 'Mời Ông/Bà số A023 đến Quầy 3.';
    const [pdu, ...rest] = submitPdus(TO, text, 'ucs2', 1);
    expect(rest).toEqual([]);
    expect(pdu?.hex).toBe(`00 01 00 ${DA} 00 08 ${byte(text.length * 2)} ${utf16beHex(text)}`.replace(/ /g, ''));
  });

  it('unaccents Vietnamese for GSM 7-bit and splits a long text at 153 septets with one fill bit after the header', () => {
    const text = 'Sắp đến lượt Ông/Bà (số A023): còn 3 người phía trước, khoảng 10 phút. Xin mời Ông/Bà về gần quầy. '.repeat(2);
    const plain = unaccent(text);
    expect(plain).toContain('Sap den luot Ong/Ba (so A023)');
    expect(isGsm7(plain)).toBe(true);
    const pdus = submitPdus(TO, text, 'gsm7', 7);
    expect(pdus).toHaveLength(2);
    const decoded = pdus.map((p) => decodeSubmit(p.hex));
    expect(decoded.map((d) => d.dcs)).toEqual([0, 0]);
    expect(decoded.map((d) => d.concat?.part)).toEqual([1, 2]);
    expect(decoded[0]?.text).toHaveLength(153);
    // UDL counts the header's 7 septets (6 octets + 1 fill bit) and the 153 characters.
    expect(pdus[0]?.hex.slice(2 + 2 + 2 + DA.length + 4, 2 + 2 + 2 + DA.length + 6)).toBe(byte(160));
    expect(decoded.map((d) => d.text).join('')).toBe(plain);
  });

  it('never splits a GSM extension character from its escape', () => {
    const text = `${'x'.repeat(152)}[${'y'.repeat(10)}`;
    const decoded = submitPdus(TO, text, 'gsm7', 0).map((p) => decodeSubmit(p.hex));
    expect(decoded[0]?.text).toBe('x'.repeat(152));
    expect(decoded.map((d) => d.text).join('')).toBe(text);
  });

  it('refuses a message too long for nine parts', () => {
    expect(() => submitPdus(TO, 'đ'.repeat(67 * 9 + 1), 'ucs2', 0)).toThrow(/too long/);
  });
});

describe('text mode', () => {
  it('cuts a long text between words into plain SMS and writes UCS-2 as hex', () => {
    const parts = textModeParts('Mời Ông/Bà '.repeat(10), 'ucs2');
    expect(parts.length).toBe(2);
    expect(parts.every((p) => [...p].length <= 70)).toBe(true);
    expect(textModeParts('Mời Ông/Bà số A023 đến Quầy 3.', 'gsm7')).toEqual(['Moi Ong/Ba so A023 den Quay 3.']);
    expect(ucs2Hex('+84')).toBe('002B00380034');
  });
});
