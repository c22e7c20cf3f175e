import { describe, expect, it } from 'vitest';
import { cleanPlotSvg, escapeAttr, escapeText } from '../../../src/lib/charts/svg.ts';

const PLOT_LIKE =
  '<svg class="plot-d6a7b5" aria-label="old" width="10" height="10" viewBox="0 0 10 10"><style>:where(.plot-d6a7b5) { --plot-background: white; }</style>' +
  '<g aria-label="y-axis tick" stroke="currentColor"><path d="M0,0L-6,0" transform="translate(48,147.123456)"/></g>' +
  '<g aria-label="line" fill="none"><path d="M1.23456789,2L3,4"/></g></svg>';

describe('cleanPlotSvg', () => {
  it("cleanPlotSvg(svg, label) removes Plot's <style> element", () => {
    const out = cleanPlotSvg(PLOT_LIKE, 'Karte');
    expect(out).not.toContain('<style');
    expect(out).not.toContain('--plot-background');
  });

  it('cleanPlotSvg(svg, label) removes aria-label from every <g> and keeps the <g> attributes', () => {
    const out = cleanPlotSvg(PLOT_LIKE, 'Karte');
    expect(out).not.toMatch(/<g[^>]*aria-label/);
    expect(out).toContain('<g stroke="currentColor">');
    expect(out).toContain('<g fill="none">');
  });

  it('cleanPlotSvg(svg, label) labels the root as one image with the escaped label, replacing its old label', () => {
    const out = cleanPlotSvg(PLOT_LIKE, 'Quote in "Süd" & Nord <2019>');
    expect(
      out.startsWith(
        '<svg role="img" aria-label="Quote in &quot;Süd&quot; &amp; Nord &lt;2019&gt;" focusable="false" class="plot-d6a7b5"',
      ),
    ).toBe(true);
    expect(out.match(/aria-label=/g)).toHaveLength(1);
  });

  it('cleanPlotSvg(svg, label with $ patterns) inserts the label literally', () => {
    const out = cleanPlotSvg('<svg viewBox="0 0 1 1"></svg>', "Kosten in $& und $' und $1");
    expect(out).toBe(
      '<svg role="img" aria-label="Kosten in $&amp; und $\' und $1" focusable="false" viewBox="0 0 1 1"></svg>',
    );
  });

  it('cleanPlotSvg(svg) cuts numbers to three decimals', () => {
    const out = cleanPlotSvg(PLOT_LIKE, 'Karte');
    expect(out).toContain('translate(48,147.123)');
    expect(out).toContain('d="M1.234,2L3,4"');
  });
});

describe('escapeAttr / escapeText', () => {
  it('escapeAttr(s) escapes &, ", < and >', () => {
    expect(escapeAttr('a & "b" <c>')).toBe('a &amp; &quot;b&quot; &lt;c&gt;');
  });

  it('escapeAttr(s) escapes & first, so entities are not double-decoded', () => {
    expect(escapeAttr('&quot;')).toBe('&amp;quot;');
  });

  it('escapeText(s) escapes &, < and > and leaves quotes', () => {
    expect(escapeText('Süd & "Nord" <script>')).toBe('Süd &amp; "Nord" &lt;script&gt;');
  });
});
