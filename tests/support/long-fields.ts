import type { FieldBody } from '@luot/shared';

/**
 * Ten fields of a real commune-level center, with their long official names: with the demo's six they make the
 * sixteen-field kiosk a real center configures. Prefixes continue after the demo's A–F.
 */
export const longFields: readonly Pick<FieldBody, 'code' | 'nameVi' | 'nameEn' | 'prefix'>[] = [
  { code: 'lao-dong-tbxh', nameVi: 'Lao động, Thương binh và Xã hội', nameEn: 'Labour, Invalids and Social Affairs', prefix: 'G' },
  { code: 'dat-dai-tnmt-xd', nameVi: 'Đất đai – Tài nguyên – Môi trường – Xây dựng', nameEn: 'Land, Natural Resources, Environment and Construction', prefix: 'H' },
  { code: 'nong-nghiep', nameVi: 'Nông nghiệp và Phát triển nông thôn', nameEn: 'Agriculture and Rural Development', prefix: 'I' },
  { code: 'van-hoa-the-thao', nameVi: 'Văn hóa, Thể thao và Du lịch', nameEn: 'Culture, Sports and Tourism', prefix: 'K' },
  { code: 'giao-duc', nameVi: 'Giáo dục và Đào tạo', nameEn: 'Education and Training', prefix: 'L' },
  { code: 'y-te', nameVi: 'Y tế – Dân số – Bảo hiểm y tế', nameEn: 'Health, Population and Health Insurance', prefix: 'M' },
  { code: 'noi-vu', nameVi: 'Nội vụ – Tôn giáo – Thi đua, Khen thưởng', nameEn: 'Home Affairs, Religion, Emulation and Commendation', prefix: 'N' },
  { code: 'cong-thuong', nameVi: 'Công thương – Kinh tế hợp tác xã', nameEn: 'Industry, Trade and Cooperatives', prefix: 'P' },
  { code: 'giao-thong', nameVi: 'Giao thông vận tải và Hạ tầng đô thị', nameEn: 'Transport and Urban Infrastructure', prefix: 'Q' },
  { code: 'bao-tro-xa-hoi', nameVi: 'Bảo trợ xã hội và Chính sách người có công với cách mạng', nameEn: 'Social Protection and Policies for People with Meritorious Services', prefix: 'R' },
];

/** The body the admin API wants for one of them. */
export function longFieldBody(field: (typeof longFields)[number], position: number): FieldBody {
  return { ...field, parentId: null, width: 3, startNumber: 1, dailyLimit: null, opensAt: null, closesAt: null, targetWaitMinutes: 30, position };
}
