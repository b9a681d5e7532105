/**
 * Live traffic at a running center, over its real HTTP API: a kiosk issues numbers, officers sign in, sit at their
 * counters and call, serve and finish. For the demo province and the province end-to-end test.
 */
export interface TrafficOptions {
  url: string;
  /** One or more kiosks; numbers are taken at each in turn. */
  kioskTokens: string[];
  /** quay1 … quayN passwords. */
  passwords: Record<string, string>;
  counters: number;
}

interface Officer {
  token: string;
  counterId: number;
  busy: boolean;
}

async function call(url: string, method: string, token: string | null, body?: unknown): Promise<{ status: number; json: unknown }> {
  const res = await fetch(url, {
    method,
    headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: res.status, json: await res.json().catch(() => null) };
}

export class CenterTraffic {
  private officers: Officer[] = [];
  private fields: number[] = [];

  constructor(private readonly o: TrafficOptions) {}

  /** Officers sign in and open their counters; the fields issuing numbers are read from the center. */
  async open(): Promise<void> {
    const center = (await call(`${this.o.url}/api/center`, 'GET', this.kiosk(0))).json as { fields: { id: number; issuing: boolean; parentId: number | null }[] };
    const parents = new Set(center.fields.map((f) => f.parentId));
    this.fields = center.fields.filter((f) => f.issuing && !parents.has(f.id)).map((f) => f.id);
    const first = this.o.passwords.quay1;
    const reader = first ? ((await call(`${this.o.url}/api/auth/login`, 'POST', null, { username: 'quay1', password: first })).json as { token: string }).token : this.kiosk(0);
    const counters = (await call(`${this.o.url}/api/counters`, 'GET', reader)).json as { id: number; number: number }[];
    for (const c of counters.slice(0, this.o.counters)) {
      const password = this.o.passwords[`quay${c.number}`];
      if (!password) continue;
      const login = await call(`${this.o.url}/api/auth/login`, 'POST', null, { username: `quay${c.number}`, password });
      if (login.status !== 200) continue;
      const token = (login.json as { token: string }).token;
      await call(`${this.o.url}/api/counters/${c.id}/join`, 'POST', token);
      await call(`${this.o.url}/api/counters/${c.id}/open`, 'POST', token);
      this.officers.push({ token, counterId: c.id, busy: false });
    }
  }

  private kiosk(i: number): string {
    return this.o.kioskTokens[i % this.o.kioskTokens.length] ?? '';
  }

  /** One number issued at the next kiosk; a kiosk asked faster than a person could take numbers is waited for. */
  async issue(i: number): Promise<boolean> {
    const fieldId = this.fields[i % this.fields.length];
    if (fieldId === undefined) return false;
    for (let attempt = 0; attempt < 20; attempt++) {
      const res = await call(`${this.o.url}/api/tickets`, 'POST', this.kiosk(i + attempt), { fieldId });
      if (res.status !== 429) return res.status === 201;
      await new Promise((r) => setTimeout(r, 250));
    }
    return false;
  }

  /** Each officer takes one step: call the next citizen, or start and finish the one called. */
  async step(): Promise<number> {
    let done = 0;
    for (const o of this.officers) {
      const base = `${this.o.url}/api/counters/${o.counterId}`;
      if (!o.busy) {
        o.busy = (await call(`${base}/call-next`, 'POST', o.token)).status === 200;
      } else {
        await call(`${base}/start`, 'POST', o.token);
        if ((await call(`${base}/finish`, 'POST', o.token, {})).status === 200) done++;
        o.busy = false;
      }
    }
    return done;
  }

  /** `tickets` citizens through the whole visit: issued, called, served. */
  async run(tickets: number): Promise<void> {
    for (let i = 0; i < tickets; i++) {
      await this.issue(i);
      if (i % 2 === 1) await this.step();
    }
    for (let i = 0; i < tickets; i++) await this.step();
  }
}
