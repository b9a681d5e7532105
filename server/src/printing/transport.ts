import type { PrinterProblem } from '@luot/shared';

export interface PrintAttempt {
  /** The printer took every byte of the job. */
  printed: boolean;
  /** Problems seen during the attempt; a job is not sent while one of them blocks printing. */
  problems: PrinterProblem[];
}

/**
 * One way of reaching one printer. Neither method rejects: a printer that cannot be reached is a
 * problem to report ('unreachable'), not an exception for the ticket flow. Aborting the signal (the
 * per-attempt timeout, or the service closing) ends the attempt at once.
 */
export interface PrinterTransport {
  status(signal: AbortSignal): Promise<PrinterProblem[]>;
  print(bytes: Uint8Array, signal: AbortSignal): Promise<PrintAttempt>;
  /** Ends whatever is still open. */
  close(): void;
}
