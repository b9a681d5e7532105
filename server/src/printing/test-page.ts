import { drawBlocks, type Block, type ReceiptBitmap } from './bitmap-draw.ts';
import { formatReceiptTime } from './receipt-time.ts';

/**
 * What an admin prints after adding a printer: the printer's own settings, and every Vietnamese tone
 * mark on the vowels that carry them, so a missing or clipped mark is seen at once.
 */
export function renderTestPage(printer: { name: string; uri: string; widthDots: 384 | 576 }, centerName: string, now: number): ReceiptBitmap {
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
    { kind: 'text', text: 'Kiểm tra dấu tiếng Việt:', weight: 'bold', size: s(22) },
    { kind: 'text', text: 'à á ả ã ạ ă ằ ắ ẳ ẵ ặ â ầ ấ ẩ ẫ ậ đ è é ẻ ẽ ẹ ê ề ế ể ễ ệ ì í ỉ ĩ ị', weight: 'regular', size: s(24) },
    { kind: 'text', text: 'ò ó ỏ õ ọ ô ồ ố ổ ỗ ộ ơ ờ ớ ở ỡ ợ ù ú ủ ũ ụ ư ừ ứ ử ữ ự ỳ ý ỷ ỹ ỵ', weight: 'regular', size: s(24) },
    { kind: 'text', text: 'NGƯỜI CAO TUỔI · ĐỨC HỘI', weight: 'bold', size: s(24) },
    { kind: 'space', dots: s(10) },
    { kind: 'text', text: formatReceiptTime(now), weight: 'bold', size: s(24) },
  ];
  return drawBlocks(blocks, printer.widthDots, Math.round(8 * k));
}
