import { createServer, type Socket } from 'node:net';

/** What the fake printer says when asked with DLE EOT; 'silent' accepts connections but never answers. */
export type FakePrinterMode = 'online' | 'offline' | 'paper_out' | 'cover_open' | 'near_end' | 'silent';

/**
 * Status bytes for DLE EOT 1 (printer), 2 (offline cause) and 4 (paper sensor), as an Epson printer
 * sends them: bits 1 and 4 are always set. A printer with its cover open or without paper is also
 * offline, so bit 3 of the first byte goes with them.
 */
const STATUS: Record<Exclude<FakePrinterMode, 'silent'>, Record<1 | 2 | 4, number>> = {
  online: { 1: 0x12, 2: 0x12, 4: 0x12 },
  offline: { 1: 0x1a, 2: 0x12, 4: 0x12 },
  paper_out: { 1: 0x1a, 2: 0x32, 4: 0x72 },
  cover_open: { 1: 0x1a, 2: 0x16, 4: 0x12 },
  near_end: { 1: 0x12, 2: 0x12, 4: 0x1e },
};

export interface FakePrinter {
  uri: string;
  port: number;
  setMode(mode: FakePrinterMode): void;
  /** Answers status queries only after this many milliseconds, like a printer busy feeding paper. */
  setAnswerDelay(ms: number): void;
  /** Every byte that was not part of a status query, over all connections, in arrival order. */
  jobBytes(): Buffer;
  /** The job bytes of each connection that sent any. */
  jobs(): Buffer[];
  /** The text of every QR code printed (ESC/POS GS ( k … 49 80 48: store the symbol's data), in order. */
  qrTexts(): string[];
  /** The n of every DLE EOT n answered or ignored, in order. */
  queries(): number[];
  connections(): number;
  close(): Promise<void>;
}

/**
 * A receipt printer on 127.0.0.1 that records what it is sent. It knows just enough ESC/POS framing to
 * skip over raster (GS v 0) and QR (GS ( k) payloads, so image bytes that happen to read 10 04 01 are
 * kept as job bytes instead of being taken for a status query.
 */
export async function startFakePrinter(initial: FakePrinterMode = 'online'): Promise<FakePrinter> {
  let mode = initial;
  let answerDelayMs = 0;
  const all: Buffer[] = [];
  const perConnection: number[][] = [];
  const queries: number[] = [];
  const sockets = new Set<Socket>();

  const server = createServer((socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => socket.destroy());
    const job: number[] = [];
    perConnection.push(job);
    const record = (bytes: ArrayLike<number>) => {
      for (let i = 0; i < bytes.length; i++) job.push(bytes[i] ?? 0);
      all.push(Buffer.from(Array.from(bytes)));
    };
    const scanner = new FramingScanner(record, (n) => {
      queries.push(n);
      if (mode === 'silent' || (n !== 1 && n !== 2 && n !== 4)) return;
      const answer = Uint8Array.of(STATUS[mode][n]);
      if (answerDelayMs === 0) socket.write(answer);
      else setTimeout(() => socket.writable && socket.write(answer), answerDelayMs);
    });
    socket.on('data', (chunk: Buffer) => scanner.push(chunk));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('fake printer has no port');

  return {
    uri: `tcp://127.0.0.1:${address.port}`,
    port: address.port,
    setMode(next) {
      mode = next;
    },
    setAnswerDelay(ms) {
      answerDelayMs = ms;
    },
    jobBytes: () => Buffer.concat(all),
    jobs: () => perConnection.filter((bytes) => bytes.length > 0).map((bytes) => Buffer.from(bytes)),
    qrTexts: () => qrTextsOf(Buffer.concat(all)),
    queries: () => [...queries],
    connections: () => perConnection.length,
    async close() {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** Splits an ESC/POS byte stream into status queries and job bytes, across chunk boundaries. */
class FramingScanner {
  private pending: number[] = [];
  /** Payload bytes still to pass through as job bytes without looking inside. */
  private skip = 0;

  constructor(
    private readonly job: (bytes: ArrayLike<number>) => void,
    private readonly query: (n: number) => void,
  ) {}

  push(chunk: Buffer): void {
    const buf = this.pending.length ? [...this.pending, ...chunk] : Array.from(chunk);
    this.pending = [];
    let i = 0;
    while (i < buf.length) {
      if (this.skip > 0) {
        const n = Math.min(this.skip, buf.length - i);
        this.job(buf.slice(i, i + n));
        this.skip -= n;
        i += n;
        continue;
      }
      const consumed = this.command(buf, i);
      if (consumed === 0) {
        // Not enough bytes yet to tell what this command is.
        this.pending = buf.slice(i);
        return;
      }
      i += consumed;
    }
  }

  /** Handles the command at `i`; returns the bytes it consumed, or 0 when more bytes are needed. */
  private command(buf: number[], i: number): number {
    const left = buf.length - i;
    const b = buf[i];
    if (b === 0x10) {
      if (left < 3) return 0;
      const n = buf[i + 2] ?? 0;
      if (buf[i + 1] === 0x04 && n >= 1 && n <= 4) {
        this.query(n);
        return 3;
      }
    }
    if (b === 0x1d) {
      if (left < 3) return 0;
      if (buf[i + 1] === 0x76 && buf[i + 2] === 0x30) {
        if (left < 8) return 0;
        this.job(buf.slice(i, i + 8));
        this.skip = ((buf[i + 4] ?? 0) + (buf[i + 5] ?? 0) * 256) * ((buf[i + 6] ?? 0) + (buf[i + 7] ?? 0) * 256);
        return 8;
      }
      if (buf[i + 1] === 0x28 && buf[i + 2] === 0x6b) {
        if (left < 5) return 0;
        this.job(buf.slice(i, i + 5));
        this.skip = (buf[i + 3] ?? 0) + (buf[i + 4] ?? 0) * 256;
        return 5;
      }
    }
    this.job([b ?? 0]);
    return 1;
  }
}

/** GS ( k pL pH 49 80 48 d…: the QR symbol's data, pL + 256 pH − 3 bytes of it. */
function qrTextsOf(bytes: Buffer): string[] {
  const texts: string[] = [];
  for (let i = 0; i + 8 <= bytes.length; i++) {
    if (bytes[i] !== 0x1d || bytes[i + 1] !== 0x28 || bytes[i + 2] !== 0x6b || bytes[i + 5] !== 49 || bytes[i + 6] !== 80 || bytes[i + 7] !== 48) continue;
    const length = (bytes[i + 3] ?? 0) + (bytes[i + 4] ?? 0) * 256 - 3;
    texts.push(bytes.subarray(i + 8, i + 8 + length).toString('latin1'));
    i += 7 + length;
  }
  return texts;
}
