import type { ServerMessage } from '@luot/shared';
import WebSocket from 'ws';

/** A real WebSocket client that records every message and lets a test wait for one. */
export class TestSocket {
  readonly messages: ServerMessage[] = [];
  private waiters: { match: (m: ServerMessage) => boolean; resolve: (m: ServerMessage) => void }[] = [];
  closed: { code: number } | null = null;

  private constructor(readonly ws: WebSocket) {
    ws.on('message', (raw: WebSocket.RawData) => {
      const text = Array.isArray(raw) ? Buffer.concat(raw).toString('utf8') : Buffer.from(raw as ArrayBuffer).toString('utf8');
      const message = JSON.parse(text) as ServerMessage;
      this.messages.push(message);
      this.waiters = this.waiters.filter((w) => {
        if (!w.match(message)) return true;
        w.resolve(message);
        return false;
      });
    });
    ws.on('close', (code) => {
      this.closed = { code };
    });
  }

  /** `autoPong: false` makes a peer that ignores protocol pings, like a frozen screen. */
  static open(url: string, options: { autoPong?: boolean } = {}): Promise<TestSocket> {
    const ws = new WebSocket(url, { autoPong: options.autoPong ?? true });
    const client = new TestSocket(ws);
    return new Promise((resolve, reject) => {
      ws.once('open', () => resolve(client));
      ws.once('error', reject);
    });
  }

  static async hello(url: string, token: string): Promise<TestSocket> {
    const client = await TestSocket.open(url);
    client.send({ type: 'hello', protocol: 1, token });
    await client.next((m) => m.type === 'welcome');
    return client;
  }

  send(message: unknown): void {
    this.ws.send(typeof message === 'string' ? message : JSON.stringify(message));
  }

  /**
   * Resolves with the first message (already received or future) matching `match`. The time-out only bounds a
   * failure (a busy machine may take seconds); a passing test never waits it out.
   */
  next<T extends ServerMessage>(match: (m: ServerMessage) => m is T, timeoutMs?: number): Promise<T>;
  next(match: (m: ServerMessage) => boolean, timeoutMs?: number): Promise<ServerMessage>;
  next(match: (m: ServerMessage) => boolean, timeoutMs = 10_000): Promise<ServerMessage> {
    const seen = this.messages.find(match);
    if (seen) return Promise.resolve(seen);
    return this.waitNew(match, timeoutMs);
  }

  /** Like next, but only for messages that arrive from now on. */
  waitNew(match: (m: ServerMessage) => boolean, timeoutMs = 10_000): Promise<ServerMessage> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no matching message within ${timeoutMs} ms; got ${JSON.stringify(this.messages.map((m) => m.type))}`)), timeoutMs);
      this.waiters.push({
        match,
        resolve: (m) => {
          clearTimeout(timer);
          resolve(m);
        },
      });
    });
  }

  waitClose(timeoutMs = 10_000): Promise<{ code: number }> {
    if (this.closed) return Promise.resolve(this.closed);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('socket did not close')), timeoutMs);
      this.ws.once('close', (code) => {
        clearTimeout(timer);
        resolve({ code });
      });
    });
  }

  close(): void {
    this.ws.close();
  }
}
