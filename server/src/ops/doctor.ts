import { execFileSync } from 'node:child_process';
import { accessSync, constants } from 'node:fs';
import { connect } from 'node:net';
import type Database from 'better-sqlite3';
import type { Config } from '../config.ts';
import { listBackups } from './backup.ts';
import { diskSpace } from './backup-service.ts';
import { runningServerPid } from './pid-file.ts';

export type Verdict = 'ok' | 'warn' | 'fail';

export interface Finding {
  check: string;
  verdict: Verdict;
  vi: string;
  en: string;
}

const f = (check: string, verdict: Verdict, vi: string, en: string): Finding => ({ check, verdict, vi, en });
const mb = (n: number) => `${Math.round(n / 1024 / 1024)} MB`;
const DAY_MS = 86_400_000;

/** Node versions Lượt is built and tested for (engines); 20 still runs but is past its end of life. */
export function checkNode(version = process.versions.node): Finding {
  const major = Number(version.split('.')[0]);
  if (major === 22 || major === 24) return f('node', 'ok', `Node.js ${version}`, `Node.js ${version}`);
  if (major === 20) return f('node', 'warn', `Node.js ${version} đã hết hạn hỗ trợ; hãy cài Node.js 22 hoặc 24 LTS.`, `Node.js ${version} is past its end of life; install Node.js 22 or 24 LTS.`);
  return f('node', 'fail', `Node.js ${version} chưa được kiểm thử với Lượt; hãy dùng Node.js 22 hoặc 24 LTS.`, `Node.js ${version} is not tested with Lượt; use Node.js 22 or 24 LTS.`);
}

/** A clock behind the last recorded event (a flat CMOS battery after a power cut) puts tickets on the wrong day. */
export function checkClock(sqlite: Database.Database | null, now: number): Finding[] {
  const out: Finding[] = [];
  const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  const offset = -new Date(now).getTimezoneOffset();
  out.push(
    offset === 420
      ? f('timezone', 'ok', `Múi giờ ${zone} (UTC+7)`, `Time zone ${zone} (UTC+7)`)
      : f('timezone', 'warn', `Múi giờ máy là ${zone}, không phải giờ Việt Nam; Lượt vẫn tính ngày theo giờ Việt Nam nhưng nhật ký sẽ lệch. Sửa: sudo timedatectl set-timezone Asia/Ho_Chi_Minh`, `The machine's time zone is ${zone}, not Viet Nam time; Lượt still counts days in Viet Nam time but logs will differ. Fix: sudo timedatectl set-timezone Asia/Ho_Chi_Minh`),
  );
  const last = sqlite ? (sqlite.prepare('SELECT max(at) AS at FROM events').get() as { at: number | null }).at : null;
  if (last !== null && now < last - 60_000) {
    out.push(f('clock', 'fail', `Đồng hồ máy (${new Date(now).toISOString()}) chậm hơn sự kiện cuối cùng đã ghi (${new Date(last).toISOString()}). Hãy chỉnh giờ trước khi phục vụ: sudo timedatectl set-ntp true`, `The clock (${new Date(now).toISOString()}) is behind the last recorded event (${new Date(last).toISOString()}). Set the time before serving: sudo timedatectl set-ntp true`));
  } else if (new Date(now).getUTCFullYear() < 2026) {
    out.push(f('clock', 'fail', `Đồng hồ máy chỉ năm ${new Date(now).getUTCFullYear()}: sai giờ. Hãy chỉnh giờ: sudo timedatectl set-ntp true`, `The clock says ${new Date(now).getUTCFullYear()}: it is wrong. Set the time: sudo timedatectl set-ntp true`));
  } else {
    let synced: string | null;
    try {
      synced = execFileSync('timedatectl', ['show', '-p', 'NTPSynchronized', '--value'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
    } catch {
      synced = null;
    }
    out.push(
      synced === 'no'
        ? f('clock', 'warn', 'Đồng hồ chưa đồng bộ qua mạng (NTP); giờ có thể lệch dần. Nếu trung tâm có Internet: sudo timedatectl set-ntp true', 'The clock is not synchronised (NTP) and may drift. If the center has internet: sudo timedatectl set-ntp true')
        : f('clock', 'ok', `Giờ máy ${new Date(now).toISOString()}`, `Clock ${new Date(now).toISOString()}`),
    );
  }
  return out;
}

export function checkDisk(path: string, label: { vi: string; en: string }, minFree: number): Finding {
  try {
    const d = diskSpace(path);
    if (d.freeBytes < minFree / 4) return f('disk', 'fail', `${label.vi}: chỉ còn ${mb(d.freeBytes)} trống. Hãy xóa bớt tệp hoặc thay ổ lớn hơn ngay.`, `${label.en}: only ${mb(d.freeBytes)} free. Delete files or fit a bigger disk now.`);
    if (d.freeBytes < minFree) return f('disk', 'warn', `${label.vi}: còn ${mb(d.freeBytes)} trống (nên có trên ${mb(minFree)}).`, `${label.en}: ${mb(d.freeBytes)} free (keep over ${mb(minFree)}).`);
    return f('disk', 'ok', `${label.vi}: còn ${mb(d.freeBytes)} trống`, `${label.en}: ${mb(d.freeBytes)} free`);
  } catch {
    return f('disk', 'fail', `${label.vi}: không truy cập được ${path}. Ổ đã được cắm và gắn (mount) chưa?`, `${label.en}: cannot reach ${path}. Is the disk plugged in and mounted?`);
  }
}

export function checkIntegrity(sqlite: Database.Database, full: boolean): Finding {
  const rows = sqlite.pragma(full ? 'integrity_check' : 'quick_check') as Record<string, string>[];
  const verdict = rows.map((r) => Object.values(r)[0]).join('; ');
  return verdict === 'ok'
    ? f('database', 'ok', `Cơ sở dữ liệu nguyên vẹn (${full ? 'integrity_check' : 'quick_check'})`, `Database is sound (${full ? 'integrity_check' : 'quick_check'})`)
    : f('database', 'fail', `Cơ sở dữ liệu bị hỏng: ${verdict}. Dừng máy chủ và khôi phục bản sao lưu gần nhất (docs/operations.md).`, `The database is damaged: ${verdict}. Stop the server and restore the latest backup (docs/operations.md).`);
}

export function checkBackups(dir: string, now: number): Finding {
  const last = listBackups(dir)[0];
  if (!last) return f('backup', 'fail', `Chưa có bản sao lưu nào trong ${dir}. Chạy: sudo luot backup`, `No backup in ${dir} yet. Run: sudo luot backup`);
  const ageH = Math.round((now - last.takenAt) / 3_600_000);
  if (now - last.takenAt > 2 * DAY_MS) return f('backup', 'warn', `Bản sao lưu gần nhất đã ${ageH} giờ (${last.name}). Kiểm tra ổ sao lưu, hoặc chạy: sudo luot backup`, `The newest backup is ${ageH} h old (${last.name}). Check the backup disk, or run: sudo luot backup`);
  return f('backup', 'ok', `Sao lưu gần nhất ${ageH} giờ trước (${last.name})`, `Newest backup ${ageH} h ago (${last.name})`);
}

function reachable(host: string, port: number, timeoutMs: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ host, port });
    const done = (ok: boolean) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(timeoutMs, () => done(false));
    socket.once('connect', () => done(true));
    socket.once('error', () => done(false));
  });
}

