import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { join } from 'node:path';
import { SerialPort } from 'serialport';

/** How the fake answers the next message body (after AT+CMGS and the "> " prompt). */
export type BodyReply = 'ok' | 'cms-error' | 'unplug';

export interface ReceivedSms {
  /** The AT+CMGS argument: the TPDU length in PDU mode, the quoted number in text mode. */
  cmgs: string;
  /** What came between the prompt and Ctrl-Z: PDU hex, or the text. */
  body: string;
}

/**
 * A GSM modem on a real pseudo-terminal pair made by socat: the gateway opens `path` as it would /dev/ttyUSB2,
 * and this end answers AT commands the way a Huawei/SIMCom stick does. `unplug()` (or a body reply 'unplug') kills
 * socat, so the gateway's port closes mid-send as when the stick is pulled out; `plugIn()` makes the pair again at
 * the same path.
 */
export class FakeModem {
  readonly path: string;
  readonly commands: string[] = [];
  readonly received: ReceivedSms[] = [];
  /** Replies for the coming bodies, in order; 'ok' once they run out. */
  readonly replies: BodyReply[] = [];
  private socat: ChildProcess | null = null;
  private port: SerialPort | null = null;
  private input = '';
  private cmgs: string | null = null;
  private waiters: { count: number; resolve: () => void }[] = [];
  private reference = 0;

  constructor(private readonly dir: string) {
    this.path = join(dir, 'modem');
  }

  async plugIn(): Promise<void> {
    const far = join(this.dir, 'far');
    const socat = spawn('socat', ['-d', '-d', `pty,raw,echo=0,link=${this.path}`, `pty,raw,echo=0,link=${far}`], { stdio: ['ignore', 'ignore', 'pipe'] });
    this.socat = socat;
    let log = '';
    await new Promise<void>((resolve, reject) => {
      socat.stderr?.on('data', (chunk: Buffer) => {
        log += chunk.toString();
        if (log.includes('starting data transfer loop')) resolve();
      });
      socat.once('exit', (code) => reject(new Error(`socat exited (${code}): ${log}`)));
      socat.once('error', reject);
    });
    const port = new SerialPort({ path: far, baudRate: 115200, autoOpen: false });
    await new Promise<void>((resolve, reject) => port.open((e) => (e ? reject(e) : resolve())));
    port.on('data', (chunk: Buffer) => this.receive(chunk.toString('latin1')));
    port.on('error', () => undefined);
    this.port = port;
    this.input = '';
    this.cmgs = null;
  }

  /** Pulls the modem out: socat dies, both ends of the pair vanish. */
  async unplug(): Promise<void> {
    const socat = this.socat;
    const port = this.port;
    this.socat = null;
    this.port = null;
    if (port?.isOpen) await new Promise<void>((resolve) => port.close(() => resolve()));
    if (socat && socat.exitCode === null) {
      socat.kill('SIGKILL');
      await once(socat, 'exit');
    }
  }

  /** Resolves once `count` message bodies have arrived in all. */
  waitForMessages(count: number): Promise<void> {
    if (this.received.length >= count) return Promise.resolve();
    return new Promise((resolve) => this.waiters.push({ count, resolve }));
  }

  private write(text: string): void {
    this.port?.write(Buffer.from(text, 'latin1'));
  }

  private receive(text: string): void {
    this.input += text;
    for (;;) {
      if (this.cmgs !== null) {
        const end = this.input.indexOf('\x1a');
        if (end < 0) return;
        const body = this.input.slice(0, end);
        this.input = this.input.slice(end + 1);
        this.body(this.cmgs, body);
        this.cmgs = null;
        continue;
      }
      const end = this.input.indexOf('\r');
      if (end < 0) return;
      const line = this.input.slice(0, end).trim();
      this.input = this.input.slice(end + 1);
      if (line === '') continue;
      this.commands.push(line);
      const cmgs = /^AT\+CMGS=(.+)$/i.exec(line);
      if (cmgs) {
        this.cmgs = cmgs[1] ?? '';
        this.write('\r\n> ');
      } else this.write('\r\nOK\r\n');
    }
  }

  private body(cmgs: string, body: string): void {
    const reply = this.replies.shift() ?? 'ok';
    if (reply === 'unplug') {
      void this.unplug();
      return;
    }
    if (reply === 'cms-error') {
      this.write('\r\n+CMS ERROR: 500\r\n');
      return;
    }
    this.received.push({ cmgs, body });
    this.reference = (this.reference + 1) % 256;
    this.write(`\r\n+CMGS: ${this.reference}\r\n\r\nOK\r\n`);
    this.waiters = this.waiters.filter((w) => {
      if (this.received.length < w.count) return true;
      w.resolve();
      return false;
    });
  }
}
