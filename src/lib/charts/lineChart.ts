import { nice, ticks } from 'd3';
import { h, type SvgNode } from './svgNode.ts';

/**
 * A small line chart for the browser (the compare page), pure: values in, an {@link SvgNode} tree out, drawn at the
 * width it is shown at (1 SVG unit = 1 CSS pixel, so text is as large on a phone as written here). Conventions as
 * the server charts: a proportional time axis (2013, 2015, 2019 are not evenly spaced), a year without a value is a
 * gap in the line, a line never runs across a declared break, and colour is never the only carrier: each series has
 * its own marker shape and dash pattern and is labelled at its end.
 */

/** Marker shapes, told apart without colour. */
export type MarkerShape = 'circle' | 'square' | 'triangle' | 'diamond' | 'cross';

/** How one series is drawn. */
export interface LineStyle {
  /** Stroke and label colour (dark enough for text on white). @example "#0b4f8a" */
  color: string;
  /** `stroke-dasharray`; undefined = solid. @example "6 4" */
  dash?: string | undefined;
  /** Line width in px. */
  width: number;
  marker: MarkerShape;
  /** A white marker with a coloured outline (e.g. parents), else filled. */
  hollow?: boolean | undefined;
  /** Label in bold (the selected units). */
  strong?: boolean | undefined;
}

/** One point; `value` undefined for a year without a number (missing, suppressed, not applicable). */
export interface LinePoint {
  year: number;
  value: number | undefined;
}

export interface LineSeries {
  key: string;
  /** The direct label at the line's end, e.g. "Reuterkiez". */
  label: string;
  points: readonly LinePoint[];
  style: LineStyle;
}

export interface LineChartInput {
  series: readonly LineSeries[];
  /** The years of the indicator (a gap is a year in this list without a value); default: all years of the series. */
  years?: readonly number[] | undefined;
  /** First years after a break: no line runs from a year before into one of these. */
  breaks?: readonly number[] | undefined;
  /** Text at a break rule, e.g. "Bruch". */
  breakLabel?: string | undefined;
  /** Width in CSS px (the chart is drawn at the size it is shown). */
  width: number;
  /** Height in CSS px; default 260. */
  height?: number | undefined;
  /** Tick texts of the value axis, all at once (so they can share their decimals), e.g. [10, 12.5] → ["10,0", "12,5"]. */
  formatTicks(values: readonly number[]): string[];
  /** The value axis's unit, written above it, e.g. "%". */
  unit?: string | undefined;
  /** Accessible name of the chart. */
  title: string;
  /** Font size in px; default 12 (≥ 11 CSS px on a phone). */
  fontSize?: number | undefined;
}

/** Width of one character in em, for estimating label widths (system sans-serif, digits and lower case). */
const CHAR_EM = 0.58;

/**
 * The chart as an SVG tree: grid and value ticks, the year axis, break rules, each series as line segments with
 * markers, and a label column on the right with each series' name at the height of its last value (spread so that
 * no two overlap, with a leader line where a label had to move or the line ends early).
 */
