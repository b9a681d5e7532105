import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';

/** What the kiosk's guidance test hook records (kiosk/src/assist/guide-log.ts). */
export interface GuideRecord {
  say: string;
  text: string | null;
  requestedAt: number;
  startedAt: number | null;
  endedAt: number | null;
  stoppedAt: number | null;
  failed: boolean;
}

export interface Viewport {
  width: number;
  height: number;
}

/** Page object for the kiosk (`/kiosk/`): a touch screen, so it taps rather than clicks. */
export class KioskPage {
  private constructor(
    readonly context: BrowserContext,
    readonly page: Page,
  ) {}

  /**
   * A fresh kiosk browser (empty storage, so it picks up the demo kiosk's token) on the home screen.
   * `zoom: 2` is the browser zoomed to 200 %: half as many CSS pixels, each drawn twice as large.
   */
  static async open(browser: Browser, baseUrl: string, viewport: Viewport, options: { zoom?: number } = {}): Promise<KioskPage> {
    const zoom = options.zoom ?? 1;
    const context = await browser.newContext({
      viewport: { width: Math.round(viewport.width / zoom), height: Math.round(viewport.height / zoom) },
      deviceScaleFactor: zoom,
      hasTouch: true,
      isMobile: false,
      locale: 'vi-VN',
    });
    const page = await context.newPage();
    await page.goto(`${baseUrl}/kiosk/`);
    const kiosk = new KioskPage(context, page);
    await kiosk.homeScreen().waitFor();
    return kiosk;
  }

  homeScreen(): Locator {
    return this.page.getByTestId('home-screen');
  }

  fieldTile(code: string): Locator {
    return this.page.locator(`[data-testid="field-tile"][data-field-code="${code}"]`);
  }

  offlineBanner(): Locator {
    return this.page.getByTestId('offline-banner');
  }

  ticketNumber(): Locator {
    return this.page.getByTestId('ticket-number');
  }

  ticketScreen(): Locator {
    return this.page.getByTestId('ticket-screen');
  }

  printerProblem(): Locator {
    return this.page.getByTestId('printer-problem');
  }

  /** Taps a field on the home screen and waits for the "Lấy số" step. */
  async chooseField(code: string): Promise<void> {
    await this.fieldTile(code).tap();
    await this.page.getByTestId('take-number').waitFor();
  }

  /** Taps "Lấy số" once and returns the number shown on the ticket screen. */
  async takeNumber(): Promise<string> {
    await this.page.getByTestId('take-number').tap();
    return this.shownNumber();
  }

  /** Taps "Tôi thuộc diện ưu tiên", then the category; returns the number shown. */
  async takePriorityNumber(category: string): Promise<string> {
    await this.page.getByTestId('priority-open').tap();
    await this.page.getByTestId(`priority-${category}`).tap();
    return this.shownNumber();
  }

  /** The tracking code of the ticket the kiosk is issuing, read from the server's answer. */
  issuedCode(): Promise<string> {
    return this.page
      .waitForResponse((r) => r.request().method() === 'POST' && r.url().endsWith('/api/tickets'))
      .then(async (r) => ((await r.json()) as { trackingCode: string }).trackingCode);
  }

  /**
   * Two taps on "Lấy số" as an impatient finger makes them. `touch`: two real touchscreen taps at the
   * button's position, with no waiting in between; `script`: two clicks dispatched in the same task,
   * before React can re-render, which only the kiosk's own state guard can catch.
   */
  async doubleTapTakeNumber(how: 'touch' | 'script'): Promise<string> {
    const button = this.page.getByTestId('take-number');
    await button.waitFor();
    if (how === 'touch') {
      // Wait out the screen's tap guard first, so the first tap is sure to count.
      await this.page.waitForTimeout(600);
      const box = await button.boundingBox();
      if (!box) throw new Error('"Lấy số" has no position on screen');
      const x = box.x + box.width / 2;
      const y = box.y + box.height / 2;
      await this.page.touchscreen.tap(x, y);
      await this.page.touchscreen.tap(x, y);
    } else {
      await button.evaluate((el: HTMLElement) => {
        el.click();
        el.click();
      });
    }
    return this.shownNumber();
  }

  async shownNumber(): Promise<string> {
    await this.ticketNumber().waitFor({ timeout: 20_000 });
    return (await this.ticketNumber().innerText()).trim();
  }

  /** Every text on the ticket screen, for wording and NFC checks. */
  ticketText(): Promise<string> {
    return this.ticketScreen().innerText();
  }

  /** The device token the kiosk keeps in its browser storage. */
  storedToken(): Promise<string | null> {
    return this.page.evaluate(() => window.localStorage.getItem('luot.kiosk.token'));
  }

  /** "Chữ lớn" on or off. */
  async toggleLargeText(): Promise<void> {
    const before = await this.page.getByTestId('assist-large-text').getAttribute('aria-pressed');
    await this.page.getByTestId('assist-large-text').tap();
    await this.page.locator(`[data-testid="assist-large-text"][aria-pressed="${before === 'true' ? 'false' : 'true'}"]`).waitFor();
  }

  /** "Nghe hướng dẫn" on or off. */
  async toggleGuide(): Promise<void> {
    await this.page.getByTestId('assist-listen').tap();
  }

  /** Everything the spoken guidance asked for and played (the kiosk's `window.__luotGuide` test hook). */
  guideLog(): Promise<GuideRecord[]> {
    return this.page.evaluate(() => (window as unknown as { __luotGuide?: GuideRecord[] }).__luotGuide ?? []);
  }

  /** "Xong": back to the home screen. */
  async done(): Promise<void> {
    await this.page.getByTestId('done').tap();
    await this.homeScreen().waitFor();
  }

  async close(): Promise<void> {
    await this.context.close();
  }
}
