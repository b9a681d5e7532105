import { HealthResponse } from '@luot/shared';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { Clock } from '../domain/clock.ts';
import type { ReadModels } from '../services/read-models.ts';
import { VERSION } from '../version.ts';

export const healthRoutes: FastifyPluginAsyncTypebox<{ clock: Clock; read: ReadModels }> = async (app, deps) => {
  app.get(
    '/api/health',
    { schema: { tags: ['system'], summary: 'Liveness and the center name', response: { 200: HealthResponse } } },
    async () => {
      // Touch the database so "ok" means the store answers too.
      const center = deps.read.centerProfile();
      return { status: 'ok' as const, center: center.name, version: VERSION, time: new Date(deps.clock.now()).toISOString() };
    },
  );
};