export function renderLineChart(i: LineChartInput): SvgNode {
  const fs = i.fontSize ?? 12;
  const width = Math.max(200, Math.round(i.width));
  const height = Math.round(i.height ?? 260);
  const years = sortedYears(i.years ?? i.series.flatMap((s) => s.points.map((p) => p.year)));
  const values = i.series.flatMap((s) => s.points.flatMap((p) => (p.value === undefined ? [] : [p.value])));
  const [y0, y1] = valueDomain(values);
  const yTicks = ticks(y0, y1, 4);
  const tickTexts = i.formatTicks(yTicks);
  const marginLeft = Math.ceil(Math.max(2, ...tickTexts.map((t) => t.length)) * fs * CHAR_EM) + 10;
  const labelWidth = Math.round(Math.min(180, Math.max(78, width * 0.3)));
  const marginTop = fs + 12;
  const marginBottom = fs + 14;
  const plotLeft = marginLeft;
  const plotRight = width - labelWidth - 6;
  const plotTop = marginTop;
  const plotBottom = height - marginBottom;
  const pad = 10;
  const first = years[0] ?? 0;
  const last = years[years.length - 1] ?? first;
  const x = (year: number) =>
    last === first
      ? (plotLeft + plotRight) / 2
      : plotLeft + pad + ((year - first) / (last - first)) * (plotRight - plotLeft - 2 * pad);
  const y = (v: number) => plotBottom - ((v - y0) / (y1 - y0)) * (plotBottom - plotTop);
  const r1 = (n: number) => Math.round(n * 10) / 10;

  const grid = h(
    'g',
    { class: 'grid', stroke: '#d9d9d9', 'stroke-width': 1 },
    ...yTicks.map((v) => h('line', { x1: plotLeft, x2: plotRight, y1: r1(y(v)), y2: r1(y(v)) })),
  );
  const yAxis = h(
    'g',
    { class: 'y-ticks', 'font-size': fs, fill: '#4d4d4d', 'text-anchor': 'end' },
    ...yTicks.map((v, k) => h('text', { x: plotLeft - 6, y: r1(y(v) + fs * 0.35) }, tickTexts[k] ?? '')),
  );
  const unit = i.unit ? h('text', { x: 0, y: fs, 'font-size': fs, fill: '#4d4d4d' }, i.unit) : undefined;
  const shownYears = thinTicks(
    years.map((yr) => ({ year: yr, x: x(yr) })),
    fs * CHAR_EM * 4 + 8,
  );
  const xAxis = h(
    'g',
    { class: 'x-ticks', 'font-size': fs, fill: '#4d4d4d', 'text-anchor': 'middle' },
    h('line', { x1: plotLeft, x2: plotRight, y1: plotBottom, y2: plotBottom, stroke: '#8a8a8a' }),
    ...shownYears.flatMap((t) => [
      h('line', { x1: r1(t.x), x2: r1(t.x), y1: plotBottom, y2: plotBottom + 4, stroke: '#8a8a8a' }),
      h('text', { x: r1(t.x), y: plotBottom + 5 + fs }, String(t.year)),
    ]),
  );
  const breakYears = (i.breaks ?? []).filter((b) => b > first && b <= last);
  const breaks = breakYears.map((b) => {
    const before = [...years].reverse().find((yr) => yr < b) ?? b;
    const bx = r1((x(before) + x(b)) / 2);
    return h(
      'g',
      { class: 'break' },
      h('line', {
        x1: bx,
        x2: bx,
        y1: plotTop - 2,
        y2: plotBottom,
        stroke: '#1a1a1a',
        'stroke-dasharray': '2 3',
        'stroke-width': 1.5,
      }),
      i.breakLabel
        ? h('text', { x: bx, y: plotTop - 4, 'font-size': fs, 'text-anchor': 'middle', fill: '#1a1a1a' }, i.breakLabel)
        : undefined,
    );
  });

  const lines: SvgNode[] = [];
  const ends: { series: LineSeries; year: number; x: number; y: number }[] = [];
  for (const s of i.series) {
    const byYear = new Map(s.points.map((p) => [p.year, p.value]));
    const d = lineSegments(years, byYear, breakYears)
      .map((seg) =>
        seg.map((yr, k) => `${k === 0 ? 'M' : 'L'}${r1(x(yr))},${r1(y(byYear.get(yr) as number))}`).join(''),
      )
      .join('');
    const markers = years.flatMap((yr) => {
      const v = byYear.get(yr);
      return v === undefined ? [] : [marker(s.style, x(yr), y(v))];
    });
    lines.push(
      h(
        'g',
        { class: 'series' },
        d
          ? h('path', {
              d,
              fill: 'none',
              stroke: s.style.color,
              'stroke-width': s.style.width,
              'stroke-dasharray': s.style.dash,
              'stroke-linejoin': 'round',
              'stroke-linecap': 'round',
            })
          : undefined,
        ...markers,
      ),
    );
    const lastYear = [...years].reverse().find((yr) => byYear.get(yr) !== undefined);
    if (lastYear !== undefined)
      ends.push({ series: s, year: lastYear, x: x(lastYear), y: y(byYear.get(lastYear) as number) });
  }

  // Labels of lines that reach the last year go into the column on the right; a line that ends earlier is labelled
  // right of its last point (a leader across the empty years would read as data).
  const lineHeight = Math.round(fs * 1.15);
  const labelX = plotRight + 8;
  const charsFor = (from: number) => Math.max(6, Math.floor((width - 2 - from) / (fs * CHAR_EM)));
  const labels: SvgNode[] = [];
  for (const group of [ends.filter((e) => e.year === last), ends.filter((e) => e.year !== last)]) {
    const items = group.map((e) => {
      const x0 = e.year === last ? labelX : e.x + 8;
      return { ...e, x0, lines: wrapLabel(e.series.label, charsFor(x0)) };
    });
    const tops = placeLabels(
      items.map((e) => ({ y: e.y, size: e.lines.length * lineHeight })),
      fs,
      height - 2,
      3,
    );
    items.forEach((e, k) => {
      const top = tops[k] as number;
      const mid = top + (e.lines.length * lineHeight) / 2;
      const leader =
        Math.abs(mid - e.y) > 2
          ? h('line', {
              x1: r1(e.x + 5),
              y1: r1(e.y),
              x2: r1(e.x0 - 2),
              y2: r1(mid),
              stroke: e.series.style.color,
              'stroke-width': 1,
            })
          : undefined;
      labels.push(
        h(
          'g',
          { class: 'label' },
          leader,
          h(
            'text',
            {
              x: r1(e.x0),
              y: r1(top + fs),
              'font-size': fs,
              fill: e.series.style.color,
              'font-weight': e.series.style.strong ? 700 : undefined,
              stroke: '#fff',
              'stroke-width': 3,
              'stroke-linejoin': 'round',
              'paint-order': 'stroke',
            },
            ...e.lines.map((line, n) => h('tspan', { x: r1(e.x0), dy: n === 0 ? 0 : lineHeight }, line)),
          ),
        ),
      );
    });
  }

  return h(
    'svg',
    {
      xmlns: 'http://www.w3.org/2000/svg',
      viewBox: `0 0 ${width} ${height}`,
      width,
      height,
      role: 'img',
      'aria-label': i.title,
      focusable: 'false',
      class: 'line-chart',
    },
    h('title', undefined, i.title),
    grid,
    unit,
    yAxis,
    xAxis,
    ...breaks,
    ...lines,
    ...labels,
  );
}

