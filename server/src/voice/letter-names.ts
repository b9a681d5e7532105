/**
 * How a ticket prefix letter is read aloud in Vietnamese. The names are the ones people use when they
 * spell a word or a licence plate aloud: the five the glossary fixes (A "a", B "bê", C "xê", D "dê",
 * Đ "đê"), "gờ" and "hát" as the brief asks, the French-derived names for the rest, and the usual
 * spoken names of the four letters Vietnamese borrows (F "ép", J "gi", W "vê kép", Z "dét").
 * Two-syllable names are written with a hyphen, as in dictionaries ("e-lờ"); voice packs treat the
 * hyphen as a space (clip "e lờ.wav").
 */
export const vietnameseLetterNames: Readonly<Record<string, string>> = {
  A: 'a',
  B: 'bê',
  C: 'xê',
  D: 'dê',
  Đ: 'đê',
  E: 'e',
  F: 'ép',
  G: 'gờ',
  H: 'hát',
  I: 'i',
  J: 'gi',
  K: 'ca',
  L: 'e-lờ',
  M: 'em-mờ',
  N: 'en-nờ',
  O: 'o',
  P: 'pê',
  Q: 'quy',
  R: 'e-rờ',
  S: 'ét-xì',
  T: 'tê',
  U: 'u',
  V: 'vê',
  W: 'vê kép',
  X: 'ích-xì',
  Y: 'i dài',
  Z: 'dét',
};

/**
 * What espeak-ng is given instead of a name it cannot say on its own. A lone "gi" comes out as a bare
 * consonant; "di" is pronounced the same (/zi/ in the north, /ji/ in the south) and it reads that well.
 * Only the synthesizer's input changes: the text and the voice-pack clip stay "gi".
 */
export const espeakRespellings: Readonly<Record<string, string>> = { gi: 'di' };
