import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { DemoDeviceQuery, DemoDeviceResponse, ErrorBody } from '@luot/shared';
import type { DeviceAdmin } from '../services/device-admin.ts';

/**
 * Registered only when the server runs the demo center: lets a demo screen pick up its pre-paired
 * token without an admin typing a pairing code. A real center never has this route.
 */
export const demoRoutes: FastifyPluginAsyncTypebox<{ devices: DeviceAdmin }> = async (app, { devices }) => {
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
    async (request) => devices.demoToken(request.query.kind, request.query.counter),
  );
};