/** A legend sample of a series' style (a short line with its marker), 36 × 16 px, for an HTML key beside the chart. */
export function renderLegendSample(style: LineStyle): SvgNode {
  return h(
    'svg',
    {
      xmlns: 'http://www.w3.org/2000/svg',
      viewBox: '0 0 36 16',
      width: 36,
      height: 16,
      'aria-hidden': 'true',
      focusable: 'false',
      class: 'legend-sample',
    },
    h('path', {
      d: 'M2,8L34,8',
      stroke: style.color,
      'stroke-width': style.width,
      'stroke-dasharray': style.dash,
      fill: 'none',
    }),
    marker(style, 18, 8),
  );
}

/** A marker of `style` at (x, y), about 8 px across. */
function marker(style: LineStyle, cx: number, cy: number): SvgNode {
  const x = Math.round(cx * 10) / 10;
  const yy = Math.round(cy * 10) / 10;
  const paint = {
    fill: style.hollow ? '#fff' : style.color,
    stroke: style.hollow ? style.color : '#fff',
    'stroke-width': style.hollow ? 1.8 : 1,
  };
  switch (style.marker) {
    case 'circle':
      return h('circle', { cx: x, cy: yy, r: 4.2, ...paint });
    case 'square':
      return h('rect', { x: x - 3.8, y: yy - 3.8, width: 7.6, height: 7.6, ...paint });
    case 'triangle':
      return h('path', { d: `M${x},${yy - 5}l4.6,8h-9.2z`, ...paint });
    case 'diamond':
      return h('path', { d: `M${x},${yy - 5.2}l5.2,5.2l-5.2,5.2l-5.2,-5.2z`, ...paint });
    case 'cross':
      return h('path', {
        d: `M${x - 4},${yy - 4}L${x + 4},${yy + 4}M${x - 4},${yy + 4}L${x + 4},${yy - 4}`,
        fill: 'none',
        stroke: style.color,
        'stroke-width': 2,
      });
  }
}

