import type { PrinterProblem } from '@luot/shared';

/**
 * DLE EOT n, the real-time status request of Epson ESC/POS that nearly every thermal printer answers
 * with one byte, even while its receive buffer is full. Bit meanings are from the Epson reference.
 */
export const DLE_EOT = [0x10, 0x04] as const;
export const STATUS_PRINTER = 1;
export const STATUS_OFFLINE_CAUSE = 2;
export const STATUS_PAPER = 4;
export const STATUS_QUERIES = [STATUS_PRINTER, STATUS_OFFLINE_CAUSE, STATUS_PAPER] as const;
export type StatusQuery = (typeof STATUS_QUERIES)[number];

export interface StatusBytes {
  printer: number;
  offlineCause: number;
  paper: number;
}

/**
 * What the three status bytes say. "offline" alone is kept only when no specific cause explains it:
 * a printer with its cover open is also offline, and "cover open" tells the staff what to do.
 */
export function problemsFromStatus(status: StatusBytes): PrinterProblem[] {
  const problems: PrinterProblem[] = [];
  if (status.offlineCause & 0x04) problems.push('cover_open');
  if (status.offlineCause & 0x20 || status.paper & 0x60) problems.push('paper_out');
  else if (status.paper & 0x0c) problems.push('paper_near_end');
  if (status.offlineCause & 0x40) problems.push('error');
  const explained = problems.some((p) => p !== 'paper_near_end');
  if (status.printer & 0x08 && !explained) problems.unshift('offline');
  return problems;
}

/** Problems that stop a receipt from coming out; a nearly empty roll still prints. */
export function blocksPrinting(problems: readonly PrinterProblem[]): boolean {
  return problems.some((p) => p !== 'paper_near_end');
}

/** The worst problem, for a one-word answer to the kiosk. */
export function mainProblem(problems: readonly PrinterProblem[]): PrinterProblem | null {
  return problems.find((p) => p !== 'paper_near_end') ?? problems[0] ?? null;
}
