import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { repoRoot, serverRoot } from '../paths.ts';
import { defaultEnvFile, systemdUnit, type UnitOptions } from './systemd-unit.ts';

export const UNIT_FILE = '/etc/systemd/system/luot.service';
export const ENV_FILE = '/etc/luot/luot.env';

export function unitOptions(input: { backupDir?: string | null; user?: string } = {}): UnitOptions {
  return {
    node: process.execPath,
    entry: resolve(serverRoot, 'dist', 'luot.js'),
    installDir: repoRoot,
    user: input.user ?? 'luot',
    envFile: ENV_FILE,
    backupDir: input.backupDir ? resolve(input.backupDir) : null,
  };
}

function run(dryRun: boolean, command: string, args: string[], say: (line: string) => void): void {
  say(`$ ${command} ${args.join(' ')}`);
  if (!dryRun) execFileSync(command, args, { stdio: 'inherit' });
}

/**
 * `luot service install`: the service user, the unit, the settings file, then enable and start. Needs root; with
 * `--dry-run` it only prints what it would write and run.
 */
export function installService(o: { dryRun: boolean; backupDir: string | null; say: (line: string) => void }): void {
  const options = unitOptions({ backupDir: o.backupDir });
  if (!existsSync(options.entry)) throw new Error(`${options.entry} is missing: run "pnpm build" in ${repoRoot} first.`);
  if (!o.dryRun && process.getuid?.() !== 0) throw new Error('Installing the service needs root: sudo luot service install');
  const unit = systemdUnit(options);
  let userExists = true;
  try {
    execFileSync('id', ['-u', options.user], { stdio: 'ignore' });
  } catch {
    userExists = false;
  }
  if (!userExists) run(o.dryRun, 'useradd', ['--system', '--home-dir', '/var/lib/luot', '--no-create-home', '--shell', '/usr/sbin/nologin', options.user], o.say);
  o.say(`# ${UNIT_FILE}\n${unit}`);
  if (!o.dryRun) {
    writeFileSync(UNIT_FILE, unit);
    mkdirSync(dirname(ENV_FILE), { recursive: true });
    if (!existsSync(ENV_FILE)) writeFileSync(ENV_FILE, defaultEnvFile(), { mode: 0o640 });
    if (options.backupDir) {
      mkdirSync(options.backupDir, { recursive: true });
      execFileSync('chown', [`${options.user}:${options.user}`, options.backupDir]);
    }
  }
  run(o.dryRun, 'systemctl', ['daemon-reload'], o.say);
  run(o.dryRun, 'systemctl', ['enable', '--now', 'luot.service'], o.say);
  o.say('Xem mật khẩu quản trị lần đầu / First admin password: sudo journalctl -u luot -n 40 --no-pager');
}

/** `luot service uninstall`: stops and removes the service; the database, backups and settings stay. */
export function uninstallService(o: { dryRun: boolean; say: (line: string) => void }): void {
  if (!o.dryRun && process.getuid?.() !== 0) throw new Error('Removing the service needs root: sudo luot service uninstall');
  run(o.dryRun, 'systemctl', ['disable', '--now', 'luot.service'], o.say);
  o.say(`$ rm ${UNIT_FILE}`);
  if (!o.dryRun) rmSync(UNIT_FILE, { force: true });
  run(o.dryRun, 'systemctl', ['daemon-reload'], o.say);
  o.say(`Dữ liệu vẫn còn / Data kept: /var/lib/luot, ${ENV_FILE}`);
}

export const unitPathFor = (dir: string) => join(dir, 'luot.service');
