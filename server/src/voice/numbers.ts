import { doReadNumber, ReadingConfig } from 'read-vietnamese-number';

const vietnamese = new ReadingConfig();
// The library appends "đơn vị" by default; a ticket number has no unit.
vietnamese.unit = [];

/**
 * A run of digits as Vietnamese words, with the library's standard reading: "lẻ" for an empty tens
 * place (105 "một trăm lẻ năm"), "mốt", "tư", "lăm" after "mươi" (21, 24, 25), "nghìn" for thousands.
 * Leading zeros are not read: "023" is "hai mươi ba", "000" is "không".
 */
export function vietnameseNumber(digits: string): string {
  if (!/^[0-9]+$/.test(digits)) throw new Error(`not a run of digits: "${digits}"`);
  return doReadNumber(digits, vietnamese).normalize('NFC');
}

const ONES = ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve', 'thirteen', 'fourteen', 'fifteen', 'sixteen', 'seventeen', 'eighteen', 'nineteen'];
const TENS = ['', '', 'twenty', 'thirty', 'forty', 'fifty', 'sixty', 'seventy', 'eighty', 'ninety'];
const SCALES: [number, string][] = [
  [1_000_000_000, 'billion'],
  [1_000_000, 'million'],
  [1000, 'thousand'],
  [100, 'hundred'],
];

function below100(n: number): string {
  if (n < 20) return ONES[n] ?? '';
  const tens = TENS[Math.floor(n / 10)] ?? '';
  return n % 10 === 0 ? tens : `${tens}-${ONES[n % 10] ?? ''}`;
}

function spell(n: number): string {
  for (const [size, name] of SCALES) {
    if (n >= size) {
      const rest = n % size;
      const head = `${spell(Math.floor(n / size))} ${name}`;
      return rest === 0 ? head : `${head} ${spell(rest)}`;
    }
  }
  return below100(n);
}

/** A run of digits as English words, American style without "and": "1023" → "one thousand twenty-three". */
export function englishNumber(digits: string): string {
  if (!/^[0-9]{1,12}$/.test(digits)) throw new Error(`not a run of at most 12 digits: "${digits}"`);
  return spell(Number(digits));
}