export async function checkPrinter(p: { name: string; uri: string }, timeoutMs = 2000): Promise<Finding> {
  const tcp = /^tcp:\/\/([A-Za-z0-9.-]+):(\d{1,5})$/.exec(p.uri);
  if (tcp?.[1] && tcp[2]) {
    return (await reachable(tcp[1], Number(tcp[2]), timeoutMs))
      ? f('printer', 'ok', `Máy in "${p.name}" (${p.uri}) trả lời`, `Printer "${p.name}" (${p.uri}) answers`)
      : f('printer', 'fail', `Máy in "${p.name}" (${p.uri}) không trả lời. Kiểm tra nguồn, cáp mạng và địa chỉ IP của máy in.`, `Printer "${p.name}" (${p.uri}) does not answer. Check its power, network cable and IP address.`);
  }
  const path = p.uri.replace(/^usb:/, '');
  try {
    accessSync(path, constants.W_OK);
    return f('printer', 'ok', `Máy in "${p.name}" (${path}) sẵn sàng`, `Printer "${p.name}" (${path}) is there`);
  } catch {
    return f('printer', 'fail', `Máy in "${p.name}": không ghi được vào ${path}. Kiểm tra cáp USB và nguồn máy in.`, `Printer "${p.name}": cannot write to ${path}. Check the USB cable and the printer's power.`);
  }
}

/** The port: a running server answers /api/health on it; otherwise nothing else may hold it. */
export async function checkPort(config: Pick<Config, 'port' | 'dbFile'>): Promise<Finding> {
  const pid = runningServerPid(config.dbFile);
  const open = await reachable('127.0.0.1', config.port, 1000);
  if (pid !== null) {
    try {
      const res = await fetch(`http://127.0.0.1:${config.port}/api/health`, { signal: AbortSignal.timeout(3000) });
      const body = (await res.json()) as { version?: string };
      return f('port', 'ok', `Máy chủ (pid ${pid}) trả lời ở cổng ${config.port}, phiên bản ${body.version ?? '?'}`, `The server (pid ${pid}) answers on port ${config.port}, version ${body.version ?? '?'}`);
    } catch {
      return f('port', 'fail', `Máy chủ đang chạy (pid ${pid}) nhưng không trả lời ở cổng ${config.port}. Xem: sudo journalctl -u luot -n 50`, `The server runs (pid ${pid}) but does not answer on port ${config.port}. See: sudo journalctl -u luot -n 50`);
    }
  }
  return open
    ? f('port', 'fail', `Cổng ${config.port} đang bị chương trình khác chiếm; Lượt sẽ không khởi động được. Đổi PORT hoặc dừng chương trình đó.`, `Port ${config.port} is held by another program; Lượt cannot start. Change PORT or stop that program.`)
    : f('port', 'warn', `Máy chủ chưa chạy; cổng ${config.port} còn trống. Khởi động: sudo systemctl start luot`, `The server is not running; port ${config.port} is free. Start it: sudo systemctl start luot`);
}

/** A compiler, make and Python: needed only if better-sqlite3 must be rebuilt for another Node version. */
export function checkBuildTools(): Finding {
  const missing = ['cc', 'make', 'python3'].filter((tool) => {
    try {
      execFileSync('sh', ['-c', `command -v ${tool}`], { stdio: 'ignore' });
      return false;
    } catch {
      return true;
    }
  });
  return missing.length === 0
    ? f('build-tools', 'ok', 'Có trình biên dịch, make và Python (dựng lại được better-sqlite3 khi đổi Node.js)', 'Compiler, make and Python present (better-sqlite3 can be rebuilt after a Node.js change)')
    : f('build-tools', 'warn', `Thiếu ${missing.join(', ')}: nếu đổi phiên bản Node.js, cài lại sẽ cần chúng. Cài: sudo apt-get install build-essential python3`, `Missing ${missing.join(', ')}: reinstalling after a Node.js change would need them. Install: sudo apt-get install build-essential python3`);
}
