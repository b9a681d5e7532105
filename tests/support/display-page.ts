import type { Browser, BrowserContext, Page } from 'playwright-core';

/** What the hall board's test hook (`window.__luotAnnouncements`, counter-display/src/voice) records. */
export interface Announcement {
  number: string;
  counter: number;
  recall: boolean;
  source: 'server' | 'chime' | null;
  skipped: 'muted' | 'stale' | null;
  enqueuedAt: number;
  startedAt: number | null;
  endedAt: number | null;
}

export type DisplayTarget = { board: 'hall' } | { counter: number };

/**
 * Page object for /display/: a counter screen (`?counter=N`) or the hall board (`?board=hall`), each in its
 * own browser context so each has its own localStorage (its own device token), like a separate machine.
 */
export class DisplayPage {
  /** Every POST /api/devices/renew this screen made. */
  readonly renewals: number[] = [];

  private constructor(
    readonly context: BrowserContext,
    readonly page: Page,
  ) {
    page.on('request', (request) => {
      if (request.method() === 'POST' && request.url().endsWith('/api/devices/renew')) this.renewals.push(Date.now());
    });
  }

  /**
   * `blockAutoplay`: behave like a browser left at its default autoplay policy, where media may play only after
   * the page was touched. Headless Chromium lets everything play whatever its flags say, so the rule is
   * emulated: play() rejects with NotAllowedError until a real (trusted) tap, click or key press.
   */
  static async open(
    browser: Browser,
    baseUrl: string,
    target: DisplayTarget,
    viewport = { width: 1280, height: 720 },
    options: { blockAutoplay?: boolean } = {},
  ): Promise<DisplayPage> {
    const context = await browser.newContext({ viewport });
    if (options.blockAutoplay) {
      await context.addInitScript(() => {
        // navigator.userActivation is already set in headless Chromium, so a real input event is watched for.
        let touched = false;
        const touch = (event: Event) => {
          if (event.isTrusted) touched = true;
        };
        window.addEventListener('pointerdown', touch, true);
        window.addEventListener('keydown', touch, true);
        const play = Reflect.get<HTMLMediaElement, 'play'>(HTMLMediaElement.prototype, 'play');
        HTMLMediaElement.prototype.play = function (this: HTMLMediaElement) {
          if (touched) return play.call(this);
          return Promise.reject(new DOMException('play() failed because the user didn’t interact with the document first.', 'NotAllowedError'));
        };
      });
    }
    const page = await context.newPage();
    const display = new DisplayPage(context, page);
    const query = 'board' in target ? 'board=hall' : `counter=${target.counter}`;
    await page.goto(`${baseUrl}/display/?${query}`);
    await display.waitOnline();
    return display;
  }

  async close(): Promise<void> {
    await this.context.close();
  }

  /** The live link as the screen sees it: connecting, online or lost. */
  link(): Promise<string | null> {
    return this.page.getByTestId('display').getAttribute('data-link');
  }

  async waitOnline(timeout = 15_000): Promise<void> {
    await this.page.locator('[data-testid="display"][data-link="online"]').waitFor({ timeout });
  }

  /** Waits for the "Mất kết nối" banner; returns its text. */
  async waitLost(timeout = 5_000): Promise<string> {
    const banner = this.page.getByTestId('connection-lost');
    await banner.waitFor({ timeout });
    return banner.innerText();
  }

  // Counter screen.

  /** Resolves when the counter screen shows `number`; returns the time it was seen (Date.now()). */
  async waitCounterNumber(number: string, timeout = 10_000): Promise<number> {
    await this.page.waitForFunction((n) => document.querySelector('[data-testid="counter-number"]')?.textContent === n, number, { timeout, polling: 'raf' });
    return Date.now();
  }

  counterMode(): Promise<string | null> {
    return this.page.getByTestId('counter-screen').getAttribute('data-mode');
  }

  counterText(): Promise<string> {
    return this.page.getByTestId('counter-screen').innerText();
  }

  async waitCounterMode(mode: string, timeout = 10_000): Promise<void> {
    await this.page.locator(`[data-testid="counter-screen"][data-mode="${mode}"]`).waitFor({ timeout });
  }

  // Hall board.

  /** Resolves when the board's newest call is `number` at `counter`; returns the time it was seen. */
  async waitLatestCall(number: string, counter: number, timeout = 10_000): Promise<number> {
    await this.page.waitForFunction(
      ([n, c]) => {
        const el = document.querySelector('[data-testid="hall-latest"]');
        return el?.getAttribute('data-number') === n && el.getAttribute('data-counter') === String(c);
      },
      [number, counter] as const,
      { timeout, polling: 'raf' },
    );
    return Date.now();
  }

  latestCallText(): Promise<string> {
    return this.page.getByTestId('hall-latest').innerText();
  }

  /** The earlier calls listed under the newest one, as "A001→1". */
  async recentCalls(): Promise<string[]> {
    return this.page.$$eval('[data-testid="hall-call"]', (rows) => rows.map((r) => `${r.getAttribute('data-number')}→${r.getAttribute('data-counter')}`));
  }

  /** People waiting per field code. */
  async waiting(): Promise<Record<string, number>> {
    const rows = await this.page.$$eval('[data-testid="hall-waiting"]', (els) =>
      els.map((el) => [el.getAttribute('data-field') ?? '', Number(el.querySelector('[data-testid="hall-waiting-count"]')?.textContent)] as const),
    );
    return Object.fromEntries(rows);
  }

  boardText(): Promise<string> {
    return this.page.getByTestId('hall-board').innerText();
  }

  announcements(): Promise<Announcement[]> {
    return this.page.evaluate(() => (window as unknown as { __luotAnnouncements?: Announcement[] }).__luotAnnouncements ?? []);
  }

  /** Waits until `count` announcements have finished playing (or were skipped). */
  async waitAnnouncements(count: number, timeout = 30_000): Promise<Announcement[]> {
    await this.page.waitForFunction(
      (n) => {
        const log = (window as unknown as { __luotAnnouncements?: { endedAt: number | null; skipped: string | null }[] }).__luotAnnouncements ?? [];
        return log.filter((a) => a.endedAt !== null || a.skipped !== null).length >= n;
      },
      count,
      { timeout },
    );
    return this.announcements();
  }

  /** The device token this screen keeps in localStorage. */
  token(): Promise<string | null> {
    return this.page.evaluate(() => {
      for (let i = 0; i < localStorage.length; i++) {
        const key = localStorage.key(i);
        if (key?.startsWith('luot.display.token')) return localStorage.getItem(key);
      }
      return null;
    });
  }
}
