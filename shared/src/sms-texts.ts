/**
 * The SMS a citizen receives about their number, in Vietnamese (NFC), addressed as "Ông/Bà" (GLOSSARY.md). Kept
 * short: in UCS-2 one SMS holds 70 characters, so the "called" text fits one message and the "near" text two.
 */
export const smsTexts = {
  called: (number: string, counterNumber: number): string => `Mời Ông/Bà số ${number} đến Quầy ${counterNumber}.`.normalize('NFC'),
  near: (number: string, peopleAhead: number, minutes: number | null): string =>
    `Sắp đến lượt Ông/Bà (số ${number}): còn ${peopleAhead} người phía trước${minutes === null ? '' : `, khoảng ${minutes} phút`}. Xin mời Ông/Bà về gần quầy.`.normalize('NFC'),
};
