/**
 * The GSM 03.38 default alphabet and its extension table. A message in "unaccented" mode is first stripped of
 * Vietnamese diacritics ("Mời Ông/Bà" → "Moi Ong/Ba"), which every phone shows and which fits 160 characters in
 * one SMS instead of 70 in UCS-2.
 */
const BASIC =
  '@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞ\u001bÆæßÉ !"#¤%&\'()*+,-./0123456789:;<=>?¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà';
const EXTENSION: Readonly<Record<string, number>> = { '\f': 0x0a, '^': 0x14, '{': 0x28, '}': 0x29, '\\': 0x2f, '[': 0x3c, '~': 0x3d, ']': 0x3e, '|': 0x40, '€': 0x65 };
const ESCAPE = 0x1b;

const basicCode = new Map<string, number>([...BASIC].map((ch, i) => [ch, i]));

/** Vietnamese (or any Latin) text without its diacritics; đ and Đ become d and D. */
export function unaccent(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .normalize('NFC');
}

/**
 * The septets of one character: one for the basic table, two (escape + code) for the extension table, '?' for
 * anything else. Kept per character so that a message is never split between an escape and its code.
 */
export function gsm7Septets(ch: string): number[] {
  const basic = basicCode.get(ch);
  if (basic !== undefined && basic !== ESCAPE) return [basic];
  const ext = EXTENSION[ch];
  if (ext !== undefined) return [ESCAPE, ext];
  return [basicCode.get('?') ?? 0x3f];
}

/** Whether every character of the text is in the GSM default alphabet (after unaccenting, nothing is lost). */
export function isGsm7(text: string): boolean {
  return [...text].every((ch) => (basicCode.has(ch) && ch !== '\u001b') || ch in EXTENSION);
}
