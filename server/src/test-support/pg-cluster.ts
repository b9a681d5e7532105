import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { chownSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import postgres from 'postgres';

/**
 * A real PostgreSQL server for tests and demos: Debian's binaries, a cluster made with initdb in a temporary
 * folder, listening on a free port of 127.0.0.1 only, stopped and removed by `stop()`.
 *
 * PostgreSQL refuses to run as root, and the tests run as root on CI: then the cluster belongs to an
 * unprivileged account (the Debian package's `postgres`, or `luot-pg` created here) and its processes are
 * started with that account's uid. Durability is off (fsync, full-page writes): a test database that dies
 * with its machine is simply made again.
 */
export interface PgCluster {
  host: string;
  port: number;
  user: string;
  /** URL of a database in this cluster. */
  url(database: string): string;
  hasDatabase(name: string): Promise<boolean>;
  /** A fresh database, empty or copied from `template`. */
  createDatabase(name: string, template?: string): Promise<string>;
  dropDatabase(name: string): Promise<void>;
  stop(): Promise<void>;
  /** Asks the server to stop without waiting: for a process's 'exit' handler, where nothing async runs. */
  stopNow(): void;
}

export const PG_SUPERUSER = 'luot';

/** The newest installed PostgreSQL's bin folder, or the one LUOT_PG_BIN names. */
export function findPgBin(env: NodeJS.ProcessEnv = process.env): string | null {
  if (env.LUOT_PG_BIN) return existsSync(join(env.LUOT_PG_BIN, 'postgres')) ? env.LUOT_PG_BIN : null;
  const root = '/usr/lib/postgresql';
  if (!existsSync(root)) return null;
  const versions = readdirSync(root)
    .filter((v) => existsSync(join(root, v, 'bin', 'postgres')))
    .sort((a, b) => Number(b) - Number(a));
  return versions[0] ? join(root, versions[0], 'bin') : null;
}

export const PG_MISSING =
  'PostgreSQL not found: the hub tests need a real PostgreSQL server. Install Debian\'s (apt-get install -y postgresql) or set LUOT_PG_BIN to a folder holding initdb and postgres.';

function isRoot(): boolean {
  return typeof process.getuid === 'function' && process.getuid() === 0;
}

/** uid and gid of the unprivileged account that owns the cluster when we are root. */
function clusterAccount(): { uid: number; gid: number } | null {
  if (!isRoot()) return null;
  const lookup = (name: string) => {
    const uid = spawnSync('id', ['-u', name], { encoding: 'utf8' });
    const gid = spawnSync('id', ['-g', name], { encoding: 'utf8' });
    return uid.status === 0 && gid.status === 0 ? { uid: Number(uid.stdout.trim()), gid: Number(gid.stdout.trim()) } : null;
  };
  const found = lookup('postgres') ?? lookup('luot-pg');
  if (found) return found;
  const made = spawnSync('useradd', ['--system', '--no-create-home', '--shell', '/usr/sbin/nologin', 'luot-pg'], { encoding: 'utf8' });
  if (made.status !== 0) throw new Error(`could not create an account for PostgreSQL (useradd luot-pg): ${made.stderr}`);
  const created = lookup('luot-pg');
  if (!created) throw new Error('useradd luot-pg succeeded but the account cannot be found');
  return created;
}

export function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const srv = createServer();
    srv.listen(0, '127.0.0.1', () => {
      const address = srv.address();
      srv.close(() => (typeof address === 'object' && address ? resolvePort(address.port) : reject(new Error('no port'))));
    });
  });
}

async function waitReady(port: number, child: ChildProcess, log: () => string): Promise<void> {
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`postgres exited early:\n${log()}`);
    const sql = postgres({ host: '127.0.0.1', port, user: PG_SUPERUSER, database: 'postgres', max: 1, connect_timeout: 2, onnotice: () => undefined });
    try {
      await sql`select 1`;
      return;
    } catch {
      await new Promise((r) => setTimeout(r, 100));
    } finally {
      await sql.end({ timeout: 1 });
    }
  }
  throw new Error(`postgres did not accept connections:\n${log()}`);
}

export async function startPgCluster(options: { port?: number; dir?: string; durable?: boolean; settings?: Record<string, string> } = {}): Promise<PgCluster> {
  const bin = findPgBin();
  if (!bin) throw new Error(PG_MISSING);
  const account = clusterAccount();
  const dir = options.dir ?? mkdtempSync(join(tmpdir(), 'luot-pg-'));
  const data = join(dir, 'data');
  mkdirSync(dir, { recursive: true });
  if (account) chownSync(dir, account.uid, account.gid);
  const asOwner = account ? { uid: account.uid, gid: account.gid } : {};
  // A kept folder (the demo province's) is started again as it is; a new one is made with initdb.
  if (!existsSync(join(data, 'PG_VERSION'))) {
    const init = spawnSync(join(bin, 'initdb'), ['-D', data, '-U', PG_SUPERUSER, '--auth=trust', '-E', 'UTF8', '--locale=C', '--no-sync'], {
      ...asOwner,
      cwd: dir,
      encoding: 'utf8',
    });
    if (init.status !== 0) throw new Error(`initdb failed:\n${init.stdout}\n${init.stderr}`);
  }
  const port = options.port ?? (await freePort());
  let output = '';
  const child = spawn(
    join(bin, 'postgres'),
    [
      '-D',
      data,
      '-p',
      String(port),
      '-k',
      dir,
      ...Object.entries({
        listen_addresses: '127.0.0.1',
        max_connections: '200',
        // Tests and demos trade durability for speed; benchmarks keep PostgreSQL's durable defaults.
        ...(options.durable ? {} : { fsync: 'off', synchronous_commit: 'off', full_page_writes: 'off' }),
        ...options.settings,
      }).flatMap(([k, v]) => ['-c', `${k}=${v}`]),
    ],
    { ...asOwner, cwd: dir, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  child.stdout?.on('data', (d: Buffer) => (output += d.toString('utf8')));
  child.stderr?.on('data', (d: Buffer) => (output = (output + d.toString('utf8')).slice(-20_000)));
  await waitReady(port, child, () => output);

  const admin = postgres({ host: '127.0.0.1', port, user: PG_SUPERUSER, database: 'postgres', max: 2, onnotice: () => undefined });
  const url = (database: string) => `postgres://${PG_SUPERUSER}@127.0.0.1:${port}/${database}`;
  let stopped = false;
  return {
    host: '127.0.0.1',
    port,
    user: PG_SUPERUSER,
    url,
    async hasDatabase(name) {
      return (await admin`SELECT 1 FROM pg_database WHERE datname = ${name}`).length > 0;
    },
    async createDatabase(name, template) {
      if (template) await admin.unsafe(`CREATE DATABASE "${name}" TEMPLATE "${template}"`);
      else await admin.unsafe(`CREATE DATABASE "${name}"`);
      return url(name);
    },
    async dropDatabase(name) {
      await admin.unsafe(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    },
    stopNow() {
      if (child.exitCode === null) child.kill('SIGINT');
    },
    async stop() {
      if (stopped) return;
      stopped = true;
      await admin.end({ timeout: 2 });
      if (child.exitCode === null) {
        // SIGINT is PostgreSQL's "fast shutdown": clients are disconnected, the server exits cleanly.
        await new Promise<void>((resolveExit) => {
          child.once('exit', () => resolveExit());
          child.kill('SIGINT');
        });
      }
      if (!options.dir) rmSync(dir, { recursive: true, force: true });
    },
  };
}
