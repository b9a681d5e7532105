import { ErrorBody, LiveFigures } from '@luot/shared';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { Guards } from './guards.ts';
import type { LiveFiguresService } from '../services/live-figures.ts';

/** The supervisor's live figures and alerts; the live stream carries the queue and counters themselves. */
export const liveRoutes: FastifyPluginAsyncTypebox<{ guards: Guards; live: LiveFiguresService }> = async (app, deps) => {
  app.get(
    '/api/live',
    {
      schema: { tags: ['live'], summary: 'Waits per field, counter states, alerts', response: { 200: LiveFigures, 401: ErrorBody, 403: ErrorBody } },
      onRequest: deps.guards.scoped('live:read', ['supervisor', 'admin']),
    },
    async () => deps.live.figures(),
  );
};
