import { Type, type Static } from 'typebox';

/**
 * Every error a person may see, with a stable code, an HTTP status and text in both languages.
 * Messages say what to do next, because the reader is often a new officer or a citizen at a kiosk.
 */
export const errorCatalog = {
  BAD_REQUEST: { status: 400, vi: 'Yêu cầu không hợp lệ. Vui lòng kiểm tra dữ liệu đã nhập.', en: 'Invalid request. Please check what was entered.' },
  VALIDATION_FAILED: { status: 400, vi: 'Dữ liệu không hợp lệ. Vui lòng kiểm tra lại các trường đã nhập.', en: 'Invalid data. Please check the fields entered.' },
  MALFORMED_JSON: { status: 400, vi: 'Dữ liệu gửi lên không đọc được (JSON sai).', en: 'The request body is not valid JSON.' },
  PAYLOAD_TOO_LARGE: { status: 413, vi: 'Dữ liệu gửi lên quá lớn.', en: 'The request body is too large.' },
  UNSUPPORTED_MEDIA_TYPE: { status: 415, vi: 'Dữ liệu phải được gửi dưới dạng JSON.', en: 'The request body must be JSON.' },
  BAD_FRAME: { status: 400, vi: 'Tin nhắn gửi lên không hợp lệ.', en: 'The message sent is not valid.' },
  PROTOCOL_MISMATCH: { status: 400, vi: 'Phiên bản ứng dụng đã cũ. Vui lòng tải lại trang.', en: 'This app is out of date. Please reload the page.' },
  NOT_FOUND: { status: 404, vi: 'Không tìm thấy trang hoặc dữ liệu yêu cầu.', en: 'The requested page or data was not found.' },
  UNAUTHENTICATED: { status: 401, vi: 'Vui lòng đăng nhập để tiếp tục.', en: 'Please sign in to continue.' },
  BAD_CREDENTIALS: { status: 401, vi: 'Tên đăng nhập hoặc mật khẩu không đúng.', en: 'Wrong username or password.' },
  ACCOUNT_DISABLED: { status: 403, vi: 'Tài khoản đã bị khóa. Vui lòng liên hệ quản trị viên.', en: 'This account is disabled. Please contact the administrator.' },
  TOO_MANY_ATTEMPTS: { status: 429, vi: 'Quá nhiều lần thử. Vui lòng chờ một phút rồi thử lại.', en: 'Too many attempts. Please wait a minute and try again.' },
  FORBIDDEN: { status: 403, vi: 'Tài khoản hoặc thiết bị này không có quyền thực hiện thao tác này.', en: 'You are not allowed to do this.' },
  DEVICE_REQUIRED: { status: 401, vi: 'Thiết bị chưa được ghép nối. Vui lòng nhập mã ghép nối từ quản trị viên.', en: 'This device is not paired. Enter the pairing code from the administrator.' },
  DEVICE_TOKEN_EXPIRED: { status: 401, vi: 'Phiên làm việc của thiết bị đã hết hạn; thiết bị sẽ tự gia hạn.', en: 'The device session expired; the device renews it by itself.' },
  DEVICE_NOT_ALLOWED: { status: 403, vi: 'Thiết bị này không được phép thực hiện thao tác này.', en: 'This device may not do this.' },
  PAIRING_CODE_INVALID: { status: 400, vi: 'Mã ghép nối không đúng hoặc đã hết hạn. Vui lòng xin mã mới.', en: 'The pairing code is wrong or expired. Ask for a new one.' },
  NOT_AT_THIS_COUNTER: { status: 403, vi: 'Tài khoản này chưa vào quầy này. Hãy chọn đúng quầy làm việc của mình.', en: 'You are not signed in to this counter. Choose your own counter.' },
  COUNTER_TAKEN: { status: 409, vi: 'Quầy này đang có cán bộ khác làm việc.', en: 'Another officer is signed in to this counter.' },
  FIELD_NOT_FOUND: { status: 404, vi: 'Không tìm thấy lĩnh vực.', en: 'Field not found.' },
  COUNTER_NOT_FOUND: { status: 404, vi: 'Không tìm thấy quầy.', en: 'Counter not found.' },
  TICKET_NOT_FOUND: { status: 404, vi: 'Không tìm thấy số thứ tự.', en: 'Ticket not found.' },
  DEVICE_NOT_FOUND: { status: 404, vi: 'Không tìm thấy thiết bị.', en: 'Device not found.' },
  PRINTER_NOT_FOUND: { status: 404, vi: 'Không tìm thấy máy in.', en: 'Printer not found.' },
  FIELD_CODE_TAKEN: { status: 409, vi: 'Mã lĩnh vực này đã được dùng. Hãy chọn mã khác.', en: 'This field code is already used. Choose another.' },
  FIELD_IN_USE: { status: 409, vi: 'Lĩnh vực còn công dân đang chờ hoặc đang được phục vụ, hoặc còn lĩnh vực con. Hãy xử lý xong rồi mới gỡ bỏ.', en: 'The field still has citizens waiting or being served, or sub-fields. Finish them before removing it.' },
  FIELD_PARENT_INVALID: { status: 400, vi: 'Nhóm lĩnh vực cha không hợp lệ (chỉ cho phép hai cấp).', en: 'Invalid parent group (two levels at most).' },
  HOURS_INVALID: { status: 400, vi: 'Giờ mở cửa phải sớm hơn giờ đóng cửa.', en: 'Opening time must be before closing time.' },
  COUNTER_NUMBER_TAKEN: { status: 409, vi: 'Số quầy này đã có. Hãy chọn số khác.', en: 'This counter number already exists. Choose another.' },
  COUNTER_IN_USE: { status: 409, vi: 'Quầy đang phục vụ công dân. Hãy hoàn thành rồi mới gỡ bỏ.', en: 'The counter is serving a citizen. Finish first, then remove it.' },
  COUNTER_FIELDS_INVALID: { status: 400, vi: 'Quầy phải phục vụ ít nhất một lĩnh vực đang hoạt động, không trùng lặp.', en: 'A counter must serve at least one active field, without repeats.' },
  USERNAME_TAKEN: { status: 409, vi: 'Tên đăng nhập đã có người dùng. Hãy chọn tên khác.', en: 'This username is taken. Choose another.' },
  STAFF_NOT_FOUND: { status: 404, vi: 'Không tìm thấy tài khoản.', en: 'Account not found.' },
  LAST_ADMIN: { status: 409, vi: 'Không thể khóa hoặc hạ quyền quản trị viên cuối cùng.', en: 'The last administrator cannot be disabled or demoted.' },
  PRIORITY_CODES_INVALID: { status: 400, vi: 'Mã loại ưu tiên bị trùng.', en: 'Priority category codes repeat.' },
  RATING_NOT_ALLOWED: { status: 409, vi: 'Số thứ tự này hiện không thể đánh giá (chưa hoàn thành hoặc đã quá thời gian).', en: 'This ticket cannot be rated now (not finished, or too late).' },
  ALREADY_RATED: { status: 409, vi: 'Số thứ tự này đã được đánh giá. Xin cảm ơn Ông/Bà.', en: 'This ticket has already been rated. Thank you.' },
  REASONS_NOT_ALLOWED: { status: 400, vi: 'Chỉ chọn lý do khi đánh giá “Bình thường” hoặc “Không hài lòng”.', en: 'Reasons go only with “Neutral” or “Dissatisfied”.' },
  TRACK_EXPIRED: { status: 410, vi: 'Số thứ tự này đã hết hạn (chỉ dùng trong ngày). Xin mời lấy số mới khi cần.', en: 'This number has expired (valid on its day only). Please take a new number if needed.' },
  PRIORITY_UNKNOWN: { status: 400, vi: 'Loại ưu tiên không hợp lệ.', en: 'Unknown priority category.' },
  FIELD_NOT_ISSUING: { status: 409, vi: 'Lĩnh vực này đang tạm ngừng cấp số. Vui lòng hỏi cán bộ hướng dẫn.', en: 'Numbers for this field are paused. Please ask a staff member.' },
  FIELD_CLOSED_HOURS: { status: 409, vi: 'Ngoài giờ làm việc của lĩnh vực này. Vui lòng quay lại trong giờ làm việc.', en: 'Outside this field’s opening hours. Please come back during opening hours.' },
  DAILY_LIMIT_REACHED: { status: 409, vi: 'Đã hết số thứ tự trong ngày cho lĩnh vực này. Vui lòng quay lại ngày làm việc tiếp theo.', en: 'Today’s numbers for this field are used up. Please come back on the next working day.' },
  FIELD_HAS_CHILDREN: { status: 400, vi: 'Vui lòng chọn một lĩnh vực cụ thể bên trong nhóm này.', en: 'Please choose a specific field inside this group.' },
  COUNTER_NOT_OPEN: { status: 409, vi: 'Quầy đang tạm dừng hoặc đóng. Hãy mở lại quầy trước khi gọi số.', en: 'The counter is paused or closed. Resume it before calling.' },
  COUNTER_BUSY: { status: 409, vi: 'Quầy đang phục vụ một số khác. Hãy hoàn thành, báo vắng hoặc tạm giữ số đó trước.', en: 'The counter is busy with another ticket. Finish, mark absent or hold it first.' },
  COUNTER_WRONG_STATE: { status: 409, vi: 'Quầy đã ở trạng thái này hoặc không thể chuyển sang trạng thái đó. Hãy tải lại màn hình.', en: 'The counter is already in that state or cannot change to it. Reload the screen.' },
  NO_CURRENT_TICKET: { status: 409, vi: 'Quầy chưa gọi số nào.', en: 'No ticket is called at this counter.' },
  QUEUE_EMPTY: { status: 409, vi: 'Không còn công dân nào đang chờ ở các lĩnh vực của quầy này.', en: 'Nobody is waiting for this counter’s fields.' },
  QUEUE_EMPTY_PRIORITY: { status: 409, vi: 'Không có công dân ưu tiên nào đang chờ. Quầy này chỉ phục vụ công dân ưu tiên; công dân khác được các quầy còn lại gọi.', en: 'No priority citizen is waiting. This counter serves priority citizens only; the other counters call the rest.' },
  PRIORITY_COUNTER: { status: 409, vi: 'Quầy ưu tiên: đang có công dân ưu tiên chờ (hoặc quầy chỉ phục vụ công dân ưu tiên). Hãy gọi công dân ưu tiên trước.', en: 'Priority counter: a priority citizen is waiting (or the counter serves priority citizens only). Call the priority citizen first.' },
  TICKET_WRONG_STATE: { status: 409, vi: 'Số thứ tự không ở trạng thái phù hợp cho thao tác này. Hãy tải lại màn hình.', en: 'The ticket is not in a state that allows this. Reload the screen.' },
  TICKET_NOT_FOR_COUNTER: { status: 409, vi: 'Số thứ tự này không thuộc lĩnh vực của quầy.', en: 'This ticket is not for this counter’s fields.' },
  TRANSFER_TARGET_INVALID: { status: 400, vi: 'Hãy chọn đúng một lĩnh vực hoặc một quầy khác để chuyển đến.', en: 'Choose exactly one other field or counter to transfer to.' },
  // Router-level refusals and faults (security hardening, issue 12): every error leaves in this shape.
  BAD_URL: { status: 400, vi: 'Địa chỉ trang không hợp lệ. Vui lòng kiểm tra lại đường dẫn.', en: 'The address is not valid. Please check the link.' },
  URL_TOO_LONG: { status: 414, vi: 'Địa chỉ trang quá dài. Vui lòng kiểm tra lại đường dẫn.', en: 'The address is too long. Please check the link.' },
  REQUEST_TIMEOUT: { status: 408, vi: 'Yêu cầu gửi quá chậm nên đã bị ngắt. Vui lòng thử lại.', en: 'The request was too slow and was cut off. Please try again.' },
  HEADERS_TOO_LARGE: { status: 431, vi: 'Phần đầu của yêu cầu quá lớn. Vui lòng tải lại trang.', en: 'The request headers are too large. Please reload the page.' },
  STORAGE_FULL: {
    status: 503,
    vi: 'Ổ đĩa của máy chủ đã đầy nên chưa lưu được. Dữ liệu đã có vẫn an toàn. Vui lòng báo quản trị viên giải phóng dung lượng ổ đĩa rồi thử lại.',
    en: 'The server’s disk is full, so nothing was saved. Existing data is safe. Tell the administrator to free disk space, then try again.',
  },
  SIGN_IN_BUSY: { status: 503, vi: 'Máy chủ đang bận kiểm tra đăng nhập. Vui lòng chờ vài giây rồi đăng nhập lại.', en: 'The server is busy checking sign-ins. Wait a few seconds and sign in again.' },
  PRINTER_PATH_NOT_ALLOWED: {
    status: 400,
    vi: 'Máy in USB phải là thiết bị máy in của máy chủ: usb:/dev/usb/lp0, usb:/dev/usb/lp1, … (hoặc thiết bị người quản trị máy chủ đã khai báo trong LUOT_PRINTER_DEVICES). Hãy kiểm tra lại địa chỉ máy in.',
    en: 'A USB printer must be one of the server’s printer devices: usb:/dev/usb/lp0, usb:/dev/usb/lp1, … (or a device listed by the server’s administrator in LUOT_PRINTER_DEVICES). Check the printer address.',
  },
  KIOSK_TOO_FAST: { status: 429, vi: 'Xin Ông/Bà vui lòng chờ một chút rồi chạm lại để lấy số.', en: 'Please wait a moment, then touch again to take a number.' },
  SYNC_KEY_INVALID: { status: 401, vi: 'Khóa đồng bộ không đúng hoặc đã bị thu hồi. Hãy xin khóa mới từ quản trị viên cấp tỉnh.', en: 'The sync key is wrong or revoked. Ask the province administrator for a new key.' },
  SYNC_WRONG_CENTER: { status: 403, vi: 'Khóa đồng bộ này thuộc trung tâm khác; dữ liệu không được nhận. Kiểm tra mã trung tâm trong phần cài đặt đồng bộ.', en: 'This sync key belongs to another center; nothing was stored. Check the center id in the sync settings.' },
  SYNC_REPLAYED: { status: 409, vi: 'Máy chủ tỉnh đã nhận lô dữ liệu này rồi; không có gì thay đổi. Trung tâm sẽ gửi tiếp từ vị trí đã xác nhận.', en: 'The hub already holds this batch; nothing changed. The center goes on from the acknowledged position.' },
  SYNC_GAP: { status: 409, vi: 'Lô dữ liệu bắt đầu sau vị trí máy chủ tỉnh đang giữ; không có gì thay đổi. Trung tâm sẽ gửi lại từ vị trí đã xác nhận.', en: 'The batch starts past the position the hub holds; nothing changed. The center resends from the acknowledged position.' },
  SYNC_BATCH_INVALID: { status: 400, vi: 'Lô dữ liệu đồng bộ không hợp lệ (thứ tự hoặc vị trí sai); không có gì thay đổi.', en: 'The sync batch is invalid (wrong order or position); nothing was stored.' },
  SYNC_CONFIG_NEEDED: { status: 409, vi: 'Máy chủ tỉnh chưa có cấu hình của trung tâm; trung tâm sẽ gửi kèm cấu hình ở lần sau.', en: 'The hub does not have this center’s set-up yet; the center sends it with the next batch.' },
  SYNC_NOT_CONFIGURED: { status: 409, vi: 'Chưa cài đặt kết nối với máy chủ tỉnh. Hãy nhập địa chỉ, mã trung tâm và khóa đồng bộ trước.', en: 'The link to the province hub is not set up. Enter the address, center id and sync key first.' },
  HUB_UNREACHABLE: { status: 502, vi: 'Không kết nối được máy chủ tỉnh. Dữ liệu vẫn được giữ tại trung tâm và sẽ tự gửi khi có kết nối.', en: 'The province hub cannot be reached. The data stays at the center and is sent by itself once the link is back.' },
  CENTER_NOT_FOUND: { status: 404, vi: 'Không tìm thấy trung tâm.', en: 'Center not found.' },
  CENTER_CODE_TAKEN: { status: 409, vi: 'Mã trung tâm này đã có. Hãy chọn mã khác.', en: 'This center code already exists. Choose another.' },
  // First-run setup and configuration files (issue 14). The *_INVALID codes carry one problem per bad entry.
  SETUP_DONE: { status: 409, vi: 'Trung tâm đã được thiết lập lần đầu. Hãy sửa cấu hình trong mục Quản trị.', en: 'This center is already set up. Change its settings under Administration.' },
  SETUP_INVALID: {
    status: 400,
    vi: 'Thông tin thiết lập còn mục chưa đúng (xem danh sách). Chưa có gì được lưu; hãy sửa các mục đó rồi bấm Hoàn tất lại.',
    en: 'Some set-up entries are wrong (see the list). Nothing was saved; correct them and press Finish again.',
  },
  CONFIG_INVALID: {
    status: 400,
    vi: 'File cấu hình có mục sai (xem danh sách). Chưa có gì thay đổi; hãy sửa file rồi nhập lại.',
    en: 'The configuration file has wrong entries (see the list). Nothing was changed; correct the file and import it again.',
  },
  CONFIG_FORMAT_UNKNOWN: {
    status: 400,
    vi: 'Đây không phải file cấu hình Lượt, hoặc file do phiên bản mới hơn tạo ra. Hãy xuất lại file từ máy chủ Lượt cùng phiên bản.',
    en: 'This is not a Lượt configuration file, or a newer version made it. Export the file again from a Lượt server of this version.',
  },
  ENTRY_INVALID: { status: 400, vi: 'Giá trị không hợp lệ.', en: 'Invalid value.' },
  PREFIX_TAKEN: { status: 409, vi: 'Chữ cái đầu số này đã dùng cho lĩnh vực khác. Hãy chọn chữ khác.', en: 'This ticket letter is already used by another field. Choose another.' },
  FIELD_UNKNOWN: { status: 400, vi: 'Quầy nêu một lĩnh vực không có trong danh sách lĩnh vực.', en: 'The counter names a field that is not in the list of fields.' },
  COUNTER_UNKNOWN: { status: 400, vi: 'Màn hình quầy nêu một số quầy không có trong danh sách quầy.', en: 'The counter screen names a counter that is not in the list of counters.' },
  PRINTER_UNKNOWN: { status: 400, vi: 'Kiosk nêu một máy in không có trong danh sách máy in.', en: 'The kiosk names a printer that is not in the list of printers.' },
  PRINTER_NAME_TAKEN: { status: 409, vi: 'Tên máy in bị trùng. Hãy đặt tên khác cho mỗi máy in.', en: 'The printer name repeats. Give each printer its own name.' },
  DEVICE_NAME_TAKEN: { status: 409, vi: 'Tên thiết bị bị trùng. Hãy đặt tên khác cho mỗi thiết bị.', en: 'The device name repeats. Give each device its own name.' },
  BACKUP_NO_SPACE: {
    status: 507,
    vi: 'Không đủ chỗ trên ổ sao lưu để tạo bản sao lưu. Hãy giải phóng dung lượng hoặc cắm ổ sao lưu khác rồi thử lại.',
    en: 'There is not enough space on the backup disk for a backup. Free some space or plug in another backup disk, then try again.',
  },
  BACKUP_FAILED: { status: 500, vi: 'Sao lưu không thành công; dữ liệu đang dùng vẫn an toàn. Hãy chạy "luot doctor" trên máy chủ để xem nguyên nhân.', en: 'The backup failed; the data in use is safe. Run "luot doctor" on the server to see why.' },
  WEBHOOK_NOT_FOUND: { status: 404, vi: 'Không tìm thấy webhook. Hãy tải lại danh sách webhook.', en: 'Webhook not found. Reload the list of webhooks.' },
  DELIVERY_NOT_FOUND: { status: 404, vi: 'Không tìm thấy lần gửi này. Hãy tải lại nhật ký gửi.', en: 'Delivery not found. Reload the delivery log.' },
  API_TOKEN_NOT_FOUND: { status: 404, vi: 'Không tìm thấy mã truy cập. Hãy tải lại danh sách mã truy cập.', en: 'API token not found. Reload the list of API tokens.' },
  TOKEN_SCOPE_MISSING: { status: 403, vi: 'Mã truy cập này không được cấp quyền cho thao tác này. Hãy nhờ quản trị viên cấp mã có đúng phạm vi.', en: 'This API token is not scoped for this. Ask the administrator for a token with the right scope.' },
  MEDIA_NOT_FOUND: { status: 404, vi: 'Không tìm thấy ảnh hoặc video. Hãy tải lại danh sách.', en: 'Image or video not found. Reload the list.' },
  MEDIA_TYPE_INVALID: { status: 415, vi: 'Chỉ nhận ảnh PNG, JPEG, WebP hoặc video MP4, WebM. Hãy lưu lại file ở một trong các dạng này rồi tải lên.', en: 'Only PNG, JPEG, WebP images or MP4, WebM videos are accepted. Save the file in one of these formats and upload it again.' },
  MEDIA_TOO_LARGE: { status: 413, vi: 'File quá lớn (ảnh tối đa 5 MB, video tối đa 50 MB). Hãy thu nhỏ hoặc cắt ngắn rồi tải lên lại.', en: 'The file is too large (images up to 5 MB, videos up to 50 MB). Shrink or shorten it and upload again.' },
  INTERNAL: { status: 500, vi: 'Hệ thống gặp lỗi. Vui lòng thử lại; nếu vẫn lỗi hãy báo quản trị viên.', en: 'Something went wrong. Please try again; if it persists tell the administrator.' },
} as const satisfies Record<string, { status: number; vi: string; en: string }>;

export type ErrorCode = keyof typeof errorCatalog;

export const ErrorBody = Type.Object({
  statusCode: Type.Integer(),
  code: Type.String(),
  message: Type.Object({ vi: Type.String(), en: Type.String() }),
  details: Type.Optional(Type.Array(Type.String())),
  /** One entry per bad item of a set-up or configuration file: where it is (a JSON pointer) and what is wrong. */
  problems: Type.Optional(Type.Array(Type.Object({ path: Type.String(), code: Type.String(), message: Type.Object({ vi: Type.String(), en: Type.String() }) }))),
});
export type ErrorBody = Static<typeof ErrorBody>;

export type Problem = NonNullable<ErrorBody['problems']>[number];

export function errorBody(code: ErrorCode, details?: string[], problems?: Problem[]): ErrorBody {
  const entry = errorCatalog[code];
  return { statusCode: entry.status, code, message: { vi: entry.vi, en: entry.en }, ...(details ? { details } : {}), ...(problems ? { problems } : {}) };
}
