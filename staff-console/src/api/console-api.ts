import {
  BackupList,
  BackupTaken,
  SmsAdminView,
  type SmsSettingsBody,
  AdminStaff,
  AuditEntry,
  BookingDay,
  BookingReport,
  BookingSettingsBody,
  CenterInfo,
  CenterSyncStatus,
  type CenterSyncSettingsBody,
  CounterActionResponse,
  CounterView,
  CreatedDevice,
  type DeviceSettings,
  DeviceView,
  LiveFigures,
  LoginResponse,
  Me,
  PrinterState,
  PrintOutcome,
  PublicLink,
  Report,
  SatisfactionToday,
  StaffWithPassword,
  TicketActionResponse,
  TicketSearchResult,
  type CenterProfileBody,
  type CounterBody,
  type CreatePrinterBody,
  type DeviceKind,
  type FieldBody,
  type LeaveCounterBody,
  type ReportExportQuery,
  type RulesBody,
  type StaffBody,
  type StaffUpdateBody,
  type VoiceSettingsBody,
  ImportResult,
  SetupSheet,
  SetupStatus,
  type SetupBody,
  ApiTokenCreated,
  ApiTokenView,
  type ApiTokenBody,
  StaffFigures,
  HallMediaView,
  type StaffFiguresQuery,
  WebhookCreated,
  WebhookDeliveryView,
  WebhookView,
  type WebhookBody,
  StaffingPlan,
} from '@luot/shared';
import { Type, type Static, type TSchema } from 'typebox';
import { AdminCounterRead, AdminFieldRead, CenterProfileRead, RulesRead, VoiceRead } from './admin-schemas.ts';
import { queryString, requestFile, type DownloadedFile } from './file-request.ts';
import { request, type ApiResult, type RequestOptions } from './http.ts';
import { uploadMedia } from './upload-media.ts';
import type { SelectionQuery } from '../reports/report-selection.ts';

/** The staffing plan's choices as query values. */
export type StaffingSelection = Readonly<Record<'share' | 'weeks', string>>;

/** Counter steps that take no body: POST /api/counters/:id/<step>. */
export type CounterStep = 'call-next' | 'recall' | 'start' | 'no-show' | 'resume' | 'open' | 'close';

/** Answers the console reads nothing from except success: any JSON will do. */
const Anything = Type.Unknown();

export type TransferTarget = { toFieldId: number } | { toCounterId: number };

/** Signs in; the only call made without a token. */
export function login(username: string, password: string): Promise<ApiResult<LoginResponse>> {
  return request('/api/auth/login', LoginResponse, { method: 'POST', body: { username, password } });
}

/**
 * The server's HTTP API as the console uses it, for one signed-in session. Every 401 also goes to
 * `onUnauthorized`, so whichever screen hits an ended session, the console returns to sign-in.
 */
export class ConsoleApi {
  constructor(
    readonly token: string,
    private readonly onUnauthorized: () => void,
  ) {}

  private async call<S extends TSchema>(path: string, schema: S, options: Omit<RequestOptions, 'token'> = {}): Promise<ApiResult<Static<S>>> {
    const result = await request(path, schema, { ...options, token: this.token });
    if (!result.ok && result.kind === 'unauthorized') this.onUnauthorized();
    return result;
  }

  private async file(path: string): Promise<ApiResult<DownloadedFile>> {
    // A year of figures makes a workbook in a few seconds on a small server; give it longer than a button press.
    const result = await requestFile(path, this.token, 60_000);
    if (!result.ok && result.kind === 'unauthorized') this.onUnauthorized();
    return result;
  }

  me = () => this.call('/api/auth/me', Me);
  logout = () => this.call('/api/auth/logout', Anything, { method: 'POST' });
  center = () => this.call('/api/center', CenterInfo);
  bookingsToday = () => this.call('/api/bookings/today', BookingDay);
  bookingReport = (from: string, to: string) => this.call(`/api/reports/bookings?from=${from}&to=${to}`, BookingReport, { timeoutMs: 30_000 });

  counters = () => this.call('/api/counters', Type.Array(CounterView));
  join = (counterId: number) => this.call(`/api/counters/${counterId}/join`, CounterActionResponse, { method: 'POST' });
  leave = (counterId: number, body: LeaveCounterBody) => this.call(`/api/counters/${counterId}/leave`, CounterActionResponse, { method: 'POST', body });
  step = (counterId: number, step: CounterStep) => this.call(`/api/counters/${counterId}/${step}`, CounterActionResponse, { method: 'POST' });
  finish = (counterId: number, dossierCode: string | null) =>
    this.call(`/api/counters/${counterId}/finish`, CounterActionResponse, { method: 'POST', body: { dossierCode } });
  hold = (counterId: number, note: string | null) => this.call(`/api/counters/${counterId}/hold`, CounterActionResponse, { method: 'POST', body: { note } });
  pause = (counterId: number, reason: string) => this.call(`/api/counters/${counterId}/pause`, CounterActionResponse, { method: 'POST', body: { reason } });
  callTicket = (counterId: number, ticketId: number) =>
    this.call(`/api/counters/${counterId}/call`, CounterActionResponse, { method: 'POST', body: { ticketId } });

