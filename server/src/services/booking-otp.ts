import { createHash, randomInt, timingSafeEqual } from 'node:crypto';
import type { Clock } from '../domain/clock.ts';
import { DomainError } from '../domain/errors.ts';

/** The SMS outbox's enqueue, as the booking needs it (wired to the "sms" service's enqueueSms at merge). */
export type SendSms = (msg: { to: string; text: string; purpose: 'otp' | 'near' | 'called' | 'booking' }) => void;

const LIFETIME_MS = 5 * 60_000;
const MAX_TRIES = 5;
/** A new code for the same phone no sooner than this: a page cannot make the center's modem spam someone. */
const RESEND_MS = 60_000;
/** Codes held at once; the oldest are dropped first, so a flood cannot grow memory without bound. */
const MAX_HELD = 20_000;

const digest = (code: string): Buffer => createHash('sha256').update(code).digest();

/**
 * One-time codes by SMS, asked before a booking only when an SMS gateway is configured (no gateway, no step). Held
 * in memory for five minutes as hashes: a restart only means asking for a new code. Never logged.
 */
export function createBookingOtp(deps: { clock: Clock; sendSms?: SendSms | undefined }) {
  const held = new Map<string, { hash: Buffer; expires: number; sentAt: number; tries: number }>();

  return {
    active: (): boolean => deps.sendSms !== undefined,

    send(phone: string): void {
      const sendSms = deps.sendSms;
      if (!sendSms) return;
      const now = deps.clock.now();
      const earlier = held.get(phone);
      if (earlier && now - earlier.sentAt < RESEND_MS) throw new DomainError('TOO_MANY_ATTEMPTS');
      const code = String(randomInt(1_000_000)).padStart(6, '0');
      held.delete(phone);
      held.set(phone, { hash: digest(code), expires: now + LIFETIME_MS, sentAt: now, tries: 0 });
      if (held.size > MAX_HELD) {
        const oldest = held.keys().next();
        if (!oldest.done) held.delete(oldest.value);
      }
      sendSms({ to: phone, text: `Mã xác nhận đặt lịch của Ông/Bà: ${code} (hiệu lực 5 phút). Không chia sẻ mã này.`, purpose: 'otp' });
    },

    /** Throws unless the gateway is off or `otp` is the phone's live code; a code works once. */
    verify(phone: string, otp: string | undefined): void {
      if (!deps.sendSms) return;
      if (otp === undefined) throw new DomainError('BOOKING_OTP_REQUIRED', undefined, ['body/otp']);
      const entry = held.get(phone);
      const now = deps.clock.now();
      if (!entry || entry.expires < now || entry.tries >= MAX_TRIES) throw new DomainError('BOOKING_OTP_WRONG', undefined, ['body/otp']);
      entry.tries++;
      if (!timingSafeEqual(entry.hash, digest(otp))) throw new DomainError('BOOKING_OTP_WRONG', undefined, ['body/otp']);
      held.delete(phone);
    },
  };
}

export type BookingOtp = ReturnType<typeof createBookingOtp>;
