import type { Browser, BrowserContext, Page } from 'playwright-core';

/** A citizen's phone opening /t/<code> from the receipt's QR code: 360×740, touch, its own browser profile. */
export class TrackPage {
  private constructor(
    readonly context: BrowserContext,
    readonly page: Page,
  ) {}

  static async open(browser: Browser, baseUrl: string, code: string): Promise<TrackPage> {
    const context = await browser.newContext({ viewport: { width: 360, height: 740 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true, locale: 'vi-VN' });
    // Record vibrations: a headless browser has no motor, the test checks the page asked for one.
    await context.addInitScript(() => {
      const log: unknown[] = [];
      (window as unknown as { __vibrations: unknown[] }).__vibrations = log;
      Object.defineProperty(navigator, 'vibrate', { value: (pattern: unknown) => (log.push(pattern), true) });
    });
    const page = await context.newPage();
    await page.goto(`${baseUrl}/t/${code}`);
    await page.getByTestId('track-number').waitFor();
    return new TrackPage(context, page);
  }

  status(): Promise<string | null> {
    return this.page.getByTestId('track-status').getAttribute('data-status');
  }

  text(): Promise<string> {
    return this.page.getByTestId('track-page').innerText();
  }

  /** Resolves with the time the page showed the counter `Quầy số N`. */
  async waitCounter(counterNumber: number, timeoutMs: number): Promise<number> {
    await this.page.getByTestId('track-counter').filter({ hasText: `Quầy số ${counterNumber}` }).waitFor({ timeout: timeoutMs });
    return Date.now();
  }

  vibrations(): Promise<number> {
    return this.page.evaluate(() => (window as unknown as { __vibrations: unknown[] }).__vibrations.length);
  }

  async rate(tone: 'very-good' | 'good' | 'neutral' | 'bad'): Promise<void> {
    await this.page.getByTestId(`rate-${tone}`).click();
  }

  close(): Promise<void> {
    return this.context.close();
  }
}
