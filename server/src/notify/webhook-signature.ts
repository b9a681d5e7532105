import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/** A new signing secret: shown to the admin once, kept by the center to sign. */
export const newWebhookSecret = () => `whsec_${randomBytes(24).toString('base64url')}`;

/** `t=<unix seconds>,v1=<hex>`, where v1 = HMAC-SHA256(secret, "<t>.<body>"), as Stripe signs its webhooks. */
export function signWebhook(secret: string, body: string, unixSeconds: number): string {
  const v1 = createHmac('sha256', secret).update(`${unixSeconds}.${body}`).digest('hex');
  return `t=${unixSeconds},v1=${v1}`;
}

/** What a receiver does (the README shows it): recompute, compare in constant time, refuse old timestamps. */
export function verifyWebhook(secret: string, body: string, header: string, nowSeconds: number, toleranceSeconds = 300): boolean {
  const parts = new Map(header.split(',').map((p) => p.split('=', 2) as [string, string]));
  const t = Number(parts.get('t'));
  const v1 = parts.get('v1') ?? '';
  if (!Number.isInteger(t) || Math.abs(nowSeconds - t) > toleranceSeconds) return false;
  const expected = Buffer.from(signWebhook(secret, body, t).split('v1=')[1] ?? '', 'hex');
  const given = Buffer.from(v1, 'hex');
  return given.length === expected.length && timingSafeEqual(given, expected);
}
