import { chromium, type Browser } from 'playwright-core';

/**
 * Chromium for the display tests. Like launchBrowser() in browser.ts (Debian's Chromium, no network
 * services), plus a choice of autoplay policy: a hall board runs as
 * `chromium --kiosk --autoplay-policy=no-user-gesture-required`, so sound plays without anyone touching it;
 * `autoplay: false` is a browser left at the default, where the board must ask for a tap.
 */
export function launchDisplayBrowser(options: { autoplay?: boolean } = {}): Promise<Browser> {
  const policy = options.autoplay === false ? 'user-gesture-required' : 'no-user-gesture-required';
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-quic',
      `--autoplay-policy=${policy}`,
    ],
  });
}
