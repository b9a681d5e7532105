import type { CenterSnapshot, CounterView, IssuedTicket, LiveFigures, LoginResponse, TicketView } from '@luot/shared';
import { expect } from 'vitest';
import type { ServerProcess } from './server-process.ts';

/**
 * What the server itself says, for checking what a console screen claims: read as the supervisor (or any
 * account) straight from the HTTP API, never from the page under test.
 */
export class ServerTruth {
  private constructor(
    private readonly server: ServerProcess,
    readonly token: string,
  ) {}

  static async as(server: ServerProcess, username: string): Promise<ServerTruth> {
    const res = await fetch(`${server.url}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username, password: server.account(username).password }),
    });
    if (res.status !== 200) throw new Error(`sign-in as ${username}: ${res.status} ${await res.text()}`);
    const body = (await res.json()) as LoginResponse;
    return new ServerTruth(server, body.token);
  }

  /** Status and body of any request with this account's token. */
  async call(method: string, path: string, body?: unknown): Promise<{ status: number; body: unknown }> {
    return send(this.server, this.token, method, path, body);
  }

  private async get<T>(path: string): Promise<T> {
    const { status, body } = await this.call('GET', path);
    if (status !== 200) throw new Error(`GET ${path}: ${status} ${JSON.stringify(body)}`);
    return body as T;
  }

  queue(): Promise<CenterSnapshot> {
    return this.get<CenterSnapshot>('/api/queue');
  }

  async counter(number: number): Promise<CounterView> {
    const found = (await this.queue()).counters.find((c) => c.number === number);
    if (!found) throw new Error(`no counter ${number}`);
    return found;
  }

  /** The ticket the server has at the counter's desk, once there is one. */
  async calledAt(number: number): Promise<TicketView> {
    await expect.poll(async () => (await this.counter(number)).current).not.toBeNull();
    const current = (await this.counter(number)).current;
    if (!current) throw new Error(`no ticket at counter ${number}`);
    return current;
  }

  async ticket(id: number): Promise<TicketView> {
    return (await this.get<{ ticket: TicketView }>(`/api/tickets/${id}`)).ticket;
  }

  async fieldId(code: string): Promise<number> {
    const found = (await this.queue()).fields.find((f) => f.code === code);
    if (!found) throw new Error(`no field ${code}`);
    return found.id;
  }

  live(): Promise<LiveFigures> {
    return this.get<LiveFigures>('/api/live');
  }
}

/** The demo kiosk, issuing numbers as a citizen's tap does (GET /api/demo/device?kind=kiosk, then POST /api/tickets). */
export class KioskTaps {
  private constructor(
    private readonly server: ServerProcess,
    private readonly token: string,
  ) {}

  static async connect(server: ServerProcess): Promise<KioskTaps> {
    const res = await fetch(`${server.url}/api/demo/device?kind=kiosk`);
    const body = (await res.json()) as { token: string };
    return new KioskTaps(server, body.token);
  }

  async issue(fieldId: number, priority: string | null = null): Promise<TicketView> {
    const { status, body } = await this.tap({ fieldId, priority });
    if (status !== 201) throw new Error(`issue: ${status} ${JSON.stringify(body)}`);
    return (body as IssuedTicket).ticket;
  }

  /** What the kiosk is told when it asks for a number, refusals included. */
  try(fieldId: number): Promise<{ status: number; body: unknown }> {
    return this.tap({ fieldId });
  }

  /**
   * A kiosk issues at a person's pace (a burst of five, then one a second): a tap too soon is tried again a
   * second later by the server's clock, which the test moves on rather than waiting for it.
   */
  private async tap(body: object): Promise<{ status: number; body: unknown }> {
    for (;;) {
      const answer = await send(this.server, this.token, 'POST', '/api/tickets', body);
      if (answer.status !== 429 || (answer.body as { code?: string }).code !== 'KIOSK_TOO_FAST') return answer;
      await this.server.advanceClock(1_000);
    }
  }
}

async function send(server: ServerProcess, token: string, method: string, path: string, body?: unknown): Promise<{ status: number; body: unknown }> {
  const res = await fetch(`${server.url}${path}`, {
    method,
    headers: { authorization: `Bearer ${token}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    body: body === undefined ? null : JSON.stringify(body),
  });
  const text = await res.text();
  return { status: res.status, body: text ? (JSON.parse(text) as unknown) : null };
}
