import { t, type AuditChange, type AuditValue, type Lang, type StringKey } from '@luot/shared';

/** Readable names for the actions the server records; an action not listed here shows its code. */
export const actionText: Record<string, { vi: string; en: string }> = {
  'center.update': { vi: 'Sửa thông tin trung tâm', en: 'Center profile changed' },
  'field.create': { vi: 'Thêm lĩnh vực', en: 'Field added' },
  'field.update': { vi: 'Sửa lĩnh vực', en: 'Field changed' },
  'field.deactivate': { vi: 'Ngừng sử dụng lĩnh vực', en: 'Field retired' },
  'field.stop_issuing': { vi: 'Ngừng cấp số', en: 'Issuing stopped' },
  'field.resume_issuing': { vi: 'Cấp số lại', en: 'Issuing resumed' },
  'counter.create': { vi: 'Thêm quầy', en: 'Counter added' },
  'counter.update': { vi: 'Sửa quầy', en: 'Counter changed' },
  'counter.deactivate': { vi: 'Ngừng sử dụng quầy', en: 'Counter retired' },
  'staff.create': { vi: 'Tạo tài khoản', en: 'Account created' },
  'staff.update': { vi: 'Sửa tài khoản', en: 'Account changed' },
  'staff.reset_password': { vi: 'Đặt lại mật khẩu', en: 'Password reset' },
  'rules.update': { vi: 'Sửa quy tắc ưu tiên', en: 'Queue rules changed' },
  'voice.update': { vi: 'Sửa giọng đọc', en: 'Voice changed' },
  'device.create': { vi: 'Đăng ký thiết bị', en: 'Device registered' },
  'device.revoke': { vi: 'Thu hồi thiết bị', en: 'Device revoked' },
  'device.settings': { vi: 'Sửa cài đặt thiết bị', en: 'Device settings changed' },
  'device.printer': { vi: 'Gán máy in cho kiosk', en: 'Kiosk printer chosen' },
  'printer.create': { vi: 'Thêm máy in', en: 'Printer added' },
  'printer.remove': { vi: 'Gỡ bỏ máy in', en: 'Printer removed' },
  'setup.complete': { vi: 'Hoàn tất thiết lập ban đầu', en: 'First setup finished' },
  'setup.skip': { vi: 'Bỏ qua thiết lập ban đầu', en: 'First setup skipped' },
  'config.import': { vi: 'Nhập cấu hình từ tệp', en: 'Configuration imported' },
  'hub_sync.update': { vi: 'Sửa kết nối với tỉnh', en: 'Province link changed' },
  'sms.update': { vi: 'Sửa cài đặt tin nhắn SMS', en: 'SMS settings changed' },
  'booking.settings': { vi: 'Sửa cài đặt đặt lịch hẹn', en: 'Booking settings changed' },
  'webhook.create': { vi: 'Thêm webhook', en: 'Webhook added' },
  'webhook.enable': { vi: 'Bật webhook', en: 'Webhook turned on' },
  'webhook.disable': { vi: 'Tắt webhook', en: 'Webhook turned off' },
  'webhook.resend': { vi: 'Gửi lại webhook', en: 'Webhook delivery resent' },
  'api_token.create': { vi: 'Tạo mã truy cập API', en: 'API token created' },
  'api_token.revoke': { vi: 'Thu hồi mã truy cập API', en: 'API token revoked' },
  'media.add': { vi: 'Thêm ảnh/video cho bảng sảnh', en: 'Hall board picture or video added' },
  'media.remove': { vi: 'Gỡ ảnh/video khỏi bảng sảnh', en: 'Hall board picture or video removed' },
};

