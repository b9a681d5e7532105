import { CancelBody, ErrorBody, IdParams, IssuedTicket, IssueTicketBody, normalizeMobile, TicketActionResponse, TransferBody } from '@luot/shared';
import { DomainError } from '../domain/errors.ts';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { CounterDesk } from '../services/counter-desk.ts';
import type { Issuing } from '../services/issuing.ts';
import { actorOf, staffOf, type Guards } from './guards.ts';

const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody };

export interface TicketRoutesOptions {
  guards: Guards;
  issuing: Issuing;
  desk: CounterDesk;
}

export const ticketRoutes: FastifyPluginAsyncTypebox<TicketRoutesOptions> = async (app, { guards, issuing, desk }) => {
  app.post(
    '/api/tickets',
    {
      schema: {
        tags: ['tickets'],
        summary: 'Issue a ticket (kiosk, staff for a walk-in citizen, or a partner kiosk by an API token with tickets:issue)',
        body: IssueTicketBody,
        response: { 200: IssuedTicket, 201: IssuedTicket, ...errors, 429: ErrorBody, 503: ErrorBody },
      },
      onRequest: guards.scoped('tickets:issue', ['officer', 'supervisor', 'admin'], ['kiosk']),
    },
    async (request, reply) => {
      const { fieldId, priority, idempotencyKey, lang, phone: typed } = request.body;
      const phone = typed === undefined ? null : normalizeMobile(typed);
      if (typed !== undefined && phone === null) throw new DomainError('PHONE_INVALID', undefined, ['body/phone']);
      const input = { fieldId, priority: priority ?? null, idempotencyKey: idempotencyKey ?? null, lang: lang ?? 'vi', phone };
      const { created, body } = await issuing.issue(input, actorOf(request), request);
      // A replayed idempotency key answers 200 with the ticket already issued.
      return reply.status(created ? 201 : 200).send(body);
    },
  );

  app.get(
    '/api/tickets/:id',
    { schema: { tags: ['tickets'], params: IdParams, response: { 200: TicketActionResponse, ...errors } }, onRequest: guards.staff() },
    async (request) => desk.view(request.params.id),
  );

  const options = (summary: string) => ({
    tags: ['tickets'],
    summary,
    params: IdParams,
    response: { 200: TicketActionResponse, ...errors },
  });

  app.post('/api/tickets/:id/return', { schema: options('Return a held ticket to the queue'), onRequest: guards.staff() }, async (request) =>
    desk.ticket({ kind: 'returnHeld', ticketId: request.params.id }, staffOf(request)),
  );

  app.post(
    '/api/tickets/:id/transfer',
    { schema: { ...options('Transfer to another field or counter'), body: TransferBody }, onRequest: guards.staff() },
    async (request) => {
      const { toFieldId, toCounterId, note } = request.body;
      const command = { kind: 'transfer' as const, ticketId: request.params.id, toFieldId: toFieldId ?? null, toCounterId: toCounterId ?? null, note: note ?? null };
      return desk.ticket(command, staffOf(request));
    },
  );

  app.post('/api/tickets/:id/cancel', { schema: { ...options('Cancel a ticket'), body: CancelBody }, onRequest: guards.staff() }, async (request) =>
    desk.ticket({ kind: 'cancel', ticketId: request.params.id, reason: request.body.reason ?? null }, staffOf(request)),
  );
};
