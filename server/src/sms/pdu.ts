import { gsm7Septets, unaccent } from './gsm7.ts';

/** How the text travels: UCS-2 keeps Vietnamese as written (70 characters per SMS), GSM 7-bit drops its marks (160). */
export type SmsCharset = 'ucs2' | 'gsm7';

/** One SMS-SUBMIT ready for AT+CMGS in PDU mode: `length` is the TPDU's octets (without the SMSC byte). */
export interface SubmitPdu {
  hex: string;
  length: number;
}

const SINGLE = { gsm7: 160, ucs2: 70 } as const;
/** Per part once the 6-octet concatenation header takes its room. */
const PART = { gsm7: 153, ucs2: 67 } as const;
const MAX_PARTS = 9;

/**
 * The text cut into the units one SMS carries: septets for GSM 7-bit (an extension character's escape and code
 * stay together), UTF-16 code units for UCS-2 (a surrogate pair stays together).
 */
function units(text: string, charset: SmsCharset): number[][] {
  const chars = [...(charset === 'gsm7' ? unaccent(text) : text.normalize('NFC'))];
  if (charset === 'gsm7') return chars.map(gsm7Septets);
  return chars.map((ch) => {
    const out: number[] = [];
    for (let i = 0; i < ch.length; i++) out.push(ch.charCodeAt(i));
    return out;
  });
}

function split(chunks: number[][], charset: SmsCharset): number[][] {
  const total = chunks.reduce((n, c) => n + c.length, 0);
  if (total <= SINGLE[charset]) return [chunks.flat()];
  const parts: number[][] = [];
  let current: number[] = [];
  for (const chunk of chunks) {
    if (current.length + chunk.length > PART[charset]) {
      parts.push(current);
      current = [];
    }
    current.push(...chunk);
  }
  if (current.length > 0) parts.push(current);
  if (parts.length > MAX_PARTS) throw new RangeError(`an SMS of ${parts.length} parts is too long (at most ${MAX_PARTS})`);
  return parts;
}

/** Septets packed little-endian into octets, starting `skipBits` into the user data (after the header and fill). */
function packSeptets(septets: readonly number[], skipBits: number): number[] {
  const totalBits = skipBits + septets.length * 7;
  const out = new Array<number>(Math.ceil(totalBits / 8)).fill(0);
  septets.forEach((septet, i) => {
    for (let b = 0; b < 7; b++) {
      if ((septet >> b) & 1) {
        const bit = skipBits + i * 7 + b;
        out[bit >> 3] = (out[bit >> 3] ?? 0) | (1 << (bit & 7));
      }
    }
  });
  return out.slice(skipBits >> 3);
}

/** The destination address: digit count, type (0x91 international), digits in swapped nibbles padded with F. */
function address(number: string): number[] {
  const international = number.startsWith('+');
  const digits = number.replace(/\D/g, '');
  const padded = digits.length % 2 === 1 ? `${digits}F` : digits;
  const octets: number[] = [];
  for (let i = 0; i < padded.length; i += 2) octets.push(parseInt(`${padded[i + 1]}${padded[i]}`, 16));
  return [digits.length, international ? 0x91 : 0x81, ...octets];
}

const hex = (octets: readonly number[]) => octets.map((o) => o.toString(16).toUpperCase().padStart(2, '0')).join('');

/**
 * SMS-SUBMIT PDUs (3GPP TS 23.040) for one message: one PDU, or a concatenated series sharing `reference` (8-bit)
 * with a User Data Header (IEI 00) so the phone shows them as one message. The SMSC is the modem's own ("00").
 * `to` is dialled as given: "+84…" international, else national.
 */
export function submitPdus(to: string, text: string, charset: SmsCharset, reference: number): SubmitPdu[] {
  const parts = split(units(text, charset), charset);
  const concatenated = parts.length > 1;
  return parts.map((part, i) => {
    const udh = concatenated ? [0x05, 0x00, 0x03, reference & 0xff, parts.length, i + 1] : [];
    let userData: number[];
    let udl: number;
    if (charset === 'gsm7') {
      // The header is whole octets; the septets start at the next septet boundary (one fill bit for 6 octets).
      const headerBits = udh.length * 8;
      const fill = (7 - (headerBits % 7)) % 7;
      const packed = packSeptets(part, fill);
      userData = [...udh, ...packed];
      udl = (headerBits + fill) / 7 + part.length;
    } else {
      const octets = part.flatMap((unit) => [unit >> 8, unit & 0xff]);
      userData = [...udh, ...octets];
      udl = userData.length;
    }
    const firstOctet = 0x01 | (concatenated ? 0x40 : 0);
    const tpdu = [firstOctet, 0x00, ...address(to), 0x00, charset === 'ucs2' ? 0x08 : 0x00, udl, ...userData];
    return { hex: `00${hex(tpdu)}`, length: tpdu.length };
  });
}

/**
 * Text-mode messages (for modems without PDU mode): text mode cannot carry a concatenation header, so a long
 * message becomes several plain SMS, cut between words, each within one SMS's length.
 */
export function textModeParts(text: string, charset: SmsCharset): string[] {
  // Text mode with AT+CSCS="IRA" takes plain ASCII: whatever unaccenting leaves outside it is sent as '?'.
  const body = charset === 'gsm7' ? unaccent(text).replace(/[^\x20-\x7e\n]/g, '?') : text.normalize('NFC');
  const limit = SINGLE[charset];
  const parts: string[] = [];
  let current = '';
  for (const word of body.split(' ')) {
    const next = current === '' ? word : `${current} ${word}`;
    if ([...next].length <= limit) current = next;
    else {
      if (current !== '') parts.push(current);
      current = word.slice(0, limit);
    }
  }
  if (current !== '') parts.push(current);
  return parts;
}

/** A string as UCS-2 hex, the way AT+CSCS="UCS2" wants numbers and texts. */
export function ucs2Hex(text: string): string {
  return [...text.normalize('NFC')]
    .flatMap((ch) => Array.from({ length: ch.length }, (_, i) => ch.charCodeAt(i)))
    .map((u) => u.toString(16).toUpperCase().padStart(4, '0'))
    .join('');
}
