import type { AdminField, BookingDay, BookingReport, BookingSettingsBody, CenterInfo, CenterProfileBody, CenterSnapshot, DeviceSettings, DeviceView, FieldBody, FieldView, IssuedTicket, LoginResponse, PrinterState } from '@luot/shared';
import type { ServerProcess } from './server-process.ts';

/** The server's HTTP API as staff use it, for arranging and checking what a browser test does. */
export class StaffApi {
  private constructor(
    private readonly server: ServerProcess,
    private readonly token: string,
  ) {}

  /** Signs in with the password the server printed on its first start. */
  static async signIn(server: ServerProcess, username: string): Promise<StaffApi> {
    const res = await fetch(`${server.url}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username, password: server.account(username).password }),
    });
    const body = await json<LoginResponse>(res, 200);
    return new StaffApi(server, body.token);
  }

  private async call<T>(method: string, path: string, expected: number, body?: unknown): Promise<T> {
    const res = await fetch(`${this.server.url}${path}`, {
      method,
      headers: { authorization: `Bearer ${this.token}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      body: body === undefined ? null : JSON.stringify(body),
    });
    return json<T>(res, expected);
  }

  async field(code: string): Promise<FieldView> {
    const center = await this.call<CenterInfo>('GET', '/api/center', 200);
    const found = center.fields.find((f) => f.code === code);
    if (!found) throw new Error(`no field ${code}`);
    return found;
  }

  /** Tickets of the day still waiting (or held) in one field. */
  async waitingIn(fieldId: number): Promise<string[]> {
    const queue = await this.call<CenterSnapshot>('GET', '/api/queue', 200);
    return queue.queue.filter((t) => t.fieldId === fieldId).map((t) => t.number);
  }

  /** Cancels every ticket still waiting in a field, as a supervisor tidying up. */
  async cancelWaiting(fieldId: number): Promise<void> {
    const queue = await this.call<CenterSnapshot>('GET', '/api/queue', 200);
    for (const t of queue.queue.filter((q) => q.fieldId === fieldId && q.status === 'waiting')) {
      await this.call('POST', `/api/tickets/${t.id}/cancel`, 200, { reason: 'test' });
    }
  }

  /** A walk-in ticket issued by staff (no receipt: only kiosks print). */
  issue(fieldId: number): Promise<IssuedTicket> {
    return this.call<IssuedTicket>('POST', '/api/tickets', 201, { fieldId });
  }

  /** A new field, as an admin adds it in the console's Fields tab. */
  addField(body: FieldBody): Promise<AdminField> {
    return this.call<AdminField>('POST', '/api/admin/fields', 201, body);
  }

  /** Takes a field off the kiosk (deactivates it). */
  removeField(id: number): Promise<AdminField> {
    return this.call<AdminField>('DELETE', `/api/admin/fields/${id}`, 200);
  }

  bookingSettings(): Promise<BookingSettingsBody> {
    return this.call<BookingSettingsBody>('GET', '/api/admin/booking', 200);
  }

  /** The admin's booking settings (on/off, hours, limits), as the console's booking tab saves them. */
  saveBookingSettings(body: BookingSettingsBody): Promise<BookingSettingsBody> {
    return this.call<BookingSettingsBody>('PUT', '/api/admin/booking', 200, body);
  }

  centerProfile(): Promise<CenterProfileBody> {
    return this.call<CenterProfileBody>('GET', '/api/admin/center', 200);
  }

  saveCenterProfile(body: CenterProfileBody): Promise<CenterProfileBody> {
    return this.call<CenterProfileBody>('PUT', '/api/admin/center', 200, body);
  }

  /** Stops or resumes issuing numbers for a field (supervisors and admins). */
  setIssuing(fieldId: number, issuing: boolean): Promise<AdminField> {
    return this.call<AdminField>('POST', `/api/fields/${fieldId}/issuing`, 200, { issuing });
  }

  devices(): Promise<DeviceView[]> {
    return this.call<DeviceView[]>('GET', '/api/devices', 200);
  }

  deviceSettings(id: number, settings: DeviceSettings): Promise<DeviceSettings> {
    return this.call<DeviceSettings>('PUT', `/api/devices/${id}/settings`, 200, settings);
  }

  /** Adds a printer and makes it the demo kiosk's printer, the way an admin sets up a kiosk. */
  async useKioskPrinter(name: string, uri: string): Promise<void> {
    const printer = await this.call<PrinterState>('POST', '/api/printers', 201, { name, uri, widthDots: 576 });
    const devices = await this.call<DeviceView[]>('GET', '/api/devices', 200);
    const kiosk = devices.find((d) => d.kind === 'kiosk' && !d.revoked);
    if (!kiosk) throw new Error('the demo center has no kiosk device');
    await this.call<DeviceView>('PUT', `/api/devices/${kiosk.id}/printer`, 200, { printerId: printer.id });
  }

  /** Changes some booking settings, keeping the rest as they are. */
  async changeBooking(change: Partial<BookingSettingsBody>): Promise<BookingSettingsBody> {
    return this.call<BookingSettingsBody>('PUT', '/api/admin/booking', 200, { ...(await this.bookingSettings()), ...change });
  }

  bookingReport(from: string, to: string): Promise<BookingReport> {
    return this.call<BookingReport>('GET', `/api/reports/bookings?from=${from}&to=${to}`, 200);
  }

  bookingsToday(): Promise<BookingDay> {
    return this.call<BookingDay>('GET', '/api/bookings/today', 200);
  }
}

async function json<T>(res: Response, expected: number): Promise<T> {
  const text = await res.text();
  if (res.status !== expected) throw new Error(`${res.url}: expected ${expected}, got ${res.status} ${text}`);
  return JSON.parse(text) as T;
}
