import type { Config } from '../config.ts';
import type { SeedResult } from '../seed/seed.ts';
import { lanAddresses } from '../services/public-url.ts';
import { FIRST_RUN_SETUP_PATH, type FirstRunStart } from '../services/first-run.ts';
import { VERSION } from '../version.ts';
import type { SetupRecord } from '../db/repositories/setup-repo.ts';

/** Addresses other machines on the LAN can use: the configured host, or every IPv4 address of this machine. */
export function lanUrls(config: Pick<Config, 'host' | 'port'>): string[] {
  if (config.host !== '0.0.0.0' && config.host !== '::') return [`http://${config.host}:${config.port}`];
  return [...lanAddresses(), 'localhost'].map((a) => `http://${a}:${config.port}`);
}

/**
 * What the person at the console sees at each start: version, where to point the screens, where the data and
 * backups are. Account lines keep the `  username  role  password` shape the tests and installers read.
 */
export function startBanner(input: {
  config: Config;
  firstRun: FirstRunStart | null;
  /** The setup record (the console's too): a restart before the setup screen is finished says where it is again. */
  setup: Pick<SetupRecord, 'pending' | 'adminUsername'>;
  demo: SeedResult | null;
  lastBackupAt: number | null;
}): string {
  const { config } = input;
  const [main = `http://localhost:${config.port}`, ...others] = lanUrls(config);
  const lines = [
    '',
    `Lượt ${VERSION} — ${config.demo ? 'TRUNG TÂM DEMO / DEMO CENTER' : 'đang phục vụ / serving'}`,
    `  Máy lấy số / Kiosk:            ${main}/kiosk/`,
    `  Màn hình / Displays:           ${main}/display/`,
    `  Cán bộ / Staff console:        ${main}/console/`,
    ...(others.length ? [`  Địa chỉ khác / Also at:        ${others.join('  ')}`] : []),
    `  Cơ sở dữ liệu / Database:      ${config.dbFile}`,
    `  Sao lưu / Backups:             ${config.backup.dir} (hằng ngày / daily ${config.backup.dailyAt}; ${input.lastBackupAt === null ? 'chưa có bản nào / none yet' : `gần nhất / last ${new Date(input.lastBackupAt).toISOString()}`})`,
  ];
  if (input.firstRun) {
    lines.push(
      '',
      '=== Lần khởi động đầu tiên / First start — ghi lại ngay, mật khẩu chỉ hiện MỘT lần / write it down, shown ONCE ===',
      `Thiết lập trung tâm / Set up the center:  ${main}${FIRST_RUN_SETUP_PATH}`,
      'Tài khoản / Accounts:',
      `  ${input.firstRun.username.padEnd(10)} ${'admin'.padEnd(11)} ${input.firstRun.password}  (mật khẩu dùng một lần / one-time password)`,
    );
  } else if (input.setup.pending && !input.demo) {
    // The password is never shown again (it is not stored in clear): name the account whose password was printed.
    const who = input.setup.adminUsername ?? 'admin';
    lines.push(
      '',
      `Thiết lập trung tâm chưa xong / The center's setup is not finished:  ${main}${FIRST_RUN_SETUP_PATH}`,
      `  Đăng nhập / Sign in as "${who}" với mật khẩu in ở lần khởi động đầu tiên / with the password printed at the first start.`,
    );
  }
  if (input.demo) {
    lines.push(
      '',
      '=== Lượt: first start — write these down, the passwords are shown only once ===',
      'Tài khoản / Accounts:',
      ...input.demo.accounts.map((a) => `  ${a.username.padEnd(10)} ${a.role.padEnd(11)} ${a.password}${a.counter ? `  (quầy ${a.counter})` : ''}`),
    );
    if (input.demo.devices.length) {
      lines.push(
        'Thiết bị demo đã ghép nối / Pre-paired demo screens:',
        `  Kiosk:        ${main}/kiosk/`,
        `  Hall board:   ${main}/display/?board=hall`,
        `  Counter 1:    ${main}/display/?counter=1`,
      );
    }
  }
  lines.push('');
  return lines.join('\n');
}
