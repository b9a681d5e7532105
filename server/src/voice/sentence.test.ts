import { describe, expect, it } from 'vitest';
import { callSentence, clipName, englishCall, ticketRuns, vietnameseCall } from './sentence.ts';
import { englishNumber, vietnameseNumber } from './numbers.ts';
import { vietnameseLetterNames } from './letter-names.ts';

/** [number, Vietnamese reading, its tokens, English reading] */
const numbers: [string, string, string[], string][] = [
  ['A001', 'a một', ['a', 'một'], 'A one'],
  ['B015', 'bê mười lăm', ['bê', 'mười lăm'], 'B fifteen'],
  ['C100', 'xê một trăm', ['xê', 'một trăm'], 'C one hundred'],
  ['D999', 'dê chín trăm chín mươi chín', ['dê', 'chín trăm chín mươi chín'], 'D nine hundred ninety-nine'],
  ['1023', 'một nghìn không trăm hai mươi ba', ['một nghìn không trăm hai mươi ba'], 'one thousand twenty-three'],
  ['Đ007', 'đê bảy', ['đê', 'bảy'], 'Đ seven'],
];
const counters: [number, string, string][] = [
  [1, 'một', 'one'],
  [3, 'ba', 'three'],
  [8, 'tám', 'eight'],
  [10, 'mười', 'ten'],
  [21, 'hai mươi mốt', 'twenty-one'],
];

describe('the Vietnamese call sentence', () => {
  for (const [number, numberVi, numberTokens] of numbers) {
    for (const [counter, counterVi] of counters) {
      it(`${number} at counter ${counter}`, () => {
        const part = vietnameseCall(number, counter);
        expect(part.text).toBe(`Mời công dân có số ${numberVi} đến quầy số ${counterVi}.`);
        expect(part.text).toBe(part.text.normalize('NFC'));
        expect(part.tokens).toEqual(['mời công dân có số', ...numberTokens, 'đến quầy số', counterVi]);
        expect(part.synthesis).toEqual({ input: part.text, ssml: false });
      });
    }
  }

  it('spells out the pieces word for word', () => {
    expect(vietnameseCall('A023', 3).text).toBe('Mời công dân có số a hai mươi ba đến quầy số ba.');
    expect(vietnameseCall('Đ007', 10).tokens).toEqual(['mời công dân có số', 'đê', 'bảy', 'đến quầy số', 'mười']);
    expect(vietnameseCall('1023', 21).tokens).toEqual(['mời công dân có số', 'một nghìn không trăm hai mươi ba', 'đến quầy số', 'hai mươi mốt']);
  });

  it('reads all-zero, mixed and letter-only numbers', () => {
    expect(vietnameseCall('A000', 1).text).toBe('Mời công dân có số a không đến quầy số một.');
    expect(vietnameseCall('AB12', 2).text).toBe('Mời công dân có số a bê mười hai đến quầy số hai.');
    expect(vietnameseCall('12A', 4).text).toBe('Mời công dân có số mười hai a đến quầy số bốn.');
    expect(vietnameseCall('L105', 24).text).toBe('Mời công dân có số e-lờ một trăm lẻ năm đến quầy số hai mươi tư.');
    expect(vietnameseCall('L105', 24).tokens).toContain('e lờ');
    expect(vietnameseCall('W5', 15).text).toBe('Mời công dân có số vê kép năm đến quầy số mười lăm.');
  });

  it('feeds espeak-ng a respelling only where it needs one', () => {
    const part = vietnameseCall('J001', 3);
    expect(part.text).toBe('Mời công dân có số gi một đến quầy số ba.');
    expect(part.tokens).toContain('gi');
    expect(part.synthesis.input).toBe('Mời công dân có số di một đến quầy số ba.');
  });

  it('rejects what a board never shows', () => {
    expect(() => vietnameseCall('a023', 3)).toThrow(RangeError);
    expect(() => vietnameseCall('A0234567X', 3)).toThrow(RangeError);
    expect(() => vietnameseCall('', 3)).toThrow(RangeError);
    expect(() => vietnameseCall('A023', 0)).toThrow(RangeError);
    expect(() => vietnameseCall('A023', 1.5)).toThrow(RangeError);
  });
});

describe('the English call sentence', () => {
  for (const [number, , , numberEn] of numbers) {
    for (const [counter, , counterEn] of counters) {
      it(`${number} at counter ${counter}`, () => {
        expect(englishCall(number, counter).text).toBe(`Number ${numberEn}, please go to counter ${counterEn}.`);
      });
    }
  }

  it('tells espeak-ng to spell letters, and lists clip names', () => {
    const part = englishCall('AB12', 3);
    expect(part.text).toBe('Number AB twelve, please go to counter three.');
    expect(part.synthesis).toEqual({ input: '<speak>Number <say-as interpret-as="characters">AB</say-as> twelve, please go to counter three.</speak>', ssml: true });
    expect(part.tokens).toEqual(['number', 'a', 'b', 'twelve', 'please go to counter', 'three']);
    expect(englishCall('A023', 21).tokens).toEqual(['number', 'a', 'twenty three', 'please go to counter', 'twenty one']);
    expect(englishCall('12A', 4).text).toBe('Number twelve A, please go to counter four.');
    expect(englishCall('Đ007', 3).synthesis.input).toBe('<speak>Number <say-as interpret-as="characters">Đ</say-as> seven, please go to counter three.</speak>');
  });
});

describe('the whole call', () => {
  it('is Vietnamese alone, or Vietnamese then English', () => {
    expect(callSentence('A023', 3, { english: false }).text).toBe('Mời công dân có số a hai mươi ba đến quầy số ba.');
    const both = callSentence('A023', 3, { english: true });
    expect(both.text).toBe('Mời công dân có số a hai mươi ba đến quầy số ba. Number A twenty-three, please go to counter three.');
    expect(both.parts.map((p) => p.lang)).toEqual(['vi', 'en']);
  });
});

describe('pieces', () => {
  it('splits ticket numbers into letters and digit runs', () => {
    expect(ticketRuns('A023')).toEqual(['A', '023']);
    expect(ticketRuns('Đ007')).toEqual(['Đ', '007']);
    expect(ticketRuns('1023')).toEqual(['1023']);
  });

  it('names every letter a ticket may carry, in NFC', () => {
    for (const letter of 'ABCDĐEFGHIJKLMNOPQRSTUVWXYZ') {
      const name = vietnameseLetterNames[letter];
      expect(name, letter).toBeTruthy();
      expect(name).toBe(name?.normalize('NFC'));
    }
  });

  it('reads numbers in both languages', () => {
    expect(vietnameseNumber('0')).toBe('không');
    expect(vietnameseNumber('1005')).toBe('một nghìn không trăm lẻ năm');
    expect(vietnameseNumber('25')).toBe('hai mươi lăm');
    expect(englishNumber('0')).toBe('zero');
    expect(englishNumber('110')).toBe('one hundred ten');
    expect(englishNumber('1000000')).toBe('one million');
    expect(englishNumber('99999999')).toBe('ninety-nine million nine hundred ninety-nine thousand nine hundred ninety-nine');
  });

  it('normalizes clip names', () => {
    expect(clipName('  Mời  công dân ')).toBe('mời công dân');
    expect(clipName('e-lờ')).toBe('e lờ');
    expect(clipName('Mo\u0300i')).toBe('mòi');
  });
});
