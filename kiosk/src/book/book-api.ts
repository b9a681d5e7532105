import { BookingConfirmation, BookingOk, BookingOptions, BookingView, SlotList, type RemoteBody, type SlotBody } from '@luot/shared';
import { request, type ApiResult } from '@luot/shared/ui';

/** The booking page's calls: public, no token; the secret code travels in the body, never in the address. */
export const bookApi = {
  options: (): Promise<ApiResult<BookingOptions>> => request('/api/bookings/options', BookingOptions),
  slots: (fieldId: number, day: string): Promise<ApiResult<SlotList>> => request(`/api/bookings/slots?fieldId=${fieldId}&day=${day}`, SlotList),
  otp: (phone: string) => request('/api/bookings/otp', BookingOk, { method: 'POST', body: { phone } }),
  remote: (body: RemoteBody): Promise<ApiResult<BookingConfirmation>> => request('/api/bookings/remote', BookingConfirmation, { method: 'POST', body }),
  slot: (body: SlotBody): Promise<ApiResult<BookingConfirmation>> => request('/api/bookings/slot', BookingConfirmation, { method: 'POST', body }),
  lookup: (code: string): Promise<ApiResult<BookingView>> => request('/api/bookings/lookup', BookingView, { method: 'POST', body: { code } }),
  cancel: (code: string): Promise<ApiResult<BookingView>> => request('/api/bookings/cancel', BookingView, { method: 'POST', body: { code } }),
  reschedule: (code: string, slotAt: number): Promise<ApiResult<BookingView>> => request('/api/bookings/reschedule', BookingView, { method: 'POST', body: { code, slotAt } }),
};

/** The code the confirmation link carries after '#': /book/#ABCDE-FGHJK. */
export function codeFromHash(hash: string): string | null {
  const code = decodeURIComponent(hash.replace(/^#/, '')).trim();
  return /^[A-Za-z0-9]{5}-?[A-Za-z0-9]{5}$/.test(code) ? code.toUpperCase() : null;
}

/** Local Ha Noi time of an instant, "08:15". */
export function hhmm(at: number): string {
  return new Date(at + 7 * 3_600_000).toISOString().slice(11, 16);
}

/** "Thứ Ba, 24/11" / "Tue 24/11" for a YYYY-MM-DD day. */
export function dayLabel(day: string, lang: 'vi' | 'en'): string {
  const date = new Date(`${day}T00:00:00Z`);
  const vi = ['Chủ nhật', 'Thứ Hai', 'Thứ Ba', 'Thứ Tư', 'Thứ Năm', 'Thứ Sáu', 'Thứ Bảy'];
  const en = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
  const dm = `${day.slice(8, 10)}/${day.slice(5, 7)}`;
  return `${(lang === 'vi' ? vi : en)[date.getUTCDay()] ?? ''}, ${dm}`;
}
