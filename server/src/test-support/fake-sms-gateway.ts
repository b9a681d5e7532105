import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface GatewayRequest {
  method: string;
  url: string;
  headers: IncomingMessage['headers'];
  body: string;
}

/**
 * An SMS provider's HTTP API on 127.0.0.1: records every request as it arrived (method, path and query, headers,
 * raw body) and answers with `status` (200 unless a test says otherwise), or not at all while `hang` is set.
 */
export class FakeSmsGateway {
  readonly requests: GatewayRequest[] = [];
  status = 200;
  hang = false;
  private readonly server: Server;
  private readonly hanging: ServerResponse[] = [];
  private waiters: { count: number; resolve: () => void }[] = [];

  constructor() {
    this.server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        this.requests.push({ method: req.method ?? '', url: req.url ?? '', headers: req.headers, body: Buffer.concat(chunks).toString('utf8') });
        this.waiters = this.waiters.filter((w) => (this.requests.length >= w.count ? (w.resolve(), false) : true));
        if (this.hang) {
          this.hanging.push(res);
          return;
        }
        res.statusCode = this.status;
        res.end(this.status < 300 ? '{"ok":true}' : '{"error":"busy"}');
      });
    });
  }

  async start(): Promise<string> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  waitForRequests(count: number): Promise<void> {
    if (this.requests.length >= count) return Promise.resolve();
    return new Promise((resolve) => this.waiters.push({ count, resolve }));
  }

  /** Answers the requests held while hanging. */
  release(): void {
    for (const res of this.hanging.splice(0)) res.end('{"ok":true}');
  }

  async stop(): Promise<void> {
    this.release();
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}
