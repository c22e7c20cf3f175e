import { bin, extent, max, scaleLinear, ticks } from 'd3';
import { escapeAttr, escapeText } from './svg.ts';

/**
 * How the values of one level spread, as a small server-side SVG beside the map: a histogram of equal-width bins
 * for numbers, with the city's value as a dashed line and the parent level's values as triangles under the axis;
 * for class indicators one horizontal bar per class in the map's colours. 360 units wide, text 12 units, so labels
 * stay about 12 CSS px on a 390 px phone (the page caps the width on larger screens).
 */

export const DIST_WIDTH = 360;
const FONT = 12;

export interface NumericDistributionInput {
  kind: 'numeric';
  /** Values of the units that have a number (as displayed, i.e. rounded). */
  values: readonly number[];
  /** The city's value, drawn as a dashed line with its label ("Berlin 27,5 %"). */
  city?: { value: number; label: string } | undefined;
  /** Values of the parent level's units, drawn as triangles under the axis. */
  parents?: readonly number[] | undefined;
  /** Tick label of a value, e.g. `12,5`. */
  format(x: number): string;
  /** Accessible name. */
  label: string;
}

export interface ClassDistributionInput {
  kind: 'classes';
  /** One bar per class, lowest code first. */
  classes: readonly { label: string; color: string; count: number }[];
  label: string;
}

export type DistributionInput = NumericDistributionInput | ClassDistributionInput;

/** The SVG of a distribution chart (role="img" with the accessible name; a sentence and the table say the same). */
export function renderDistribution(i: DistributionInput): string {
  return i.kind === 'classes' ? renderClassBars(i) : renderHistogram(i);
}

function svgOpen(height: number, label: string): string {
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${DIST_WIDTH} ${height}" class="distribution" role="img" aria-label="${escapeAttr(label)}" focusable="false" font-size="${FONT}">`;
}

function text(x: number, y: number, s: string, anchor: 'start' | 'middle' | 'end' = 'middle', extra = ''): string {
  return `<text x="${round(x)}" y="${round(y)}" text-anchor="${anchor}"${extra}>${escapeText(s)}</text>`;
}

function round(x: number): number {
  return Math.round(x * 10) / 10;
}

function renderHistogram(i: NumericDistributionInput): string {
  const m = { top: i.city ? 30 : 10, right: 14, bottom: 48, left: 34 };
  const plotH = 110;
  const height = m.top + plotH + m.bottom;
  const all = [...i.values, ...(i.city ? [i.city.value] : []), ...(i.parents ?? [])];
  let [lo, hi] = extent(all) as [number, number];
  if (lo === undefined || hi === undefined) return `${svgOpen(height, i.label)}</svg>`;
  if (lo === hi) [lo, hi] = [lo - 1, hi + 1];
  const x = scaleLinear()
    .domain([lo, hi])
    .nice(12)
    .range([m.left, DIST_WIDTH - m.right]);
  const [d0, d1] = x.domain() as [number, number];
  const thresholds = ticks(d0, d1, 12).filter((t) => t > d0 && t < d1);
  const bins = bin().domain([d0, d1]).thresholds(thresholds)([...i.values]);
  const top = max(bins, (b) => b.length) ?? 1;
  const y = scaleLinear()
    .domain([0, Math.max(1, top)])
    .range([m.top + plotH, m.top]);
  const base = m.top + plotH;
  const out = [svgOpen(height, i.label)];
  out.push('<g class="bars">');
  for (const b of bins) {
    if (b.length === 0 || b.x0 === undefined || b.x1 === undefined) continue;
    const x0 = x(b.x0) + 0.5;
    const w = Math.max(1, x(b.x1) - x(b.x0) - 1);
    out.push(
      `<rect x="${round(x0)}" y="${round(y(b.length))}" width="${round(w)}" height="${round(base - y(b.length))}"/>`,
    );
  }
  out.push('</g>');
  // Axes: baseline with value ticks; the highest count at the left.
  out.push(`<path class="axis" d="M${m.left},${base}H${DIST_WIDTH - m.right}"/>`);
  const xt = x.ticks(5);
  for (const t of xt) {
    out.push(`<path class="axis" d="M${round(x(t))},${base}v4"/>`);
    out.push(text(x(t), base + 40, i.format(t), 'middle', ' class="tick"'));
  }
  out.push(text(m.left - 4, m.top + FONT / 2, String(top), 'end', ' class="tick"'));
  out.push(text(m.left - 4, base, '0', 'end', ' class="tick"'));
  if (i.parents?.length) {
    out.push('<g class="parents">');
    for (const p of i.parents) {
      const px = round(x(p));
      out.push(`<path d="M${px},${base + 7}l4,8h-8z"/>`);
    }
    out.push('</g>');
  }
  if (i.city) {
    const cx = round(x(i.city.value));
    out.push(`<path class="city" d="M${cx},${m.top - 6}V${base}"/>`);
    const anchor = cx < 70 ? 'start' : cx > DIST_WIDTH - 70 ? 'end' : 'middle';
    out.push(text(cx, m.top - 10, i.city.label, anchor, ' class="city-label"'));
  }
  out.push('</svg>');
  return out.join('');
}

function renderClassBars(i: ClassDistributionInput): string {
  const row = 24;
  const labelW = 150;
  const countW = 36;
  const height = i.classes.length * row + 8;
  const most = Math.max(1, ...i.classes.map((c) => c.count));
  const barMax = DIST_WIDTH - labelW - countW - 8;
  const out = [svgOpen(height, i.label)];
  i.classes.forEach((c, k) => {
    const y0 = 4 + k * row;
    const w = (barMax * c.count) / most;
    out.push(text(labelW - 6, y0 + 16, c.label, 'end', ' class="tick"'));
    out.push(
      `<rect x="${labelW}" y="${y0 + 3}" width="${round(Math.max(c.count > 0 ? 1 : 0, w))}" height="${row - 6}" fill="${escapeAttr(c.color)}" stroke="#333" stroke-width="0.5"/>`,
    );
    out.push(text(labelW + w + 4, y0 + 16, String(c.count), 'start', ' class="tick"'));
  });
  out.push('</svg>');
  return out.join('');
}
