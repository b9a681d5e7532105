import { CenterInfo, CenterSnapshot, ErrorBody } from '@luot/shared';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { ReadModels } from '../services/read-models.ts';
import type { Guards } from './guards.ts';

export const centerRoutes: FastifyPluginAsyncTypebox<{ guards: Guards; read: ReadModels; sms: () => { keepDays: number } | null; booking: () => boolean }> = async (app, deps) => {
  app.get(
    '/api/center',
    {
      schema: { tags: ['center'], summary: 'Center profile, fields and priority categories (kiosks and staff)', response: { 200: CenterInfo, 401: ErrorBody } },
      onRequest: deps.guards.either(['officer', 'supervisor', 'admin'], ['kiosk', 'hall_board', 'counter_display']),
    },
    async () => {
      const center = deps.read.centerProfile();
      return {
        name: center.name,
        address: center.address,
        fields: deps.read.fields(),
        priorityCategories: deps.read.config().priorities,
        sms: deps.sms(),
        booking: deps.booking(),
      };
    },
  );

  app.get(
    '/api/queue',
    {
      schema: { tags: ['queue'], summary: 'Everything live: fields, counters, waiting tickets, recent calls', response: { 200: CenterSnapshot, 401: ErrorBody } },
      onRequest: deps.guards.staff(),
    },
    async () => deps.read.center(),
  );
};
