import type { Lang } from '../format.ts';

/**
 * Post-processing of server-rendered SVG so that it passes a strict CSP and axe:
 * - Plot's `<style>` element is removed (its rules live in the site stylesheet, see plot.css);
 *   an inline `<style>` would need 'unsafe-inline' or a hash under `style-src`.
 * - `aria-label` on `<g>` without a role is an axe violation (aria-prohibited-attr); the chart as a
 *   whole is labelled instead (role="img" + aria-label) and has a data table beside it.
 */
export function cleanPlotSvg(svg: string, label: string): string {
  let out = svg.replace(/<style>[\s\S]*?<\/style>/g, '');
  out = out.replace(/<g([^>]*?)\saria-label="[^"]*"/g, '<g$1');
  out = out.replace(/<svg([^>]*?)\saria-label="[^"]*"/, '<svg$1');
  // A function, so that "$&" or "$'" in a label is not read as a replacement pattern.
  out = out.replace(/<svg\b/, () => `<svg role="img" aria-label="${escapeAttr(label)}" focusable="false"`);
  return shortenNumbers(out);
}

/** Every number in `s` with at most three decimals (Plot writes many; three are plenty at screen resolution). */
export function shortenNumbers(s: string): string {
  return s.replace(/(\d+\.\d{3})\d+/g, '$1');
}

/** Escapes text for an XML/HTML attribute. */
export function escapeAttr(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** Escapes text content for XML/HTML. */
export function escapeText(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/**
 * An SVG for both languages drawn once: each text that differs between them is a token `\u2063i\u2063` ({@link textToken}),
 * and each language has the escaped text of every token. Page models keep their charts and locator maps so (one drawing
 * instead of one per language: a chart is the same but for its texts), and the page fills in its language
 * ({@link drawingIn}).
 */
export interface LocalizedDrawing {
  svg: string;
  texts: { de: string[]; en: string[] };
}

/** The token for text `i` of a {@link LocalizedDrawing}. */
export function textToken(i: number): string {
  return `\u2063${i}\u2063`;
}

/** The drawing's SVG in `lang`: its tokens replaced by that language's texts. */
export function drawingIn(drawing: LocalizedDrawing, lang: Lang): string {
  const texts = drawing.texts[lang];
  return drawing.svg.replace(/\u2063(\d+)\u2063/g, (_, i: string) => texts[Number(i)] ?? '');
}
