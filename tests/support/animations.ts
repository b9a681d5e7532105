import type { Page } from 'playwright-core';

/**
 * Ends the page's running CSS animations of that name at once, as if their time had passed: the kiosk's tap
 * guard, the hall board's pulse on a new call. Faster than waiting their length and not at the mercy of a busy
 * machine; only finite animations can be finished (a spinner cannot), so infinite ones are left alone.
 */
export async function finishAnimations(page: Page, name: string): Promise<void> {
  await page.evaluate((animationName) => {
    for (const animation of document.getAnimations()) {
      const finite = animation.effect?.getComputedTiming().endTime !== Infinity;
      if (finite && animation instanceof CSSAnimation && animation.animationName === animationName) animation.finish();
    }
  }, name);
}
