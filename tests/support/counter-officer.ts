import type { CheckInResult, CounterActionResponse, CounterView, IssuedTicket, LoginResponse } from '@luot/shared';
import type { ServerProcess } from './server-process.ts';

/**
 * An officer at one counter, acting through the real HTTP API the way the staff console does:
 * sign in with the password printed at first start, join the counter, call, recall, finish, pause.
 */
export class CounterOfficer {
  private constructor(
    private readonly server: ServerProcess,
    private readonly token: string,
    readonly counter: CounterView,
  ) {}

  /** Signs in as `username` (quay1 … quay8) and joins the counter with that number. */
  static async atCounter(server: ServerProcess, username: string, counterNumber: number): Promise<CounterOfficer> {
    const login = await send<LoginResponse>(server, 'POST', '/api/auth/login', null, { username, password: server.account(username).password }, 200);
    const counters = await send<CounterView[]>(server, 'GET', '/api/counters', login.token, undefined, 200);
    const counter = counters.find((c) => c.number === counterNumber);
    if (!counter) throw new Error(`no counter number ${counterNumber}`);
    await send(server, 'POST', `/api/counters/${counter.id}/join`, login.token, undefined, 200);
    return new CounterOfficer(server, login.token, counter);
  }

  /** The first field this counter serves, to give it someone to call. */
  firstField(): number {
    const field = this.counter.fieldIds[0];
    if (field === undefined) throw new Error(`counter ${this.counter.number} serves no field`);
    return field;
  }

  private act(action: string, body?: unknown): Promise<CounterActionResponse> {
    return send<CounterActionResponse>(this.server, 'POST', `/api/counters/${this.counter.id}/${action}`, this.token, body, 200);
  }

  /** Calls the next citizen; resolves with the ticket called. */
  async callNext(): Promise<string> {
    const res = await this.act('call-next');
    if (!res.ticket) throw new Error('call-next answered without a ticket');
    return res.ticket.number;
  }

  /** Calls one waiting ticket out of turn. */
  callTicket(ticketId: number): Promise<CounterActionResponse> {
    return this.act('call', { ticketId });
  }

  recall(): Promise<CounterActionResponse> {
    return this.act('recall');
  }

  start(): Promise<CounterActionResponse> {
    return this.act('start');
  }

  finish(): Promise<CounterActionResponse> {
    return this.act('finish', {});
  }

  hold(note: string | null = null): Promise<CounterActionResponse> {
    return this.act('hold', { note });
  }

  pause(reason: string): Promise<CounterActionResponse> {
    return this.act('pause', { reason });
  }

  resume(): Promise<CounterActionResponse> {
    return this.act('resume');
  }

  close(): Promise<CounterActionResponse> {
    return this.act('close');
  }

  open(): Promise<CounterActionResponse> {
    return this.act('open');
  }

  /** A walk-in ticket issued by this officer (no receipt). */
  issue(fieldId: number): Promise<IssuedTicket> {
    return send<IssuedTicket>(this.server, 'POST', '/api/tickets', this.token, { fieldId }, 201);
  }
}

/**
 * The demo kiosk issuing tickets, as a citizen's tap does. Its token is renewed when it expires (tests that
 * shorten LUOT_DEVICE_TOKEN_SECONDS), so arranging a test never fails on the kiosk's session.
 */
export class DemoKiosk {
  private constructor(
    private readonly server: ServerProcess,
    private token: string,
  ) {}

  static async connect(server: ServerProcess): Promise<DemoKiosk> {
    const { token } = await send<{ token: string }>(server, 'GET', '/api/demo/device?kind=kiosk', null, undefined, 200);
    return new DemoKiosk(server, token);
  }

  /** Field id by its code, e.g. 'tu-phap-ho-tich'. */
  async fieldId(code: string): Promise<number> {
    const center = await this.request<{ fields: { id: number; code: string }[] }>('GET', '/api/center', undefined, 200);
    const found = center.fields.find((f) => f.code === code);
    if (!found) throw new Error(`no field ${code}`);
    return found.id;
  }

  async issue(fieldId: number): Promise<string> {
    const issued = await this.request<IssuedTicket>('POST', '/api/tickets', { fieldId }, 201);
    return issued.ticket.number;
  }

  /** Checks a booking in by its code, as the kiosk's reader types it. */
  async checkIn(code: string): Promise<CheckInResult> {
    return this.request<CheckInResult>('POST', '/api/bookings/check-in', { code }, 201);
  }

  private async request<T>(method: string, path: string, body: unknown, expected: number): Promise<T> {
    try {
      return await send<T>(this.server, method, path, this.token, body, expected);
    } catch (error) {
      // A kiosk issues at a person's pace; arranging a queue of many moves the server's clock on a second, as a
      // patient citizen would wait it.
      if (String(error).includes('KIOSK_TOO_FAST')) {
        await this.server.advanceClock(1_000);
        return this.request<T>(method, path, body, expected);
      }
      if (!String(error).includes('DEVICE_TOKEN_EXPIRED')) throw error;
      const renewed = await send<{ token: string }>(this.server, 'POST', '/api/devices/renew', this.token, undefined, 200);
      this.token = renewed.token;
      return send<T>(this.server, method, path, this.token, body, expected);
    }
  }
}

async function send<T>(server: ServerProcess, method: string, path: string, token: string | null, body: unknown, expected: number): Promise<T> {
  const headers: Record<string, string> = {};
  if (token) headers.authorization = `Bearer ${token}`;
  if (body !== undefined) headers['content-type'] = 'application/json';
  const res = await fetch(`${server.url}${path}`, { method, headers, body: body === undefined ? null : JSON.stringify(body) });
  const text = await res.text();
  if (res.status !== expected) throw new Error(`${method} ${path}: expected ${expected}, got ${res.status} ${text}\nSERVER OUTPUT:\n${server.output.slice(-2000)}`);
  return JSON.parse(text) as T;
}
