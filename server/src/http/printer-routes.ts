import { AssignPrinterBody, CreatePrinterBody, DeviceView, ErrorBody, IdParams, PrinterState, PrintOutcome } from '@luot/shared';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { AppDeps } from '../deps.ts';
import { DomainError } from '../domain/errors.ts';
import { accessRepo } from '../db/repositories/access-repo.ts';
import { printersRepo } from '../db/repositories/printers-repo.ts';
import { deviceView } from '../services/auth-service.ts';
import { printerConfig } from '../services/receipts.ts';

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
      const row = printersRepo.create(db, request.body, deps.clock.now());
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
    async (request) => deps.printing.testPrint(printerConfig(printer(request.params.id)), deps.centerConfig.get().center.name),
  );

  app.delete(
    '/api/printers/:id',
    { schema: { tags: ['printers'], summary: 'Remove a printer (kiosks using it print nothing)', params: IdParams, response: { 200: Type.Object({ ok: Type.Boolean() }), ...errors } }, onRequest: admin },
    async (request) => {
      printer(request.params.id);
      printersRepo.deactivate(db, request.params.id);
      return { ok: true };
    },
  );

  app.put(
    '/api/devices/:id/printer',
    { schema: { tags: ['devices'], summary: 'Choose the printer of a kiosk', params: IdParams, body: AssignPrinterBody, response: { 200: DeviceView, ...errors } }, onRequest: admin },
    async (request) => {
      const device = accessRepo.deviceById(db, request.params.id);
      if (!device) throw new DomainError('DEVICE_NOT_FOUND');
      if (device.kind !== 'kiosk') throw new DomainError('DEVICE_NOT_ALLOWED');
      if (request.body.printerId !== null) printer(request.body.printerId);
      printersRepo.assign(db, device.id, request.body.printerId);
      const updated = accessRepo.deviceById(db, device.id);
      if (!updated) throw new DomainError('DEVICE_NOT_FOUND');
      return deviceView(updated);
    },
  );
};
