import { existsSync, readFileSync } from 'node:fs';
import { parseEnv } from 'node:util';
import Database from 'better-sqlite3';
import { loadConfig, type Config } from '../config.ts';
import { printersRepo } from '../db/repositories/printers-repo.ts';
import { setupRepo } from '../db/repositories/setup-repo.ts';
import { FIRST_RUN_SETUP_PATH } from '../services/first-run.ts';
import { lanUrls } from './banner.ts';
import { migrationsFolder } from '../paths.ts';
import { VERSION } from '../version.ts';
import { BackupError, listBackups, takeBackupNow } from './backup.ts';
import { checkBackups, checkBuildTools, checkClock, checkDisk, checkIntegrity, checkNode, checkPort, checkPrinter, type Finding } from './doctor.ts';
import { runningServerPid } from './pid-file.ts';
import { matchOwner, restoreBackup } from './restore.ts';
import { ENV_FILE, installService, uninstallService } from './service.ts';
import { checkMigrations } from '../db/migrations.ts';
import { drizzle } from 'drizzle-orm/better-sqlite3';
import { dirname } from 'node:path';

const HELP = `Lượt ${VERSION} — luot <lệnh / command>

  start                      chạy máy chủ / run the server (systemd runs this)
  status                     máy chủ có chạy không, sao lưu gần nhất / is it running, last backup
  backup                     sao lưu ngay (được khi máy chủ đang chạy) / back up now (fine while it runs)
  restore FILE               khôi phục (máy chủ phải dừng) / restore a backup (server stopped)
  doctor [--full]            kiểm tra máy / check the machine, say what to fix
  service install [--backup-dir DIR] [--dry-run]
  service uninstall [--dry-run]
  version

Settings come from the environment and ${ENV_FILE} (see docs/configuration.md).`;

/** The service's settings file, so `sudo luot backup` acts on the same database as the service. */
function loadEnvFile(): void {
  const file = process.env.LUOT_ENV_FILE ?? ENV_FILE;
  if (!existsSync(file)) return;
  const values = parseEnv(readFileSync(file, 'utf8'));
  for (const [key, value] of Object.entries(values)) if (process.env[key] === undefined) process.env[key] = value;
  // The unit's own defaults, for commands run by a person on a machine with the service installed.
  if (process.env.LUOT_DB === undefined) process.env.LUOT_DB = '/var/lib/luot/luot.db';
  if (process.env.LUOT_BACKUP_DIR === undefined) process.env.LUOT_BACKUP_DIR = '/var/lib/luot/backups';
}

function say(line: string): void {
  console.log(line);
}

function openExisting(config: Config): Database.Database {
  if (!existsSync(config.dbFile)) throw new Error(`Không có cơ sở dữ liệu ở ${config.dbFile} / There is no database at ${config.dbFile} (LUOT_DB).`);
  return new Database(config.dbFile, { fileMustExist: true });
}

function backup(config: Config): void {
  const sqlite = openExisting(config);
  try {
    checkMigrations(sqlite, migrationsFolder);
    const result = takeBackupNow(sqlite, { dir: config.backup.dir, reason: 'command', now: Date.now(), keep: config.backup.keep });
    matchOwner(result.file, config.backup.dir);
    say(`Đã sao lưu và kiểm tra / Backed up and checked: ${result.file} (${Math.round(result.bytes / 1024)} KiB, ${result.durationMs} ms)`);
    if (result.deleted.length) say(`Đã xóa theo quy tắc giữ / Removed by the retention rule: ${result.deleted.join(', ')}`);
  } finally {
    sqlite.close();
  }
}

async function status(config: Config): Promise<number> {
  const pid = runningServerPid(config.dbFile);
  say(`Lượt ${VERSION}`);
  say(pid === null ? 'Máy chủ: đang dừng / Server: stopped' : `Máy chủ: đang chạy (pid ${pid}) / Server: running`);
  try {
    const res = await fetch(`http://127.0.0.1:${config.port}/api/health`, { signal: AbortSignal.timeout(3000) });
    const body = (await res.json()) as { version: string; center: string };
    say(`  /api/health: ${res.status} — ${body.center}, phiên bản / version ${body.version}`);
  } catch {
    say(`  /api/health: không trả lời ở cổng / no answer on port ${config.port}`);
  }
  say(`Cơ sở dữ liệu / Database: ${config.dbFile}${existsSync(config.dbFile) ? '' : ' (chưa có / missing)'}`);
  if (existsSync(config.dbFile)) say(setupLine(config));
  const last = listBackups(config.backup.dir)[0];
  say(`Sao lưu gần nhất / Last backup: ${last ? `${last.name} (${Math.round((Date.now() - last.takenAt) / 3_600_000)} h)` : 'chưa có / none'} in ${config.backup.dir}`);
  return pid === null ? 3 : 0;
}

