// N WebSocket clients on their own thread, as the displays are separate machines: for every k-th message
// that matches, report when the LAST client received it (absolute ms, comparable across threads).
import { performance } from 'node:perf_hooks';
import { parentPort, workerData } from 'node:worker_threads';
import WebSocket from 'ws';

const { url, clients, hello, match } = workerData;
const now = () => performance.timeOrigin + performance.now();
const seenByIndex = new Map();

function open() {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(url);
    let count = 0;
    let ready = !hello;
    ws.once('error', reject);
    ws.on('message', (raw) => {
      const text = raw.toString('utf8');
      const message = JSON.parse(text);
      if (!ready) {
        if (message.type === 'snapshot') {
          ready = true;
          resolve(ws);
        }
        return;
      }
      if (!text.includes(match)) return;
      const k = count++;
      const seen = (seenByIndex.get(k) ?? 0) + 1;
      seenByIndex.set(k, seen);
      if (seen === clients) {
        seenByIndex.delete(k);
        parentPort.postMessage({ type: 'all', k, at: now(), sample: k === 0 ? text : undefined });
      }
    });
    ws.once('open', () => {
      if (hello) ws.send(hello);
      else resolve(ws);
    });
  });
}

const sockets = await Promise.all(Array.from({ length: clients }, open));
parentPort.postMessage({ type: 'ready' });
parentPort.on('message', (m) => {
  if (m === 'close') {
    for (const s of sockets) s.terminate();
    parentPort.close();
  }
});
