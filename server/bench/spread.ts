import { appendFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { resolve } from 'node:path';
import { broadcastLatency } from './broadcast.ts';
import { issueRate } from './issue-rate.ts';
import { machineLine, round } from './machine.ts';

/**
 * `pnpm bench:spread [runs] [label]`: the issue rate and the call fan-out, run several times (5 by default),
 * reported as median and range, with the load average before and after — one run moves ±10 % on a shared machine,
 * so a single figure says little. Appends a section to docs/benchmarks.md.
 */
const runs = Number(process.argv[2] ?? 5);
const label = process.argv[3] ?? '';
const out = resolve(import.meta.dirname, '../../docs/benchmarks.md');
const date = new Date().toISOString().slice(0, 16).replace('T', ' ');
const loadBefore = loadavg();

const issue: { http: number; raw: number; share: number }[] = [];
const fanout: { p50: number; p99: number; rawP99: number; ratio: number }[] = [];
for (let i = 0; i < runs; i++) {
  const a = await issueRate();
  issue.push({ http: a.httpPerSec, raw: a.rawPerSec, share: a.httpPerSec / a.rawPerSec });
  const b = await broadcastLatency();
  fanout.push({ p50: b.p50, p99: b.p99, rawP99: b.rawP99, ratio: b.p99 / b.rawP99 });
  console.log(
    `run ${i + 1}/${runs}: issue ${round(a.httpPerSec, 0)}/s of raw ${round(a.rawPerSec, 0)}/s (${round((100 * a.httpPerSec) / a.rawPerSec, 1)} %); ` +
      `call fan-out p50 ${round(b.p50)} ms, p99 ${round(b.p99)} ms (raw p99 ${round(b.rawP99)} ms)`,
  );
}
const loadAfter = loadavg();

/** Median, min and max of a list, formatted with the given digits. */
function spread(values: number[], digits: number, scale = 1): string {
  const s = values.map((v) => v * scale).sort((x, y) => x - y);
  const mid = s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
  return `**${round(mid, digits)}** (${round(s[0]!, digits)} – ${round(s[s.length - 1]!, digits)})`;
}

const load = (l: number[]) => l.map((x) => round(x, 2)).join(' / ');
const section = `
## ${date} UTC — spread of ${runs} runs${label ? `, ${label}` : ''} — ${machineLine()}

Load average (1 / 5 / 15 min) before ${load(loadBefore)}, after ${load(loadAfter)}. Median (min – max) of ${runs} runs.

| benchmark | median (range) |
|---|---|
| (a) tickets issued over HTTP, durable commit each (6000 tickets, 32 connections) | ${spread(issue.map((r) => r.http), 0)} tickets/s |
| (a) raw better-sqlite3 durable inserts, same runs | ${spread(issue.map((r) => r.raw), 0)} inserts/s |
| (a) HTTP rate as a share of raw | ${spread(issue.map((r) => r.share), 1, 100)} % |
| (b) call-next → last of 200 WebSocket clients, p50 | ${spread(fanout.map((r) => r.p50), 2)} ms |
| (b) same, p99 | ${spread(fanout.map((r) => r.p99), 2)} ms |
| (b) p99 ratio to a raw \`ws\` broadcast | ${spread(fanout.map((r) => r.ratio), 2)}× |
`;
appendFileSync(out, section);
console.log(section);
console.log(`appended to ${out}`);
