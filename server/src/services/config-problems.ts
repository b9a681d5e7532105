import { errorCatalog, type ErrorCode, type Problem } from '@luot/shared';
import type { TSchema } from 'typebox';
import { Value } from 'typebox/value';
import { DomainError } from '../domain/errors.ts';

/** What a value of each property must look like, in words an installer at a province office understands. */
const hints: Record<string, { vi: string; en: string }> = {
  code: { vi: 'mã gồm 2–40 chữ thường không dấu, chữ số hoặc dấu gạch nối', en: 'a code of 2–40 lower-case letters without accents, digits or hyphens' },
  field: { vi: 'mã lĩnh vực gồm 2–40 chữ thường không dấu, chữ số hoặc dấu gạch nối', en: 'a field code of 2–40 lower-case letters, digits or hyphens' },
  parent: { vi: 'mã lĩnh vực cha, hoặc null', en: 'the parent field’s code, or null' },
  prefix: { vi: 'một chữ cái (A–Z, Đ) hoặc một/hai chữ số', en: 'one letter (A–Z, Đ) or a one/two-digit block' },
  nameVi: { vi: 'tên tiếng Việt, 1–120 ký tự', en: 'a Vietnamese name, 1–120 characters' },
  nameEn: { vi: 'tên tiếng Anh, 1–120 ký tự', en: 'an English name, 1–120 characters' },
  name: { vi: 'tên, 1–120 ký tự', en: 'a name, 1–120 characters' },
  number: { vi: 'số quầy từ 1 đến 999', en: 'a counter number from 1 to 999' },
  counter: { vi: 'số quầy từ 1 đến 999, hoặc null', en: 'a counter number from 1 to 999, or null' },
  opensAt: { vi: 'giờ dạng HH:mm, ví dụ 07:30', en: 'a time as HH:mm, e.g. 07:30' },
  closesAt: { vi: 'giờ dạng HH:mm, ví dụ 17:00', en: 'a time as HH:mm, e.g. 17:00' },
  dayRollover: { vi: 'giờ dạng HH:mm, ví dụ 00:00', en: 'a time as HH:mm, e.g. 00:00' },
  username: { vi: 'tên đăng nhập 3–32 ký tự: chữ thường không dấu, chữ số, dấu chấm, gạch nối', en: 'a username of 3–32 lower-case letters, digits, dots or hyphens' },
  role: { vi: 'officer, supervisor hoặc admin', en: 'officer, supervisor or admin' },
  kind: { vi: 'kiosk, counter_display hoặc hall_board', en: 'kiosk, counter_display or hall_board' },
  uri: { vi: 'tcp://địa-chỉ:9100 hoặc usb:/dev/usb/lp0', en: 'tcp://address:9100 or usb:/dev/usb/lp0' },
  widthDots: { vi: '384 (giấy 58 mm) hoặc 576 (giấy 80 mm)', en: '384 (58 mm paper) or 576 (80 mm paper)' },
  policy: { vi: 'order hoặc weights', en: 'order or weights' },
  weight: { vi: 'trọng số từ 1 đến 100', en: 'a weight from 1 to 100' },
  width: { vi: 'số chữ số từ 1 đến 5', en: 'a number of digits from 1 to 5' },
  dailyLimit: { vi: 'số từ 1 đến 99999, hoặc null', en: 'a number from 1 to 99999, or null' },
  targetWaitMinutes: { vi: 'số phút từ 1 đến 600', en: 'minutes from 1 to 600' },
};

const leafOf = (path: string) =>
  path
    .split('/')
    .filter((p) => p !== '' && !/^[0-9]+$/.test(p))
    .at(-1) ?? '';

/** Problems found in one file or form, collected so the person can fix every entry in one go. */
export class Problems {
  readonly list: Problem[] = [];

  add(path: string, code: ErrorCode): void {
    const entry = errorCatalog[code];
    this.list.push({ path, code, message: { vi: entry.vi, en: entry.en } });
  }

  /** Schema mismatches, one per entry and property, phrased by what the value must be. */
  addSchema(schema: TSchema, value: unknown): void {
    const seen = new Set<string>();
    for (const error of Value.Errors(schema, value)) {
      if (error.keyword === 'boolean') continue; // repeated by the additionalProperties error of its object
      const extra = error.keyword === 'additionalProperties' ? ((error.params as { additionalProperties?: string[] }).additionalProperties ?? []) : [];
      const path = extra.length ? `${error.instancePath}/${extra[0] ?? ''}` : error.instancePath;
      if (seen.has(path)) continue;
      seen.add(path);
      const required = error.keyword === 'required' ? ((error.params as { requiredProperties?: string[] }).requiredProperties ?? []) : [];
      if (required.length) {
        this.list.push({ path, code: 'ENTRY_INVALID', message: { vi: `Thiếu mục: ${required.join(', ')}.`, en: `Missing: ${required.join(', ')}.` } });
      } else if (extra.length) {
        this.list.push({ path, code: 'ENTRY_INVALID', message: { vi: `Mục không được dùng: ${extra.join(', ')}. Hãy bỏ đi.`, en: `Not allowed here: ${extra.join(', ')}. Remove it.` } });
      } else {
        const hint = hints[leafOf(path)];
        this.list.push({
          path,
          code: 'ENTRY_INVALID',
          message: hint ? { vi: `Giá trị không hợp lệ; cần ${hint.vi}.`, en: `Invalid value; expected ${hint.en}.` } : { vi: `Giá trị không hợp lệ (${error.message}).`, en: `Invalid value (${error.message}).` },
        });
      }
    }
  }

  /** Refuses the whole request, listing every problem; nothing has been written yet. */
  throwIfAny(code: 'SETUP_INVALID' | 'CONFIG_INVALID'): void {
    if (this.list.length) throw new DomainError(code, `${this.list.length} problem(s)`, undefined, this.list);
  }
}

/** The first index of each value that repeats an earlier one. */
export function repeats<T>(values: readonly T[]): number[] {
  const seen = new Set<T>();
  const out: number[] = [];
  values.forEach((v, i) => {
    if (seen.has(v)) out.push(i);
    seen.add(v);
  });
  return out;
}
