import { AdminCounter, AdminField, CounterBody, ErrorBody, FieldBody, IdParams, IssuingBody } from '@luot/shared';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { staffOf, type Guards } from './guards.ts';
import type { AdminService } from '../services/admin-service.ts';

const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody };

/** Fields and counters (admins), and stopping or resuming issuing for a field (supervisors too). */
export const adminCatalogRoutes: FastifyPluginAsyncTypebox<{ guards: Guards; admin: AdminService }> = async (app, deps) => {
  const admin = deps.guards.staff('admin');
  const tags = ['admin'];

  app.get('/api/admin/fields', { schema: { tags, response: { 200: Type.Array(AdminField), ...errors } }, onRequest: admin }, async () => deps.admin.fields());
  app.post('/api/admin/fields', { schema: { tags, body: FieldBody, response: { 201: AdminField, ...errors } }, onRequest: admin }, async (request, reply) =>
    reply.status(201).send(deps.admin.createField(staffOf(request), request.body)),
  );
  app.put('/api/admin/fields/:id', { schema: { tags, params: IdParams, body: FieldBody, response: { 200: AdminField, ...errors } }, onRequest: admin }, async (request) =>
    deps.admin.updateField(staffOf(request), request.params.id, request.body),
  );
  app.delete(
    '/api/admin/fields/:id',
    { schema: { tags, summary: 'Deactivate a field; refused while citizens are in its queue', params: IdParams, response: { 200: AdminField, ...errors } }, onRequest: admin },
    async (request) => deps.admin.removeField(staffOf(request), request.params.id),
  );

  app.post(
    '/api/fields/:id/issuing',
    {
      schema: { tags: ['fields'], summary: 'Stop or resume issuing numbers for a field', params: IdParams, body: IssuingBody, response: { 200: AdminField, ...errors } },
      onRequest: deps.guards.staff('supervisor', 'admin'),
    },
    async (request) => deps.admin.setIssuing(staffOf(request), request.params.id, request.body.issuing),
  );

  app.get('/api/admin/counters', { schema: { tags, response: { 200: Type.Array(AdminCounter), ...errors } }, onRequest: admin }, async () => deps.admin.counters());
  app.post('/api/admin/counters', { schema: { tags, body: CounterBody, response: { 201: AdminCounter, ...errors } }, onRequest: admin }, async (request, reply) =>
    reply.status(201).send(deps.admin.createCounter(staffOf(request), request.body)),
  );
  app.put('/api/admin/counters/:id', { schema: { tags, params: IdParams, body: CounterBody, response: { 200: AdminCounter, ...errors } }, onRequest: admin }, async (request) =>
    deps.admin.updateCounter(staffOf(request), request.params.id, request.body),
  );
  app.delete(
    '/api/admin/counters/:id',
    { schema: { tags, summary: 'Deactivate a counter; refused while it serves someone', params: IdParams, response: { 200: AdminCounter, ...errors } }, onRequest: admin },
    async (request) => deps.admin.removeCounter(staffOf(request), request.params.id),
  );
};