  returnHeld = (ticketId: number) => this.call(`/api/tickets/${ticketId}/return`, TicketActionResponse, { method: 'POST' });
  transfer = (ticketId: number, target: TransferTarget, note: string | null) =>
    this.call(`/api/tickets/${ticketId}/transfer`, TicketActionResponse, { method: 'POST', body: { ...target, note } });
  cancel = (ticketId: number, reason: string | null) => this.call(`/api/tickets/${ticketId}/cancel`, TicketActionResponse, { method: 'POST', body: { reason } });

  live = () => this.call('/api/live', LiveFigures);
  searchTickets = (number: string) => this.call(`/api/tickets/search?number=${encodeURIComponent(number)}`, TicketSearchResult);
  setIssuing = (fieldId: number, issuing: boolean) => this.call(`/api/fields/${fieldId}/issuing`, Anything, { method: 'POST', body: { issuing } });

  // Admin.
  centerProfile = (signal?: AbortSignal) => this.call('/api/admin/center', CenterProfileRead, { signal });
  saveCenterProfile = (body: CenterProfileBody) => this.call('/api/admin/center', Anything, { method: 'PUT', body });

  fields = (signal?: AbortSignal) => this.call('/api/admin/fields', Type.Array(AdminFieldRead), { signal });
  createField = (body: FieldBody) => this.call('/api/admin/fields', Anything, { method: 'POST', body });
  updateField = (id: number, body: FieldBody) => this.call(`/api/admin/fields/${id}`, Anything, { method: 'PUT', body });
  deleteField = (id: number) => this.call(`/api/admin/fields/${id}`, Anything, { method: 'DELETE' });

  satisfactionToday = () => this.call('/api/ratings/today', SatisfactionToday);
  adminCounters = (signal?: AbortSignal) => this.call('/api/admin/counters', Type.Array(AdminCounterRead), { signal });
  createCounter = (body: CounterBody) => this.call('/api/admin/counters', Anything, { method: 'POST', body });
  updateCounter = (id: number, body: CounterBody) => this.call(`/api/admin/counters/${id}`, Anything, { method: 'PUT', body });
  deleteCounter = (id: number) => this.call(`/api/admin/counters/${id}`, Anything, { method: 'DELETE' });

  staff = (signal?: AbortSignal) => this.call('/api/admin/staff', Type.Array(AdminStaff), { signal });
  createStaff = (body: StaffBody) => this.call('/api/admin/staff', StaffWithPassword, { method: 'POST', body });
  updateStaff = (id: number, body: StaffUpdateBody) => this.call(`/api/admin/staff/${id}`, Anything, { method: 'PUT', body });
  resetPassword = (id: number) => this.call(`/api/admin/staff/${id}/reset-password`, StaffWithPassword, { method: 'POST' });

  devices = (signal?: AbortSignal) => this.call('/api/devices', Type.Array(DeviceView), { signal });
  createDevice = (body: { kind: DeviceKind; name: string; counterId: number | null }) => this.call('/api/devices', CreatedDevice, { method: 'POST', body });
  revokeDevice = (id: number) => this.call(`/api/devices/${id}`, DeviceView, { method: 'DELETE' });
  deviceSettings = (id: number, body: DeviceSettings) => this.call(`/api/devices/${id}/settings`, Anything, { method: 'PUT', body });
  devicePrinter = (id: number, printerId: number | null) => this.call(`/api/devices/${id}/printer`, DeviceView, { method: 'PUT', body: { printerId } });

  printers = (signal?: AbortSignal) => this.call('/api/printers', Type.Array(PrinterState), { signal });
  createPrinter = (body: CreatePrinterBody) => this.call('/api/printers', PrinterState, { method: 'POST', body, timeoutMs: 15_000 });
  testPrinter = (id: number) => this.call(`/api/printers/${id}/test`, PrintOutcome, { method: 'POST', timeoutMs: 20_000 });
  checkPrinter = (id: number) => this.call(`/api/printers/${id}/check`, PrinterState, { method: 'POST', timeoutMs: 15_000 });
  deletePrinter = (id: number) => this.call(`/api/printers/${id}`, Anything, { method: 'DELETE' });
  publicLink = () => this.call('/api/printers/public-link', PublicLink);

  rules = (signal?: AbortSignal) => this.call('/api/admin/rules', RulesRead, { signal });
  saveRules = (body: RulesBody) => this.call('/api/admin/rules', Anything, { method: 'PUT', body });
  bookingSettings = (signal?: AbortSignal) => this.call('/api/admin/booking', BookingSettingsBody, { signal });
  saveBookingSettings = (body: BookingSettingsBody) => this.call('/api/admin/booking', BookingSettingsBody, { method: 'PUT', body });
  voice = (signal?: AbortSignal) => this.call('/api/admin/voice', VoiceRead, { signal });
  saveVoice = (body: VoiceSettingsBody) => this.call('/api/admin/voice', Anything, { method: 'PUT', body });
  sms = (signal?: AbortSignal) => this.call('/api/admin/sms', SmsAdminView, { signal });
  saveSms = (body: SmsSettingsBody) => this.call('/api/admin/sms/settings', Anything, { method: 'PUT', body });
  audit = (signal?: AbortSignal) => this.call('/api/admin/audit', Type.Array(AuditEntry), { signal });

