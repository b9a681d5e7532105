import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export const repoRoot = resolve(import.meta.dirname, '../..');

export interface Account {
  username: string;
  role: string;
  password: string;
}

/** The real server, started the way a center starts it (main.ts through tsx), on a free port and a temp database. */
export class ServerProcess {
  private child: ChildProcess | null = null;
  private demo = true;
  /** Extra environment for the server, e.g. a short LUOT_DEVICE_TOKEN_SECONDS. */
  private env: Record<string, string> = {};
  output = '';
  accounts: Account[] = [];
  private ownsDir = true;

  private constructor(
    readonly port: number,
    readonly dir: string,
  ) {}

  /** `dir`: where the database lives (a test's own small filesystem); kept on dispose. By default a temporary folder. */
  static async start(options: { demo?: boolean; env?: Record<string, string>; dir?: string } = {}): Promise<ServerProcess> {
    const dir = options.dir ?? mkdtempSync(join(tmpdir(), 'luot-browser-'));
    const server = new ServerProcess(await freePort(), dir);
    server.ownsDir = options.dir === undefined;
    server.env = options.env ?? {};
    await server.spawn(options.demo ?? true);
    return server;
  }

  get url(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  async spawn(demo: boolean): Promise<void> {
    this.demo = demo;
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
      cwd: join(repoRoot, 'server'),
      env: { ...process.env, ...this.env, PORT: String(this.port), HOST: '127.0.0.1', LUOT_DB: join(this.dir, 'luot.db'), LUOT_DEMO: demo ? '1' : '0', LOG_LEVEL: 'warn' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    this.child = child;
    child.stdout?.on('data', (d: Buffer) => (this.output += d.toString('utf8')));
    child.stderr?.on('data', (d: Buffer) => (this.output += d.toString('utf8')));
    await this.waitHealthy();
    if (this.accounts.length === 0) this.accounts = parseAccounts(this.output);
  }

  account(username: string): Account {
    const found = this.accounts.find((a) => a.username === username);
    if (!found) throw new Error(`no account ${username} in the first-start output:\n${this.output}`);
    return found;
  }

  private async waitHealthy(): Promise<void> {
    // A ceiling, not a measure: on a shared machine under load a tsx start with a first-start seed took over 30 s.
    const deadline = Date.now() + 90_000;
    while (Date.now() < deadline) {
      if (this.child?.exitCode !== null) throw new Error(`server exited early:\n${this.output}`);
      try {
        const res = await fetch(`${this.url}/api/health`);
        if (res.ok) return;
      } catch {
        // not listening yet
      }
      await new Promise((r) => setTimeout(r, 150));
    }
    throw new Error(`server did not become healthy:\n${this.output}`);
  }

  /** SIGTERM and wait for a graceful exit. */
  async stop(): Promise<void> {
    const child = this.child;
    if (!child || child.exitCode !== null) return;
    await new Promise<void>((resolveExit) => {
      child.once('exit', () => resolveExit());
      child.kill('SIGTERM');
    });
    this.child = null;
  }

  /** Stops the server and starts it again on the same port and database, as after a power cut or an update. */
  async restart(): Promise<void> {
    await this.stop();
    await this.spawn(this.demo);
  }

  async dispose(): Promise<void> {
    await this.stop();
    if (this.ownsDir) rmSync(this.dir, { recursive: true, force: true });
  }
}

export function parseAccounts(output: string): Account[] {
  const accounts: Account[] = [];
  for (const line of output.split('\n')) {
    const m = /^\s{2}(\S+)\s+(admin|supervisor|officer)\s+(\S+)/.exec(line);
    if (m?.[1] && m[2] && m[3]) accounts.push({ username: m[1], role: m[2], password: m[3] });
  }
  return accounts;
}

function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const srv = createServer();
    srv.listen(0, '127.0.0.1', () => {
      const address = srv.address();
      srv.close(() => (typeof address === 'object' && address ? resolvePort(address.port) : reject(new Error('no port'))));
    });
  });
}
