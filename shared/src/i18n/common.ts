// Words every app shows: titles, loading, connection, language, weekdays.
// Vocabulary from GLOSSARY.md; NFC text; `{name}` placeholders are filled by fill() in i18n.ts.

export const commonVi = {
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

  // Weekdays, Sunday first (Date#getUTCDay order), for clocks and dates on screens.
  weekdaySun: 'Chủ Nhật',
  weekdayMon: 'Thứ Hai',
  weekdayTue: 'Thứ Ba',
  weekdayWed: 'Thứ Tư',
  weekdayThu: 'Thứ Năm',
  weekdayFri: 'Thứ Sáu',
  weekdaySat: 'Thứ Bảy',
} as const;

export const commonEn = {
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

  weekdaySun: 'Sunday',
  weekdayMon: 'Monday',
  weekdayTue: 'Tuesday',
  weekdayWed: 'Wednesday',
  weekdayThu: 'Thursday',
  weekdayFri: 'Friday',
  weekdaySat: 'Saturday',
} as const satisfies Record<keyof typeof commonVi, string>;
