import { WebSocket, WebSocketServer } from 'ws';
import type { AddressInfo } from 'node:net';
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

/** Resolves when every client has seen one message satisfying `isIt`. */
class Fanout {
  private pending = 0;
  private done: (() => void) | null = null;

  constructor(sockets: WebSocket[], isIt: (text: string) => boolean) {
    for (const s of sockets) {
      s.on('message', (raw: Buffer) => {
        if (this.done && isIt(raw.toString('utf8')) && --this.pending === 0) this.done();
      });
    }
    this.size = sockets.length;
  }

  readonly size: number;

  arm(): Promise<void> {
    this.pending = this.size;
    return new Promise((resolve) => {
      this.done = () => {
        this.done = null;
        resolve();
      };
    });
  }
}

function openAll(url: string, n: number, hello?: string): Promise<WebSocket[]> {
  return Promise.all(
    Array.from(
      { length: n },
      () =>
        new Promise<WebSocket>((resolve, reject) => {
          const ws = new WebSocket(url);
          ws.once('error', reject);
          ws.once('open', () => {
            if (!hello) return resolve(ws);
            ws.send(hello);
            const onSnapshot = (raw: Buffer) => {
              if ((JSON.parse(raw.toString('utf8')) as { type: string }).type === 'snapshot') {
                ws.off('message', onSnapshot);
                resolve(ws);
              }
            };
            ws.on('message', onSnapshot);
          });
        }),
    ),
  );
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
  const sockets = await openAll(url, clients, JSON.stringify({ type: 'hello', protocol: 1, token: board }));
  let sample = '';
  const fanout = new Fanout(sockets, (text) => {
    const isCall = text.includes('"cause":"called"');
    if (isCall) sample = text;
    return isCall;
  });
  const latencies: number[] = [];
  for (let i = 0; i < calls; i++) {
    const all = fanout.arm();
    const t0 = performance.now();
    const res = await http.post(`/api/counters/${counterId}/call-next`, '{}', auth);
    if (res.status !== 200) throw new Error(`call failed ${res.status} ${res.text}`);
    await all;
    latencies.push(performance.now() - t0);
    await http.post(`/api/counters/${counterId}/finish`, '{}', auth);
  }
  for (const s of sockets) s.terminate();
  http.close();
  await server.dispose();
  return { latencies, sample };
}

async function rawBroadcast(clients: number, calls: number, message: string): Promise<number[]> {
  const wss = new WebSocketServer({ port: 0, host: '127.0.0.1' });
  await new Promise<void>((r) => wss.once('listening', () => r()));
  const { port } = wss.address() as AddressInfo;
  const sockets = await openAll(`ws://127.0.0.1:${port}`, clients);
  const fanout = new Fanout(sockets, (text) => (JSON.parse(text) as { type: string }).type === 'delta');
  const latencies: number[] = [];
  for (let i = 0; i < calls; i++) {
    const all = fanout.arm();
    const t0 = performance.now();
    for (const client of wss.clients) client.send(message);
    await all;
    latencies.push(performance.now() - t0);
  }
  for (const s of sockets) s.terminate();
  await new Promise<void>((r) => wss.close(() => r()));
  return latencies;
}

export async function broadcastLatency(clients = 200, calls = 200): Promise<BroadcastResult> {
  const { latencies, sample } = await throughServer(clients, calls);
  const raw = await rawBroadcast(clients, calls, sample);
  const s = [...latencies].sort((a, b) => a - b);
  const r = [...raw].sort((a, b) => a - b);
  return { clients, calls, p50: percentile(s, 50), p99: percentile(s, 99), rawP50: percentile(r, 50), rawP99: percentile(r, 99) };
}
