/**
 * Strings for helping people use the apps: the kiosk's large text and spoken guidance, the hall board's calm
 * mode, and the links to the role guides under /help. Spread into the tables in i18n.ts, so `t()` knows
 * them like any other key. `guide*` strings are spoken (by the server's voice), not shown: numbers in them are
 * filled in as words, and they address citizens as Ông/Bà like every citizen-facing line.
 */
export const assistVi = {
  // Kiosk: the two helpers a citizen can switch on; both switch off again for the next citizen.
  assistTools: 'Hỗ trợ',
  assistListen: 'Nghe hướng dẫn',
  assistLargeText: 'Chữ lớn',
  assistMoreBelow: 'Còn lĩnh vực khác ở bên dưới. Xin vuốt màn hình lên để xem.',
  assistTouchAgain: 'Chạm lần nữa để chọn',

  // Spoken guidance (server/src/voice/guide-sentences.ts fills these).
  guideTouchTwice: 'Chạm một lần vào một ô để nghe tên, chạm thêm lần nữa để chọn.',
  guidePhone: 'Ông/Bà có thể nhận tin nhắn khi sắp đến lượt. Xin bấm số điện thoại di động gồm mười chữ số, rồi bấm nút Nhận tin nhắn và lấy số. Nếu không cần tin nhắn, xin bấm nút Bỏ qua để lấy số ngay.',
  guideChooseThis: 'Chạm thêm lần nữa để chọn.',
  guideOpenGroup: 'Chạm thêm lần nữa để xem các lĩnh vực cụ thể.',
  guideChosenField: 'Ông/Bà đã chọn lĩnh vực {name}.',
  guidePriorityHint: 'Nếu Ông/Bà thuộc diện ưu tiên, xin chạm nút “Tôi thuộc diện ưu tiên” ở bên dưới.',
  guideCategoryChoose: 'Chạm thêm lần nữa để lấy số ưu tiên.',
  guideYourNumber: 'Số thứ tự của Ông/Bà là {number}.',
  guideField: 'Lĩnh vực {name}.',
  guideNobodyAhead: 'Không có ai chờ trước Ông/Bà.',
  guideAhead: 'Có {count} người đang chờ trước Ông/Bà.',
  guideWait: 'Thời gian chờ dự kiến khoảng {minutes} phút.',
  guideWaitSoon: 'Sắp đến lượt Ông/Bà.',
  guideWaitUnknown: 'Chưa xác định được thời gian chờ.',
  guideRemember: 'Xin Ông/Bà ghi nhớ số thứ tự.',
  guideHours: 'Giờ làm việc: {hours}.',

  // Hall board: the admin's setting for people whom movement troubles.
  adminDeviceCalm: 'Không chạy chữ, không nhấp nháy',
  adminDeviceCalmHint: 'Dòng thông báo đứng yên và xuống dòng, số mới gọi không nhấp nháy.',
  adminDeviceDisplay: 'Hiển thị',

  // The role guides, served by the center's own server under /help.
  helpLink: 'Hướng dẫn sử dụng',
  helpInstallLink: 'Hướng dẫn lắp đặt',
} as const;

export const assistEn = {
  assistTools: 'Help',
  assistListen: 'Listen to guidance',
  assistLargeText: 'Large text',
  assistMoreBelow: 'More services below. Please swipe the screen up to see them.',
  assistTouchAgain: 'Touch again to choose',

  guideTouchTwice: 'Touch a box once to hear its name, touch it again to choose it.',
  guidePhone: 'You can get a text message when your turn is near. Type your ten-digit mobile number, then press Text me and take a number. If you need no message, press Skip to take your number now.',
  guideChooseThis: 'Touch again to choose it.',
  guideOpenGroup: 'Touch again to see the services in it.',
  guideChosenField: 'You chose {name}.',
  guidePriorityHint: 'If you are a priority case, please touch the button “I am a priority case” below.',
  guideCategoryChoose: 'Touch again to take a priority number.',
  guideYourNumber: 'Your number is {number}.',
  guideField: 'Service: {name}.',
  guideNobodyAhead: 'Nobody is waiting before you.',
  guideAhead: '{count} people are waiting before you.',
  guideWait: 'The estimated wait is about {minutes} minutes.',
  guideWaitSoon: 'It will be your turn soon.',
  guideWaitUnknown: 'The wait cannot be estimated yet.',
  guideRemember: 'Please remember your number.',
  guideHours: 'Opening hours: {hours}.',

  adminDeviceCalm: 'No scrolling text, no flashing',
  adminDeviceCalmHint: 'The notice stands still and wraps; a new call does not flash.',
  adminDeviceDisplay: 'Display',

  helpLink: 'User guide',
  helpInstallLink: 'Installation guide',
} as const satisfies Record<keyof typeof assistVi, string>;
