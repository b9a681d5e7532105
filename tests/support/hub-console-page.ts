import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';

/** The staff console in hub mode (the hub's /console/), signed in as a province account. */
export class HubConsolePage {
  private constructor(
    readonly context: BrowserContext,
    readonly page: Page,
  ) {}

  static async signedIn(browser: Browser, hubUrl: string, username: string, password: string, viewport = { width: 1920, height: 1080 }): Promise<HubConsolePage> {
    const context = await browser.newContext({ viewport, locale: 'vi-VN' });
    const page = await context.newPage();
    await page.goto(`${hubUrl}/console/`);
    await page.getByTestId('login-username').fill(username);
    await page.getByTestId('login-password').fill(password);
    await page.getByTestId('login-submit').click();
    await page.getByTestId('signed-in-as').waitFor();
    return new HubConsolePage(context, page);
  }

  board(): Locator {
    return this.page.getByTestId('province-board');
  }

  rows(): Locator {
    return this.page.getByTestId('center-row');
  }

  row(code: string): Locator {
    return this.page.locator(`[data-testid="center-row"][data-center-code="${code}"]`);
  }

  async waitingAt(code: string): Promise<number> {
    return Number(await this.row(code).getByTestId('center-waiting').innerText());
  }

  /** The centers' codes in the order the board shows them. */
  order(): Promise<string[]> {
    return this.rows().evaluateAll((rows) => rows.map((r) => r.getAttribute('data-center-code') ?? ''));
  }

  async close(): Promise<void> {
    await this.context.close();
  }
}
