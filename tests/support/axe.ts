import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';

/** axe-core's browser bundle, read from the installed package (no CDN: the test machine has no internet). */
const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

export interface AxeProblem {
  id: string;
  impact: string;
  help: string;
  targets: string[];
}

/**
 * Runs axe-core (WCAG 2.0–2.2 A and AA rules, plus best practices) on what the page shows now and returns the
 * serious and critical violations. The script is evaluated through the DevTools protocol, not added as a
 * <script> tag, so a strict Content-Security-Policy on the page does not stop it.
 */
export async function axeProblems(page: Page): Promise<AxeProblem[]> {
  const loaded = await page.evaluate(() => 'axe' in window);
  if (!loaded) await page.evaluate(axeSource);
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (context: Document, options: object) => Promise<{ violations: { id: string; impact: string | null; help: string; nodes: { target: unknown[] }[] }[] }> } }).axe;
    const result = await axe.run(document, { resultTypes: ['violations'], runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'] } });
    return result.violations.map((v) => ({ id: v.id, impact: v.impact ?? 'unknown', help: v.help, targets: v.nodes.map((n) => n.target.map(String).join(' ')) }));
  });
  return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
}

/** Throws with a readable list when the page has a serious or critical accessibility violation. */
export async function expectAccessible(page: Page, what: string): Promise<void> {
  const problems = await axeProblems(page);
  if (problems.length === 0) return;
  const lines = problems.map((p) => `  [${p.impact}] ${p.id}: ${p.help}\n      ${p.targets.slice(0, 5).join('\n      ')}`);
  throw new Error(`${what}: ${problems.length} serious/critical accessibility violation(s)\n${lines.join('\n')}`);
}
