import { ErrorBody, HubCenterParams, SyncBatch, SyncPosition } from '@luot/shared';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { HubDeps } from './hub-deps.ts';
import { syncCenterOf } from './hub-guards.ts';

/** A catching-up center sends thousands of events a batch; nothing else on the hub takes bodies this large. */
export const SYNC_BODY_LIMIT = 16 * 1024 * 1024;
const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 409: ErrorBody };
const tags = ['sync'];

/** Centers' side of the hub: where their sync stands, their batches, and their request to start over. */
export const syncRoutes: FastifyPluginAsyncTypebox<{ deps: HubDeps }> = async (app, { deps }) => {
  const onRequest = deps.guards.center();

  app.get(
    '/api/sync/centers/:centerId/position',
    { schema: { tags, summary: 'The hub’s acknowledged position for this center', params: HubCenterParams, response: { 200: SyncPosition, ...errors } }, onRequest },
    async (request) => deps.centers.position(syncCenterOf(request).id),
  );

  app.post(
    '/api/sync/centers/:centerId/batches',
    {
      bodyLimit: SYNC_BODY_LIMIT,
      schema: {
        tags,
        summary: 'Events, ratings, set-up and live status after the acknowledged position; a resent batch changes nothing',
        params: HubCenterParams,
        body: SyncBatch,
        response: { 200: SyncPosition, ...errors, 413: ErrorBody },
      },
      onRequest,
    },
    async (request) => (await deps.ingest.ingest(syncCenterOf(request).id, request.body)).position,
  );

  app.post(
    '/api/sync/centers/:centerId/resync',
    { schema: { tags, summary: 'Drop the hub’s copy of this center and take its whole log again', params: HubCenterParams, response: { 200: SyncPosition, ...errors } }, onRequest },
    async (request) => deps.centers.resync(syncCenterOf(request).id),
  );
};
