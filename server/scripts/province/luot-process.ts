import { spawn, type ChildProcess } from 'node:child_process';
import { resolve } from 'node:path';

const serverDir = resolve(import.meta.dirname, '../..');

/**
 * A center (`src/main.ts`) or a hub (`src/hub/main.ts`) as its own operating-system process, started the way a
 * machine starts it, on a fixed port so it can be killed and started again at the same address.
 */
export class LuotProcess {
  private child: ChildProcess | null = null;
  output = '';

  constructor(
    readonly kind: 'center' | 'hub',
    readonly port: number,
    private readonly env: Record<string, string>,
  ) {}

  get url(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  get running(): boolean {
    return this.child !== null && this.child.exitCode === null && this.child.signalCode === null;
  }

  async start(): Promise<void> {
    const entry = this.kind === 'hub' ? 'src/hub/main.ts' : 'src/main.ts';
    const child = spawn(process.execPath, ['--import', 'tsx', entry], {
      cwd: serverDir,
      env: { ...process.env, LOG_LEVEL: 'warn', ...this.env, PORT: String(this.port), HOST: '127.0.0.1' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    this.child = child;
    // A parent that dies must not leave a server holding its port.
    const orphan = () => child.kill('SIGKILL');
    process.once('exit', orphan);
    child.once('exit', () => process.removeListener('exit', orphan));
    child.stdout?.on('data', (d: Buffer) => (this.output += d.toString('utf8')));
    child.stderr?.on('data', (d: Buffer) => (this.output += d.toString('utf8')));
    const deadline = Date.now() + 60_000;
    while (Date.now() < deadline) {
      if (!this.running) throw new Error(`${this.kind} on ${this.port} exited early:\n${this.output}`);
      try {
        if ((await fetch(`${this.url}/api/health`)).ok) return;
      } catch {
        // not listening yet
      }
      await new Promise((r) => setTimeout(r, 150));
    }
    throw new Error(`${this.kind} on ${this.port} did not become healthy:\n${this.output}`);
  }

  /** SIGTERM for a clean stop; SIGKILL for a machine losing power. */
  async stop(signal: 'SIGTERM' | 'SIGKILL' = 'SIGTERM'): Promise<void> {
    const child = this.child;
    if (!child || !this.running) return;
    await new Promise<void>((done) => {
      child.once('exit', () => done());
      child.kill(signal);
    });
    this.child = null;
  }

  /** Accounts printed at first start: `  username  role  password`. */
  accounts(): Record<string, string> {
    const out: Record<string, string> = {};
    for (const line of this.output.split('\n')) {
      const m = /^\s{2}(\S+)\s+(admin|supervisor|officer|province_admin|province_viewer)\s+(\S+)/.exec(line);
      if (m?.[1] && m[3]) out[m[1]] = m[3];
    }
    return out;
  }
}
