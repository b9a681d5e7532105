import { CreatedDevice, CreateDeviceBody, DeviceSettings, DeviceView, ErrorBody, IdParams, PairBody, PairResponse, RenewResponse } from '@luot/shared';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { DomainError } from '../domain/errors.ts';
import type { DeviceAdmin } from '../services/device-admin.ts';
import { bearer, staffOf, type Guards } from './guards.ts';

const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody, 429: ErrorBody };

export const deviceRoutes: FastifyPluginAsyncTypebox<{ guards: Guards; devices: DeviceAdmin }> = async (app, { guards, devices }) => {
  const admin = guards.staff('admin');

  app.get('/api/devices', { schema: { tags: ['devices'], response: { 200: Type.Array(DeviceView), ...errors } }, onRequest: admin }, async () =>
    devices.list(),
  );

  app.post(
    '/api/devices',
    { schema: { tags: ['devices'], summary: 'Register a device and get its one-time pairing code', body: CreateDeviceBody, response: { 201: CreatedDevice, ...errors } }, onRequest: admin },
    async (request, reply) => {
      const created = devices.create(staffOf(request), request.body);
      return reply.status(201).send({ ...created, pairingExpiresAt: new Date(created.pairingExpiresAt).toISOString() });
    },
  );

  app.post(
    '/api/devices/pair',
    {
      schema: { tags: ['devices'], summary: 'A device exchanges its pairing code for a device token', body: PairBody, response: { 200: PairResponse, ...errors } },
      config: { rateLimit: { max: 10, timeWindow: '1 minute' } },
    },
    async (request) => devices.pair(request.body.code),
  );

  app.post(
    '/api/devices/renew',
    {
      schema: { tags: ['devices'], summary: 'A device trades its token, even an expired one, for a fresh one', response: { 200: RenewResponse, ...errors } },
      config: { rateLimit: { max: 20, timeWindow: '1 minute' } },
    },
    async (request) => {
      const token = bearer(request);
      if (!token) throw new DomainError('DEVICE_REQUIRED');
      const renewed = devices.renew(token);
      return { ...renewed, expiresAt: new Date(renewed.expiresAt).toISOString() };
    },
  );

  app.put(
    '/api/devices/:id/settings',
    { schema: { tags: ['devices'], summary: 'Sound on/off and volume of a screen', params: IdParams, body: DeviceSettings, response: { 200: DeviceSettings, ...errors } }, onRequest: admin },
    async (request) => devices.setSettings(staffOf(request), request.params.id, request.body),
  );

  app.delete(
    '/api/devices/:id',
    { schema: { tags: ['devices'], summary: 'Revoke a device', params: IdParams, response: { 200: DeviceView, ...errors } }, onRequest: admin },
    async (request) => devices.revoke(staffOf(request), request.params.id),
  );
};
