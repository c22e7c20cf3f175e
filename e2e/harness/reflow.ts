/**
 * Gate check `reflow` (WCAG 1.4.10): the page fits the viewport width without horizontal scrolling.
 *
 * In-page code is written as plain JavaScript strings, not TypeScript functions: a transpiler (tsx/esbuild with
 * keepNames) may wrap nested functions in a `__name()` helper that does not exist in the page.
 */
import type { Page } from 'playwright-core';
import type { GateCheck } from './audit.ts';

/** Horizontal overflow of the page (WCAG 1.4.10 Reflow): null when the page is no wider than the viewport. */
export interface Overflow {
  viewportWidth: number;
  pageWidth: number;
  /** Outermost elements sticking out of the viewport, not inside a scroll container, e.g. `a "Schmöckwitz/…" (right edge 399 px)`. */
  elements: string[];
}

const READ_OVERFLOW = `(() => {
  const width = document.documentElement.clientWidth;
  const pageWidth = document.documentElement.scrollWidth;
  if (pageWidth <= width) return null;
  const clipped = (node) => {
    for (let a = node.parentElement; a && a !== document.body; a = a.parentElement) if (getComputedStyle(a).overflowX !== 'visible') return true;
    return false;
  };
  const right = new Map();
  for (const e of document.body.querySelectorAll('*')) {
    const r = e.getBoundingClientRect();
    if (r.width > 0 && r.right > width + 0.5 && !clipped(e)) right.set(e, r.right);
  }
  // Unbreakable text (a long url, a compound name) overflows its block without widening the block's box.
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  const range = document.createRange();
  for (let t = walker.nextNode(); t; t = walker.nextNode()) {
    const e = t.parentElement;
    if (!e || !t.textContent.trim()) continue;
    range.selectNodeContents(t);
    const r = range.getBoundingClientRect();
    if (r.width > 0 && r.right > width + 0.5 && !clipped(t)) right.set(e, Math.max(right.get(e) || 0, r.right));
  }
  const all = [...right.keys()];
  const outer = all.filter((e) => !all.includes(e.parentElement)).slice(0, 5);
  return { viewportWidth: width, pageWidth, elements: outer.map((e) => {
    const cls = typeof e.className === 'string' && e.className.trim() ? '.' + e.className.trim().split(/\\s+/)[0] : '';
    const text = (e.textContent || '').replace(/\\s+/g, ' ').trim().slice(0, 40);
    return e.localName + cls + (text ? ' "' + text + '"' : '') + ' (right edge ' + Math.round(right.get(e)) + ' px)';
  }) };
})()`;

/** The page's horizontal overflow now, or null when it fits (see {@link Overflow}). */
export function readOverflow(page: Page): Promise<Overflow | null> {
  return page.evaluate<Overflow | null>(READ_OVERFLOW);
}

export const reflowCheck: GateCheck = {
  id: 'reflow',
  sentence: 'fits the viewport width without horizontal scrolling (WCAG 1.4.10)',
  problems: (a) =>
    a.overflow
      ? [
          `page is ${a.overflow.pageWidth} px wide in a ${a.overflow.viewportWidth} px viewport`,
          ...a.overflow.elements.map((e) => `sticks out: ${e}`),
        ]
      : [],
};
