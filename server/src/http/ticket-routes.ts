import { CancelBody, ErrorBody, IdParams, IssuedTicket, IssueTicketBody, TicketActionResponse, TransferBody } from '@luot/shared';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { AppDeps } from '../deps.ts';
import { DomainError } from '../domain/errors.ts';
import { queueRepo } from '../db/repositories/queue-repo.ts';
import { ticketView } from '../db/repositories/views-repo.ts';
import type { Actor } from '../services/actor.ts';
import type { Outcome } from '../services/queue-service.ts';
import { actorOf, staffOf } from './guards.ts';

const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody };

export const ticketRoutes: FastifyPluginAsyncTypebox<{ deps: AppDeps }> = async (app, { deps }) => {
  const { db } = deps.store;

  app.post(
    '/api/tickets',
    {
      schema: {
        tags: ['tickets'],
        summary: 'Issue a ticket (kiosk, or staff for a walk-in citizen)',
        body: IssueTicketBody,
        response: { 200: IssuedTicket, 201: IssuedTicket, ...errors, 429: ErrorBody, 503: ErrorBody },
      },
      onRequest: deps.guards.either(['officer', 'supervisor', 'admin'], ['kiosk']),
    },
    async (request, reply) => {
      const issuer = actorOf(request);
      if (issuer.kind === 'device') deps.kioskPace.take(issuer);
      const out = await deps.queue.issue(
        { fieldId: request.body.fieldId, priority: request.body.priority ?? null, idempotencyKey: request.body.idempotencyKey ?? null },
        actorOf(request),
      );

      deps.announcer.announce(out);
      const actor = actorOf(request);
      // Counted as the engine will call them: a priority citizen is told only the priority citizens ahead.
      const { peopleAhead, estimatedWaitMinutes } = deps.estimates.forCitizen(out.ticket) ?? { peopleAhead: 0, estimatedWaitMinutes: null };
      const trackingPath = `/t/${out.trackingCode}`;
      // The QR code must open on a phone on the center's Wi-Fi: the address the kiosk reached us at, unless that is
      // localhost or a name phones cannot look up (then the server's LAN address), or LUOT_PUBLIC_URL.
      const trackingUrl = `${deps.publicUrls.for(request).base}${trackingPath}`;
      // A replayed request must not print a second receipt; it is told how the first one went.
      const print = out.created
        ? await deps.receipts.print(actor, out.ticket, { peopleAhead, estimatedWaitMinutes, trackingUrl, lang: request.body.lang ?? 'vi' })
        : await deps.receipts.previous(out.ticket.id);
      const body = { ticket: ticketView(out.ticket), trackingCode: out.trackingCode, trackingPath, peopleAhead, estimatedWaitMinutes, print };
      // A replayed idempotency key answers 200 with the ticket already issued.
      return reply.status(out.created ? 201 : 200).send(body);
    },
  );

  app.get(
    '/api/tickets/:id',
    { schema: { tags: ['tickets'], params: IdParams, response: { 200: TicketActionResponse, ...errors } }, onRequest: deps.guards.staff() },
    async (request) => {
      const ticket = queueRepo.tickets(db, [request.params.id]).get(request.params.id);
      if (!ticket) throw new DomainError('TICKET_NOT_FOUND');
      return { ticket: ticketView(ticket) };
    },
  );

  /** Officers act on tickets at their own counter; supervisors and admins on any ticket. */
  function mayHandle(actor: Actor, ticketId: number): void {
    if (actor.kind !== 'staff') throw new DomainError('FORBIDDEN');
    if (actor.role !== 'officer') return;
    const ticket = queueRepo.tickets(db, [ticketId]).get(ticketId);
    if (!ticket) throw new DomainError('TICKET_NOT_FOUND');
    if (actor.counterId === null || ticket.counterId !== actor.counterId) throw new DomainError('NOT_AT_THIS_COUNTER');
  }

  function respond(out: Outcome, ticketId: number) {
    deps.announcer.announce(out);
    const ticket = out.tickets.find((t) => t.id === ticketId);
    if (!ticket) throw new DomainError('TICKET_NOT_FOUND');
    return { ticket: ticketView(ticket) };
  }

  const options = (summary: string) => ({
    tags: ['tickets'],
    summary,
    params: IdParams,
    response: { 200: TicketActionResponse, ...errors },
  });

  app.post('/api/tickets/:id/return', { schema: options('Return a held ticket to the queue'), onRequest: deps.guards.staff() }, async (request) => {
    const actor = staffOf(request);
    mayHandle(actor, request.params.id);
    return respond(await deps.queue.run({ kind: 'returnHeld', ticketId: request.params.id }, actor), request.params.id);
  });

  app.post(
    '/api/tickets/:id/transfer',
    { schema: { ...options('Transfer to another field or counter'), body: TransferBody }, onRequest: deps.guards.staff() },
    async (request) => {
      const actor = staffOf(request);
      mayHandle(actor, request.params.id);
      const cmd = {
        kind: 'transfer' as const,
        ticketId: request.params.id,
        toFieldId: request.body.toFieldId ?? null,
        toCounterId: request.body.toCounterId ?? null,
        note: request.body.note ?? null,
      };
      return respond(await deps.queue.run(cmd, actor), request.params.id);
    },
  );

  app.post(
    '/api/tickets/:id/cancel',
    { schema: { ...options('Cancel a ticket'), body: CancelBody }, onRequest: deps.guards.staff() },
    async (request) => {
      const actor = staffOf(request);
      mayHandle(actor, request.params.id);
      return respond(await deps.queue.run({ kind: 'cancel', ticketId: request.params.id, reason: request.body.reason ?? null }, actor), request.params.id);
    },
  );
};
