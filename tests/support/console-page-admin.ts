import type { Locator, Page } from 'playwright-core';

export interface NewField {
  nameVi: string;
  nameEn: string;
  prefix: string;
  code?: string;
  targetWaitMinutes?: number;
}

/** The administrator's tabs inside a signed-in console. */
export class AdminPage {
  constructor(readonly page: Page) {}

  async tab(name: 'center' | 'fields' | 'counters' | 'staff' | 'devices' | 'printers' | 'rules' | 'booking' | 'voice' | 'audit' | 'backups'): Promise<void> {
    await this.page.getByTestId(`tab-${name}`).click();
    await this.page.getByTestId(`admin-${name}`).waitFor();
  }

  notice(): Locator {
    return this.page.getByTestId('admin-notice');
  }

  formProblem(): Locator {
    return this.page.getByTestId('form-problem');
  }

  /** Inputs the server's validation named, marked next to the form. */
  invalidInputs(): Promise<string[]> {
    return this.page.locator('[data-invalid="true"]').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-prop') ?? ''));
  }

  fieldItem(code: string): Locator {
    return this.page.locator(`[data-testid="field-item"][data-code="${code}"]`);
  }

  /** Opens the new-field form and fills it in; does not save. */
  async fillNewField(field: NewField): Promise<void> {
    await this.page.getByTestId('field-add').click();
    await this.page.getByTestId('field-name-vi').fill(field.nameVi);
    await this.page.getByTestId('field-name-en').fill(field.nameEn);
    await this.page.getByTestId('field-prefix').fill(field.prefix);
    if (field.code) await this.page.getByTestId('field-code').fill(field.code);
    if (field.targetWaitMinutes) await this.page.getByTestId('field-target').fill(String(field.targetWaitMinutes));
  }

  async saveField(): Promise<void> {
    await this.page.getByTestId('field-save').click();
  }

  async fieldPrefix(value: string): Promise<void> {
    await this.page.getByTestId('field-prefix').fill(value);
  }

  async removeField(code: string): Promise<void> {
    await this.fieldItem(code).getByTestId('field-remove').click();
    await this.page.getByTestId('remove-dialog').getByTestId('confirm').click();
  }

  counterItem(number: number): Locator {
    return this.page.locator(`[data-testid="counter-item"][data-number="${number}"]`);
  }

  /** Adds a counter with the given number serving the fields with these codes, in this order. */
  async addCounter(number: number, fieldCodes: string[]): Promise<void> {
    await this.page.getByTestId('counter-add').click();
    await this.page.getByTestId('counter-number').fill(String(number));
    for (const code of fieldCodes) await this.page.locator(`[data-testid="counter-field"][data-code="${code}"]`).check();
    await this.page.getByTestId('counter-save').click();
    await this.page.getByTestId('counter-dialog').waitFor({ state: 'detached' });
  }

  staffItem(username: string): Locator {
    return this.page.locator(`[data-testid="staff-item"][data-username="${username}"]`);
  }

  async disableStaff(username: string): Promise<void> {
    await this.staffItem(username).getByTestId('staff-toggle').click();
    await this.page.getByTestId('toggle-dialog').getByTestId('confirm').click();
    await this.page.getByTestId('toggle-dialog').waitFor({ state: 'detached' });
  }

  /** Adds a receipt printer through the dialog and waits for it in the list. */
  async addPrinter(name: string, uri: string): Promise<void> {
    await this.page.getByTestId('printer-add').click();
    await this.page.getByTestId('printer-name').fill(name);
    await this.page.getByTestId('printer-uri').fill(uri);
    await this.page.getByTestId('printer-save').click();
    await this.page.getByTestId('printer-dialog').waitFor({ state: 'detached' });
    await this.page.getByTestId('printer-item').filter({ hasText: name }).waitFor();
  }

  deviceItem(name: string): Locator {
    return this.page.getByTestId('device-item').filter({ hasText: name });
  }

  /** Opens a kiosk's printer dialog; returns the printer it shows as chosen (its option text). */
  async openKioskPrinter(kioskName: string): Promise<string> {
    await this.deviceItem(kioskName).getByTestId('device-settings').click();
    const select = this.page.getByTestId('device-printer');
    await select.waitFor();
    return select.evaluate((el: HTMLSelectElement) => el.selectedOptions[0]?.textContent ?? '');
  }

  async chooseKioskPrinter(label: string): Promise<void> {
    await this.page.getByTestId('device-printer').selectOption({ label });
    await this.page.getByTestId('device-settings-save').click();
    await this.page.getByTestId('device-settings-dialog').waitFor({ state: 'detached' });
  }

  /** The audit log's rows of one action, newest first, as their text. */
  async auditTexts(action: string): Promise<string[]> {
    return this.page.locator(`[data-testid="audit-item"][data-action="${action}"]`).allInnerTexts();
  }
}
