import { ConfigFile, ErrorBody, ImportResult, SetupSheet, SetupStatus } from '@luot/shared';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { Announcer } from '../services/announcer.ts';
import type { SetupService } from '../services/setup-service.ts';
import { staffOf, type Guards } from './guards.ts';

const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 409: ErrorBody };

/** A configuration file may carry the center's logo (up to 60 kB) and hundreds of entries. */
const CONFIG_BODY_LIMIT = 1024 * 1024;

/** First-run setup and the configuration file (export, import): admins only. */
export const setupRoutes: FastifyPluginAsyncTypebox<{ guards: Guards; setup: SetupService; announcer: Announcer }> = async (app, deps) => {
  const admin = deps.guards.staff('admin');
  const tags = ['setup'];

  function announce(fieldIds: number[], counterIds: number[]): void {
    // After the commit: open kiosks, boards and consoles take the new set-up at once.
    deps.announcer.centerChanged();
    if (fieldIds.length) deps.announcer.fieldsChanged(fieldIds, 'field_updated');
    for (const id of counterIds) deps.announcer.counterChanged(id, 'counter_updated');
  }

  app.get('/api/setup', { schema: { tags, summary: 'Whether the first-run setup is still to do', response: { 200: SetupStatus, ...errors } }, onRequest: admin }, async () => ({
    done: !deps.setup.pending(),
  }));

  app.post(
    '/api/setup',
    {
      // Checked entry by entry by the setup itself (SETUP_INVALID lists every bad one), like an imported file.
      schema: {
        tags,
        summary: 'Finish the first-run setup in one step; answers the set-up sheet (passwords and pairing codes, shown once)',
        body: Type.Unknown({ description: 'a SetupBody: center, hours, fields, counters, staff, devices' }),
        response: { 201: SetupSheet, ...errors },
      },
      onRequest: admin,
    },
    async (request, reply) => {
      const outcome = await deps.setup.complete(staffOf(request).staffId, request.body);
      announce(outcome.fieldIds, outcome.counterIds);
      return reply.status(201).send(outcome.sheet);
    },
  );

  app.post(
    '/api/setup/skip',
    { schema: { tags, summary: 'Leave the first-run setup and set the center up by hand', response: { 200: SetupStatus, ...errors } }, onRequest: admin },
    async (request) => {
      deps.setup.skip(staffOf(request).staffId);
      return { done: true };
    },
  );

  app.get(
    '/api/admin/config',
    { schema: { tags, summary: 'The center’s set-up as one file (no accounts, no device secrets)', response: { 200: ConfigFile, ...errors } }, onRequest: admin },
    async (_request, reply) => {
      const file = deps.setup.exportConfig();
      void reply.header('content-disposition', `attachment; filename="luot-config-${file.exportedAt?.slice(0, 10) ?? 'export'}.json"`);
      return file;
    },
  );

  app.post(
    '/api/admin/config',
    {
      // The body is checked entry by entry by the import itself, so every bad entry is reported at once.
      schema: { tags, summary: 'Import a configuration file: all of it or nothing, audited', body: Type.Unknown({ description: 'a luot-config file (see GET /api/admin/config)' }), response: { 200: ImportResult, ...errors } },
      bodyLimit: CONFIG_BODY_LIMIT,
      onRequest: admin,
    },
    async (request) => {
      const outcome = deps.setup.importConfig(staffOf(request).staffId, request.body);
      announce(outcome.fieldIds, outcome.counterIds);
      return outcome.result;
    },
  );
};
