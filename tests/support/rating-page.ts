import type { Browser, BrowserContext, Page } from 'playwright-core';

/** A counter screen in rating mode (`/display/?counter=N&rating=1`), facing the citizen at the counter. */
export class RatingPage {
  private constructor(
    readonly context: BrowserContext,
    readonly page: Page,
  ) {}

  /**
   * `stoppedClock`: the page's timers run only when the test moves its clock (`page.clock.runFor`), so a
   * 30-second timeout is tested without waiting 30 seconds, and without the test's own pace deciding it.
   */
  static async open(browser: Browser, baseUrl: string, counter: number, options: { stoppedClock?: boolean } = {}): Promise<RatingPage> {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'vi-VN' });
    const page = await context.newPage();
    if (options.stoppedClock) await page.clock.install();
    await page.goto(`${baseUrl}/display/?counter=${counter}&rating=1`);
    await page.locator('[data-testid="display"][data-link="online"]').waitFor({ timeout: 10_000 });
    if (options.stoppedClock) await page.clock.pauseAt(Date.now() + 1_000);
    return new RatingPage(context, page);
  }

  /** Moves the stopped clock on by `ms`, and waits for the screen's health check made meanwhile to be answered. */
  async runWithHealthCheck(ms: number): Promise<void> {
    const answered = this.page.waitForResponse((r) => r.url().endsWith('/api/health'));
    await this.page.clock.runFor(ms);
    await answered;
  }

  async isAsking(): Promise<boolean> {
    return (await this.page.getByTestId('rating-screen').count()) > 0;
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
