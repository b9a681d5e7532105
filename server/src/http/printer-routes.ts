import { AssignPrinterBody, CreatePrinterBody, DeviceView, ErrorBody, IdParams, PrinterState, PrintOutcome, PublicLink } from '@luot/shared';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { AppDeps } from '../deps.ts';
import { DomainError } from '../domain/errors.ts';
import { accessRepo } from '../db/repositories/access-repo.ts';
import { printersRepo } from '../db/repositories/printers-repo.ts';
import { deviceView } from '../services/auth-service.ts';
import { printerConfig } from '../services/receipts.ts';
import { diff } from '../services/audit.ts';
import { printerWords } from '../services/audit-words.ts';
import { staffOf } from './guards.ts';

const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody };

export const printerRoutes: FastifyPluginAsyncTypebox<{ deps: AppDeps }> = async (app, { deps }) => {
  const { db } = deps.store;
  const admin = deps.guards.staff('admin');
  const watchers = deps.guards.staff('supervisor', 'admin');

  function printer(id: number) {
    const row = printersRepo.byId(db, id);
    if (!row) throw new DomainError('PRINTER_NOT_FOUND');
    return row;
  }

  app.get(
    '/api/printers',
    { schema: { tags: ['printers'], summary: 'Printers with their last known status', response: { 200: Type.Array(PrinterState), ...errors } }, onRequest: watchers },
    async () => deps.receipts.states(),
  );

  app.post(
    '/api/printers',
    { schema: { tags: ['printers'], summary: 'Add a receipt printer', body: CreatePrinterBody, response: { 201: PrinterState, ...errors } }, onRequest: admin },
    async (request, reply) => {
      if (!deps.printing.accepts(request.body.uri)) throw new DomainError('PRINTER_PATH_NOT_ALLOWED', request.body.uri, ['body/uri']);
      const row = deps.audit.record(staffOf(request), 'printer.create', 'printer', () => {
        const made = printersRepo.create(db, request.body, deps.clock.now());
        return { id: made.id, result: made, subject: made.name, changes: diff(null, printerWords(made)) };
      });
      const state = await deps.printing.check(printerConfig(row));
      return reply.status(201).send(state);
    },
  );

  app.post(
    '/api/printers/:id/check',
    { schema: { tags: ['printers'], summary: 'Ask the printer for its status now (DLE EOT)', params: IdParams, response: { 200: PrinterState, ...errors } }, onRequest: watchers },
    async (request) => deps.printing.check(printerConfig(printer(request.params.id))),
  );

  app.post(
    '/api/printers/:id/test',
    { schema: { tags: ['printers'], summary: 'Print a test receipt', params: IdParams, response: { 200: PrintOutcome, ...errors } }, onRequest: admin },
    async (request) => {
      const link = deps.publicUrls.for(request);
      return deps.printing.testPrint(printerConfig(printer(request.params.id)), deps.centerConfig.get().center.name, { base: link.base, unreachable: link.source === 'unreachable' });
    },
  );

  app.get(
    '/api/printers/public-link',
    {
      schema: { tags: ['printers'], summary: 'The address the receipts’ QR codes open, for a kiosk reaching the server as this browser does', response: { 200: PublicLink, ...errors } },
      onRequest: admin,
    },
    async (request) => deps.publicUrls.for(request),
  );

  app.delete(
    '/api/printers/:id',
    { schema: { tags: ['printers'], summary: 'Remove a printer (kiosks using it print nothing)', params: IdParams, response: { 200: Type.Object({ ok: Type.Boolean() }), ...errors } }, onRequest: admin },
    async (request) => {
      deps.audit.record(staffOf(request), 'printer.remove', 'printer', () => {
        const row = printer(request.params.id);
        // Kiosks printing here print nothing from now on: the log names them.
        const kiosks = accessRepo.listDevices(db).filter((d) => d.printerId === row.id && d.revokedAt === null).map((d) => d.name);
        printersRepo.deactivate(db, row.id);
        return { id: row.id, result: null, subject: row.name, changes: [...diff(printerWords(row), null), ...diff({ kiosks }, { kiosks: [] })] };
      });
      return { ok: true };
    },
  );

  app.put(
    '/api/devices/:id/printer',
    { schema: { tags: ['devices'], summary: 'Choose the printer of a kiosk', params: IdParams, body: AssignPrinterBody, response: { 200: DeviceView, ...errors } }, onRequest: admin },
    async (request) =>
      deps.audit.record(staffOf(request), 'device.printer', 'device', () => {
        const device = accessRepo.deviceById(db, request.params.id);
        if (!device) throw new DomainError('DEVICE_NOT_FOUND');
        if (device.kind !== 'kiosk') throw new DomainError('DEVICE_NOT_ALLOWED');
        const before = device.printerId === null ? null : (printersRepo.byId(db, device.printerId)?.name ?? null);
        const after = request.body.printerId === null ? null : printer(request.body.printerId).name;
        printersRepo.assign(db, device.id, request.body.printerId);
        const updated = accessRepo.deviceById(db, device.id);
        if (!updated) throw new DomainError('DEVICE_NOT_FOUND');
        return { id: device.id, result: deviceView(updated), subject: device.name, changes: diff({ printer: before }, { printer: after }) };
      }),
  );
};
