import { connect } from 'node:net';
import { Writable } from 'node:stream';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { deviceToken } from '../test-support/fixtures.ts';
import { baseUrl, startTestServer, type TestServer } from '../test-support/test-app.ts';
import { TestSocket } from '../test-support/ws-client.ts';

let server: TestServer;
interface LogLine {
  level: number;
  msg?: string;
  err?: unknown;
}
let logLines: LogLine[] = [];
let logWaiters: { match: (l: LogLine) => boolean; resolve: () => void }[] = [];

/** Resolves once the server has logged a matching line. */
function logged(match: (l: LogLine) => boolean): Promise<void> {
  if (logLines.some(match)) return Promise.resolve();
  return new Promise((resolve) => logWaiters.push({ match, resolve }));
}

beforeEach(async () => {
  logLines = [];
  logWaiters = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      for (const text of chunk.toString('utf8').split('\n').filter(Boolean)) {
        const line = JSON.parse(text) as LogLine;
        logLines.push(line);
        logWaiters = logWaiters.filter((w) => !(w.match(line) && (w.resolve(), true)));
      }
      done();
    },
  });
  server = await startTestServer({ listen: true, logger: { level: 'info', stream } });
});
afterEach(async () => server.dispose());

const wsUrl = () => `${baseUrl(server).replace('http', 'ws')}/ws`;

describe('WebSocket frames over the limit', () => {
  it('close the socket cleanly with 1009 every time, and log one line at warn each', async () => {
    const board = deviceToken(server, 'hall_board');
    for (let attempt = 0; attempt < 5; attempt++) {
      const client = await TestSocket.hello(wsUrl(), board);
      client.send('x'.repeat(4 * 1024 * 1024));
      expect((await client.waitClose(5000)).code, `attempt ${attempt + 1}`).toBe(1009);
    }
    // A peer that sends a huge frame before saying hello is closed the same way.
    const stranger = await TestSocket.open(wsUrl());
    stranger.ws.send(Buffer.alloc(4 * 1024 * 1024, 1));
    expect((await stranger.waitClose(5000)).code).toBe(1009);

    const oversize = logLines.filter((l) => l.msg?.includes('too large'));
    expect(oversize).toHaveLength(6);
    expect(oversize.every((l) => l.level === 40 && l.err === undefined)).toBe(true);
    expect(logLines.filter((l) => l.level >= 50)).toEqual([]);

    // The server carries on.
    const after = await TestSocket.hello(wsUrl(), board);
    after.close();
  });

  it('a peer slow to read still gets the 1009 close frame, not a reset connection', async () => {
    // A raw client that sends a 4 MiB frame and reads nothing until the server has logged the refusal: closing the
    // connection at once (terminate) would reset it and the waiting close frame would be lost (1006 in a browser).
    const { port } = new URL(baseUrl(server));
    const socket = connect(Number(port), '127.0.0.1');
    const errors: string[] = [];
    socket.on('error', (error: Error & { code?: string }) => errors.push(error.code ?? error.message));
    await new Promise<void>((resolve) => socket.once('connect', resolve));
    socket.write('GET /ws HTTP/1.1\r\nHost: x\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n');
    let received = Buffer.alloc(0);
    await new Promise<void>((resolve) => {
      const onData = (d: Buffer) => {
        received = Buffer.concat([received, d]);
        if (received.includes('\r\n\r\n')) {
          socket.off('data', onData);
          resolve();
        }
      };
      socket.on('data', onData);
    });
    expect(received.toString('latin1')).toMatch(/^HTTP\/1\.1 101/);
    socket.pause();
    const length = 4 * 1024 * 1024;
    const header = Buffer.alloc(14);
    header[0] = 0x81; // FIN, text
    header[1] = 0x80 | 127; // masked, 64-bit length
    header.writeBigUInt64BE(BigInt(length), 2);
    header.writeUInt32BE(0, 10); // mask key 0: the payload goes as it is
    socket.write(Buffer.concat([header, Buffer.alloc(length, 0x78)]));
    await logged((l) => l.level >= 40);

    const tail: Buffer[] = [];
    const outcome = await new Promise<string>((resolve) => {
      socket.on('data', (d: Buffer) => {
        tail.push(d);
        // Answer the server's close, as a browser does, so it can end the connection cleanly.
        if (Buffer.concat(tail).includes(Buffer.from([0x88]))) socket.end(Buffer.from([0x88, 0x82, 0, 0, 0, 0, 0x03, 0xf1]));
      });
      socket.on('close', () => resolve(errors.length ? errors.join(',') : 'closed'));
      socket.resume();
    });
    const frame = Buffer.concat(tail);
    expect(outcome).toBe('closed');
    expect(frame[0]).toBe(0x88);
    expect(frame.readUInt16BE(2)).toBe(1009);
  });
});
