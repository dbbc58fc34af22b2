// Runs axe-core on the current page with the WCAG 2.2 A/AA tags and returns its violations, summarised.
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import axe from 'axe-core';

export const wcagTags = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

export async function axeViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).withTags(wcagTags).analyze();
  return results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
}

export interface AxeViolation {
  readonly id: string;
  readonly help: string;
  readonly targets: readonly string[];
}

/**
 * The same check for sweeps that run axe hundreds of times on one page: AxeBuilder injects axe again and opens
 * a blank tab to finish every run (about 0.5 s each); here axe is injected once per document and run in place
 * (about 0.05 s). The app has no frames, so nothing is left out.
 */
export async function axeViolationsInPlace(page: Page): Promise<AxeViolation[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(axe.source);
  return page.evaluate(async (tags) => {
    const injected = (window as unknown as { axe: typeof axe }).axe;
    const results = await injected.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] });
    return results.violations.map((v) => ({ id: v.id, help: v.help, targets: v.nodes.map((n) => n.target.join(' ')) }));
  }, wcagTags);
}
