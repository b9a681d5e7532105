/**
 * Vietnamese mobile numbers as a citizen types them at the kiosk. Since the 2018 renumbering every mobile number
 * is ten digits, 0 then 3, 5, 7, 8 or 9 (Viettel, MobiFone, Vinaphone, Vietnamobile, Gmobile, Itelecom); the same
 * number may be written +84… or 84… without the leading 0. Landlines (02…) cannot receive an SMS, so they are refused.
 */
const MOBILE = /^0[35789]\d{8}$/;

/** The national ten-digit form ("0912345123"), or null when the text is not a Vietnamese mobile number. */
export function normalizeMobile(input: string): string | null {
  const compact = input.replace(/[\s.\-()]/g, '');
  let national = compact;
  if (compact.startsWith('+84')) national = `0${compact.slice(3)}`;
  else if (compact.startsWith('84') && compact.length === 11) national = `0${compact.slice(2)}`;
  return MOBILE.test(national) ? national : null;
}

/** "+84912345123": the international form a GSM modem or an SMS gateway dials. */
export function internationalMobile(national: string): string {
  return `+84${national.slice(1)}`;
}

/** "09xx xxx 123": what a screen may show of a citizen's number (the first two and last three digits). */
export function maskMobile(national: string): string {
  const digits = national.replace(/\D/g, '');
  if (digits.length < 5) return 'xxx';
  return `${digits.slice(0, 2)}xx xxx ${digits.slice(-3)}`;
}
