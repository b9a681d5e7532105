import type { Locator, Page } from 'playwright-core';
import { expect } from 'vitest';

/** The officer's desk inside a signed-in console: choosing a counter, the current ticket, the buttons and dialogs. */
export class DeskPage {
  constructor(readonly page: Page) {}

  picker(): Locator {
    return this.page.getByTestId('counter-picker');
  }

  counterChoice(number: number): Locator {
    return this.page.locator(`[data-testid="pick-counter"][data-number="${number}"]`);
  }

  async takeCounter(number: number): Promise<void> {
    await this.counterChoice(number).click();
    await this.desk().waitFor();
  }

  /**
   * Sits at counter `number` in a new session. A counter this officer still holds (`held`, as the server says) the
   * picker takes back by itself; a free one is chosen.
   */
  async sitAt(number: number, held: boolean): Promise<void> {
    if (held) await this.desk().waitFor();
    else await this.takeCounter(number);
  }

  desk(): Locator {
    return this.page.getByTestId('desk');
  }

  counterName(): Promise<string> {
    return this.page.getByTestId('desk-counter').innerText();
  }

  status(): Promise<string | null> {
    return this.page.getByTestId('desk-status').getAttribute('data-status');
  }

  statusText(): Promise<string> {
    return this.page.getByTestId('desk-status').innerText();
  }

  /** 'none' | 'called' | 'serving'. */
  currentStatus(): Promise<string | null> {
    return this.page.getByTestId('current-ticket').getAttribute('data-status');
  }

  currentNumber(): Locator {
    return this.page.getByTestId('current-number');
  }

  timer(): Locator {
    return this.page.getByTestId('current-timer');
  }

  hint(): Promise<string> {
    return this.page.getByTestId('desk-hint').innerText();
  }

  action(name: 'callNext' | 'recall' | 'start' | 'finish' | 'noShow' | 'hold' | 'transfer'): Locator {
    return this.page.getByTestId(`action-${name}`);
  }

  pauseButton(): Locator {
    return this.page.getByTestId('action-pause');
  }

  /** Presses a desk shortcut the way an officer does, with focus on the page (not in a text field). */
  async press(key: string): Promise<void> {
    await this.page.keyboard.press(key);
  }

  notice(): Locator {
    return this.page.getByTestId('desk-notice');
  }

  waitingNumbers(): Promise<string[]> {
    return this.page.getByTestId('waiting-ticket').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-number') ?? ''));
  }

  waitingRow(number: string): Locator {
    return this.page.locator(`[data-testid="waiting-ticket"][data-number="${number}"]`);
  }

  heldRow(number: string): Locator {
    return this.page.locator(`[data-testid="held-ticket"][data-number="${number}"]`);
  }

  /** “Rời quầy”: the dialog asks what becomes of the counter; `pause` picks a glossary reason from the list. */
  async leave(then: { counter: 'close' } | { counter: 'pause'; reason: string }): Promise<void> {
    await this.page.getByTestId('action-leave').click();
    await this.chooseLeave(then);
  }

  /** Answers the leave dialog, however it was opened (“Rời quầy”, or signing out while seated). */
  async chooseLeave(then: { counter: 'close' } | { counter: 'pause'; reason: string }): Promise<void> {
    const dialog = this.dialog('leave');
    await dialog.waitFor();
    if (then.counter === 'close') await dialog.getByTestId('leave-close').check();
    else {
      await dialog.getByTestId('leave-pause').check();
      await dialog.getByTestId('leave-reason').selectOption(then.reason);
    }
    await dialog.getByTestId('leave-submit').click();
    await dialog.waitFor({ state: 'detached' });
  }

  dialog(name: 'finish' | 'hold' | 'pause' | 'transfer' | 'no-show' | 'close' | 'leave'): Locator {
    return this.page.getByTestId(`${name}-dialog`);
  }

  /** Waits until the desk shows `number` as the current ticket in `status` (what the server confirmed). */
  async waitForCurrent(number: string, status: 'called' | 'serving'): Promise<void> {
    await this.page.locator(`[data-testid="current-ticket"][data-status="${status}"] [data-testid="current-number"]`, { hasText: number }).waitFor();
  }

  async waitForNoTicket(): Promise<void> {
    await this.page.locator('[data-testid="current-ticket"][data-status="none"]').waitFor();
  }

  async waitForStatus(status: 'open' | 'paused' | 'closed'): Promise<void> {
    await this.page.locator(`[data-testid="desk-status"][data-status="${status}"]`).waitFor();
  }

  /**
   * H, then Enter with no dossier code, once the desk's buttons are free: the live stream may show a call before
   * the call request is answered, and a shortcut pressed while a request is out does nothing.
   */
  async finishWithoutCode(): Promise<void> {
    await expect.poll(() => this.action('finish').isEnabled()).toBe(true);
    await this.press('h');
    await this.dialog('finish').waitFor();
    await this.page.keyboard.press('Enter');
    await this.waitForNoTicket();
  }

  /** G once the desk is free to call (the previous request answered). */
  async callNextWhenFree(): Promise<void> {
    await expect.poll(() => this.action('callNext').isEnabled()).toBe(true);
    await this.press('g');
  }
}
