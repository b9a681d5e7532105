import { AssignPrinterBody, CreatePrinterBody, DeviceView, ErrorBody, IdParams, PrinterState, PrintOutcome, PublicLink } from '@luot/shared';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { DeviceAdmin } from '../services/device-admin.ts';
import type { PrinterAdmin } from '../services/printer-admin.ts';
import { staffOf, type Guards } from './guards.ts';

const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody };

export const printerRoutes: FastifyPluginAsyncTypebox<{ guards: Guards; printers: PrinterAdmin; devices: DeviceAdmin }> = async (app, { guards, printers, devices }) => {
  const admin = guards.staff('admin');
  const watchers = guards.staff('supervisor', 'admin');

  app.get(
    '/api/printers',
    { schema: { tags: ['printers'], summary: 'Printers with their last known status', response: { 200: Type.Array(PrinterState), ...errors } }, onRequest: watchers },
    async () => printers.states(),
  );

  app.post(
    '/api/printers',
    { schema: { tags: ['printers'], summary: 'Add a receipt printer', body: CreatePrinterBody, response: { 201: PrinterState, ...errors } }, onRequest: admin },
    async (request, reply) => reply.status(201).send(await printers.create(staffOf(request), request.body)),
  );

  app.post(
    '/api/printers/:id/check',
    { schema: { tags: ['printers'], summary: 'Ask the printer for its status now (DLE EOT)', params: IdParams, response: { 200: PrinterState, ...errors } }, onRequest: watchers },
    async (request) => printers.check(request.params.id),
  );

  app.post(
    '/api/printers/:id/test',
    { schema: { tags: ['printers'], summary: 'Print a test receipt', params: IdParams, response: { 200: PrintOutcome, ...errors } }, onRequest: admin },
    async (request) => printers.testPrint(request.params.id, request),
  );

  app.get(
    '/api/printers/public-link',
    {
      schema: { tags: ['printers'], summary: 'The address the receipts’ QR codes open, for a kiosk reaching the server as this browser does', response: { 200: PublicLink, ...errors } },
      onRequest: admin,
    },
    async (request) => printers.publicLink(request),
  );

  app.delete(
    '/api/printers/:id',
    { schema: { tags: ['printers'], summary: 'Remove a printer (kiosks using it print nothing)', params: IdParams, response: { 200: Type.Object({ ok: Type.Boolean() }), ...errors } }, onRequest: admin },
    async (request) => printers.remove(staffOf(request), request.params.id),
  );

  app.put(
    '/api/devices/:id/printer',
    { schema: { tags: ['devices'], summary: 'Choose the printer of a kiosk', params: IdParams, body: AssignPrinterBody, response: { 200: DeviceView, ...errors } }, onRequest: admin },
    async (request) => devices.assignPrinter(staffOf(request), request.params.id, request.body.printerId),
  );
};
