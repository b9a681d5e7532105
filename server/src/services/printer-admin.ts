import type { CreatePrinterBody, PrinterState, PrintOutcome } from '@luot/shared';
import { accessRepo } from '../db/repositories/access-repo.ts';
import type { ConfigCache } from '../db/config-cache.ts';
import type { OpenDb } from '../db/open-db.ts';
import { printersRepo } from '../db/repositories/printers-repo.ts';
import type { Clock } from '../domain/clock.ts';
import { DomainError } from '../domain/errors.ts';
import type { PrintService } from '../printing/index.ts';
import type { StaffActor } from './actor.ts';
import { diff, type Audit } from './audit.ts';
import { printerWords } from './audit-words.ts';
import type { PublicUrls } from './public-url.ts';
import { printerConfig, type Receipts } from './receipts.ts';

/** Receipt printers: added and removed by an admin (in the audit log), checked and tried by supervisors too. */
export function createPrinterAdmin(deps: { store: OpenDb; clock: Clock; config: ConfigCache; audit: Audit; printing: PrintService; receipts: Receipts; publicUrls: PublicUrls }) {
  const { db } = deps.store;

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
      const row = deps.audit.record(actor, 'printer.create', 'printer', () => {
        const made = printersRepo.create(db, body, deps.clock.now());
        return { id: made.id, result: made, subject: made.name, changes: diff(null, printerWords(made)) };
      });
      return deps.printing.check(printerConfig(row));
    },

    check: (id: number): Promise<PrinterState> => deps.printing.check(printerConfig(printer(id))),

    /** `asked`: how the admin's browser reached the server; the test page shows the address receipts' QR codes open. */
    testPrint(id: number, asked: { protocol: string; host: string }): Promise<PrintOutcome> {
      const link = deps.publicUrls.for(asked);
      return deps.printing.testPrint(printerConfig(printer(id)), deps.config.get().center.name, { base: link.base, unreachable: link.source === 'unreachable' });
    },

    /** The address the receipts' QR codes open, for a kiosk reaching the server as `asked` did. */
    publicLink: (asked: { protocol: string; host: string }) => deps.publicUrls.for(asked),

    /** Kiosks that used it print nothing until given another. */
    remove(actor: StaffActor, id: number): { ok: true } {
      return deps.audit.record(actor, 'printer.remove', 'printer', () => {
        const row = printer(id);
        // Kiosks printing here print nothing from now on: the log names them.
        const kiosks = accessRepo.listDevices(db).filter((d) => d.printerId === row.id && d.revokedAt === null).map((d) => d.name);
        printersRepo.deactivate(db, row.id);
        return { id: row.id, result: { ok: true as const }, subject: row.name, changes: [...diff(printerWords(row), null), ...diff({ kiosks }, { kiosks: [] })] };
      });
    },
  };
}

export type PrinterAdmin = ReturnType<typeof createPrinterAdmin>;
