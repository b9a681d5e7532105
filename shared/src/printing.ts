import { Type, type Static } from 'typebox';
import { Id } from './domain.ts';

/** What a thermal printer can report through DLE EOT, plus what we learn from failing to reach it. */
export const PrinterProblem = Type.Union([
  Type.Literal('offline'),
  Type.Literal('cover_open'),
  Type.Literal('paper_out'),
  Type.Literal('paper_near_end'),
  Type.Literal('unreachable'),
  Type.Literal('error'),
]);
export type PrinterProblem = Static<typeof PrinterProblem>;

/** `tcp://host:9100` for a network printer, `usb:/dev/usb/lp0` for a USB printer on the server. */
export const PrinterUri = Type.String({ pattern: '^(tcp://[A-Za-z0-9.\\-]+:[0-9]{1,5}|usb:/dev/[A-Za-z0-9/_\\-]+)$', maxLength: 200 });
export const PrinterWidth = Type.Union([Type.Literal(384), Type.Literal(576)], { description: 'dots per line: 384 for 58 mm, 576 for 80 mm paper' });

export const PrinterState = Type.Object({
  id: Id,
  name: Type.String(),
  uri: PrinterUri,
  widthDots: PrinterWidth,
  /** Problems seen at the last check or print attempt; empty when all is well. paper_near_end still prints. */
  problems: Type.Array(PrinterProblem),
  checkedAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
  queued: Type.Integer({ description: 'receipts waiting to be printed' }),
});
export type PrinterState = Static<typeof PrinterState>;

export const PrintOutcome = Type.Object({
  /**
   * printed: the printer took the receipt; queued: still trying (the kiosk may say so);
   * failed: the first attempt failed, it will be retried when the printer returns; none: no printer.
   */
  status: Type.Union([Type.Literal('printed'), Type.Literal('queued'), Type.Literal('failed'), Type.Literal('none')]),
  problem: Type.Union([PrinterProblem, Type.Null()]),
});
export type PrintOutcome = Static<typeof PrintOutcome>;

export const CreatePrinterBody = Type.Object(
  { name: Type.String({ minLength: 1, maxLength: 100 }), uri: PrinterUri, widthDots: PrinterWidth },
  { additionalProperties: false },
);
export type CreatePrinterBody = Static<typeof CreatePrinterBody>;

export const AssignPrinterBody = Type.Object({ printerId: Type.Union([Id, Type.Null()]) }, { additionalProperties: false });

/** Something supervisors must see at once on their live view. */
export const Alert = Type.Object({
  kind: Type.Literal('printer'),
  printerId: Id,
  printerName: Type.String(),
  problems: Type.Array(PrinterProblem, { description: 'empty means the printer recovered' }),
  at: Type.String({ format: 'date-time' }),
  message: Type.Object({ vi: Type.String(), en: Type.String() }),
});
export type Alert = Static<typeof Alert>;

export const printerProblemText: Record<PrinterProblem, { vi: string; en: string }> = {
  offline: { vi: 'Máy in đang ngoại tuyến', en: 'Printer offline' },
  cover_open: { vi: 'Nắp máy in đang mở', en: 'Printer cover open' },
  paper_out: { vi: 'Máy in hết giấy', en: 'Printer out of paper' },
  paper_near_end: { vi: 'Máy in sắp hết giấy', en: 'Printer paper running low' },
  unreachable: { vi: 'Không kết nối được máy in', en: 'Printer unreachable' },
  error: { vi: 'Máy in báo lỗi', en: 'Printer error' },
};

/**
 * The base of the tracking links printed as QR codes, as the server works it out for a browser reaching it the
 * way the asking one did: `configured` (LUOT_PUBLIC_URL), `request` (the address asked, which phones can open
 * too), `lan` (the address asked was localhost or a name phones cannot look up: the server's LAN address is used
 * instead) or `unreachable` (no LAN address found: phones will not open the link until LUOT_PUBLIC_URL is set).
 */
export const PublicLink = Type.Object({
  base: Type.String(),
  source: Type.Union([Type.Literal('configured'), Type.Literal('request'), Type.Literal('lan'), Type.Literal('unreachable')]),
  addresses: Type.Array(Type.String(), { description: 'the server’s LAN IPv4 addresses, the one used first' }),
});
export type PublicLink = Static<typeof PublicLink>;
