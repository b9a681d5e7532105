import { CenterSyncSettingsBody, CenterSyncStatus, ErrorBody } from '@luot/shared';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { HubSync } from '../sync/sync-service.ts';
import type { Guards } from './guards.ts';
import { staffOf } from './guards.ts';

const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 409: ErrorBody, 502: ErrorBody };
const tags = ['province hub'];

/** The center's link to its province hub: where it stands, its settings, a re-sync from scratch. */
export const hubSyncRoutes: FastifyPluginAsyncTypebox<{ guards: Guards; hubSync: HubSync }> = async (app, deps) => {
  app.get(
    '/api/admin/hub-sync',
    { schema: { tags, summary: 'Where the sync to the province hub stands (last acknowledged event, lag)', response: { 200: CenterSyncStatus, ...errors } }, onRequest: deps.guards.staff('supervisor', 'admin') },
    async () => deps.hubSync.status(),
  );

  app.put(
    '/api/admin/hub-sync',
    { schema: { tags, summary: 'The hub address, this center’s id there and its sync key', body: CenterSyncSettingsBody, response: { 200: CenterSyncStatus, ...errors } }, onRequest: deps.guards.staff('admin') },
    async (request) => {
      deps.hubSync.saveSettings({ hubUrl: request.body.hubUrl, centerId: request.body.centerId, key: request.body.key ?? null }, staffOf(request));
      return deps.hubSync.status();
    },
  );

  app.post(
    '/api/admin/hub-sync/resync',
    { schema: { tags, summary: 'Ask the hub to drop this center’s data and take the whole log again', response: { 200: CenterSyncStatus, ...errors } }, onRequest: deps.guards.staff('admin') },
    async () => {
      await deps.hubSync.resync();
      return deps.hubSync.status();
    },
  );
};
