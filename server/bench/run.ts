import { appendFileSync, existsSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { broadcastLatency } from './broadcast.ts';
import { etaAccuracy, etaSection, type EtaScenarioResult } from './eta-accuracy.ts';
import { issueRate } from './issue-rate.ts';
import { machineLine, round } from './machine.ts';
import { receiptBench } from './receipt.ts';
import { voiceBench } from './voice.ts';

/** `pnpm bench`: measures, prints, and appends a dated section to docs/benchmarks.md. */
const out = resolve(import.meta.dirname, '../../docs/benchmarks.md');
const date = new Date().toISOString().slice(0, 16).replace('T', ' ');

const issue = await issueRate();
const ratio = issue.httpPerSec / issue.rawPerSec;
console.log(`issue: http ${round(issue.httpPerSec, 0)}/s, raw ${round(issue.rawPerSec, 0)}/s, ratio ${round(ratio * 100, 1)}%`);
const bc = await broadcastLatency();
console.log(`broadcast to ${bc.clients}: p50 ${round(bc.p50)} ms, p99 ${round(bc.p99)} ms; raw ws p50 ${round(bc.rawP50)} ms, p99 ${round(bc.rawP99)} ms`);

const receipt = await receiptBench();
console.log(`receipt render + encode median: 384 dots ${round(receipt.medianMs384)} ms, 576 dots ${round(receipt.medianMs576)} ms`);
const kioskGzip = await kioskBundleGzip();
const voice = await voiceBench();
console.log(`call audio ready: cache miss ${round(voice.missMs)} ms, hit ${round(voice.hitMs, 3)} ms`);
const eta = await etaAccuracy();
for (const s of eta.scenarios) {
  const all = s.groups[0];
  if (all) console.log(`estimated wait, ${s.scenario}: MAE ${round(all.baseline.maeMinutes, 1)} → ${round(all.improved.maeMinutes, 1)} min, within ±5 min ${round(all.baseline.within5 * 100, 1)} → ${round(all.improved.within5 * 100, 1)} %`);
}

const verdict = (ok: boolean) => (ok ? 'met' : '**not met**');
const section = `
## ${date} UTC — ${machineLine()}

| benchmark | result | target | |
|---|---|---|---|
| (a) tickets issued over HTTP, durable commit each (${issue.tickets} tickets, ${issue.concurrency} keep-alive connections from a worker thread) | ${round(issue.httpPerSec, 0)} tickets/s | ≥ 2,000/s | ${verdict(issue.httpPerSec >= 2000)} |
| (a) raw better-sqlite3 durable inserts, one per transaction, same run | ${round(issue.rawPerSec, 0)} inserts/s | — | |
| (a) HTTP rate as a share of raw | ${round(ratio * 100, 1)} % | ≥ 25 % | ${verdict(ratio >= 0.25)} |
| (b) officer's call-next request → last of ${bc.clients} WebSocket clients receives the call, p50 / p99 (${bc.calls} calls) | ${round(bc.p50)} / ${round(bc.p99)} ms | p99 ≤ 25 ms | ${verdict(bc.p99 <= 25)} |
| (b) raw \`ws\` broadcast of a same-size message to ${bc.clients} clients, p50 / p99 | ${round(bc.rawP50)} / ${round(bc.rawP99)} ms | — | |
| (b) p99 ratio to raw | ${round(bc.p99 / bc.rawP99, 2)}× | ≤ 2× | ${verdict(bc.p99 <= 2 * bc.rawP99)} |
| receipt render + ESC/POS encode, median of ${receipt.runs} (384 / 576 dots) | ${round(receipt.medianMs384)} / ${round(receipt.medianMs576)} ms | ≤ 20 ms | ${verdict(Math.max(receipt.medianMs384, receipt.medianMs576) <= 20)} |
| call audio ready (chime + Vietnamese sentence), median of ${voice.runs}: cache miss / hit | ${round(voice.missMs)} / ${round(voice.hitMs, 3)} ms | — | |
| kiosk JavaScript, gzipped (kiosk/dist) | ${kioskGzip === null ? 'not built' : `${round(kioskGzip / 1024, 1)} KB`} | ≤ 150 KB | ${kioskGzip === null ? '' : verdict(kioskGzip <= 150 * 1024)} |
${eta.scenarios.map((s) => etaRow(s)).join('\n')}

### Estimated wait accuracy (issue #7; \`pnpm --dir server bench:eta\`)

${etaSection(eta)}`;
if (!existsSync(out)) {
  writeFileSync(
    out,
    `# Benchmarks\n\nWritten by \`pnpm bench\` (server/bench/). Load generator and server share one process and its two cores, so the figures are conservative. Each run appends a section.\n`,
  );
}
appendFileSync(out, section);
console.log(`appended to ${out}`);

/** The headline of the wait-estimate benchmark as a row of the main table: both MAE and the ±5 min share must improve. */
function etaRow(s: EtaScenarioResult): string {
  const all = s.groups[0];
  if (!all) return '';
  const ok = all.improved.maeMinutes < all.baseline.maeMinutes && all.improved.within5 > all.baseline.within5;
  return `| estimated wait vs real wait, ${s.scenario}: MAE / within ±5 min (baseline → estimate) | ${round(all.baseline.maeMinutes, 1)} → ${round(all.improved.maeMinutes, 1)} min / ${round(all.baseline.within5 * 100, 1)} → ${round(all.improved.within5 * 100, 1)} % | beats the baseline on both | ${ok ? 'met' : '**not met**'} |`;
}

/** Sum of the gzipped sizes of the kiosk's built JavaScript, or null when the kiosk is not built. */
async function kioskBundleGzip(): Promise<number | null> {
  const { readdirSync, readFileSync } = await import('node:fs');
  const { gzipSync } = await import('node:zlib');
  const dir = resolve(import.meta.dirname, '../../kiosk/dist/assets');
  if (!existsSync(dir)) return null;
  return readdirSync(dir)
    .filter((f) => f.endsWith('.js'))
    .reduce((sum, f) => sum + gzipSync(readFileSync(resolve(dir, f)), { level: 9 }).length, 0);
}
