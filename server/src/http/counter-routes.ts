import { CallTicketBody, CounterActionResponse, CounterView, ErrorBody, FinishBody, HoldBody, IdParams, LeaveCounterBody, PauseBody } from '@luot/shared';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { CounterCommand, CounterDesk } from '../services/counter-desk.ts';
import type { ReadModels } from '../services/read-models.ts';
import { staffOf, type Guards } from './guards.ts';

const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody };

export const counterRoutes: FastifyPluginAsyncTypebox<{ guards: Guards; desk: CounterDesk; read: ReadModels }> = async (app, { guards, desk, read }) => {
  const staff = guards.staff();
  const action = (summary: string) => ({ tags: ['counters'], summary, params: IdParams, response: { 200: CounterActionResponse, ...errors } });

  app.get(
    '/api/counters',
    { schema: { tags: ['counters'], response: { 200: Type.Array(CounterView), 401: ErrorBody } }, onRequest: staff },
    async () => read.counters(),
  );

  app.post('/api/counters/:id/join', { schema: action('Sign in to a counter'), onRequest: staff }, async (request) => desk.join(staffOf(request), request.params.id));
  app.post(
    '/api/counters/:id/leave',
    { schema: { ...action('Sign out of a counter, closing it or pausing it with a reason'), body: LeaveCounterBody }, onRequest: staff },
    async (request) => desk.leave(staffOf(request), request.params.id, request.body),
  );

  const simple: Record<string, { kind: Extract<CounterCommand['kind'], 'callNext' | 'recall' | 'start' | 'noShow' | 'resume' | 'open' | 'close'>; summary: string }> = {
    'call-next': { kind: 'callNext', summary: 'Call the next citizen' },
    recall: { kind: 'recall', summary: 'Call the current number again' },
    start: { kind: 'start', summary: 'The citizen arrived: start serving' },
    'no-show': { kind: 'noShow', summary: 'Mark the called citizen absent' },
    resume: { kind: 'resume', summary: 'Resume after a pause' },
    open: { kind: 'open', summary: 'Open the counter' },
    close: { kind: 'close', summary: 'Close the counter' },
  };
  for (const [path, { kind, summary }] of Object.entries(simple)) {
    app.post(`/api/counters/:id/${path}`, { schema: action(summary), onRequest: staff }, async (request) => desk.counter({ kind, counterId: request.params.id }, staffOf(request)));
  }

  app.post(
    '/api/counters/:id/call',
    { schema: { ...action('Call a specific waiting ticket'), body: CallTicketBody }, onRequest: staff },
    async (request) => desk.counter({ kind: 'callTicket', counterId: request.params.id, ticketId: request.body.ticketId }, staffOf(request)),
  );

  app.post(
    '/api/counters/:id/finish',
    { schema: { ...action('Finish, optionally with the dossier code'), body: FinishBody }, onRequest: staff },
    async (request) => desk.counter({ kind: 'finish', counterId: request.params.id, dossierCode: request.body.dossierCode?.trim() || null }, staffOf(request)),
  );

  app.post(
    '/api/counters/:id/hold',
    { schema: { ...action('Set the current ticket aside (tạm giữ)'), body: HoldBody }, onRequest: staff },
    async (request) => desk.counter({ kind: 'hold', counterId: request.params.id, note: request.body.note ?? null }, staffOf(request)),
  );

  app.post(
    '/api/counters/:id/pause',
    { schema: { ...action('Pause with a reason'), body: PauseBody }, onRequest: staff },
    async (request) => desk.counter({ kind: 'pause', counterId: request.params.id, reason: request.body.reason }, staffOf(request)),
  );
};
