import type { Page } from 'playwright-core';

/** Page object for what every app shows at the top: title, center name, connection and language. */
export class AppShellPage {
  constructor(
    readonly page: Page,
    readonly baseUrl: string,
    readonly path: '/kiosk/' | '/display/' | '/console/',
  ) {}

  async open(): Promise<void> {
    await this.page.goto(`${this.baseUrl}${this.path}`);
    await this.page.getByTestId('app-title').waitFor();
  }

  title(): Promise<string> {
    return this.page.getByTestId('app-title').innerText();
  }

  async centerName(): Promise<string> {
    const el = this.page.getByTestId('center-name');
    await this.page.waitForFunction(() => (document.querySelector('[data-testid="center-name"]')?.textContent ?? '').includes('Trung tâm'));
    return el.innerText();
  }

  async switchTo(lang: 'vi' | 'en'): Promise<void> {
    await this.page.getByTestId(`lang-${lang}`).click();
  }
}
