import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { DemoDeviceQuery, DemoDeviceResponse, ErrorBody } from '@luot/shared';
import { DomainError } from '../domain/errors.ts';
import type { AppDeps } from '../deps.ts';
import { demoRepo } from '../db/repositories/demo-repo.ts';

/**
 * Registered only when the server runs the demo center: lets a demo screen pick up its pre-paired
 * token without an admin typing a pairing code. A real center never has this route.
 */
export const demoRoutes: FastifyPluginAsyncTypebox<{ deps: AppDeps }> = async (app, { deps }) => {
  app.get(
    '/api/demo/device',
    {
      schema: {
        tags: ['demo'],
        summary: 'Demo center only: the token of a pre-paired demo device',
        querystring: DemoDeviceQuery,
        response: { 200: DemoDeviceResponse, 404: ErrorBody },
      },
    },
    async (request) => {
      const list = demoRepo.list(deps.store.db);
      const counters = deps.read.counters();
      const wanted = request.query.counter === undefined ? null : counters.find((c) => c.number === request.query.counter)?.id;
      const found = list.find((d) => d.kind === request.query.kind && (d.kind !== 'counter_display' || d.counterId === (wanted ?? counters[0]?.id)));
      if (!found) throw new DomainError('DEVICE_NOT_FOUND');
      return { token: found.token, name: found.name };
    },
  );
};
