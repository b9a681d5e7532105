import { describe, expect, it } from 'vitest';
import { defaultLang, isLang, langs, strings, t } from './i18n.ts';

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