/** Distinct years, ascending. */
function sortedYears(years: readonly number[]): number[] {
  return [...new Set(years)].sort((a, b) => a - b);
}

/** The value axis's domain: the values' range made nice; one value gets some room around it. */
function valueDomain(values: readonly number[]): [number, number] {
  if (values.length === 0) return [0, 1];
  let lo = Math.min(...values);
  let hi = Math.max(...values);
  if (lo === hi) {
    const d = Math.abs(lo) * 0.1 || 1;
    lo -= d;
    hi += d;
  }
  const [a, b] = nice(lo, hi, 4);
  return [a, b];
}

/**
 * The runs of a series that a line connects: consecutive years of `years` that both have a value, not across a
 * break (a break year b splits between the year before b and b). Each run has at least two years.
 * @example lineSegments([2013, 2015, 2017, 2019], values 2013, 2015, 2019) → [[2013, 2015]]
 */
export function lineSegments(
  years: readonly number[],
  values: ReadonlyMap<number, number | undefined>,
  breaks: readonly number[] = [],
): number[][] {
  const runs: number[][] = [];
  let run: number[] = [];
  let previous: number | undefined;
  for (const yr of years) {
    const broken = previous !== undefined && breaks.some((b) => b > (previous as number) && b <= yr);
    if (values.get(yr) === undefined || broken) {
      if (run.length > 1) runs.push(run);
      run = values.get(yr) === undefined ? [] : [yr];
    } else run.push(yr);
    previous = yr;
  }
  if (run.length > 1) runs.push(run);
  return runs;
}

/** The year ticks that fit: the last year always, earlier ones only at least `minGap` px left of the next shown. */
export function thinTicks<T extends { x: number }>(ticksIn: readonly T[], minGap: number): T[] {
  const out: T[] = [];
  for (let k = ticksIn.length - 1; k >= 0; k--) {
    const t = ticksIn[k] as T;
    const next = out[0];
    if (!next || next.x - t.x >= minGap) out.unshift(t);
  }
  return out;
}

/**
 * Vertical positions (tops) for labels that want to sit centred on `y` and are `size` px tall: in order of `y`,
 * each at least `gap` below the one above, all between `top` and `bottom` (moved up together if the last one would
 * stick out). Returns the tops in the order of the input.
 */
export function placeLabels(
  items: readonly { y: number; size: number }[],
  top: number,
  bottom: number,
  gap: number,
): number[] {
  const order = items.map((it, k) => ({ k, want: it.y - it.size / 2, size: it.size })).sort((a, b) => a.want - b.want);
  const tops: number[] = [];
  let cursor = top;
  for (const o of order) {
    const t = Math.max(o.want, cursor);
    tops.push(t);
    cursor = t + o.size + gap;
  }
  // Too low: move the stack up from the bottom, but never above `top`.
  let limit = bottom;
  for (let n = order.length - 1; n >= 0; n--) {
    const o = order[n] as (typeof order)[number];
    const t = Math.max(top, Math.min(tops[n] as number, limit - o.size));
    tops[n] = t;
    limit = t - gap;
  }
  const out = new Array<number>(items.length);
  order.forEach((o, n) => (out[o.k] = tops[n] as number));
  return out;
}

/**
 * A label broken into lines of at most `maxChars` characters at spaces, hyphens and slashes (a longer word stays
 * whole on its own line).
 * @example wrapLabel("Neuköllner Mitte/Zentrum", 12) → ["Neuköllner", "Mitte/", "Zentrum"]
 */
export function wrapLabel(text: string, maxChars: number): string[] {
  const words = text.split(/(?<=[\s\-/])/).map((w) => w.replace(/\s+$/, ''));
  const lines: string[] = [];
  let line = '';
  for (const w of words) {
    const joiner = line === '' || /[-/]$/.test(line) ? '' : ' ';
    if (line !== '' && (line + joiner + w).length > maxChars) {
      lines.push(line);
      line = w;
    } else line += joiner + w;
  }
  if (line !== '') lines.push(line);
  return lines;
}
