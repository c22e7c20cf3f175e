/**
 * The symbols of the facility maps: one per vulnerability (0–3, facilities.yml), each with its own shape and an
 * Okabe–Ito colour (safe for the common colour-vision deficiencies), always with a dark outline, so neither colour
 * nor shape alone carries the meaning and each shows on the light map. No imports: the browser script uses it too.
 */

/** Shape and colour of one vulnerability level. */
export interface VulnerabilitySymbol {
  v: number;
  shape: 'circle' | 'diamond' | 'square' | 'triangle';
  color: string;
  /** Path data of the shape centred on 0,0 at size 1 (the half-width). */
  d: string;
}

/** Level 3 first (drawn largest in the legend's order). */
export const VULNERABILITY_SYMBOLS: readonly VulnerabilitySymbol[] = [
  { v: 3, shape: 'triangle', color: '#D55E00', d: 'M0,-1.25L1.15,0.85L-1.15,0.85Z' },
  { v: 2, shape: 'square', color: '#0072B2', d: 'M-0.85,-0.85H0.85V0.85H-0.85Z' },
  { v: 1, shape: 'diamond', color: '#E69F00', d: 'M0,-1.15L1.15,0L0,1.15L-1.15,0Z' },
  { v: 0, shape: 'circle', color: '#009E73', d: 'M-1,0A1,1 0 1,0 1,0A1,1 0 1,0 -1,0Z' },
];

/** The symbol of a vulnerability (levels out of range get level 0's). */
export function symbolOf(v: number): VulnerabilitySymbol {
  return VULNERABILITY_SYMBOLS.find((s) => s.v === v) ?? (VULNERABILITY_SYMBOLS[3] as VulnerabilitySymbol);
}

/** Id of a symbol's `<symbol>`/`<path>` definition inside an SVG with `prefix`, e.g. "fm-v3". */
export function symbolId(prefix: string, v: number): string {
  return `${prefix}-v${v}`;
}

/**
 * `<defs>` with one path per vulnerability, scaled to `size` (half-width in SVG units), for `<use href="#…">`.
 * Outline: 1.6 px-equivalent dark stroke that does not scale with the symbol.
 */
export function symbolDefs(prefix: string, size: number): string {
  const paths = VULNERABILITY_SYMBOLS.map(
    (s) =>
      `<path id="${symbolId(prefix, s.v)}" d="${scalePath(s.d, size)}" fill="${s.color}" stroke="#1a1a1a" stroke-width="${Math.max(0.5, size / 4).toFixed(2)}"/>`,
  );
  return `<defs>${paths.join('')}</defs>`;
}

/** Scales the numbers of a path by `k` (our paths have only absolute commands and the arc's flags stay). */
export function scalePath(d: string, k: number): string {
  if (d.includes('A')) return `M${-k},0A${k},${k} 0 1,0 ${k},0A${k},${k} 0 1,0 ${-k},0Z`;
  return d.replace(/-?\d+(\.\d+)?/g, (n) => String(Math.round(Number(n) * k * 100) / 100));
}

/**
 * Counts for the size legend of proportional symbols: the maximum and two rounded smaller values
 * (about a quarter and a twentieth), distinct and positive, largest first.
 * @example legendCounts(812) // [812, 200, 50]
 */
export function legendCounts(max: number): number[] {
  const nice = (x: number) => {
    if (x < 1) return 0;
    const p = 10 ** Math.floor(Math.log10(x));
    const m = x / p;
    return (m < 1.5 ? 1 : m < 3.5 ? 2 : m < 7.5 ? 5 : 10) * p;
  };
  return [...new Set([max, nice(max / 4), nice(max / 20)])].filter((n) => n > 0 && n <= max).sort((a, b) => b - a);
}

/** Radius of a proportional symbol: area ∝ count, `maxRadius` at `maxCount`. */
export function bubbleRadius(count: number, maxCount: number, maxRadius: number): number {
  return count <= 0 ? 0 : Math.round(Math.sqrt(count / Math.max(1, maxCount)) * maxRadius * 10) / 10;
}

/** Font size (SVG units) of the count inside a bubble of radius `r`: 10–16, so a number fits its circle. */
export function bubbleFontSize(r: number): number {
  return Math.round(Math.min(16, Math.max(10, r * 0.7)));
}

/**
 * Half-width of the point symbols on a map of width × height with `points` symbols: 3.5 units when dense (a Berlin
 * Bezirk with a thousand entries), up to 8 when there are few.
 */
export function pointSymbolSize(width: number, height: number, points: number): number {
  return Math.round(Math.min(8, Math.max(3.5, 0.12 * Math.sqrt((width * height) / Math.max(1, points)))) * 10) / 10;
}

/** A bubble as the label placement sees it. */
export interface LabelCandidate {
  x: number;
  y: number;
  r: number;
  count: number;
}

/**
 * Which bubbles get their count written inside: those large enough for the number (r ≥ 9), largest count first,
 * leaving out any whose label box would overlap a label already placed (the dense city centre). Same order as the
 * input. `format` writes the number as shown (its length sets the box width).
 */
export function placeBubbleLabels(bubbles: readonly LabelCandidate[], format: (n: number) => string): boolean[] {
  const placed: { x0: number; x1: number; y0: number; y1: number }[] = [];
  const out = bubbles.map(() => false);
  const order = bubbles.map((b, i) => ({ b, i })).sort((a, b) => b.b.count - a.b.count || a.i - b.i);
  for (const { b, i } of order) {
    if (b.r < 9 || b.count <= 0) continue;
    const size = bubbleFontSize(b.r);
    const w = format(b.count).length * size * 0.62 + 2;
    const box = { x0: b.x - w / 2, x1: b.x + w / 2, y0: b.y - size / 2 - 1, y1: b.y + size / 2 + 1 };
    if (placed.some((p) => p.x0 < box.x1 && box.x0 < p.x1 && p.y0 < box.y1 && box.y0 < p.y1)) continue;
    placed.push(box);
    out[i] = true;
  }
  return out;
}
