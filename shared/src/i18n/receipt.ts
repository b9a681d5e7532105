// The printed receipt (server/src/printing/receipt-layout.ts), in the language the citizen chose at the kiosk.
// Vocabulary from GLOSSARY.md; NFC text; `{name}` placeholders are filled by fill() in i18n.ts.

export const receiptVi = {
  receiptYourNumber: 'SỐ THỨ TỰ CỦA ÔNG/BÀ',
  receiptPriority: 'ƯU TIÊN: {name}',
  receiptPeopleAhead: 'Số người chờ trước Ông/Bà',
  receiptEstimatedWait: 'Thời gian chờ dự kiến',
  receiptCharter: 'Trung tâm cam kết: chờ tối đa {wait}\u00a0phút, giải quyết khoảng {service}\u00a0phút',
  receiptScanToFollow: 'Quét mã để theo dõi lượt của Ông/Bà',
  receiptLate: 'IN LẠI – số lấy lúc {time}',
} as const;

export const receiptEn = {
  receiptYourNumber: 'YOUR NUMBER',
  receiptPriority: 'PRIORITY: {name}',
  receiptPeopleAhead: 'People waiting ahead of you',
  receiptEstimatedWait: 'Estimated wait',
  receiptCharter: 'Our commitment: a wait of at most {wait}\u00a0min, handled in about {service}\u00a0min',
  receiptScanToFollow: 'Scan to follow your turn',
  receiptLate: 'REPRINTED LATE – taken at {time}',
} as const satisfies Record<keyof typeof receiptVi, string>;
