import type { Locator, Page } from 'playwright-core';

/** The supervisor's live board inside a signed-in console. */
export class BoardPage {
  constructor(readonly page: Page) {}

  board(): Locator {
    return this.page.getByTestId('board');
  }

  fieldRow(code: string): Locator {
    return this.page.locator(`[data-testid="field-row"][data-field-code="${code}"]`);
  }

  async waitingIn(code: string): Promise<number> {
    return Number(await this.fieldRow(code).getByTestId('field-waiting').innerText());
  }

  totalWaiting(): Promise<string> {
    return this.page.getByTestId('total-waiting').innerText();
  }

  counterRow(number: number): Locator {
    return this.page.locator(`[data-testid="counter-row"][data-number="${number}"]`);
  }

  alerts(kind?: string): Locator {
    return kind ? this.page.locator(`[data-testid="alert"][data-kind="${kind}"]`) : this.page.getByTestId('alert');
  }

  /** Every alert text on the board, folded groups included. */
  alertTexts(): Promise<string> {
    return this.page.getByTestId('alerts').evaluate((el) => el.textContent ?? '');
  }

  queueTicket(number: string): Locator {
    return this.page.locator(`[data-testid="board-ticket"][data-number="${number}"]`);
  }

  notice(): Locator {
    return this.page.getByTestId('board-notice');
  }

  /** Chooses a ticket in the queue and cancels it with a reason. */
  async cancel(number: string, reason: string): Promise<void> {
    await this.queueTicket(number).click();
    await this.page.getByTestId('ticket-dialog').getByTestId('ticket-cancel').click();
    await this.page.getByTestId('cancel-reason').fill(reason);
    await this.page.getByTestId('cancel-submit').click();
    await this.page.getByTestId('cancel-dialog').waitFor({ state: 'detached' });
  }

  /** Chooses a ticket in the queue and sends it to another counter. */
  async transferToCounter(number: string, counterId: number, note: string): Promise<void> {
    await this.queueTicket(number).click();
    await this.page.getByTestId('ticket-dialog').getByTestId('ticket-transfer').click();
    await this.page.getByTestId('transfer-mode-counter').check();
    await this.page.getByTestId('transfer-counter').selectOption(String(counterId));
    await this.page.getByTestId('transfer-note').fill(note);
    await this.page.getByTestId('transfer-submit').click();
    await this.page.getByTestId('transfer-dialog').waitFor({ state: 'detached' });
  }

  async stopIssuing(code: string): Promise<void> {
    await this.fieldRow(code).getByTestId('toggle-issuing').click();
    await this.page.getByTestId('stop-issuing-dialog').getByTestId('confirm').click();
  }
}
