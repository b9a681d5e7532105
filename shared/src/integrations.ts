import { Type, type Static } from 'typebox';

/**
 * Webhooks and API tokens for the systems around the center (the province's one-stop system, partner kiosks).
 * Payloads carry ticket numbers, fields, counters, times, dossier codes and scores: never a phone, an ID number or
 * a free-text note, which may hold them.
 */
export const webhookEventTypes = ['ticket.issued', 'ticket.called', 'ticket.finished', 'ticket.rated', 'counter.opened', 'counter.paused', 'alert.raised'] as const;
export const WebhookEventType = Type.Union([
  Type.Literal('ticket.issued'),
  Type.Literal('ticket.called'),
  Type.Literal('ticket.finished'),
  Type.Literal('ticket.rated'),
  Type.Literal('counter.opened'),
  Type.Literal('counter.paused'),
  Type.Literal('alert.raised'),
]);
export type WebhookEventType = Static<typeof WebhookEventType>;

/** The header that carries the signature: `t=<unix seconds>,v1=<hex HMAC-SHA256(secret, "<t>.<body>")>`. */
export const WEBHOOK_SIGNATURE_HEADER = 'luot-signature';

export const WebhookBody = Type.Object(
  {
    url: Type.String({ minLength: 8, maxLength: 500, pattern: '^https?://', description: 'where the center POSTs each event', examples: ['https://motcua.example.gov.vn/luot/events'] }),
    events: Type.Array(WebhookEventType, { minItems: 1, maxItems: webhookEventTypes.length, uniqueItems: true }),
  },
  { additionalProperties: false },
);
export type WebhookBody = Static<typeof WebhookBody>;

export const WebhookView = Type.Object({
  id: Type.Integer(),
  url: Type.String(),
  events: Type.Array(WebhookEventType),
  active: Type.Boolean(),
  createdAt: Type.String({ format: 'date-time' }),
  pending: Type.Integer({ description: 'deliveries still waiting or being retried' }),
  failed: Type.Integer({ description: 'deliveries given up after a day of retries' }),
});
export type WebhookView = Static<typeof WebhookView>;

/** The answer to creating a webhook: the signing secret, shown this once. */
export const WebhookCreated = Type.Object({ webhook: WebhookView, secret: Type.String({ examples: ['whsec_3q2-7wEXAMPLE'] }) });
export type WebhookCreated = Static<typeof WebhookCreated>;

export const WebhookActiveBody = Type.Object({ active: Type.Boolean() }, { additionalProperties: false });
export type WebhookActiveBody = Static<typeof WebhookActiveBody>;

export const WebhookDeliveryView = Type.Object({
  id: Type.Integer(),
  webhookId: Type.Integer(),
  url: Type.String(),
  eventId: Type.String(),
  eventType: WebhookEventType,
  status: Type.Union([Type.Literal('pending'), Type.Literal('delivered'), Type.Literal('failed')]),
  attempts: Type.Integer(),
  lastStatus: Type.Union([Type.Integer(), Type.Null()]),
  lastError: Type.Union([Type.String(), Type.Null()]),
  createdAt: Type.String({ format: 'date-time' }),
  nextAttemptAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
  deliveredAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
});
export type WebhookDeliveryView = Static<typeof WebhookDeliveryView>;

export const WebhookDeliveriesQuery = Type.Object(
  {
    status: Type.Optional(Type.Union([Type.Literal('pending'), Type.Literal('delivered'), Type.Literal('failed')])),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500 })),
  },
  { additionalProperties: false },
);
export type WebhookDeliveriesQuery = Static<typeof WebhookDeliveriesQuery>;

/** What a receiver gets: one event, with an id it can use to ignore a repeat. */
export const WebhookPayload = Type.Object({
  id: Type.String({ description: 'stable per event: a resend carries the same id', examples: ['evt_1042'] }),
  type: WebhookEventType,
  at: Type.String({ format: 'date-time' }),
  data: Type.Record(Type.String(), Type.Union([Type.String(), Type.Number(), Type.Boolean(), Type.Null()])),
});
export type WebhookPayload = Static<typeof WebhookPayload>;

export const apiTokenScopes = ['reports:read', 'live:read', 'webhooks:receive', 'tickets:issue'] as const;
export const ApiTokenScope = Type.Union([Type.Literal('reports:read'), Type.Literal('live:read'), Type.Literal('webhooks:receive'), Type.Literal('tickets:issue')]);
export type ApiTokenScope = Static<typeof ApiTokenScope>;

export const ApiTokenBody = Type.Object(
  {
    name: Type.String({ minLength: 1, maxLength: 120, examples: ['Hệ thống một cửa tỉnh'] }),
    scopes: Type.Array(ApiTokenScope, { minItems: 1, maxItems: apiTokenScopes.length, uniqueItems: true, examples: [['reports:read', 'live:read']] }),
  },
  { additionalProperties: false },
);
export type ApiTokenBody = Static<typeof ApiTokenBody>;

export const ApiTokenView = Type.Object({
  id: Type.Integer(),
  name: Type.String(),
  scopes: Type.Array(ApiTokenScope),
  createdAt: Type.String({ format: 'date-time' }),
  lastUsedAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
  revoked: Type.Boolean(),
});
export type ApiTokenView = Static<typeof ApiTokenView>;

/** The token itself is in this answer only; the center keeps its hash. */
export const ApiTokenCreated = Type.Object({ token: Type.String({ examples: ['i_Yk3…'] }), view: ApiTokenView });
export type ApiTokenCreated = Static<typeof ApiTokenCreated>;

/** A still image or short video for the hall board's side panel; `url` is served by the center's own server. */
export const HallMediaView = Type.Object({
  id: Type.Integer(),
  kind: Type.Union([Type.Literal('image'), Type.Literal('video')]),
  mime: Type.String(),
  title: Type.String(),
  bytes: Type.Integer(),
  seconds: Type.Integer({ description: 'how long a still image stays; a video plays to its end' }),
  url: Type.String({ examples: ['/media/3f0c2a9e-1b7d-4c55-9a61-0d2f8b1e7c44.png'] }),
  createdAt: Type.String({ format: 'date-time' }),
});
export type HallMediaView = Static<typeof HallMediaView>;

export const HallMediaUploadQuery = Type.Object(
  {
    title: Type.String({ minLength: 1, maxLength: 120 }),
    seconds: Type.Optional(Type.Integer({ minimum: 3, maximum: 120 })),
  },
  { additionalProperties: false },
);
export type HallMediaUploadQuery = Static<typeof HallMediaUploadQuery>;

/** Upload limits: a still image up to 5 MB, a video up to 50 MB (a short clip at TV resolution). */
export const HALL_MEDIA_LIMITS = { image: 5 * 1024 * 1024, video: 50 * 1024 * 1024 } as const;
