import type { Browser, Locator, Page } from 'playwright-core';
import { ConsolePage } from './console-page.ts';
import type { ServerProcess } from './server-process.ts';

export type SetupStep = 'center' | 'fields' | 'counters' | 'staff' | 'devices';

/** Page object for the console's first-run setup, as the center's admin meets it on the first sign-in. */
export class SetupPage {
  private constructor(
    readonly console_: ConsolePage,
    readonly page: Page,
  ) {}

  /** Signs the admin in with the password the production start printed, and waits for the setup screen. */
  static async open(browser: Browser, server: ServerProcess): Promise<SetupPage> {
    const console_ = await ConsolePage.open(browser, server);
    await console_.fillLogin('admin', server.account('admin').password);
    const setup = new SetupPage(console_, console_.page);
    await setup.root().waitFor();
    return setup;
  }

  root(): Locator {
    return this.page.getByTestId('setup');
  }

  async next(): Promise<void> {
    await this.page.getByTestId('setup-next').click();
  }

  async goTo(step: SetupStep): Promise<void> {
    await this.page.getByTestId(`setup-go-${step}`).click();
    await this.page.getByTestId(`setup-step-${step}`).waitFor();
  }

  field(code: string): Locator {
    return this.page.getByTestId(`setup-field-${code}`);
  }

  async chooseField(code: string, chosen: boolean): Promise<void> {
    await this.field(code).getByTestId('setup-field-chosen').setChecked(chosen);
  }

  async fieldLetter(code: string, letter: string): Promise<void> {
    await this.field(code).getByTestId('setup-field-letter').fill(letter);
  }

  counter(number: number): Locator {
    return this.page.getByTestId(`setup-counter-${number}`);
  }

  async serve(counter: number, field: string, serves: boolean): Promise<void> {
    await this.counter(counter).getByTestId(`setup-serves-${field}`).setChecked(serves);
  }

  /** Types a person's name for the account at this row. */
  async staffName(row: number, name: string): Promise<void> {
    await this.page.getByTestId(`setup-staff-${row}`).getByTestId('setup-display-name').fill(name);
  }

  async finish(): Promise<void> {
    await this.page.getByTestId('setup-finish').click();
  }

  problems(): Locator {
    return this.page.getByTestId('setup-problems');
  }

  sheet(): Locator {
    return this.page.getByTestId('setup-sheet');
  }

  /** The one-time password printed for a username. */
  async password(username: string): Promise<string> {
    return (await this.sheet().locator(`tr[data-username="${username}"] [data-testid="sheet-password"]`).innerText()).trim();
  }

  /** The pairing code printed for the device of this name. */
  async pairingCode(name: string): Promise<string> {
    return (await this.sheet().locator(`tr[data-name="${name}"] [data-testid="sheet-code"]`).innerText()).trim();
  }
}