/** The same setup record the console's setup screen and the start banner read. */
function setupLine(config: Config): string {
  let sqlite: Database.Database | null = null;
  try {
    sqlite = new Database(config.dbFile, { fileMustExist: true, readonly: true });
    const setup = setupRepo.record(drizzle(sqlite));
    if (!setup.pending) return `Thiết lập / Setup: xong / done${setup.completedAt === null ? '' : ` (${new Date(setup.completedAt).toISOString()})`}`;
    return `Thiết lập / Setup: CHƯA XONG / NOT FINISHED — ${lanUrls(config)[0] ?? ''}${FIRST_RUN_SETUP_PATH} (${setup.adminUsername ?? 'admin'})`;
  } catch (error) {
    return `Thiết lập / Setup: không đọc được / cannot read (${error instanceof Error ? error.message : String(error)})`;
  } finally {
    sqlite?.close();
  }
}

async function doctor(config: Config, full: boolean): Promise<number> {
  const findings: Finding[] = [checkNode()];
  let sqlite: Database.Database | null = null;
  try {
    sqlite = existsSync(config.dbFile) ? openExisting(config) : null;
  } catch (error) {
    findings.push({ check: 'database', verdict: 'fail', vi: `Không mở được cơ sở dữ liệu: ${String(error)}`, en: `Cannot open the database: ${String(error)}` });
  }
  findings.push(...checkClock(sqlite, Date.now()));
  findings.push(checkDisk(dirname(config.dbFile), { vi: 'Ổ dữ liệu', en: 'Data disk' }, config.backup.minFreeBytes));
  findings.push(checkDisk(config.backup.dir, { vi: 'Ổ sao lưu', en: 'Backup disk' }, config.backup.minFreeBytes));
  if (sqlite) {
    findings.push(checkIntegrity(sqlite, full));
    for (const p of printersRepo.list(drizzle(sqlite))) findings.push(await checkPrinter(p));
    sqlite.close();
  } else if (!findings.some((x) => x.check === 'database')) {
    findings.push({ check: 'database', verdict: 'warn', vi: `Chưa có cơ sở dữ liệu ở ${config.dbFile}; máy chủ sẽ tạo khi khởi động lần đầu.`, en: `No database at ${config.dbFile} yet; the server creates it on first start.` });
  }
  findings.push(checkBackups(config.backup.dir, Date.now()));
  findings.push(await checkPort(config));
  findings.push(checkBuildTools());
  const mark = { ok: '[ OK ]', warn: '[ !! ]', fail: '[LỖI/FAIL]' };
  for (const x of findings) say(`${mark[x.verdict]} ${x.check}: ${x.vi}\n${' '.repeat(mark[x.verdict].length + 1)}${x.check}: ${x.en}`);
  const failed = findings.filter((x) => x.verdict === 'fail').length;
  say(failed === 0 ? 'Không có lỗi cần sửa / Nothing to fix.' : `${failed} lỗi cần sửa / ${failed} problem(s) to fix.`);
  return failed === 0 ? 0 : 1;
}

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  const flag = (name: string) => rest.includes(name);
  const option = (name: string) => {
    const i = rest.indexOf(name);
    return i >= 0 ? (rest[i + 1] ?? null) : null;
  };
  if (command === undefined || command === 'help' || command === '--help') return (say(HELP), command === undefined ? 2 : 0);
  if (command === 'version' || command === '--version') return (say(VERSION), 0);
  if (command !== 'service') loadEnvFile();
  const config = loadConfig();
  switch (command) {
    case 'status':
      return status(config);
    case 'backup':
      return (backup(config), 0);
    case 'restore': {
      const file = rest[0];
      if (!file) return (say('Cần tên tệp / A file is needed: luot restore FILE'), 2);
      const result = restoreBackup(file, config.dbFile, Date.now());
      say(`Đã khôi phục và kiểm tra / Restored and checked: ${result.restored}`);
      if (result.keptAside) say(`Cơ sở dữ liệu cũ được giữ ở / The previous database is kept at: ${result.keptAside}`);
      say('Khởi động lại / Start again: sudo systemctl start luot');
      return 0;
    }
    case 'doctor':
      return doctor(config, flag('--full'));
    case 'service':
      if (rest[0] === 'install') return (installService({ dryRun: flag('--dry-run'), backupDir: option('--backup-dir'), say }), 0);
      if (rest[0] === 'uninstall') return (uninstallService({ dryRun: flag('--dry-run'), say }), 0);
      return (say(HELP), 2);
    default:
      return (say(HELP), 2);
  }
}

try {
  process.exitCode = await main(process.argv.slice(2));
} catch (error) {
  if (error instanceof BackupError) console.error(`${error.vi}\n${error.message}`);
  else console.error(error instanceof Error ? error.message : String(error));
  process.exitCode = 1;
}
