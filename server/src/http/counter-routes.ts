import { CallTicketBody, CounterActionResponse, CounterView, ErrorBody, FinishBody, HoldBody, IdParams, LeaveCounterBody, PauseBody } from '@luot/shared';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { Command } from '../domain/commands.ts';
import { DomainError } from '../domain/errors.ts';
import type { AppDeps } from '../deps.ts';
import { ticketView } from '../db/repositories/views-repo.ts';
import type { Outcome } from '../services/queue-service.ts';
import { staffOf, type StaffActor } from './guards.ts';

const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody };
type CounterCommand = Extract<Command, { counterId: number }>;

export const counterRoutes: FastifyPluginAsyncTypebox<{ deps: AppDeps }> = async (app, { deps }) => {
  const staff = deps.guards.staff();

  function reply(counterId: number, out: Outcome) {
    deps.announcer.announce(out);
    const [counter] = deps.read.counters([counterId]);
    if (!counter) throw new DomainError('COUNTER_NOT_FOUND');
    const touched = out.tickets.at(-1);
    return { counter, ticket: touched ? ticketView(touched) : null };
  }

  /** Ticket work at a counter is done only by whoever is signed in to that counter. */
  function atOwnCounter(actor: StaffActor, counterId: number): void {
    if (actor.counterId !== counterId) throw new DomainError('NOT_AT_THIS_COUNTER');
  }

  /** Opening, pausing and closing: the counter's own officer, or a supervisor or admin from anywhere. */
  function mayRunCounter(actor: StaffActor, counterId: number): void {
    if (actor.role === 'officer') atOwnCounter(actor, counterId);
  }

  app.get(
    '/api/counters',
    { schema: { tags: ['counters'], response: { 200: Type.Array(CounterView), 401: ErrorBody } }, onRequest: staff },
    async () => deps.read.counters(),
  );

  app.post(
    '/api/counters/:id/join',
    { schema: { tags: ['counters'], summary: 'Sign in to a counter', params: IdParams, response: { 200: CounterActionResponse, ...errors } }, onRequest: staff },
    async (request) => {
      deps.auth.joinCounter(staffOf(request), request.params.id);
      deps.announcer.counterChanged(request.params.id, 'officer_joined');
      return reply(request.params.id, { tickets: [], counters: [], events: [] });
    },
  );

  app.post(
    '/api/counters/:id/leave',
    {
      schema: {
        tags: ['counters'],
        summary: 'Sign out of a counter, closing it or pausing it with a reason',
        params: IdParams,
        body: LeaveCounterBody,
        response: { 200: CounterActionResponse, ...errors },
      },
      onRequest: staff,
    },
    async (request) => {
      const actor = staffOf(request);
      const counterId = request.params.id;
      atOwnCounter(actor, counterId);
      // A counter nobody sits at must not look open to the hall: it is closed or paused first (committed and
      // announced), then the seat is freed. A citizen still at the desk is finished, held or sent on first.
      const [counter] = deps.read.counters([counterId]);
      if (!counter) throw new DomainError('COUNTER_NOT_FOUND');
      if (counter.current !== null) throw new DomainError('COUNTER_BUSY');
      const body = request.body;
      let out: Outcome = { tickets: [], counters: [], events: [] };
      if (body.counter === 'close' && counter.status !== 'closed') out = await deps.queue.run({ kind: 'close', counterId }, actor);
      if (body.counter === 'pause' && counter.status === 'open') out = await deps.queue.run({ kind: 'pause', counterId, reason: body.reason }, actor);
      deps.announcer.announce(out);
      deps.auth.leaveCounter(actor);
      deps.announcer.counterChanged(counterId, 'officer_left');
      return reply(counterId, { tickets: [], counters: [], events: [] });
    },
  );

  const simple: Record<string, { kind: Extract<CounterCommand['kind'], 'callNext' | 'recall' | 'start' | 'noShow' | 'resume' | 'open' | 'close'>; summary: string; desk: boolean }> = {
    'call-next': { kind: 'callNext', summary: 'Call the next citizen', desk: true },
    recall: { kind: 'recall', summary: 'Call the current number again', desk: true },
    start: { kind: 'start', summary: 'The citizen arrived: start serving', desk: true },
    'no-show': { kind: 'noShow', summary: 'Mark the called citizen absent', desk: true },
    resume: { kind: 'resume', summary: 'Resume after a pause', desk: false },
    open: { kind: 'open', summary: 'Open the counter', desk: false },
    close: { kind: 'close', summary: 'Close the counter', desk: false },
  };

  for (const [path, action] of Object.entries(simple)) {
    app.post(
      `/api/counters/:id/${path}`,
      { schema: { tags: ['counters'], summary: action.summary, params: IdParams, response: { 200: CounterActionResponse, ...errors } }, onRequest: staff },
      async (request) => {
        const actor = staffOf(request);
        const counterId = request.params.id;
        if (action.desk) atOwnCounter(actor, counterId);
        else mayRunCounter(actor, counterId);
        return reply(counterId, await deps.queue.run({ kind: action.kind, counterId }, actor));
      },
    );
  }

  app.post(
    '/api/counters/:id/call',
    { schema: { tags: ['counters'], summary: 'Call a specific waiting ticket', params: IdParams, body: CallTicketBody, response: { 200: CounterActionResponse, ...errors } }, onRequest: staff },
    async (request) => {
      const actor = staffOf(request);
      atOwnCounter(actor, request.params.id);
      return reply(request.params.id, await deps.queue.run({ kind: 'callTicket', counterId: request.params.id, ticketId: request.body.ticketId }, actor));
    },
  );

  app.post(
    '/api/counters/:id/finish',
    { schema: { tags: ['counters'], summary: 'Finish, optionally with the dossier code', params: IdParams, body: FinishBody, response: { 200: CounterActionResponse, ...errors } }, onRequest: staff },
    async (request) => {
      const actor = staffOf(request);
      atOwnCounter(actor, request.params.id);
      const dossierCode = request.body.dossierCode?.trim() || null;
      return reply(request.params.id, await deps.queue.run({ kind: 'finish', counterId: request.params.id, dossierCode }, actor));
    },
  );

  app.post(
    '/api/counters/:id/hold',
    { schema: { tags: ['counters'], summary: 'Set the current ticket aside (tạm giữ)', params: IdParams, body: HoldBody, response: { 200: CounterActionResponse, ...errors } }, onRequest: staff },
    async (request) => {
      const actor = staffOf(request);
      atOwnCounter(actor, request.params.id);
      return reply(request.params.id, await deps.queue.run({ kind: 'hold', counterId: request.params.id, note: request.body.note ?? null }, actor));
    },
  );

  app.post(
    '/api/counters/:id/pause',
    { schema: { tags: ['counters'], summary: 'Pause with a reason', params: IdParams, body: PauseBody, response: { 200: CounterActionResponse, ...errors } }, onRequest: staff },
    async (request) => {
      const actor = staffOf(request);
      mayRunCounter(actor, request.params.id);
      return reply(request.params.id, await deps.queue.run({ kind: 'pause', counterId: request.params.id, reason: request.body.reason }, actor));
    },
  );
};
