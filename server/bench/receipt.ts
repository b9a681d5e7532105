import { performance } from 'node:perf_hooks';
import { encodeReceipt, renderReceipt, type ReceiptData } from '../src/printing/index.ts';
import { percentile } from './machine.ts';

/** A long, mark-heavy receipt: two-line centre name, wrapped field, priority bar, every optional line. */
const receipt: ReceiptData = {
  lang: 'vi',
  centerName: 'Trung tâm Phục vụ hành chính công phường Hiệp Tân',
  fieldName: 'Lao động, Người có công và Xã hội',
  fieldNameVi: 'Lao động, Người có công và Xã hội',
  number: 'E023',
  priorityLabel: 'Người cao tuổi',
  priorityLabelVi: 'Người cao tuổi',
  peopleAhead: 12,
  estimatedWaitMinutes: 25,
  issuedAt: Date.UTC(2025, 2, 10, 1, 5),
  trackingUrl: 'http://luot.local:8080/t/7QK2M9XA',
  footer: 'Xin cảm ơn quý khách',
};

function medianMs(widthDots: 384 | 576, runs: number): number {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    // A different number each run, so nothing can be reused from the previous receipt.
    const data = { ...receipt, number: `E${String(i % 1000).padStart(3, '0')}`, peopleAhead: i % 40 };
    const started = performance.now();
    encodeReceipt(renderReceipt(data, widthDots), data.trackingUrl);
    times.push(performance.now() - started);
  }
  return percentile(times.sort((a, b) => a - b), 50);
}

/** Time to turn ReceiptData into printer bytes (render to bitmap + ESC/POS encode), median of `runs`. */
export async function receiptBench(runs = 200): Promise<{ medianMs384: number; medianMs576: number; runs: number }> {
  // Warm-up: font registration, JIT, the native canvas library's first allocations.
  medianMs(384, 10);
  medianMs(576, 10);
  return { medianMs384: medianMs(384, runs), medianMs576: medianMs(576, runs), runs };
}
