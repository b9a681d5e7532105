import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { repoRoot } from './server-process.ts';

/**
 * Debian's Chromium, never a downloaded browser; flags keep it off a network this machine does not have.
 * `extraArgs` are for one test's browser only (e.g. the kiosk camera test's fake camera).
 */
export function launchBrowser(extraArgs: readonly string[] = []): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic', ...extraArgs],
  });
}

export const screenshotDir = join(repoRoot, 'docs/screenshots');

/** Pictures for the role guides (docs/help/img), taken by the browser tests so the guides show the real screens. */
export const guideImageDir = join(repoRoot, 'docs/help/img');

export async function guideScreenshot(page: Page, name: string): Promise<string> {
  mkdirSync(guideImageDir, { recursive: true });
  const path = join(guideImageDir, `${name}.png`);
  await page.screenshot({ path, fullPage: false });
  return path;
}

export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(screenshotDir, { recursive: true });
  const path = join(screenshotDir, `${name}.png`);
  await page.screenshot({ path, fullPage: false });
  return path;
}
