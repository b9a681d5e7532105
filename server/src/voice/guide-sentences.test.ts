import { describe, expect, it } from 'vitest';
import { guideSentence } from './guide-sentences.ts';

const land = { name: 'Đất đai – Tài nguyên – Môi trường – Xây dựng', opensAt: '07:30', closesAt: '17:00' };

describe('guideSentence', () => {
  it('reads the home prompt and how touching works', () => {
    const part = guideSentence({ say: 'home' }, {});
    expect(part.lang).toBe('vi');
    expect(part.text).toMatch(/^Xin mời .*chạm vào lĩnh vực cần giải quyết\. Chạm một lần vào một ô để nghe tên, chạm thêm lần nữa để chọn\.$/);
    expect(part.synthesis).toEqual({ input: part.text, ssml: false });
  });

  it('reads a touched field with its name, the people waiting in words, and the second touch', () => {
    expect(guideSentence({ say: 'field', field: 1, state: 'open', waiting: 21 }, { field: land }).text).toBe(
      'Đất đai – Tài nguyên – Môi trường – Xây dựng. Đang chờ: hai mươi mốt người. Chạm thêm lần nữa để chọn.',
    );
    expect(guideSentence({ say: 'field', field: 1, state: 'open', waiting: 0 }, { field: land }).text).toContain('Không có người chờ.');
    expect(guideSentence({ say: 'field', field: 1, state: 'paused', waiting: 4 }, { field: land }).text).toContain('Tạm ngừng cấp số.');
  });

  it('reads the number taken as the calls read it, with the people ahead, the wait and the receipt', () => {
    const part = guideSentence({ say: 'ticket', number: 'A023', field: 1, ahead: 3, wait: 12, printed: true }, { field: { name: 'Tư pháp – Hộ tịch', opensAt: null, closesAt: null } });
    expect(part.text).toBe(
      'Số thứ tự của Ông/Bà là a hai mươi ba. Lĩnh vực Tư pháp – Hộ tịch. Có ba người đang chờ trước Ông/Bà. ' +
        'Thời gian chờ dự kiến khoảng mười hai phút. Xin mời nhận phiếu số thứ tự ở máy in. Vui lòng ngồi chờ và theo dõi bảng gọi số.',
    );
    const soon = guideSentence({ say: 'ticket', number: 'D001', field: 1, ahead: 0, wait: 0, printed: false }, { field: land }).text;
    expect(soon).toContain('là dê một.');
    expect(soon).toContain('Không có ai chờ trước Ông/Bà. Sắp đến lượt Ông/Bà. Xin Ông/Bà ghi nhớ số thứ tự.');
    expect(guideSentence({ say: 'ticket', number: 'A001', field: 1, ahead: 2, printed: true }, { field: land }).text).toContain('Chưa xác định được thời gian chờ.');
    // One minute is “soon” too, as on the screen, the receipt and the phone.
    expect(guideSentence({ say: 'ticket', number: 'A002', field: 1, ahead: 0, wait: 1, printed: true }, { field: land }).text).toContain('Sắp đến lượt Ông/Bà.');
  });

  it('feeds eSpeak NG the letter respellings, while the text keeps the letter names', () => {
    const part = guideSentence({ say: 'ticket', number: 'J005', field: 1, ahead: 1, wait: 5, printed: true }, { field: land });
    expect(part.text).toContain('là gi năm.');
    expect(part.synthesis.input).toContain('là di năm.');
  });

  it('reads opening hours as words when a field is closed', () => {
    const text = guideSentence({ say: 'notice', kind: 'closed-hours', field: 1 }, { field: land }).text;
    expect(text).toContain('Giờ làm việc: từ bảy giờ ba mươi đến mười bảy giờ.');
    expect(text.startsWith('Lĩnh vực này đang ngoài giờ làm việc.')).toBe(true);
  });

  it('reads a refusal by its error code, and an unknown code as the general error', () => {
    expect(guideSentence({ say: 'notice', kind: 'refused', code: 'DAILY_LIMIT_REACHED' }, {}).text).toContain('Đã hết số thứ tự trong ngày');
    expect(guideSentence({ say: 'notice', kind: 'refused', code: 'NO_SUCH_CODE' }, {}).text).toContain('Hệ thống gặp lỗi');
  });

  it('speaks English as SSML, spelling the ticket letters and escaping names', () => {
    const part = guideSentence({ say: 'ticket', lang: 'en', number: 'B015', field: 1, ahead: 1, wait: 7, printed: true }, { field: { name: 'Justice & Civil status', opensAt: null, closesAt: null } });
    expect(part.text).toContain('Your number is B fifteen.');
    expect(part.text).toContain('Service: Justice & Civil status.');
    expect(part.synthesis.ssml).toBe(true);
    expect(part.synthesis.input).toContain('<say-as interpret-as="characters">B</say-as> fifteen.');
    expect(part.synthesis.input).toContain('Justice &amp; Civil status');
  });

  it('reads the SMS phone step: what it is for, how to type the number, and that it can be skipped', () => {
    const vi = guideSentence({ say: 'phone' }, {}).text;
    expect(vi).toBe(
      'Ông/Bà có thể nhận tin nhắn khi sắp đến lượt. Xin bấm số điện thoại di động gồm mười chữ số, rồi bấm nút Nhận tin nhắn và lấy số. Nếu không cần tin nhắn, xin bấm nút Bỏ qua để lấy số ngay.',
    );
    // Spoken, so no digits for the synthesizer to read its own way.
    expect(vi).not.toMatch(/\d/);
    expect(guideSentence({ say: 'phone', lang: 'en' }, {}).text).toContain('press Skip');
  });

  it('is NFC everywhere', () => {
    const part = guideSentence({ say: 'take', field: 1 }, { field: land });
    expect(part.text.normalize('NFC')).toBe(part.text);
    expect(part.text).toContain('Ông/Bà đã chọn lĩnh vực Đất đai');
  });
});
