export { encodeReceipt } from './escpos-encode.ts';
export type { ReceiptBitmap } from './bitmap-draw.ts';
export { createPrintService, PRINT_DEFAULTS, type DroppedJob, type PrinterConfig, type PrintService, type PrintServiceDeps } from './print-service.ts';
export { renderReceipt, type ReceiptData } from './receipt-layout.ts';
