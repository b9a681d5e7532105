import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import type { ServerProcess } from './server-process.ts';

export interface Viewport {
  width: number;
  height: number;
}

/**
 * Page object for the staff console (`/console/`): one browser context per person, so two officers or an
 * officer and a supervisor can work side by side with their own sessions (sessionStorage is per context).
 */
export class ConsolePage {
  protected constructor(
    readonly context: BrowserContext,
    readonly page: Page,
    readonly server: ServerProcess,
  ) {}

  /** A fresh browser profile on the sign-in screen. */
  /** `locale`: the browser's own language (the console speaks Vietnamese whatever it is). */
  static async open(browser: Browser, server: ServerProcess, viewport: Viewport = { width: 1366, height: 768 }, locale = 'vi-VN'): Promise<ConsolePage> {
    const context = await browser.newContext({ viewport, locale });
    const page = await context.newPage();
    await page.goto(`${server.url}/console/`);
    const console_ = new ConsolePage(context, page, server);
    await console_.loginForm().waitFor();
    return console_;
  }

  /** Opens the console and signs in with the password the server printed at first start. */
  static async signedIn(browser: Browser, server: ServerProcess, username: string, viewport?: Viewport, locale?: string): Promise<ConsolePage> {
    const console_ = await ConsolePage.open(browser, server, viewport, locale);
    await console_.signIn(username);
    return console_;
  }

  loginForm(): Locator {
    return this.page.getByTestId('login-form');
  }

  async fillLogin(username: string, password: string): Promise<void> {
    await this.page.getByTestId('login-username').fill(username);
    await this.page.getByTestId('login-password').fill(password);
    await this.page.getByTestId('login-submit').click();
  }

  async signIn(username: string): Promise<void> {
    await this.fillLogin(username, this.server.account(username).password);
    await this.page.getByTestId('signed-in-as').waitFor();
  }

  /** The message shown under the sign-in form when the server refused, with its error code. */
  async loginProblem(): Promise<{ code: string | null; text: string }> {
    const problem = this.page.getByTestId('login-problem');
    await problem.waitFor();
    return { code: await problem.getAttribute('data-code'), text: await problem.innerText() };
  }

  signedInAs(): Locator {
    return this.page.getByTestId('signed-in-as');
  }

  navLink(view: 'desk' | 'board' | 'reports' | 'staff' | 'staffing' | 'admin'): Locator {
    return this.page.getByTestId(`nav-${view}`);
  }

  /** Goes to a screen by its address, as someone typing it or following an old bookmark would. */
  async goTo(hash: string): Promise<void> {
    await this.page.evaluate((h) => {
      window.location.hash = h;
    }, hash);
  }

  notAllowed(): Locator {
    return this.page.getByTestId('not-allowed');
  }

  linkLost(): Locator {
    return this.page.getByTestId('link-lost');
  }

  connectionStatus(): Promise<string> {
    return this.page.getByTestId('connection-status').innerText();
  }

  async switchTo(lang: 'vi' | 'en'): Promise<void> {
    await this.page.getByTestId(`lang-${lang}`).click();
  }

  /** The session token this console holds, to check the API's answers to this very session. */
  token(): Promise<string | null> {
    return this.page.evaluate(() => window.sessionStorage.getItem('luot.console.token'));
  }

  async close(): Promise<void> {
    await this.context.close();
  }
}
