import { englishNumber, vietnameseNumber } from './numbers.ts';
import { espeakRespellings, vietnameseLetterNames } from './letter-names.ts';

export type VoiceLang = 'vi' | 'en';

/** One sentence in one language: what it says, the pieces a voice pack needs, what espeak-ng is fed. */
export interface SpokenPart {
  lang: VoiceLang;
  /** The sentence as written (NFC), e.g. "Mời công dân có số a hai mươi ba đến quầy số ba." */
  text: string;
  /** Words and phrases in speaking order, in clip-name form (see {@link clipName}). */
  tokens: string[];
  /** Input for espeak-ng; `ssml` means it must be run with `-m`. */
  synthesis: { input: string; ssml: boolean };
}

export interface CallSentence {
  /** All parts' text, Vietnamese first. */
  text: string;
  parts: SpokenPart[];
}

const TICKET_NUMBER = /^[A-Z0-9Đ]{1,8}$/;
const RUNS = /[0-9]+|[A-ZĐ]/g;

/** The form a phrase takes as a voice-pack clip name: NFC, lower case, hyphens as spaces, single spaces. */
export function clipName(phrase: string): string {
  return phrase.normalize('NFC').toLowerCase().split(/[\s\-‐]+/u).filter(Boolean).join(' ');
}

/** Splits "A023" into ["A", "023"], "AB12" into ["A", "B", "12"]: letters one by one, digits as whole runs. */
export function ticketRuns(number: string): string[] {
  if (!TICKET_NUMBER.test(number)) throw new RangeError(`ticket number must match ${TICKET_NUMBER.source}, got "${number}"`);
  return number.match(RUNS) ?? [];
}

const isDigits = (run: string) => run.charCodeAt(0) >= 48 && run.charCodeAt(0) <= 57;

function letterName(letter: string): string {
  const name = vietnameseLetterNames[letter];
  if (name === undefined) throw new RangeError(`no Vietnamese name for letter "${letter}"`);
  return name;
}

function checkCounter(counter: number): void {
  if (!Number.isInteger(counter) || counter < 1 || counter > 999) throw new RangeError(`counter must be a whole number 1–999, got ${counter}`);
}

/** A ticket number in Vietnamese words: each phrase as written, and as espeak-ng is fed it. */
export interface TicketWords {
  /** "A023" → ["a", "hai mươi ba"]. */
  phrases: string[];
  /** The same with espeak-ng's respellings ("gi" → "di"). */
  spoken: string[];
}

/**
 * A ticket number read in Vietnamese: prefix letters by their Vietnamese names, each run of digits as one
 * number without its leading zeros ("A023" → "a hai mươi ba", "1023" → "một nghìn không trăm hai mươi ba").
 */
export function vietnameseTicketWords(number: string): TicketWords {
  const phrases = ticketRuns(number).map((run) => (isDigits(run) ? vietnameseNumber(run) : letterName(run)));
  return { phrases, spoken: phrases.map((phrase) => espeakRespellings[phrase] ?? phrase) };
}

/**
 * "Mời công dân có số {number} đến quầy số {counter}." with the number and counter read as words
 * (see {@link vietnameseTicketWords}).
 */
export function vietnameseCall(number: string, counter: number): SpokenPart {
  checkCounter(counter);
  const { phrases: numberPhrases, spoken: respelled } = vietnameseTicketWords(number);
  const counterPhrase = vietnameseNumber(String(counter));
  const sentence = (phrases: string[]) => `Mời công dân có số ${phrases.join(' ')} đến quầy số ${counterPhrase}.`;
  return {
    lang: 'vi',
    text: sentence(numberPhrases),
    tokens: ['mời công dân có số', ...numberPhrases, 'đến quầy số', counterPhrase].map(clipName),
    synthesis: { input: sentence(respelled), ssml: false },
  };
}

/**
 * A ticket number for an English sentence: letters keep their written form and are marked for spelling in
 * SSML (otherwise espeak-ng reads a lone "A" as the article); digits are one number: "A023" → "A twenty-three".
 */
export function englishTicketWords(number: string): { text: string; ssml: string; tokens: string[] } {
  ticketRuns(number); // validates
  // Consecutive letters are shown and spelled together: "AB12" → "AB twelve".
  const groups = number.match(/[0-9]+|[A-ZĐ]+/g) ?? [];
  const shown = groups.map((group) => (isDigits(group) ? englishNumber(group) : group));
  const marked = groups.map((group, i) => (isDigits(group) ? shown[i] : `<say-as interpret-as="characters">${group}</say-as>`));
  const tokens = groups.flatMap((group, i) => (isDigits(group) ? [shown[i] ?? ''] : [...group]));
  return { text: shown.join(' '), ssml: marked.join(' '), tokens };
}

/** "Number {number}, please go to counter {counter}.", the number read as by {@link englishTicketWords}. */
export function englishCall(number: string, counter: number): SpokenPart {
  checkCounter(counter);
  const words = englishTicketWords(number);
  const counterWords = englishNumber(String(counter));
  const sentence = (numberText: string) => `Number ${numberText}, please go to counter ${counterWords}.`;
  return {
    lang: 'en',
    text: sentence(words.text),
    tokens: ['number', ...words.tokens, 'please go to counter', counterWords].map(clipName),
    synthesis: { input: `<speak>${sentence(words.ssml)}</speak>`, ssml: true },
  };
}

/** The whole call: the Vietnamese sentence, then the English one when asked. */
export function callSentence(number: string, counter: number, options: { english: boolean }): CallSentence {
  const parts = [vietnameseCall(number, counter)];
  if (options.english) parts.push(englishCall(number, counter));
  return { text: parts.map((p) => p.text).join(' '), parts };
}
