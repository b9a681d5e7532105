import type { AddressInfo } from 'node:net';
import { performance } from 'node:perf_hooks';
import { Worker } from 'node:worker_threads';
import { WebSocketServer } from 'ws';
import { addCounter, addField, addStaff, deviceToken, login } from '../src/test-support/fixtures.ts';
import { baseUrl, startTestServer } from '../src/test-support/test-app.ts';
import { LiveClock } from './clock.ts';
import { poster } from './http-client.ts';
import { percentile } from './machine.ts';

export interface BroadcastResult {
  clients: number;
  calls: number;
  p50: number;
  p99: number;
  rawP50: number;
  rawP99: number;
}

const now = () => performance.timeOrigin + performance.now();

/** The clients run on a worker thread; `arrival(k)` resolves when the last one got the k-th matching message. */
async function clientsOn(url: string, clients: number, match: string, hello?: string) {
  const worker = new Worker(new URL('./ws-clients-worker.mjs', import.meta.url), { workerData: { url, clients, match, hello } });
  const waiting = new Map<number, (at: number) => void>();
  const arrived = new Map<number, number>();
  let sample = '';
  await new Promise<void>((resolve, reject) => {
    worker.on('message', (m: { type: string; k?: number; at?: number; sample?: string }) => {
      if (m.type === 'ready') return resolve();
      if (m.k === undefined || m.at === undefined) return;
      if (m.sample) sample = m.sample;
      const done = waiting.get(m.k);
      if (done) done(m.at);
      else arrived.set(m.k, m.at);
    });
    worker.once('error', reject);
  });
  return {
    arrival: (k: number) =>
      new Promise<number>((resolve) => {
        const at = arrived.get(k);
        if (at !== undefined) resolve(at);
        else waiting.set(k, resolve);
      }),
    sample: () => sample,
    close: async () => {
      worker.postMessage('close');
      await worker.terminate();
    },
  };
}

async function throughServer(clients: number, calls: number): Promise<{ latencies: number[]; sample: string }> {
  const server = await startTestServer({ listen: true, clock: new LiveClock() });
  const fieldId = addField(server, { code: 'bench', prefix: 'A', width: 4 });
  const counterId = addCounter(server, 1, [fieldId]);
  await addStaff(server, 'bench', 'officer');
  const officer = await login(server, 'bench');
  const http = poster(baseUrl(server), 4);
  const auth = { authorization: `Bearer ${officer}` };
  await http.post(`/api/counters/${counterId}/join`, '{}', auth);
  const kiosk = deviceToken(server, 'kiosk');
  for (let i = 0; i < calls; i++) await http.post('/api/tickets', JSON.stringify({ fieldId }), { authorization: `Bearer ${kiosk}` });

  const board = deviceToken(server, 'hall_board');
  const url = `${baseUrl(server).replace('http', 'ws')}/ws`;
  const screens = await clientsOn(url, clients, '"cause":"called"', JSON.stringify({ type: 'hello', protocol: 1, token: board }));
  const latencies: number[] = [];
  for (let k = 0; k < calls; k++) {
    const t0 = now();
    const res = await http.post(`/api/counters/${counterId}/call-next`, '{}', auth);
    if (res.status !== 200) throw new Error(`call failed ${res.status} ${res.text}`);
    latencies.push((await screens.arrival(k)) - t0);
    await http.post(`/api/counters/${counterId}/finish`, '{}', auth);
  }
  const sample = screens.sample();
  await screens.close();
  http.close();
  await server.dispose();
  return { latencies, sample };
}

async function rawBroadcast(clients: number, calls: number, message: string): Promise<number[]> {
  const wss = new WebSocketServer({ port: 0, host: '127.0.0.1' });
  await new Promise<void>((r) => wss.once('listening', () => r()));
  const { port } = wss.address() as AddressInfo;
  const screens = await clientsOn(`ws://127.0.0.1:${port}`, clients, '"type":"delta"');
  const latencies: number[] = [];
  for (let k = 0; k < calls; k++) {
    const t0 = now();
    for (const client of wss.clients) client.send(message);
    latencies.push((await screens.arrival(k)) - t0);
  }
  await screens.close();
  await new Promise<void>((r) => wss.close(() => r()));
  return latencies;
}

/** (b): an officer's call-next over HTTP until the last of 200 hall screens has it, against a bare `ws` broadcast. */
export async function broadcastLatency(clients = 200, calls = 200): Promise<BroadcastResult> {
  const { latencies, sample } = await throughServer(clients, calls);
  const raw = await rawBroadcast(clients, calls, sample);
  const s = [...latencies].sort((a, b) => a - b);
  const r = [...raw].sort((a, b) => a - b);
  return { clients, calls, p50: percentile(s, 50), p99: percentile(s, 99), rawP50: percentile(r, 50), rawP99: percentile(r, 99) };
}
