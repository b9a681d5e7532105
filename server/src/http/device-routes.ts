import { CreatedDevice, CreateDeviceBody, DeviceSettings, DeviceView, ErrorBody, IdParams, PairBody, PairResponse, RenewResponse } from '@luot/shared';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { AppDeps } from '../deps.ts';
import { DomainError } from '../domain/errors.ts';
import { accessRepo, deviceSettings } from '../db/repositories/access-repo.ts';
import { demoRepo } from '../db/repositories/demo-repo.ts';
import { diff } from '../services/audit.ts';
import { deviceWords } from '../services/audit-words.ts';
import { bearer, staffOf } from './guards.ts';

const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody, 429: ErrorBody };

export const deviceRoutes: FastifyPluginAsyncTypebox<{ deps: AppDeps }> = async (app, { deps }) => {
  const admin = deps.guards.staff('admin');
  const { db } = deps.store;
  const counterName = (id: number | null) => (id === null ? null : (accessRepo.counterById(db, id)?.name ?? `#${id}`));
  const device = (id: number) => {
    const row = accessRepo.deviceById(db, id);
    if (!row) throw new DomainError('DEVICE_NOT_FOUND');
    return row;
  };

  app.get('/api/devices', { schema: { tags: ['devices'], response: { 200: Type.Array(DeviceView), ...errors } }, onRequest: admin }, async () =>
    deps.auth.listDevices(),
  );

  app.post(
    '/api/devices',
    { schema: { tags: ['devices'], summary: 'Register a device and get its one-time pairing code', body: CreateDeviceBody, response: { 201: CreatedDevice, ...errors } }, onRequest: admin },
    async (request, reply) => {
      const input = { kind: request.body.kind, name: request.body.name, counterId: request.body.counterId ?? null };
      const created = deps.audit.record(staffOf(request), 'device.create', 'device', () => {
        const made = deps.auth.createDevice(input);
        const words = deviceWords({ kind: made.device.kind, name: made.device.name, counter: counterName(made.device.counterId) });
        return { id: made.device.id, result: made, subject: made.device.name, changes: diff(null, words) };
      });
      return reply.status(201).send({ ...created, pairingExpiresAt: new Date(created.pairingExpiresAt).toISOString() });
    },
  );

  app.post(
    '/api/devices/pair',
    {
      schema: { tags: ['devices'], summary: 'A device exchanges its pairing code for a device token', body: PairBody, response: { 200: PairResponse, ...errors } },
      config: { rateLimit: { max: 10, timeWindow: '1 minute' } },
    },
    async (request) => deps.auth.pair(request.body.code),
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
      const renewed = deps.auth.renewDevice(token);
      demoRepo.replaceToken(deps.store.db, token, renewed.token, deps.clock.now());
      return { ...renewed, expiresAt: new Date(renewed.expiresAt).toISOString() };
    },
  );

  app.put(
    '/api/devices/:id/settings',
    { schema: { tags: ['devices'], summary: 'Sound on/off and volume of a screen', params: IdParams, body: DeviceSettings, response: { 200: DeviceSettings, ...errors } }, onRequest: admin },
    async (request) => {
      deps.audit.record(staffOf(request), 'device.settings', 'device', () => {
        const row = device(request.params.id);
        const before = deviceSettings(row);
        accessRepo.setDeviceSettings(db, request.params.id, request.body);
        return { id: row.id, result: null, subject: row.name, changes: diff({ ...before }, { ...request.body }) };
      });
      // The screen hears it at once on its own stream.
      deps.hub.publish(`device:${request.params.id}`, { cause: 'device_settings', settings: request.body });
      return request.body;
    },
  );

  app.delete(
    '/api/devices/:id',
    { schema: { tags: ['devices'], summary: 'Revoke a device', params: IdParams, response: { 200: DeviceView, ...errors } }, onRequest: admin },
    async (request) =>
      deps.audit.record(staffOf(request), 'device.revoke', 'device', () => {
        const row = device(request.params.id);
        const revoked = deps.auth.revokeDevice(row.id);
        return { id: row.id, result: revoked, subject: row.name, changes: diff({ revoked: row.revokedAt !== null }, { revoked: true }) };
      }),
  );
};
