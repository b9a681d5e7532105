/**
 * The groups of administrative procedures a ward or commune center receives (two-tier local government since
 * 1 July 2025), offered on the first-run setup screen. The first six are the glossary's usual grouping and are
 * ticked by default; the rest are for centers that give a group its own queue. Letters avoid I and O, which
 * read like 1 and 0 on a receipt. Names, letters and the choice stay editable.
 */
export interface CatalogField {
  code: string;
  nameVi: string;
  nameEn: string;
  prefix: string;
  /** Typical procedures, shown as a hint so the installer recognises the group. */
  hintVi: string;
  hintEn: string;
  /** Ticked on the setup screen unless the installer unticks it. */
  common: boolean;
}

export const fieldCatalog: readonly CatalogField[] = [
  {
    code: 'tu-phap-ho-tich',
    nameVi: 'Tư pháp – Hộ tịch',
    nameEn: 'Justice – Civil status',
    prefix: 'A',
    hintVi: 'Khai sinh, kết hôn, khai tử, xác nhận tình trạng hôn nhân, thay đổi hộ tịch',
    hintEn: 'Birth, marriage and death registration, marital status, civil status changes',
    common: true,
  },
  {
    code: 'chung-thuc',
    nameVi: 'Chứng thực',
    nameEn: 'Certification',
    prefix: 'B',
    hintVi: 'Bản sao từ bản chính, chữ ký, hợp đồng và giao dịch',
    hintEn: 'Copies from originals, signatures, contracts and transactions',
    common: true,
  },
  {
    code: 'dat-dai-xay-dung',
    nameVi: 'Đất đai – Xây dựng',
    nameEn: 'Land – Construction',
    prefix: 'C',
    hintVi: 'Đăng ký đất đai, giấy chứng nhận, chuyển mục đích sử dụng đất, giấy phép xây dựng nhà ở',
    hintEn: 'Land registration, certificates, change of land use, house building permits',
    common: true,
  },
  {
    code: 'dang-ky-kinh-doanh',
    nameVi: 'Đăng ký kinh doanh',
    nameEn: 'Business registration',
    prefix: 'D',
    hintVi: 'Đăng ký hộ kinh doanh, thay đổi, tạm ngừng; hợp tác xã',
    hintEn: 'Household business registration, changes, suspension; cooperatives',
    common: true,
  },
  {
    code: 'lao-dong-xa-hoi',
    nameVi: 'Lao động, Người có công và Xã hội',
    nameEn: 'Labour, Meritorious people and Social affairs',
    prefix: 'E',
    hintVi: 'Bảo trợ xã hội, người có công, việc làm, trẻ em',
    hintEn: 'Social protection, meritorious people, employment, children',
    common: true,
  },
  {
    code: 'tra-ket-qua',
    nameVi: 'Trả kết quả',
    nameEn: 'Return of results',
    prefix: 'F',
    hintVi: 'Nhận kết quả giải quyết hồ sơ',
    hintEn: 'Collecting the outcome of a dossier',
    common: true,
  },
  {
    code: 'bao-tro-xa-hoi',
    nameVi: 'Bảo trợ xã hội',
    nameEn: 'Social protection',
    prefix: 'G',
    hintVi: 'Trợ cấp xã hội hằng tháng, người khuyết tật, hỗ trợ mai táng phí',
    hintEn: 'Monthly social allowances, persons with disabilities, funeral support',
    common: false,
  },
  {
    code: 'nguoi-co-cong',
    nameVi: 'Người có công',
    nameEn: 'Meritorious people',
    prefix: 'H',
    hintVi: 'Chế độ ưu đãi người có công với cách mạng và thân nhân',
    hintEn: 'Benefits for people with meritorious service and their relatives',
    common: false,
  },
  {
    code: 'giao-duc-dao-tao',
    nameVi: 'Giáo dục và Đào tạo',
    nameEn: 'Education and Training',
    prefix: 'K',
    hintVi: 'Chuyển trường, cơ sở giáo dục mầm non và tiểu học',
    hintEn: 'School transfers, pre-school and primary school matters',
    common: false,
  },
  {
    code: 'y-te',
    nameVi: 'Y tế',
    nameEn: 'Health',
    prefix: 'L',
    hintVi: 'Bảo hiểm y tế, giấy chứng sinh, an toàn thực phẩm',
    hintEn: 'Health insurance, birth certificates from clinics, food safety',
    common: false,
  },
  {
    code: 'nong-nghiep-moi-truong',
    nameVi: 'Nông nghiệp và Môi trường',
    nameEn: 'Agriculture and Environment',
    prefix: 'M',
    hintVi: 'Trồng trọt, chăn nuôi, thủy lợi, môi trường, tài nguyên nước',
    hintEn: 'Crops, livestock, irrigation, environment, water resources',
    common: false,
  },
  {
    code: 'van-hoa-the-thao',
    nameVi: 'Văn hóa, Thể thao và Du lịch',
    nameEn: 'Culture, Sports and Tourism',
    prefix: 'N',
    hintVi: 'Lễ hội, quảng cáo, karaoke, thư viện, gia đình',
    hintEn: 'Festivals, advertising, karaoke venues, libraries, family matters',
    common: false,
  },
  {
    code: 'noi-vu',
    nameVi: 'Nội vụ',
    nameEn: 'Home affairs',
    prefix: 'P',
    hintVi: 'Tín ngưỡng, tôn giáo, thi đua khen thưởng, thanh niên',
    hintEn: 'Beliefs and religion, awards, youth',
    common: false,
  },
  {
    code: 'cong-thuong',
    nameVi: 'Công Thương',
    nameEn: 'Industry and Trade',
    prefix: 'Q',
    hintVi: 'Bán lẻ rượu, thuốc lá, chợ, điện nông thôn',
    hintEn: 'Alcohol and tobacco retail, markets, rural electricity',
    common: false,
  },
  {
    code: 'dich-vu-cong-truc-tuyen',
    nameVi: 'Hỗ trợ dịch vụ công trực tuyến',
    nameEn: 'Help with online public services',
    prefix: 'S',
    hintVi: 'Hướng dẫn nộp hồ sơ trực tuyến, tài khoản định danh điện tử',
    hintEn: 'Guidance on filing online, electronic identity accounts',
    common: false,
  },
  {
    code: 'bao-hiem-xa-hoi',
    nameVi: 'Bảo hiểm xã hội',
    nameEn: 'Social insurance',
    prefix: 'T',
    hintVi: 'Bảo hiểm xã hội tự nguyện, bảo hiểm y tế hộ gia đình',
    hintEn: 'Voluntary social insurance, household health insurance',
    common: false,
  },
  {
    code: 'tiep-cong-dan',
    nameVi: 'Tiếp công dân, khiếu nại, tố cáo',
    nameEn: 'Citizen reception, complaints and denunciations',
    prefix: 'U',
    hintVi: 'Tiếp nhận kiến nghị, phản ánh, khiếu nại, tố cáo',
    hintEn: 'Petitions, feedback, complaints and denunciations',
    common: false,
  },
];