/** What each recorded key is called on the admin's own forms, so the log reads like the settings. */
const keyName: Record<string, StringKey> = {
  address: 'adminCenterAddress',
  logo: 'adminCenterLogo',
  dayRollover: 'adminCenterRollover',
  receiptFooter: 'adminCenterFooter',
  hallNotice: 'adminCenterNotice',
  nameVi: 'adminFieldNameVi',
  nameEn: 'adminFieldNameEn',
  code: 'adminFieldCode',
  prefix: 'adminFieldPrefix',
  width: 'adminFieldWidth',
  startNumber: 'adminFieldStart',
  dailyLimit: 'adminFieldLimit',
  opensAt: 'adminFieldOpens',
  closesAt: 'adminFieldCloses',
  targetWaitMinutes: 'adminFieldTarget',
  serviceMinutes: 'adminFieldService',
  position: 'adminFieldPosition',
  parent: 'adminFieldParent',
  issuing: 'boardIssuing',
  number: 'adminCounterNumber',
  policy: 'adminCounterPolicy',
  priorityMode: 'adminCounterPriority',
  fields: 'adminCounterFields',
  username: 'adminStaffUsername',
  displayName: 'adminStaffName',
  role: 'adminStaffRole',
  active: 'adminState',
  interleave: 'adminRulesInterleave',
  maxRecalls: 'adminRulesMaxRecalls',
  keepArrivalOnTransfer: 'auditKeepArrival',
  priorityCategories: 'adminRulesCategories',
  english: 'auditVoiceEnglish',
  kind: 'adminDeviceKind',
  counter: 'adminDeviceCounter',
  soundEnabled: 'adminDeviceSound',
  volume: 'auditVolume',
  printer: 'adminDevicePrinter',
  uri: 'adminPrinterUri',
  paper: 'adminPrinterPaper',
  kiosks: 'auditKiosks',
  revoked: 'adminDeviceRevoked',
};

/** The booking settings (entity `booking_settings`), named as in the booking tab. */
const bookingKeyName: Record<string, StringKey> = {
  enabled: 'adminBookingEnabled',
  perPhonePerDay: 'adminBookingPerPhoneDay',
  perPhonePerField: 'adminBookingPerPhoneField',
  perAddressPerHour: 'adminBookingPerAddress',
  requireCitizenId: 'adminBookingRequireId',
  daysAhead: 'adminBookingDaysAhead',
  workingDays: 'adminBookingWorkingDays',
  closedDates: 'adminBookingClosedDates',
  sessions: 'adminBookingSessions',
  remoteOpensAt: 'adminBookingRemoteOpens',
  bookingShare: 'adminBookingShare',
  capacityOverrides: 'adminBookingOverride',
  lateGraceMinutes: 'adminBookingLateGrace',
  remoteGraceMinutes: 'adminBookingRemoteGrace',
  bookedInterleave: 'adminBookingInterleave',
  personalDataDays: 'adminBookingPersonalDays',
};

const nameOf: Record<string, StringKey> = { center: 'adminCenterName', counter: 'adminCounterName', printer: 'adminPrinterName', device: 'adminDeviceName' };

/** Codes the server stores as they are, worded here. */
const codeText: Record<string, Record<string, StringKey>> = {
  role: { officer: 'roleOfficer', supervisor: 'roleSupervisor', admin: 'roleAdmin' },
  policy: { order: 'adminPolicyOrderShort', weights: 'adminPolicyWeightsShort' },
  priorityMode: { mixed: 'adminPriorityMixedShort', priority_then_normal: 'adminPriorityThenNormalShort', priority_only: 'adminPriorityOnlyShort' },
  kind: { kiosk: 'adminKindKiosk', counter_display: 'adminKindCounterDisplay', hall_board: 'adminKindHallBoard' },
};

export function keyText(lang: Lang, entity: string, key: string): string {
  const name = key === 'name' ? nameOf[entity] : entity === 'booking_settings' ? bookingKeyName[key] : keyName[key];
  return name ? t(lang, name) : key;
}

export function valueText(lang: Lang, entity: string, key: string, value: AuditValue): string {
  if (value === null || value === '' || (Array.isArray(value) && value.length === 0)) return t(lang, 'auditEmpty');
  if (Array.isArray(value)) return value.join('; ');
  if (typeof value === 'boolean') {
    if (key === 'active') return t(lang, value ? 'adminActive' : entity === 'staff' ? 'adminStaffLocked' : 'adminRetired');
    return t(lang, value ? 'auditYes' : 'auditNo');
  }
  const code = codeText[key]?.[String(value)];
  return code ? t(lang, code) : String(value);
}

/** “Tên trung tâm: A → B”; for something just created only its value (`created`), otherwise “(trống) → B” too. */
export function changeText(lang: Lang, entity: string, change: AuditChange, created: boolean): { key: string; before: string | null; after: string } {
  return {
    key: keyText(lang, entity, change.key),
    before: created ? null : valueText(lang, entity, change.key, change.before),
    after: valueText(lang, entity, change.key, change.after),
  };
}
