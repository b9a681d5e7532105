/** The demo center of ../shared/GLOSSARY.md: six fields with their own series, eight counters. */
export const demoCenter = {
  name: 'Trung tâm Phục vụ hành chính công phường Hiệp Tân (demo)',
  address: 'Phường Hiệp Tân, Thành phố Hồ Chí Minh',
  // Usual service times (minutes) as the demo center publishes them beside the committed wait (issue 17).
  fields: [
    { code: 'tu-phap-ho-tich', nameVi: 'Tư pháp – Hộ tịch', nameEn: 'Justice – Civil status', prefix: 'A', serviceMinutes: 10 },
    { code: 'chung-thuc', nameVi: 'Chứng thực', nameEn: 'Certification', prefix: 'B', serviceMinutes: 5 },
    // Land dossiers take long; like many centers the demo hands out at most 80 numbers a day for them.
    { code: 'dat-dai-xay-dung', nameVi: 'Đất đai – Xây dựng', nameEn: 'Land – Construction', prefix: 'C', serviceMinutes: 20, dailyLimit: 80 },
    { code: 'dang-ky-kinh-doanh', nameVi: 'Đăng ký kinh doanh', nameEn: 'Business registration', prefix: 'D', serviceMinutes: 15 },
    { code: 'lao-dong-xa-hoi', nameVi: 'Lao động, Người có công và Xã hội', nameEn: 'Labour, Meritorious people and Social affairs', prefix: 'E', serviceMinutes: 10 },
    { code: 'tra-ket-qua', nameVi: 'Trả kết quả', nameEn: 'Return of results', prefix: 'F', serviceMinutes: 3 },
  ],
  /** Counter number → field codes it serves, in order. */
  counters: [
    { number: 1, fields: ['tu-phap-ho-tich'] },
    { number: 2, fields: ['tu-phap-ho-tich', 'chung-thuc'] },
    { number: 3, fields: ['chung-thuc'] },
    { number: 4, fields: ['dat-dai-xay-dung'] },
    { number: 5, fields: ['dat-dai-xay-dung', 'dang-ky-kinh-doanh'] },
    { number: 6, fields: ['dang-ky-kinh-doanh', 'lao-dong-xa-hoi'] },
    { number: 7, fields: ['lao-dong-xa-hoi', 'tu-phap-ho-tich', 'chung-thuc'] },
    { number: 8, fields: ['tra-ket-qua'] },
  ],
};
