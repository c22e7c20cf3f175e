/**
 * Gate check `cells`: no table cell squeezed to a letter or two per line (the reflow check alone misses it).
 *
 * In-page code is written as plain JavaScript strings, not TypeScript functions: a transpiler (tsx/esbuild with
 * keepNames) may wrap nested functions in a `__name()` helper that does not exist in the page.
 */
import type { Page } from 'playwright-core';
import type { GateCheck } from './audit.ts';

/**
 * Table cells of the main content squeezed narrower than two characters while holding a word of five or more (a table
 * with too many columns for a phone breaks its names a letter per line and still fits the width, so the reflow check
 * passes), e.g. `th "Arbeitslosigkeit" 14 px wide`.
 */
const READ_CRUSHED_CELLS = `(() => {
  const out = [];
  for (const c of document.querySelectorAll('main th, main td')) {
    const text = c.textContent.trim().replace(/\\s+/g, ' ');
    const style = getComputedStyle(c);
    const r = c.getBoundingClientRect();
    const inner = r.width - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
    if (style.display !== 'none' && r.width > 0 && /[^\\s]{5}/.test(text) && inner < 2 * parseFloat(style.fontSize)) out.push(c.localName + ' "' + text.slice(0, 40) + '" ' + Math.round(inner) + ' px wide');
  }
  return out;
})()`;

/** See READ_CRUSHED_CELLS. */
export function readCrushedCells(page: Page): Promise<string[]> {
  return page.evaluate<string[]>(READ_CRUSHED_CELLS);
}

export const cellsCheck: GateCheck = {
  id: 'cells',
  sentence: 'squeezes no table cell to a letter or two per line',
  problems: (a) => a.crushedCells,
};
