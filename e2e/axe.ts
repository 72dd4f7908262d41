import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect } from './fixtures.ts';

/**
 * Runs axe-core (WCAG 2.x A/AA rules) on what is on screen now and fails on any serious or
 * critical violation, listing each rule with the elements it found so the failure says what to fix.
 * `include` narrows the check to one region (e.g. an open dialog); `exclude` skips parts that
 * belong to another test's screen.
 */
export async function expectNoSeriousAxeViolations(page: Page, options: { include?: string; exclude?: string[] } = {}): Promise<void> {
  let builder = new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']);
  if (options.include) builder = builder.include(options.include);
  for (const selector of options.exclude ?? []) builder = builder.exclude(selector);
  // axe-core cannot place a modal <dialog> (the browser's top layer) in its stacking order: it
  // reports every text in it as "overlapped by another element" and leaves colour contrast there
  // unchecked. Behind a modal the page is inert (out of the accessibility tree, no focus): hide it
  // visually too while axe runs, so the dialog is checked on its own real background.
  const modal = await page.evaluate(() => {
    if (!document.querySelector('dialog:modal')) return false;
    const style = document.createElement('style');
    style.id = 'axe-modal-only';
    style.textContent = 'body * { visibility: hidden !important; } dialog:modal, dialog:modal * { visibility: visible !important; }';
    document.head.append(style);
    return true;
  });
  const { violations } = await builder.analyze().finally(async () => {
    if (modal) await page.evaluate(() => document.getElementById('axe-modal-only')?.remove());
  });
  const serious = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  const report = serious.map((v) => `${v.id} (${v.impact}): ${v.help}\n${v.nodes.map((n) => `  ${n.target.join(' ')} — ${n.failureSummary ?? ''}`).join('\n')}`);
  expect(report, 'axe-core: serious or critical violations').toEqual([]);
}
