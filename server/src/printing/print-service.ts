import type { PrinterProblem, PrinterState, PrintOutcome } from '@luot/shared';
import { encodeBitmap, encodeReceipt } from './escpos-encode.ts';
import { PrintQueue } from './print-queue.ts';
import { printerUriAllowed, transportFor } from './printer-uri.ts';
import { renderReceipt, type ReceiptData } from './receipt-layout.ts';
import { renderTestPage, type TestPageLink } from './test-page.ts';

export interface PrinterConfig {
  id: number;
  name: string;
  uri: string;
  widthDots: 384 | 576;
}

export interface DroppedJob {
  printerId: number;
  printerName: string;
  createdAt: number;
  ageMs: number;
}

export interface PrintServiceDeps {
  now: () => number;
  /** Called whenever a printer's problems or queue length change; the server turns it into supervisor alerts. */
  onState: (state: PrinterState) => void;
  /** A receipt that waited longer than maxJobAgeMs and will never be printed; log it. */
  onDropped?: (job: DroppedJob) => void;
  retryMs?: number;
  attemptTimeoutMs?: number;
  maxJobAgeMs?: number;
  lateAfterMs?: number;
  /** Device paths besides /dev/usb/lp<N> that USB printers may use (LUOT_PRINTER_DEVICES). */
  usbDevices?: readonly string[];
}

interface Printer {
  config: PrinterConfig;
  queue: PrintQueue;
  problems: PrinterProblem[];
  checkedAt: string | null;
  queued: number;
}

/**
 * A receipt is late when its printer failed meanwhile or it waited over 30 s: the kiosk has shown the number
 * with a note by then (after 3 s) and the citizen may have left. Late ones print marked; past 15 minutes
 * (LUOT_RECEIPT_MAX_AGE_MINUTES) they are dropped.
 */
export const PRINT_DEFAULTS = { retryMs: 10_000, attemptTimeoutMs: 8_000, maxJobAgeMs: 15 * 60_000, lateAfterMs: 30_000 } as const;

function safely(draw: () => Uint8Array): Uint8Array | null {
  try {
    return draw();
  } catch (_error) {
    return null;
  }
}

const sameProblems = (a: readonly PrinterProblem[], b: readonly PrinterProblem[]) => a.length === b.length && a.every((p, i) => p === b[i]);

/**
 * Receipt printing for the whole server: one queue per printer, state for the supervisors' view.
 * Nothing here throws into the ticket flow: whatever happens to paper or network, `print` resolves.
 */
export function createPrintService(deps: PrintServiceDeps) {
  const options = {
    retryMs: deps.retryMs ?? PRINT_DEFAULTS.retryMs,
    attemptTimeoutMs: deps.attemptTimeoutMs ?? PRINT_DEFAULTS.attemptTimeoutMs,
    maxJobAgeMs: deps.maxJobAgeMs ?? PRINT_DEFAULTS.maxJobAgeMs,
    lateAfterMs: deps.lateAfterMs ?? PRINT_DEFAULTS.lateAfterMs,
  };
  const usbDevices = deps.usbDevices ?? [];
  const printers = new Map<number, Printer>();
  let closed = false;

  const stateOf = (p: Printer): PrinterState => ({
    id: p.config.id,
    name: p.config.name,
    uri: p.config.uri,
    widthDots: p.config.widthDots,
    problems: [...p.problems],
    checkedAt: p.checkedAt,
    queued: p.queued,
  });

  function publish(p: Printer): void {
    try {
      deps.onState(stateOf(p));
    } catch (_error) {
      // An alert that could not be sent must not stop the queue.
    }
  }

  /** The printer's entry, created on first use and kept up to date with the admin's latest settings. */
  function printerFor(config: PrinterConfig): Printer {
    const known = printers.get(config.id);
    if (known) {
      if (known.config.uri !== config.uri) known.queue.replaceTransport(transportFor(config.uri, usbDevices));
      known.config = { ...config };
      return known;
    }
    const p: Printer = {
      config: { ...config },
      problems: [],
      checkedAt: null,
      queued: 0,
      queue: new PrintQueue(transportFor(config.uri, usbDevices), {
        now: deps.now,
        ...options,
        onProblems(problems) {
          p.checkedAt = new Date(deps.now()).toISOString();
          if (sameProblems(problems, p.problems)) return;
          p.problems = [...problems];
          publish(p);
        },
        onLength(length) {
          if (length === p.queued) return;
          p.queued = length;
          publish(p);
        },
        onDropped(job) {
          try {
            deps.onDropped?.({ printerId: p.config.id, printerName: p.config.name, ...job });
          } catch (_error) {
            // Logging must not stop the queue either.
          }
        },
      }),
    };
    printers.set(config.id, p);
    return p;
  }

  async function submit(printer: PrinterConfig, draw: () => Uint8Array, waitMs: number, drawLate?: () => Uint8Array): Promise<PrintOutcome> {
    if (closed) return { status: 'failed', problem: 'error' };
    let p: Printer;
    let bytes: Uint8Array;
    try {
      p = printerFor(printer);
      bytes = draw();
    } catch (_error) {
      // A bad address or a font that failed to load: nothing can be printed, but the ticket stands.
      return { status: 'failed', problem: 'error' };
    }
    let lateBytes: Uint8Array | null = null;
    // Drawn once, the first time the job turns out late; it drew fine once, so a failure here falls back to it.
    const late = drawLate && (() => (lateBytes ??= safely(drawLate) ?? bytes));
    const first = p.queue.enqueue(late ? { bytes, late } : { bytes });
    let timer: NodeJS.Timeout | undefined;
    const later = new Promise<PrintOutcome>((resolve) => {
      timer = setTimeout(() => resolve({ status: 'queued', problem: null }), waitMs);
    });
    try {
      return await Promise.race([first, later]);
    } finally {
      clearTimeout(timer);
    }
  }

  return {
    /** Whether a printer address may be used here; a USB path must be a printer device (see printer-uri). */
    accepts: (uri: string) => printerUriAllowed(uri, usbDevices),

    /** Renders, encodes, queues; resolves with the first attempt's result, or 'queued' if it has not finished within waitMs. */
    print(printer: PrinterConfig, receipt: ReceiptData, waitMs: number): Promise<PrintOutcome> {
      const draw = (late: boolean) => () => encodeReceipt(renderReceipt(receipt, printer.widthDots, late), receipt.trackingUrl);
      return submit(printer, draw(false), waitMs, draw(true));
    },

    /** A test page through the same queue, waiting for its first attempt as long as one can take. */
    testPrint(printer: PrinterConfig, centerName: string, link: TestPageLink): Promise<PrintOutcome> {
      const draw = () => encodeBitmap(renderTestPage(printer, centerName, deps.now(), link), null);
      return submit(printer, draw, options.attemptTimeoutMs + 1000);
    },

    /** Live DLE EOT status check (also updates state). */
    async check(printer: PrinterConfig): Promise<PrinterState> {
      let p: Printer;
      try {
        if (closed) throw new Error('print service closed');
        p = printerFor(printer);
      } catch (_error) {
        return { ...printer, problems: ['error'], checkedAt: new Date(deps.now()).toISOString(), queued: 0 };
      }
      await p.queue.check();
      return stateOf(p);
    },

    state(printerId: number): PrinterState | null {
      const p = printers.get(printerId);
      return p ? stateOf(p) : null;
    },

    /** Stops timers, closes sockets; receipts still waiting are abandoned. */
    async close(): Promise<void> {
      closed = true;
      for (const p of printers.values()) p.queue.close();
      printers.clear();
    },
  };
}

export type PrintService = ReturnType<typeof createPrintService>;
