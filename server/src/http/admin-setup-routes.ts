import { AuditEntry, CenterProfileBody, ErrorBody, RulesBody, VoiceSettingsBody } from '@luot/shared';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { staffOf, type Guards } from './guards.ts';
import type { AdminService } from '../services/admin-service.ts';

const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody };

/** Center profile, queue rules, voice and the audit log: admins only. */
export const adminSetupRoutes: FastifyPluginAsyncTypebox<{ guards: Guards; admin: AdminService }> = async (app, deps) => {
  const admin = deps.guards.staff('admin');
  const tags = ['admin'];

  app.get('/api/admin/center', { schema: { tags, response: { 200: CenterProfileBody, ...errors } }, onRequest: admin }, async () => deps.admin.center());
  app.put(
    '/api/admin/center',
    { schema: { tags, summary: 'Name, address, logo, day rollover, receipt footer, hall notice', body: CenterProfileBody, response: { 200: CenterProfileBody, ...errors } }, onRequest: admin },
    async (request) => deps.admin.saveCenter(staffOf(request), request.body),
  );

  app.get('/api/admin/rules', { schema: { tags, response: { 200: RulesBody, ...errors } }, onRequest: admin }, async () => deps.admin.rules());
  app.put(
    '/api/admin/rules',
    { schema: { tags, summary: 'Priority categories, interleave ratio, recalls before absent, transfers', body: RulesBody, response: { 200: RulesBody, ...errors } }, onRequest: admin },
    async (request) => deps.admin.saveRules(staffOf(request), request.body),
  );

  app.get('/api/admin/voice', { schema: { tags, response: { 200: VoiceSettingsBody, ...errors } }, onRequest: admin }, async () => deps.admin.voice());
  app.put(
    '/api/admin/voice',
    { schema: { tags, summary: 'Whether calls add the English sentence', body: VoiceSettingsBody, response: { 200: VoiceSettingsBody, ...errors } }, onRequest: admin },
    async (request) => deps.admin.saveVoice(staffOf(request), request.body),
  );

  app.get(
    '/api/admin/audit',
    {
      schema: { tags, summary: 'Who changed what, newest first', querystring: Type.Object({ limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 1000 })) }), response: { 200: Type.Array(AuditEntry), ...errors } },
      onRequest: admin,
    },
    async (request) => deps.admin.audit(request.query.limit ?? 200),
  );
};
