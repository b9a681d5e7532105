import { connect, type Socket } from 'node:net';
import type { PrinterProblem } from '@luot/shared';
import { blocksPrinting, DLE_EOT, problemsFromStatus, STATUS_OFFLINE_CAUSE, STATUS_PAPER, STATUS_PRINTER, type StatusQuery } from './printer-status.ts';
import type { PrintAttempt, PrinterTransport } from './transport.ts';

export interface TcpTransportOptions {
  /** How long to wait for the one-byte answer to each DLE EOT query. */
  statusTimeoutMs?: number;
}

class PrinterUnreachable extends Error {}

/**
 * A network printer on its raw port (9100). One short connection per attempt: many printers accept a
 * single client at a time, and a socket left open would lock out the printer's own web page and any
 * other tool the technician uses.
 */
export function tcpTransport(host: string, port: number, options: TcpTransportOptions = {}): PrinterTransport {
  const statusTimeoutMs = options.statusTimeoutMs ?? 2000;
  const open = new Set<Socket>();

  async function session<T>(signal: AbortSignal, work: (conn: Connection) => Promise<T>): Promise<T> {
    const conn = await Connection.open(host, port, signal, statusTimeoutMs);
    open.add(conn.socket);
    try {
      return await work(conn);
    } finally {
      open.delete(conn.socket);
      conn.socket.destroy();
    }
  }

  return {
    async status(signal) {
      try {
        return await session(signal, (conn) => conn.readStatus());
      } catch (_error) {
        return ['unreachable'];
      }
    },

    async print(bytes, signal): Promise<PrintAttempt> {
      let problems: PrinterProblem[] = [];
      try {
        return await session(signal, async (conn) => {
          problems = await conn.readStatus();
          if (blocksPrinting(problems)) return { printed: false, problems };
          await conn.write(bytes);
          // The answer to a status query sent after the job can only come once the printer has received
          // the whole job (TCP keeps order), so it confirms delivery and tells us if the roll ran out.
          problems = await conn.readStatus();
          return { printed: true, problems };
        });
      } catch (_error) {
        return { printed: false, problems: [...problems.filter((p) => p === 'paper_near_end'), 'unreachable'] };
      }
    },

    close() {
      for (const socket of open) socket.destroy();
      open.clear();
    },
  };
}

/** One TCP connection to the printer, reading its one-byte status answers. */
class Connection {
  private received: number[] = [];
  private waiting: (() => void) | null = null;
  private failure: Error | null = null;

  private constructor(
    readonly socket: Socket,
    private readonly signal: AbortSignal,
    private readonly statusTimeoutMs: number,
  ) {
    socket.on('data', (chunk: Buffer) => {
      for (const byte of chunk) this.received.push(byte);
      this.wake();
    });
    socket.on('error', (error) => this.fail(error));
    socket.on('close', () => this.fail(new PrinterUnreachable('connection closed by the printer')));
    signal.addEventListener('abort', () => {
      this.fail(new PrinterUnreachable('attempt aborted'));
      socket.destroy();
    });
  }

  static open(host: string, port: number, signal: AbortSignal, statusTimeoutMs: number): Promise<Connection> {
    return new Promise((resolve, reject) => {
      if (signal.aborted) {
        reject(new PrinterUnreachable('attempt aborted'));
        return;
      }
      const socket = connect({ host, port, noDelay: true });
      const onAbort = () => socket.destroy(new PrinterUnreachable('attempt aborted'));
      signal.addEventListener('abort', onAbort, { once: true });
      socket.once('error', (error) => {
        signal.removeEventListener('abort', onAbort);
        reject(error);
      });
      socket.once('connect', () => {
        signal.removeEventListener('abort', onAbort);
        socket.removeAllListeners('error');
        resolve(new Connection(socket, signal, statusTimeoutMs));
      });
    });
  }

  async readStatus(): Promise<PrinterProblem[]> {
    const printer = await this.query(STATUS_PRINTER);
    const offlineCause = await this.query(STATUS_OFFLINE_CAUSE);
    const paper = await this.query(STATUS_PAPER);
    return problemsFromStatus({ printer, offlineCause, paper });
  }

  write(bytes: Uint8Array): Promise<void> {
    return new Promise((resolve, reject) => {
      this.socket.write(bytes, (error) => (error ? reject(error) : resolve()));
    });
  }

  private async query(n: StatusQuery): Promise<number> {
    // A stray byte (a late answer, an automatic status) must not be taken for this answer.
    this.received = [];
    await this.write(Uint8Array.of(...DLE_EOT, n));
    const deadline = Date.now() + this.statusTimeoutMs;
    for (;;) {
      if (this.failure) throw this.failure;
      const byte = this.received.shift();
      if (byte !== undefined) return byte;
      const left = deadline - Date.now();
      if (left <= 0) throw new PrinterUnreachable(`no answer to DLE EOT ${n} within ${this.statusTimeoutMs} ms`);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, left);
        this.waiting = () => {
          clearTimeout(timer);
          resolve();
        };
      });
      this.waiting = null;
    }
  }

  private fail(error: Error): void {
    this.failure ??= error;
    this.wake();
  }

  private wake(): void {
    this.waiting?.();
  }
}
