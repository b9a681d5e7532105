import type { Browser, BrowserContext } from 'playwright-core';

/**
 * Collects every Content-Security-Policy violation in every page of every context a test opens: the
 * `securitypolicyviolation` DOM event (reported into the console by an init script, so it is caught from the first
 * script on) and Chromium's own "Refused to … Content Security Policy" console errors.
 * `browser` is the real browser whose new contexts are watched, so the existing page objects can be used as they are.
 */
export class CspWatch {
  readonly violations: string[] = [];
  readonly browser: Browser;

  constructor(real: Browser) {
    const install = (context: BrowserContext) => this.install(context);
    this.browser = new Proxy(real, {
      get(target, property) {
        if (property === 'newContext') {
          return async (...args: Parameters<Browser['newContext']>) => {
            const context = await target.newContext(...args);
            await install(context);
            return context;
          };
        }
        const value: unknown = Reflect.get(target, property, target);
        return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value;
      },
    });
  }

  private async install(context: BrowserContext): Promise<void> {
    await context.addInitScript(() => {
      document.addEventListener('securitypolicyviolation', (e) => {
        console.error(`Content Security Policy violation: ${e.violatedDirective} blocked ${e.blockedURI || 'inline'} at ${e.sourceFile}:${e.lineNumber}`);
      });
    });
    context.on('console', (message) => {
      if (/Content Security Policy/i.test(message.text())) this.violations.push(`${message.page()?.url() ?? '?'}: ${message.text()}`);
    });
  }
}
