import { Type, type Static } from 'typebox';

/** When a waiting citizen with a phone is told their turn is near: at most `ahead` people ahead, or `minutes` left. */
export const NearRule = Type.Object(
  { ahead: Type.Integer({ minimum: 0, maximum: 50 }), minutes: Type.Integer({ minimum: 0, maximum: 240 }) },
  { additionalProperties: false },
);
export type NearRule = Static<typeof NearRule>;

/** PUT /api/admin/sms/settings: the center's rule, per-field overrides (by field id), and how long phones are kept. */
export const SmsSettingsBody = Type.Object(
  {
    near: NearRule,
    fields: Type.Record(Type.String({ pattern: '^[0-9]+$' }), NearRule),
    /** Decree 13/2023: phone numbers and the SMS that carried them are deleted after this many days. */
    personalDataDays: Type.Integer({ minimum: 1, maximum: 365 }),
  },
  { additionalProperties: false },
);
export type SmsSettingsBody = Static<typeof SmsSettingsBody>;

export const SmsPurpose = Type.Union([Type.Literal('otp'), Type.Literal('near'), Type.Literal('called'), Type.Literal('booking')]);

/** One line of the admin's SMS log: the number masked (09xx xxx 123), a one-time code hidden. */
export const SmsLogEntry = Type.Object({
  id: Type.Integer(),
  to: Type.String(),
  purpose: SmsPurpose,
  text: Type.String(),
  status: Type.Union([Type.Literal('queued'), Type.Literal('sent'), Type.Literal('failed')]),
  attempts: Type.Integer(),
  createdAt: Type.Integer(),
  sentAt: Type.Union([Type.Integer(), Type.Null()]),
  nextAt: Type.Union([Type.Integer(), Type.Null()]),
  lastError: Type.Union([Type.String(), Type.Null()]),
});
export type SmsLogEntry = Static<typeof SmsLogEntry>;

/** GET /api/admin/sms: which gateway is in use (LUOT_SMS), the settings and the latest messages. */
export const SmsAdminView = Type.Object({
  gateway: Type.Union([Type.Literal('modem'), Type.Literal('http'), Type.Literal('log')]),
  settings: SmsSettingsBody,
  log: Type.Array(SmsLogEntry),
});
export type SmsAdminView = Static<typeof SmsAdminView>;