  // The link to the province hub (server/src/sync/).
  hubSync = (signal?: AbortSignal) => this.call('/api/admin/hub-sync', CenterSyncStatus, { signal });
  saveHubSync = (body: CenterSyncSettingsBody) => this.call('/api/admin/hub-sync', CenterSyncStatus, { method: 'PUT', body });
  resyncHub = () => this.call('/api/admin/hub-sync/resync', CenterSyncStatus, { method: 'POST', timeoutMs: 30_000 });

  // Backups (admin): the list and "back up now", which copies a large database in a minute or two on a small PC.
  backups = (signal?: AbortSignal) => this.call('/api/admin/backups', BackupList, { signal });
  backUpNow = () => this.call('/api/admin/backups', BackupTaken, { method: 'POST', timeoutMs: 10 * 60_000 });

  // First-run setup and the configuration file (admin).
  setupStatus = () => this.call('/api/setup', SetupStatus);
  finishSetup = (body: SetupBody) => this.call('/api/setup', SetupSheet, { method: 'POST', body, timeoutMs: 30_000 });
  skipSetup = () => this.call('/api/setup/skip', SetupStatus, { method: 'POST' });
  configFile = () => this.file('/api/admin/config');
  importConfig = (file: unknown) => this.call('/api/admin/config', ImportResult, { method: 'POST', body: file, timeoutMs: 30_000 });

  // Reports (supervisor, admin).
  // The reports screen is shared with the province hub, whose selections may name more groupings; the center's
  // screen offers only its own, and the server refuses any other.
  report = (query: SelectionQuery) => this.call(`/api/reports${queryString(query)}`, Report, { timeoutMs: 30_000 });
  reportFile = (format: 'xlsx' | 'csv', query: SelectionQuery & Pick<ReportExportQuery, 'lang'>) => this.file(`/api/reports/export.${format}${queryString(query)}`);
  staffFigures = (query: Pick<StaffFiguresQuery, 'period' | 'groupBy'>) => this.call(`/api/reports/staff${queryString(query)}`, StaffFigures, { timeoutMs: 30_000 });
  staffFiguresFile = (query: Pick<StaffFiguresQuery, 'period' | 'groupBy' | 'lang'>) => this.file(`/api/reports/staff/export.csv${queryString(query)}`);

  webhooks = (signal?: AbortSignal) => this.call('/api/admin/webhooks', Type.Array(WebhookView), { signal });
  createWebhook = (body: WebhookBody) => this.call('/api/admin/webhooks', WebhookCreated, { method: 'POST', body });
  setWebhookActive = (id: number, active: boolean) => this.call(`/api/admin/webhooks/${id}/active`, WebhookView, { method: 'PUT', body: { active } });
  webhookDeliveries = (failedOnly: boolean, signal?: AbortSignal) =>
    this.call(`/api/admin/webhooks/deliveries${failedOnly ? '?status=failed' : ''}`, Type.Array(WebhookDeliveryView), { signal });
  resendDelivery = (id: number) => this.call(`/api/admin/webhooks/deliveries/${id}/resend`, WebhookDeliveryView, { method: 'POST' });
  apiTokens = (signal?: AbortSignal) => this.call('/api/admin/api-tokens', Type.Array(ApiTokenView), { signal });
  createApiToken = (body: ApiTokenBody) => this.call('/api/admin/api-tokens', ApiTokenCreated, { method: 'POST', body });
  hallMedia = (signal?: AbortSignal) => this.call('/api/media', Type.Array(HallMediaView), { signal });
  uploadHallMedia = async (file: File, title: string, seconds: number) => {
    const result = await uploadMedia(this.token, file, title, seconds);
    if (!result.ok && result.kind === 'unauthorized') this.onUnauthorized();
    return result;
  };
  removeHallMedia = (id: number) => this.call(`/api/admin/media/${id}`, Anything, { method: 'DELETE' });
  revokeApiToken = (id: number) => this.call(`/api/admin/api-tokens/${id}`, ApiTokenView, { method: 'DELETE' });

  // Staffing advice (supervisor, admin).
  staffingPlan = (query: StaffingSelection) => this.call(`/api/staffing/plan${queryString(query)}`, StaffingPlan, { timeoutMs: 30_000 });
  staffingFile = (format: 'xlsx' | 'csv', query: StaffingSelection & Readonly<Record<'lang', 'vi' | 'en'>>) => this.file(`/api/staffing/plan.${format}${queryString(query)}`);
}
