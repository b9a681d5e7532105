import { describe, expect, it } from 'vitest';
import { defaultLang, fill, fillParts, isLang, langs, strings, t } from './i18n.ts';

describe('strings', () => {
  it('has the same keys in every language', () => {
    const viKeys = Object.keys(strings.vi).sort();
    for (const lang of langs) {
      expect(Object.keys(strings[lang]).sort()).toEqual(viKeys);
    }
  });

  it('is NFC-normalized and non-empty', () => {
    for (const lang of langs) {
      for (const [key, text] of Object.entries(strings[lang])) {
        expect(text, `${lang}.${key}`).not.toBe('');
        expect(text.normalize('NFC'), `${lang}.${key}`).toBe(text);
      }
    }
  });

  it('uses the glossary wording for the app titles', () => {
    expect(t('vi', 'appName')).toBe('Lượt');
    expect(t('vi', 'kioskTitle')).toBe('Lấy số thứ tự');
    expect(t('vi', 'displayTitle')).toBe('Màn hình quầy');
    expect(t('vi', 'consoleTitle')).toBe('Bảng điều khiển cán bộ');
    expect(t('vi', 'connectionLost')).toBe('Mất kết nối');
    expect(t('en', 'connectionLost')).toBe('Connection lost');
  });
});

describe('isLang', () => {
  it('accepts only supported languages', () => {
    expect(defaultLang).toBe('vi');
    expect(isLang('vi')).toBe(true);
    expect(isLang('en')).toBe(true);
    expect(isLang('fr')).toBe(false);
    expect(isLang(null)).toBe(false);
  });
});

describe('hub strings', () => {
  it('has the same keys in both languages, NFC, non-empty, and fills placeholders', async () => {
    const { hubStrings, ht } = await import('./i18n-hub.ts');
    expect(Object.keys(hubStrings.en).sort()).toEqual(Object.keys(hubStrings.vi).sort());
    for (const lang of langs) {
      for (const [key, text] of Object.entries(hubStrings[lang])) {
        expect(text, `${lang}.${key}`).not.toBe('');
        expect(text.normalize('NFC'), `${lang}.${key}`).toBe(text);
      }
    }
    expect(ht('vi', 'hubSyncBehind', { minutes: 3 })).toBe('Chậm 3 phút');
  });
});

describe('fill', () => {
  it('fills every placeholder by name, in the order the translation puts them', () => {
    expect(fill('vi', 'displayCounter', { number: 3 })).toBe('Quầy số 3');
    expect(fill('en', 'boardAlertGroupNamed', { count: 2, names: 'A, B' })).toBe('2: A, B');
    expect(fill('vi', 'kioskTitle', {})).toBe('Lấy số thứ tự');
    // @ts-expect-error: the template names its placeholder `number`, so `num` does not type-check.
    expect(fill('vi', 'displayCounter', { num: 3 })).toBe('Quầy số {number}');
  });

  it('cuts a string into text and values for screens that set the values apart', () => {
    expect(fillParts('en', 'displayCounter', { number: 4 })).toEqual(['Counter ', '4', '']);
    expect(fillParts('vi', 'boardAlertGroupNamed', { count: 2, names: 'A, B' })).toEqual(['', '2', ': ', 'A, B', '']);
  });

  it('has the same placeholders in every language', () => {
    const names = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
    for (const [key, text] of Object.entries(strings.vi)) {
      expect(names(strings.en[key as keyof typeof strings.en]), key).toEqual(names(text));
    }
  });
});
