/** Gate check `axe`: axe-core with the WCAG 2.1 A/AA rules, injected without a `<script>` tag. */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';
import type { GateCheck } from './audit.ts';

/** WCAG 2.1 A and AA, as required by EN 301 549 / BITV 2.0 (RELIABILITY.md §4.1, §4.5). */
export const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] as const;

/** One element that violates one axe rule. */
export interface AxeFinding {
  rule: string;
  impact: string;
  help: string;
  helpUrl: string;
  /** CSS selectors of the element (one per frame/shadow level). */
  target: string[];
  /** Start of the element's HTML. */
  html: string;
  /** axe's "Fix any of the following" text. */
  summary: string;
}

let axeSource: string | undefined;
function readAxeSource(): string {
  axeSource ??= readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
  return axeSource;
}

/**
 * Runs axe-core on the page with {@link AXE_TAGS}; returns one finding per violating element.
 * axe is injected with `page.evaluate` (a DevTools evaluation, which no page CSP can block), never with a
 * `<script>` tag that a strict CSP would refuse.
 */
export async function runAxe(page: Page): Promise<AxeFinding[]> {
  if (!(await page.evaluate<boolean>('typeof window.axe === "object"'))) await page.evaluate(readAxeSource());
  const options = JSON.stringify({
    runOnly: { type: 'tag', values: AXE_TAGS },
    resultTypes: ['violations'],
    iframes: false,
  });
  return page.evaluate<
    AxeFinding[]
  >(`axe.run(document, ${options}).then((r) => r.violations.flatMap((v) => v.nodes.map((n) => ({
    rule: v.id, impact: v.impact || 'unknown', help: v.help, helpUrl: v.helpUrl,
    target: n.target.map((t) => Array.isArray(t) ? t.join(' >>> ') : String(t)),
    html: n.html.length > 200 ? n.html.slice(0, 200) + '…' : n.html,
    summary: (n.failureSummary || '').replace(/\\s+/g, ' ').trim(),
  }))))`);
}

/** One readable line per finding: rule (impact) at selector: help — html — fix. */
export function formatAxeFinding(finding: AxeFinding): string {
  return `${finding.rule} (${finding.impact}) at ${finding.target.join(', ')}: ${finding.help} — ${finding.html} — ${finding.summary} — ${finding.helpUrl}`;
}

export const axeCheck: GateCheck = {
  id: 'axe',
  sentence: 'has no axe violations (WCAG 2.1 A/AA)',
  problems: (a) => a.axe.map(formatAxeFinding),
};
