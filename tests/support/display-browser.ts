import { chromium, type Browser } from 'playwright-core';

/**
 * Chromium for the display tests: like launchBrowser() in browser.ts (Debian's Chromium, no network
 * services), started the way a hall board is, with `--autoplay-policy=no-user-gesture-required`, so calls
 * are heard without anyone touching the screen.
 */
export function launchDisplayBrowser(): Promise<Browser> {
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
      '--autoplay-policy=no-user-gesture-required',
    ],
  });
}
