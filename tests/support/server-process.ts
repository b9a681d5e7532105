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

/**
 * Where the browser tests' server clock stands at its first start: Monday 23 November 2026, 09:00 in Hà Nội, on the
 * minute, so every run shows the same times on screen and in the screenshots.
 */
export const HELD_CLOCK_START = Date.parse('2026-11-23T02:00:00Z');

/**
 * The real server, started the way a center starts it (serve.ts through tsx), on a free port and a temp database.
 * Its clock stands still unless the test moves it (`advanceClock`), or runs as the system's with `clock: 'system'`.
 */
export class ServerProcess {
  private child: ChildProcess | null = null;
  private demo = true;
  /** The held clock's time, kept across restarts; null for the system clock. */
  private clockMs: number | null = HELD_CLOCK_START;
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
  /**
   * `clock`: where the held clock starts (HELD_CLOCK_START by default), or 'system' to run main.ts itself.
   * `passwordCost`: 'production' for the real scrypt cost; by default the server tests' cheap one, so the ten demo
   * accounts and every sign-in do not cost seconds of CPU per test file.
   */
  static async start(
    options: { demo?: boolean; env?: Record<string, string>; dir?: string; clock?: number | 'system'; passwordCost?: 'production' } = {},
  ): Promise<ServerProcess> {
    const dir = options.dir ?? mkdtempSync(join(tmpdir(), 'luot-browser-'));
    const server = new ServerProcess(await freePort(), dir);
    server.ownsDir = options.dir === undefined;
    server.env = { ...(options.passwordCost === 'production' ? { LUOT_TEST_SCRYPT: 'production' } : {}), ...options.env };
    server.clockMs = options.clock === 'system' ? null : (options.clock ?? HELD_CLOCK_START);
    await server.spawn(options.demo ?? true);
    return server;
  }

  get url(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  async spawn(demo: boolean): Promise<void> {
    this.demo = demo;
    const held = this.clockMs !== null;
    const child = spawn(process.execPath, ['--import', 'tsx', held ? 'src/test-support/held-clock-main.ts' : 'src/main.ts'], {
      cwd: join(repoRoot, 'server'),
      env: {
        ...process.env,
        ...this.env,
        PORT: String(this.port),
        HOST: '127.0.0.1',
        LUOT_DB: join(this.dir, 'luot.db'),
        LUOT_DEMO: demo ? '1' : '0',
        LOG_LEVEL: 'warn',
        ...(held ? { LUOT_TEST_CLOCK_MS: String(this.clockMs) } : {}),
      },
      stdio: held ? ['ignore', 'pipe', 'pipe', 'ipc'] : ['ignore', 'pipe', 'pipe'],
    });
    this.child = child;
    child.stdout?.on('data', (d: Buffer) => (this.output += d.toString('utf8')));
    child.stderr?.on('data', (d: Buffer) => (this.output += d.toString('utf8')));
    await (held ? this.waitListening(child) : this.waitHealthy());
    if (this.accounts.length === 0) this.accounts = parseAccounts(this.output);
  }

  account(username: string): Account {
    const found = this.accounts.find((a) => a.username === username);
    if (!found) throw new Error(`no account ${username} in the first-start output:\n${this.output}`);
    return found;
  }

  /** The server's time now (epoch ms). */
  now(): number {
    if (this.clockMs === null) return Date.now();
    return this.clockMs;
  }

  /** Moves the server's held clock on by `ms` and resolves once the server reads the new time. */
  async advanceClock(ms: number): Promise<void> {
    if (this.clockMs === null) throw new Error('this server runs on the system clock');
    const target = this.clockMs + ms;
    const child = this.child;
    if (child?.connected) {
      await new Promise<void>((resolveSet, reject) => {
        const onMessage = (message: { clockMs?: number }) => {
          if (message.clockMs !== target) return;
          child.off('message', onMessage);
          resolveSet();
        };
        child.on('message', onMessage);
        child.send({ clockMs: target }, (err) => err && reject(err));
      });
    }
    // A stopped server starts again at the moved time.
    this.clockMs = target;
  }

  /** The held-clock server says over IPC when it listens; an early exit fails the start with its output. */
  private waitListening(child: ChildProcess): Promise<void> {
    return new Promise((resolveReady, reject) => {
      const onMessage = (message: { listening?: boolean }) => {
        if (!message.listening) return;
        done();
        resolveReady();
      };
      const onExit = () => {
        done();
        reject(new Error(`server exited early:\n${this.output}`));
      };
      const done = () => {
        child.off('message', onMessage);
        child.off('exit', onExit);
      };
      child.on('message', onMessage);
      child.once('exit', onExit);
    });
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
