import type { CreatePrinterBody, PrinterState, PrintOutcome } from '@luot/shared';
import type { ConfigCache } from '../db/config-cache.ts';
import type { OpenDb } from '../db/open-db.ts';
import { printersRepo } from '../db/repositories/printers-repo.ts';
import type { Clock } from '../domain/clock.ts';
import { DomainError } from '../domain/errors.ts';
import type { PrintService } from '../printing/index.ts';
import type { StaffActor } from './actor.ts';
import { createAudit } from './audit.ts';
import { printerConfig, type Receipts } from './receipts.ts';

/** Receipt printers: added and removed by an admin (in the audit log), checked and tried by supervisors too. */
export function createPrinterAdmin(deps: { store: OpenDb; clock: Clock; config: ConfigCache; printing: PrintService; receipts: Receipts }) {
  const { db } = deps.store;
  const audited = createAudit(deps);

  function printer(id: number) {
    const row = printersRepo.byId(db, id);
    if (!row) throw new DomainError('PRINTER_NOT_FOUND');
    return row;
  }

  return {
    states: (): PrinterState[] => deps.receipts.states(),

    /** Written (and logged) first, then asked for its status, so a printer that is off is still added. */
    async create(actor: StaffActor, body: CreatePrinterBody): Promise<PrinterState> {
      if (!deps.printing.accepts(body.uri)) throw new DomainError('PRINTER_PATH_NOT_ALLOWED', body.uri, ['body/uri']);
      const row = audited(actor, 'printer.create', 'printer', () => {
        const created = printersRepo.create(db, body, deps.clock.now());
        return { id: created.id, result: created, details: { name: body.name, uri: body.uri, widthDots: body.widthDots } };
      });
      return deps.printing.check(printerConfig(row));
    },

    check: (id: number): Promise<PrinterState> => deps.printing.check(printerConfig(printer(id))),

    testPrint: (id: number): Promise<PrintOutcome> => deps.printing.testPrint(printerConfig(printer(id)), deps.config.get().center.name),

    /** Kiosks that used it print nothing until given another. */
    remove(actor: StaffActor, id: number): { ok: true } {
      return audited(actor, 'printer.remove', 'printer', () => {
        const { name, uri } = printer(id);
        printersRepo.deactivate(db, id);
        return { id, result: { ok: true as const }, details: { name, uri } };
      });
    },
  };
}

export type PrinterAdmin = ReturnType<typeof createPrinterAdmin>;
