import type { Browser, BrowserContext, Page } from 'playwright-core';

/** A counter screen in rating mode (`/display/?counter=N&rating=1`), facing the citizen at the counter. */
export class RatingPage {
  private constructor(
    readonly context: BrowserContext,
    readonly page: Page,
  ) {}

  static async open(browser: Browser, baseUrl: string, counter: number, viewport = { width: 1280, height: 800 }): Promise<RatingPage> {
    const context = await browser.newContext({ viewport, locale: 'vi-VN' });
    const page = await context.newPage();
    await page.goto(`${baseUrl}/display/?counter=${counter}&rating=1`);
    await page.locator('[data-testid="display"][data-link="online"]').waitFor({ timeout: 10_000 });
    return new RatingPage(context, page);
  }

  async waitQuestion(timeoutMs: number): Promise<string> {
    const screen = this.page.getByTestId('rating-screen');
    await screen.waitFor({ timeout: timeoutMs });
    return screen.innerText();
  }

  async choose(tone: 'very-good' | 'good' | 'neutral' | 'bad'): Promise<void> {
    await this.page.getByTestId(`rating-${tone}`).click();
  }

  async reason(code: string): Promise<void> {
    await this.page.getByTestId(`rating-reason-${code}`).click();
  }

  async send(): Promise<void> {
    await this.page.getByTestId('rating-send').click();
  }

  async waitThanks(): Promise<void> {
    await this.page.getByTestId('rating-thanks').waitFor({ timeout: 5_000 });
  }

  async waitIdle(timeoutMs: number): Promise<void> {
    await this.page.getByTestId('rating-screen').waitFor({ state: 'detached', timeout: timeoutMs });
    await this.page.getByTestId('rating-thanks').waitFor({ state: 'detached', timeout: timeoutMs });
  }

  close(): Promise<void> {
    return this.context.close();
  }
}
