/** One SMS to one citizen: the number in its national form ("0912345123") and the text as written (NFC). */
export interface SmsMessage {
  to: string;
  text: string;
}

/**
 * Where SMS leave the center: a GSM modem on a serial port, an HTTP gateway, or the log. The outbox service calls
 * `send` for one message at a time; a throw means "not sent, try again later" and its message is kept for the
 * admin's SMS log, so it never carries the phone number or the text.
 */
export interface SmsGateway {
  readonly kind: 'modem' | 'http' | 'log';
  send(message: SmsMessage): Promise<void>;
  close(): Promise<void>;
}

/** A send that failed; `message` is safe to store and show (no number, no text). */
export class SmsSendError extends Error {
  override readonly name = 'SmsSendError';
}
