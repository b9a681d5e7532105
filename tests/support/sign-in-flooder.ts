/**
 * A hostile machine on the LAN, as its own process: keeps `concurrency` sign-ins with invented usernames in flight
 * against `url` until told to stop (SIGTERM or stdin closing). Prints `flooding` once the flood is under way,
 * then, when stopped, one JSON line describing every answer it got.
 *
 *   node --import tsx tests/support/sign-in-flooder.ts http://127.0.0.1:8080 40
 */
const [url = '', concurrencyText = '40'] = process.argv.slice(2);
const concurrency = Number(concurrencyText);

interface Summary {
  sent: number;
  statuses: Record<string, number>;
  /** Refusals (429/503) that did not say when to come back, or came without the catalog's code. */
  unclear: string[];
}

const summary: Summary = { sent: 0, statuses: {}, unclear: [] };
let stopping = false;
let announced = false;

async function signIn(worker: number): Promise<void> {
  summary.sent += 1;
  try {
    const res = await fetch(`${url}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: `ke-gian-${worker}-${summary.sent}`, password: 'doan-mo' }),
    });
    const body = (await res.json()) as { code?: string };
    summary.statuses[res.status] = (summary.statuses[res.status] ?? 0) + 1;
    if ((res.status === 429 || res.status === 503) && (!res.headers.get('retry-after') || !body.code)) summary.unclear.push(`${res.status} ${JSON.stringify(body)}`);
  } catch (error) {
    summary.statuses.network = (summary.statuses.network ?? 0) + 1;
    if (summary.unclear.length < 5) summary.unclear.push(String(error));
  }
  if (!announced && summary.sent >= concurrency) {
    announced = true;
    process.stdout.write('flooding\n');
  }
}

async function worker(index: number): Promise<void> {
  while (!stopping) await signIn(index);
}

const workers = Array.from({ length: concurrency }, (_, i) => worker(i));
const stop = () => {
  stopping = true;
};
process.on('SIGTERM', stop);
process.stdin.on('end', stop);
process.stdin.resume();

export {}; // a module, for the top-level await below
await Promise.all(workers);
process.stdout.write(`${JSON.stringify(summary)}\n`);
process.exit(0);
