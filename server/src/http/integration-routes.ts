import {
  ApiTokenBody,
  ApiTokenCreated,
  ApiTokenView,
  ErrorBody,
  IdParams,
  WebhookActiveBody,
  WebhookBody,
  WebhookCreated,
  WebhookDeliveriesQuery,
  WebhookDeliveryView,
  WebhookView,
} from '@luot/shared';
import { Type } from 'typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { WebhookService } from '../notify/webhook-service.ts';
import type { ApiTokens } from '../services/api-tokens.ts';
import { staffOf, type Guards } from './guards.ts';
import { DomainError } from '../domain/errors.ts';

const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody };
const tags = ['integrations'];

const signatureHelp =
  'Each delivery is a POST with a JSON body (WebhookPayload) and the header `Luot-Signature: t=<unix seconds>,v1=<hex>`, ' +
  'where v1 = HMAC-SHA256(secret, "<t>.<raw body>"). Recompute it, compare in constant time and refuse a t older than five minutes. ' +
  'Answer 2xx within 10 s; anything else is retried with exponential backoff (30 s, 1 min, 2 min … up to 1 h between tries) for a day. ' +
  'A ticket’s events arrive in order; `id` is stable across retries and resends, so ignore one you already have.';

/** Webhooks (admins register them; an integration token with webhooks:receive reads its log) and API tokens. */
export const integrationRoutes: FastifyPluginAsyncTypebox<{ guards: Guards; webhooks: WebhookService; apiTokens: ApiTokens }> = async (app, deps) => {
  const admin = deps.guards.staff('admin');
  const adminOrReceiver = deps.guards.scoped('webhooks:receive', ['admin']);

  app.get('/api/admin/webhooks', { schema: { tags, summary: 'Registered webhooks, with how many deliveries wait or failed', response: { 200: Type.Array(WebhookView), ...errors } }, onRequest: admin }, async () =>
    deps.webhooks.list(),
  );

  app.post(
    '/api/admin/webhooks',
    {
      schema: {
        tags,
        summary: 'Register a URL for chosen events; the answer holds the signing secret, shown this once',
        description: signatureHelp,
        body: WebhookBody,
        response: { 201: WebhookCreated, ...errors },
      },
      onRequest: admin,
    },
    async (request, reply) => reply.status(201).send(deps.webhooks.create(request.body, staffOf(request))),
  );

  app.put(
    '/api/admin/webhooks/:id/active',
    { schema: { tags, summary: 'Switch a webhook off (its deliveries wait) or on again', params: IdParams, body: WebhookActiveBody, response: { 200: WebhookView, ...errors } }, onRequest: admin },
    async (request) => deps.webhooks.setActive(request.params.id, request.body.active, staffOf(request)),
  );

  app.get(
    '/api/admin/webhooks/deliveries',
    {
      schema: { tags, summary: 'The delivery log, newest first: attempts, last answer, failures', description: signatureHelp, querystring: WebhookDeliveriesQuery, response: { 200: Type.Array(WebhookDeliveryView), ...errors } },
      onRequest: adminOrReceiver,
    },
    async (request) => deps.webhooks.deliveries(request.query),
  );

  app.post(
    '/api/admin/webhooks/deliveries/:id/resend',
    { schema: { tags, summary: 'Send a delivery again (same body and event id), with a fresh day of retries', params: IdParams, response: { 200: WebhookDeliveryView, ...errors } }, onRequest: adminOrReceiver },
    async (request) => {
      if (!request.actor) throw new DomainError('UNAUTHENTICATED');
      // A receiver's token resends as the system; an admin's resend is audited under their name.
      const by = request.actor.kind === 'staff' ? request.actor : null;
      return deps.webhooks.resend(request.params.id, by);
    },
  );

  app.get('/api/admin/api-tokens', { schema: { tags, summary: 'API tokens for integrations (never the tokens themselves)', response: { 200: Type.Array(ApiTokenView), ...errors } }, onRequest: admin }, async () =>
    deps.apiTokens.list(),
  );

  app.post(
    '/api/admin/api-tokens',
    {
      schema: {
        tags,
        summary: 'Make a scoped API token; the answer holds the token, shown this once',
        description:
          'Scopes: `reports:read` (GET /api/reports and its exports), `live:read` (GET /api/live), `webhooks:receive` (the delivery log and resend), ' +
          '`tickets:issue` (POST /api/tickets for a partner kiosk, at a kiosk’s pace). Send it as `Authorization: Bearer i_…`. A token reaches no other route.',
        body: ApiTokenBody,
        response: { 201: ApiTokenCreated, ...errors },
      },
      onRequest: admin,
    },
    async (request, reply) => reply.status(201).send(deps.apiTokens.create(request.body, staffOf(request))),
  );

  app.delete(
    '/api/admin/api-tokens/:id',
    { schema: { tags, summary: 'Revoke an API token: it stops working at once', params: IdParams, response: { 200: ApiTokenView, ...errors } }, onRequest: admin },
    async (request) => deps.apiTokens.revoke(request.params.id, staffOf(request)),
  );
};
