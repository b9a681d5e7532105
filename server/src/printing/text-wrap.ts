/**
 * Greedy word wrap for one paragraph. Vietnamese is written with spaces between syllables, so breaking at
 * spaces is right; a single run wider than the line (a long URL, a code) is broken between characters
 * rather than drawn past the paper edge. A no-break space (U+00A0) keeps a number with its unit ("30 phút").
 */
export function wrapText(text: string, maxWidth: number, measure: (s: string) => number): string[] {
  const words = text.split(/[^\S\u00a0]+/).filter((w) => w.length > 0);
  const lines: string[] = [];
  let line = '';
  for (const word of words) {
    const candidate = line === '' ? word : `${line} ${word}`;
    if (measure(candidate) <= maxWidth) {
      line = candidate;
      continue;
    }
    if (line !== '') lines.push(line);
    line = '';
    if (measure(word) <= maxWidth) {
      line = word;
      continue;
    }
    for (const part of breakWord(word, maxWidth, measure)) {
      if (line !== '') lines.push(line);
      line = part;
    }
  }
  if (line !== '') lines.push(line);
  return lines;
}

function breakWord(word: string, maxWidth: number, measure: (s: string) => number): string[] {
  const parts: string[] = [];
  let part = '';
  // Array.from walks code points; after NFC every Vietnamese letter with its marks is one code point.
  for (const ch of Array.from(word)) {
    if (part !== '' && measure(part + ch) > maxWidth) {
      parts.push(part);
      part = ch;
    } else {
      part += ch;
    }
  }
  if (part !== '') parts.push(part);
  return parts;
}
