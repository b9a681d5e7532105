import type { SerialPort } from 'serialport';
import { SmsSendError } from './gateway.ts';

interface Waiter {
  /** Resolve on the "> " prompt (AT+CMGS) instead of a final result code. */
  prompt: boolean;
  lines: string[];
  resolve: (lines: string[]) => void;
  reject: (error: Error) => void;
  timer: NodeJS.Timeout;
}

const FINAL_ERROR = /^(ERROR|\+CMS ERROR:.*|\+CME ERROR:.*|NO CARRIER)$/;

/**
 * One AT conversation with a modem on a serial port: a command, then its lines up to OK or an error. A modem
 * pulled out mid-command (the port closes or fails) rejects what is waiting, and the channel is done: the
 * gateway opens a new one on its next send.
 */
export class AtChannel {
  private pending = '';
  private waiter: Waiter | null = null;
  private gone: Error | null = null;

  private constructor(private readonly port: SerialPort) {
    port.on('data', (chunk: Buffer) => this.receive(chunk.toString('latin1')));
    port.on('close', () => this.fail(new SmsSendError('the modem was disconnected')));
    port.on('error', (error: Error) => this.fail(new SmsSendError(`the modem's port failed: ${error.message}`)));
  }

  static async open(path: string, baudRate: number): Promise<AtChannel> {
    // Loaded on the first send, not at start: most centers have no modem, and its native binding slows every restart.
    const { SerialPort } = await import('serialport');
    return new Promise((resolve, reject) => {
      const port = new SerialPort({ path, baudRate, autoOpen: false });
      port.open((error) => {
        if (error) reject(new SmsSendError(`the modem's port ${path} cannot be opened: ${error.message}`));
        else resolve(new AtChannel(port));
      });
    });
  }

  get closed(): boolean {
    return this.gone !== null;
  }

  /** Sends `AT…` and resolves with the lines before OK; rejects on ERROR, +CMS/+CME ERROR or silence. */
  command(line: string, timeoutMs: number): Promise<string[]> {
    return this.exchange(`${line}\r`, false, timeoutMs);
  }

  /** Sends AT+CMGS=… and resolves when the modem asks for the message with "> ". */
  prompt(line: string, timeoutMs: number): Promise<string[]> {
    return this.exchange(`${line}\r`, true, timeoutMs);
  }

  /** The message body after the prompt, ended by Ctrl-Z; resolves on OK (after +CMGS: <ref>). */
  body(data: string, timeoutMs: number): Promise<string[]> {
    return this.exchange(`${data}\x1a`, false, timeoutMs);
  }

  close(): Promise<void> {
    this.fail(new SmsSendError('the modem channel was closed'));
    if (!this.port.isOpen) return Promise.resolve();
    return new Promise((resolve) => this.port.close(() => resolve()));
  }

  private exchange(data: string, prompt: boolean, timeoutMs: number): Promise<string[]> {
    if (this.gone) return Promise.reject(this.gone);
    if (this.waiter) return Promise.reject(new Error('AT channel: one command at a time'));
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.waiter = null;
        reject(new SmsSendError(`the modem did not answer within ${timeoutMs} ms`));
      }, timeoutMs);
      this.waiter = { prompt, lines: [], resolve, reject, timer };
      this.port.write(Buffer.from(data, 'latin1'), (error) => {
        if (error) this.fail(new SmsSendError(`writing to the modem failed: ${error.message}`));
      });
    });
  }

  private receive(text: string): void {
    this.pending += text;
    const w = this.waiter;
    if (w?.prompt && /(^|\n)> ?$/.test(this.pending.replace(/\r/g, ''))) {
      this.pending = '';
      this.settle((x) => x.resolve(x.lines));
      return;
    }
    const lines = this.pending.split(/\r?\n|\r/);
    this.pending = lines.pop() ?? '';
    for (const raw of lines) {
      const line = raw.trim();
      if (line === '' || !this.waiter) continue;
      if (line === 'OK') this.settle((x) => x.resolve(x.lines));
      else if (FINAL_ERROR.test(line)) this.settle((x) => x.reject(new SmsSendError(`the modem answered ${line}`)));
      else this.waiter.lines.push(line);
    }
  }

  private settle(how: (w: Waiter) => void): void {
    const w = this.waiter;
    if (!w) return;
    this.waiter = null;
    clearTimeout(w.timer);
    how(w);
  }

  private fail(error: Error): void {
    if (this.gone) return;
    this.gone = error;
    this.settle((w) => w.reject(error));
  }
}
