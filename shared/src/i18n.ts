/**
 * User-facing strings shared by the kiosk, counter display and staff console.
 * Vietnamese is the default language; vocabulary follows GLOSSARY.md. All text is NFC-normalized,
 * because decomposed diacritics render badly on some kiosk fonts and break string comparisons in tests.
 */

export const langs = ['vi', 'en'] as const;
export type Lang = (typeof langs)[number];
export const defaultLang: Lang = 'vi';

const vi = {
  appName: 'Lượt',
  kioskTitle: 'Lấy số thứ tự',
  displayTitle: 'Màn hình quầy',
  consoleTitle: 'Bảng điều khiển cán bộ',
  loading: 'Đang tải…',
  connected: 'Đã kết nối',
  connectionLost: 'Mất kết nối',
  connectionLostHint: 'Đang thử kết nối lại. Nếu kéo dài, vui lòng báo cán bộ hoặc quản trị viên.',
  language: 'Ngôn ngữ',
  languageVi: 'Tiếng Việt',
  languageEn: 'Tiếng Anh',
} as const satisfies Record<string, string>;

export type StringKey = keyof typeof vi;

// Typed against the Vietnamese keys so a missing or misspelled English entry is a compile error.
const en: Record<StringKey, string> = {
  appName: 'Lượt',
  kioskTitle: 'Take a queue number',
  displayTitle: 'Counter display',
  consoleTitle: 'Officer console',
  loading: 'Loading…',
  connected: 'Connected',
  connectionLost: 'Connection lost',
  connectionLostHint: 'Reconnecting. If this persists, please tell a staff member or the administrator.',
  language: 'Language',
  languageVi: 'Vietnamese',
  languageEn: 'English',
};

export const strings: Readonly<Record<Lang, Readonly<Record<StringKey, string>>>> = { vi, en };

export function t(lang: Lang, key: StringKey): string {
  return strings[lang][key];
}

export function isLang(value: unknown): value is Lang {
  return typeof value === 'string' && (langs as readonly string[]).includes(value);
}
