import { ErrorBody, SmsAdminView, SmsSettingsBody } from '@luot/shared';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { SmsAdmin } from '../services/sms-admin.ts';
import { staffOf, type Guards } from './guards.ts';

const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody };

/** The SMS settings and log: admins only (the log holds masked numbers and the texts sent). */
export const smsRoutes: FastifyPluginAsyncTypebox<{ guards: Guards; sms: SmsAdmin }> = async (app, deps) => {
  const admin = deps.guards.staff('admin');
  const tags = ['admin'];
  app.get('/api/admin/sms', { schema: { tags, summary: 'SMS gateway, near-turn rule, keeping time and the latest messages', response: { 200: SmsAdminView, ...errors } }, onRequest: admin }, async () =>
    deps.sms.view(),
  );
  app.put(
    '/api/admin/sms/settings',
    { schema: { tags, summary: 'Near-turn rule (per field) and how many days phone numbers are kept', body: SmsSettingsBody, response: { 200: SmsSettingsBody, ...errors } }, onRequest: admin },
    async (request) => deps.sms.save(staffOf(request), request.body),
  );
};
