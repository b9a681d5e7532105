// Load generator on its own thread (and so its own core): keep-alive JSON POSTs, `concurrency` in flight,
// until `total` requests are done. Plain JS so the worker needs no TypeScript loader.
import { Agent, request } from 'node:http';
import { performance } from 'node:perf_hooks';
import { parentPort, workerData } from 'node:worker_threads';

const { base, path, body, headers, total, concurrency, expectStatus } = workerData;
const agent = new Agent({ keepAlive: true, maxSockets: concurrency });
const { hostname, port } = new URL(base);
const payload = Buffer.from(body);

function post() {
  return new Promise((resolve, reject) => {
    const req = request(
      { hostname, port, path, method: 'POST', agent, headers: { ...headers, 'content-type': 'application/json', 'content-length': payload.length } },
      (res) => {
        res.resume();
        res.on('end', () => (res.statusCode === expectStatus ? resolve() : reject(new Error(`status ${res.statusCode}`))));
      },
    );
    req.on('error', reject);
    req.end(payload);
  });
}

let started = 0;
async function lane() {
  while (started < total) {
    started += 1;
    await post();
  }
}

const t0 = performance.now();
try {
  await Promise.all(Array.from({ length: concurrency }, lane));
  parentPort.postMessage({ ok: true, ms: performance.now() - t0 });
} catch (error) {
  parentPort.postMessage({ ok: false, error: String(error) });
}
agent.destroy();
