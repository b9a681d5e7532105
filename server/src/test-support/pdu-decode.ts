/**
 * Reads an SMS-SUBMIT PDU back (3GPP TS 23.040), written apart from the encoder so tests check it against the
 * standard rather than against itself: the number, the coding, the concatenation header and the text.
 */
const GSM7 =
  '@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞ\u001bÆæßÉ !"#¤%&\'()*+,-./0123456789:;<=>?¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà';
const GSM7_EXT: Record<number, string> = { 0x0a: '\f', 0x14: '^', 0x28: '{', 0x29: '}', 0x2f: '\\', 0x3c: '[', 0x3d: '~', 0x3e: ']', 0x40: '|', 0x65: '€' };

export interface DecodedSubmit {
  to: string;
  dcs: number;
  concat: { reference: number; total: number; part: number } | null;
  text: string;
}

export function decodeSubmit(hex: string): DecodedSubmit {
  const o = Buffer.from(hex, 'hex');
  let i = 0;
  const scaLength = o[i++] ?? 0;
  i += scaLength;
  const first = o[i++] ?? 0;
  const udhi = (first & 0x40) !== 0;
  i++; // message reference
  const digits = o[i++] ?? 0;
  const toa = o[i++] ?? 0;
  let to = '';
  for (let k = 0; k < Math.ceil(digits / 2); k++) {
    const b = o[i++] ?? 0;
    to += `${b & 0x0f}${(b >> 4) === 0x0f ? '' : b >> 4}`;
  }
  if (toa === 0x91) to = `+${to}`;
  i++; // PID
  const dcs = o[i++] ?? 0;
  if ((first & 0x18) !== 0) throw new Error('validity period present: not what the encoder writes');
  const udl = o[i++] ?? 0;
  const ud = o.subarray(i);
  let headerOctets = 0;
  let concat: DecodedSubmit['concat'] = null;
  if (udhi) {
    headerOctets = (ud[0] ?? 0) + 1;
    if (ud[1] === 0x00) concat = { reference: ud[3] ?? 0, total: ud[4] ?? 0, part: ud[5] ?? 0 };
  }
  let text = '';
  if (dcs === 0x08) {
    const body = Buffer.from(ud.subarray(headerOctets, udl));
    text = body.swap16().toString('utf16le');
  } else {
    const skipSeptets = Math.ceil((headerOctets * 8) / 7);
    const septets: number[] = [];
    for (let s = 0; s < udl; s++) {
      const bit = s * 7;
      const lo = ud[bit >> 3] ?? 0;
      const hi = ud[(bit >> 3) + 1] ?? 0;
      septets.push((((hi << 8) | lo) >> (bit & 7)) & 0x7f);
    }
    let escaped = false;
    for (const s of septets.slice(skipSeptets)) {
      if (escaped) {
        text += GSM7_EXT[s] ?? '?';
        escaped = false;
      } else if (s === 0x1b) escaped = true;
      else text += GSM7[s] ?? '?';
    }
  }
  return { to, dcs, concat, text };
}
