import { ErrorBody, HubCenterBody, HubCenterKey, HubCenterParams, HubCenterView, HubStaffBody, HubStaffUpdateBody, HubStaffView, HubStaffWithPassword, IdParams, SyncPosition } from '@luot/shared';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { HubDeps } from './hub-deps.ts';

const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody };

/** The province admin's work: centers and their keys, re-syncs, accounts. Viewers may list centers only. */
export const hubAdminRoutes: FastifyPluginAsyncTypebox<{ deps: HubDeps }> = async (app, { deps }) => {
  const admin = deps.guards.staff('province_admin');
  const anyone = deps.guards.staff('province_admin', 'province_viewer');
  const centers = ['centers'];
  const staff = ['province staff'];

  app.get('/api/hub/centers', { schema: { tags: centers, response: { 200: Type.Array(HubCenterView), ...errors } }, onRequest: anyone }, async () => deps.centers.list());

  app.post(
    '/api/hub/centers',
    { schema: { tags: centers, summary: 'Register a center; its sync key is shown once', body: HubCenterBody, response: { 201: HubCenterKey, ...errors } }, onRequest: admin },
    async (request, reply) => reply.status(201).send(await deps.centers.register(request.body)),
  );

  app.post(
    '/api/hub/centers/:centerId/key',
    { schema: { tags: centers, summary: 'A new sync key for the center; the old one stops working', params: HubCenterParams, response: { 200: HubCenterKey, ...errors } }, onRequest: admin },
    async (request) => deps.centers.issueKey(request.params.centerId),
  );

  app.delete(
    '/api/hub/centers/:centerId/key',
    { schema: { tags: centers, summary: 'Revoke the center’s sync key', params: HubCenterParams, response: { 200: HubCenterView, ...errors } }, onRequest: admin },
    async (request) => deps.centers.revokeKey(request.params.centerId),
  );

  app.post(
    '/api/hub/centers/:centerId/resync',
    { schema: { tags: centers, summary: 'Drop the hub’s copy of the center and rebuild it from the center’s full log', params: HubCenterParams, response: { 200: SyncPosition, ...errors } }, onRequest: admin },
    async (request) => deps.centers.resync(request.params.centerId),
  );

  app.get('/api/hub/staff', { schema: { tags: staff, response: { 200: Type.Array(HubStaffView), ...errors } }, onRequest: admin }, async () => deps.auth.list());

  app.post(
    '/api/hub/staff',
    { schema: { tags: staff, summary: 'A province account; its password is shown once', body: HubStaffBody, response: { 201: HubStaffWithPassword, ...errors } }, onRequest: admin },
    async (request, reply) => reply.status(201).send(await deps.auth.createStaff(request.body)),
  );

  app.put(
    '/api/hub/staff/:id',
    { schema: { tags: staff, params: IdParams, body: HubStaffUpdateBody, response: { 200: HubStaffView, ...errors } }, onRequest: admin },
    async (request) => deps.auth.update(request.params.id, request.body),
  );

  app.post(
    '/api/hub/staff/:id/reset-password',
    { schema: { tags: staff, params: IdParams, response: { 200: HubStaffWithPassword, ...errors } }, onRequest: admin },
    async (request) => deps.auth.resetPassword(request.params.id),
  );
};
