import { drawBlocks, type Block, type ReceiptBitmap } from './bitmap-draw.ts';
import { formatReceiptTime } from './receipt-time.ts';

/** The address receipts' QR codes open, and whether phones can be expected to open it. */
export interface TestPageLink {
  base: string;
  /** No LAN address was found: phones will not open the link until LUOT_PUBLIC_URL is set. */
  unreachable: boolean;
}

/**
 * What an admin prints after adding a printer: the printer's own settings, the address the receipts' QR codes
 * open (to try with a phone on the center's Wi-Fi), and every Vietnamese tone mark on the vowels that carry them,
 * so a missing or clipped mark is seen at once.
 */
export function testPageBlocks(printer: { name: string; uri: string; widthDots: 384 | 576 }, centerName: string, now: number, link: TestPageLink): Block[] {
  const k = printer.widthDots / 384;
  const s = (dots: number) => Math.round(dots * k);
  const blocks: Block[] = [
    { kind: 'text', text: centerName.normalize('NFC'), weight: 'bold', size: s(24) },
    { kind: 'space', dots: s(8) },
    { kind: 'rule', thickness: 2 },
    { kind: 'space', dots: s(8) },
    { kind: 'headline', text: 'IN THỬ', weight: 'extraBold', size: s(72) },
    { kind: 'space', dots: s(12) },
    { kind: 'pair', label: 'Máy in', value: printer.name.normalize('NFC'), size: s(24) },
    { kind: 'pair', label: 'Địa chỉ', value: printer.uri, size: s(22) },
    { kind: 'pair', label: 'Khổ giấy', value: printer.widthDots === 384 ? '58 mm (384 điểm)' : '80 mm (576 điểm)', size: s(22) },
    { kind: 'space', dots: s(10) },
    { kind: 'pair', label: 'Mã QR trên phiếu mở', value: `${link.base}/t/…`, size: s(22) },
    ...(link.unreachable
      ? [{ kind: 'text', text: 'Điện thoại sẽ không mở được địa chỉ này: hãy đặt LUOT_PUBLIC_URL.', weight: 'bold', size: s(22), inverted: true } as const]
      : [{ kind: 'text', text: 'Hãy thử mở địa chỉ này bằng điện thoại nối Wi-Fi của trung tâm.', weight: 'regular', size: s(20) } as const]),
    { kind: 'space', dots: s(10) },
    { kind: 'text', text: 'Kiểm tra dấu tiếng Việt:', weight: 'bold', size: s(22) },
    { kind: 'text', text: 'à á ả ã ạ ă ằ ắ ẳ ẵ ặ â ầ ấ ẩ ẫ ậ đ è é ẻ ẽ ẹ ê ề ế ể ễ ệ ì í ỉ ĩ ị', weight: 'regular', size: s(24) },
    { kind: 'text', text: 'ò ó ỏ õ ọ ô ồ ố ổ ỗ ộ ơ ờ ớ ở ỡ ợ ù ú ủ ũ ụ ư ừ ứ ử ữ ự ỳ ý ỷ ỹ ỵ', weight: 'regular', size: s(24) },
    { kind: 'text', text: 'NGƯỜI CAO TUỔI · ĐỨC HỘI', weight: 'bold', size: s(24) },
    { kind: 'space', dots: s(10) },
    { kind: 'text', text: formatReceiptTime(now), weight: 'bold', size: s(24) },
  ];
  return blocks;
}

export function renderTestPage(printer: { name: string; uri: string; widthDots: 384 | 576 }, centerName: string, now: number, link: TestPageLink): ReceiptBitmap {
  return drawBlocks(testPageBlocks(printer, centerName, now, link), printer.widthDots, Math.round((8 * printer.widthDots) / 384));
}
