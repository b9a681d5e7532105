import type { Lang, PrinterState, PrintOutcome } from '@luot/shared';
import type { OpenDb } from '../db/open-db.ts';
import { printersRepo, type PrinterRow } from '../db/repositories/printers-repo.ts';
import type { Ticket } from '../domain/types.ts';
import type { PrinterConfig, PrintService } from '../printing/index.ts';
import type { Actor } from './actor.ts';
import type { ConfigCache } from '../db/config-cache.ts';

/** How long a kiosk waits for the first print attempt before showing the number anyway. */
export const FIRST_ATTEMPT_WAIT_MS = 3000;

export function printerConfig(row: PrinterRow): PrinterConfig {
  return { id: row.id, name: row.name, uri: row.uri, widthDots: row.widthDots === 384 ? 384 : 576 };
}

/**
 * Prints a kiosk's receipt after the ticket is committed and announced. Printing can only fail
 * softly: the ticket stands, the kiosk is told, and supervisors get an alert from the print service.
 */
/** Recent print results, so a kiosk that lost an answer and asks again learns whether its receipt came out. */
const REMEMBERED = 500;

export function createReceipts(deps: { store: OpenDb; config: ConfigCache; printing: PrintService }) {
  const { db } = deps.store;
  const outcomes = new Map<number, Promise<PrintOutcome>>();

  function remember(ticketId: number, outcome: Promise<PrintOutcome>): Promise<PrintOutcome> {
    outcomes.set(ticketId, outcome);
    if (outcomes.size > REMEMBERED) outcomes.delete(outcomes.keys().next().value ?? ticketId);
    return outcome;
  }

  return {
    /** `lang`: the language the citizen used at the kiosk, which the receipt is printed in. */
    async print(actor: Actor, ticket: Ticket, extra: { peopleAhead: number; estimatedWaitMinutes: number | null; trackingUrl: string; lang: Lang }): Promise<PrintOutcome> {
      if (actor.kind !== 'device') return { status: 'none', problem: null };
      const printer = printersRepo.forDevice(db, actor.deviceId);
      if (!printer) return { status: 'none', problem: null };
      const config = deps.config.get();
      const field = config.fieldRows.find((f) => f.id === ticket.fieldId);
      const category = ticket.priority === null ? null : config.priorities.find((p) => p.code === ticket.priority);
      const english = extra.lang === 'en';
      const priorityVi = ticket.priority === null ? null : (category?.nameVi ?? ticket.priority);
      return remember(ticket.id, deps.printing.print(
        printerConfig(printer),
        {
          lang: extra.lang,
          centerName: config.center.name,
          fieldName: (english ? field?.nameEn : field?.nameVi) ?? '',
          fieldNameVi: field?.nameVi ?? '',
          number: ticket.number,
          priorityLabel: english && category ? category.nameEn : priorityVi,
          priorityLabelVi: priorityVi,
          peopleAhead: extra.peopleAhead,
          estimatedWaitMinutes: extra.estimatedWaitMinutes,
          issuedAt: ticket.issuedAt,
          trackingUrl: extra.trackingUrl,
          footer: config.center.receiptFooter,
          charter: field ? { waitMinutes: field.targetWaitMinutes, serviceMinutes: field.serviceMinutes } : null,
        },
        FIRST_ATTEMPT_WAIT_MS,
      ));
    },

    /** What printing the ticket's receipt came to, for a replayed request; 'none' when it is not remembered. */
    previous(ticketId: number): Promise<PrintOutcome> {
      return outcomes.get(ticketId) ?? Promise.resolve({ status: 'none', problem: null });
    },

    states(): PrinterState[] {
      return printersRepo.list(db).map(
        (row) =>
          deps.printing.state(row.id) ?? {
            id: row.id,
            name: row.name,
            uri: row.uri,
            widthDots: row.widthDots === 384 ? 384 : 576,
            problems: [],
            checkedAt: null,
            queued: 0,
          },
      );
    },
  };
}

export type Receipts = ReturnType<typeof createReceipts>;
