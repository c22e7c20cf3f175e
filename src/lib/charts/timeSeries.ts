import { extent, line, scaleLinear, symbol, symbolDiamond, symbolSquare, symbolTriangle, type SymbolType } from 'd3';
import { formatNumber, type Lang } from '../format.ts';
import {
  cleanPlotSvg,
  drawingIn,
  escapeAttr,
  escapeText,
  shortenNumbers,
  textToken,
  type LocalizedDrawing,
} from './svg.ts';

/**
 * Time-series charts of a unit against its parent units and the city, drawn as SVG at build time (d3, the markup
 * Observable Plot draws for the same marks), for a phone first: the canvas is as wide as a phone's content column,
 * so tick labels and annotations keep their size (about 12 CSS px) at 390 px and grow on wider screens.
 *
 * The x axis is time, proportional: a value sits at its reference date (Stichtag), so editions two and four years
 * apart are drawn two and four years apart, and each year is a labelled band (31.12.2018 at the right end of "2018").
 * A year without a value and a declared series break interrupt a line; a break is marked with a rule and a short
 * label (its full text stands under the chart).
 */

/** Width of the canvas in SVG units: the content column of a 390 px phone, so 1 unit ≈ 1 CSS px there. */
export const CHART_WIDTH = 360;
/** Font size of ticks and annotations in SVG units (≈ CSS px on a phone). */
export const CHART_FONT_SIZE = 12;

/** One point of a line; `value` undefined for a year without a number (drawn as a gap). */
export interface SeriesPoint {
  /** Time as a decimal year: 2019.0 is the end of 31.12.2018 (see {@link timeOf}). */
  t: number;
  value: number | undefined;
  /** The comparable stretch the point belongs to (points of different segments are never joined). */
  segment?: number | undefined;
}

/** The roles a line can have; each has its own stroke, dash pattern and point symbol. */
export type LineRole = 'unit' | 'parent' | 'grand' | 'city';

/** One line of the chart. */
export interface ChartLine {
  role: LineRole;
  points: readonly SeriesPoint[];
}

/** A break marked in the chart: where (decimal year) and a short label per language. */
export interface ChartBreak {
  t: number;
  label: { de: string; en: string };
}

export interface TimeSeriesOptions {
  /** Accessible name of the chart per language, e.g. "Transferbezug: Tiergarten Süd und Mitte, 2013–2019". */
  label: { de: string; en: string };
  /** Axis unit, e.g. "%", per language or one for both. */
  unit?: string | { de: string; en: string } | undefined;
  decimals: number;
  width?: number;
  height?: number;
}

/** How each role is drawn: told apart by dash pattern and point symbol, not only by colour (WCAG 1.4.1). */
export const LINE_STYLES: Readonly<
  Record<LineRole, { stroke: string; dash: string; width: number; symbol: string; fill: string; r: number }>
> = {
  unit: { stroke: '#0b4f8a', dash: '', width: 2.5, symbol: 'circle', fill: '#0b4f8a', r: 3.5 },
  parent: { stroke: '#8a4500', dash: '6,3', width: 2, symbol: 'square', fill: 'white', r: 3.5 },
  grand: { stroke: '#4d4d4d', dash: '1.5,3', width: 2, symbol: 'triangle', fill: 'white', r: 4 },
  city: { stroke: '#1a1a1a', dash: '9,3,2,3', width: 1.5, symbol: 'diamond', fill: 'white', r: 4 },
};

/**
 * A small sample of each role's line (dash and symbol) for a chart's legend, aria-hidden. One string per role: the
 * page models name the role, and the page writes its sample (a unit page has dozens of legends, and both languages'
 * copies of each sample made up a tenth of its model).
 */
export const LINE_SWATCHES: Readonly<Record<LineRole, string>> = {
  unit: lineSwatch('unit'),
  parent: lineSwatch('parent'),
  grand: lineSwatch('grand'),
  city: lineSwatch('city'),
};

function lineSwatch(role: LineRole): string {
  const s = LINE_STYLES[role];
  const dash = s.dash ? ` stroke-dasharray="${s.dash}"` : '';
  const symbol =
    s.symbol === 'circle'
      ? `<circle cx="14" cy="6" r="3.5"/>`
      : s.symbol === 'square'
        ? `<rect x="10.5" y="2.5" width="7" height="7"/>`
        : s.symbol === 'triangle'
          ? `<path d="M14,1.5L18.5,9.5L9.5,9.5Z"/>`
          : `<path d="M14,1.5L18.5,6L14,10.5L9.5,6Z"/>`;
  return `<svg class="swatch" viewBox="0 0 28 12" width="28" height="12" aria-hidden="true" focusable="false"><line x1="1" y1="6" x2="27" y2="6" stroke="${s.stroke}" stroke-width="${s.width}"${dash}/><g fill="${s.fill}" stroke="${s.stroke}" stroke-width="1.5">${symbol}</g></svg>`;
}

/**
 * A reference date as a decimal year at the end of that day: "2018-12-31" → 2019.0, "2019-06-30" → 2019.5 (about).
 * Without a date, the middle of the year: 2019 → 2019.5.
 */
export function timeOf(date: string | undefined, year: number): number {
  const m = date ? /^(\d{4})-(\d{2})-(\d{2})$/.exec(date) : null;
  if (!m) return year + 0.5;
  const y = Number(m[1]);
  const start = Date.UTC(y, 0, 1);
  const end = Date.UTC(y + 1, 0, 1);
  const dayEnd = Date.UTC(y, Number(m[2]) - 1, Number(m[3]) + 1);
  return y + (dayEnd - start) / (end - start);
}

/** Everything a drawing of the chart needs, computed once from the lines, breaks and options. */
export interface TimeSeriesLayout {
  lines: readonly ChartLine[];
  width: number;
  height: number;
  marginLeft: number;
  marginRight: number;
  marginTop: number;
  marginBottom: number;
  /** The x domain in decimal years: from the start of the first year's band to the end of the last one's. */
  first: number;
  last: number;
  /** Band edges (one tick each, no label) and band middles of the labelled years. */
  boundaries: number[];
  labelled: number[];
  /** The breaks, each in its own row of labels at the top; `token` stands for its label until it is filled in. */
  breakRows: (ChartBreak & { row: number; token: string })[];
  rowHeight: number;
  /** Whether the y axis is labelled with the unit ({@link UNIT_TOKEN}). */
  unitLabel: boolean;
}

/** What a drawing returns: the SVG with tokens for texts per language, and the y ticks the tokens \u2063i\u2063 stand for. */
export interface TimeSeriesTemplate {
  template: string;
  ticks: number[];
}

/**
 * Renders the lines (the unit first) as one SVG per language.
 * @returns SVG markup per language, or "" when no point has a value.
 */
export function renderTimeSeries(
  lines: readonly ChartLine[],
  breaks: readonly ChartBreak[],
  o: TimeSeriesOptions,
): LocalizedSvg {
  const chart = drawLocalizedChart(lines, breaks, o);
  return chart ? { de: drawingIn(chart, 'de'), en: drawingIn(chart, 'en') } : { de: '', en: '' };
}

/**
 * Draws the lines (the unit first) once for both languages: the texts (tick labels, break labels, the axis unit, the
 * accessible name) are tokens, each language has its own (see {@link LocalizedDrawing}); undefined without a value.
 */
export function drawLocalizedChart(
  lines: readonly ChartLine[],
  breaks: readonly ChartBreak[],
  o: TimeSeriesOptions,
): LocalizedDrawing | undefined {
  const layout = timeSeriesLayout(lines, breaks, o);
  if (!layout) return undefined;
  const { template, ticks } = drawTimeSeries(layout);
  const points = lines.flatMap((l) => l.points);
  // Enough decimals to tell the ticks apart (0.26, 0.28 must not both read "0,3").
  const decimals = Math.max(tickDecimals(points), exactDecimals(ticks));
  const { breakRows } = layout;
  // One numbering for every text: the ticks (drawn as tokens 0 … n-1), then the breaks, the unit and the name.
  const unitToken = ticks.length + breakRows.length;
  const svg = cleanPlotSvg(
    template
      .replace(/\u2064b(\d+)\u2064/g, (_, i: string) => textToken(ticks.length + Number(i)))
      .replace(/\u2064unit\u2064/g, () => textToken(unitToken)),
    textToken(unitToken + 1),
  );
  // cleanPlotSvg shortens every number in the drawing to three decimals; the texts are shortened alike.
  const texts = (lang: Lang) =>
    [
      ...ticks.map((v) => formatNumber(v, decimals, lang)),
      ...breakRows.map((b) => escapeText(b.label[lang])),
      escapeText(inLang(o.unit ?? '', lang)),
      escapeAttr(o.label[lang]),
    ].map(shortenNumbers);
  return { svg, texts: { de: texts('de'), en: texts('en') } };
}

/** The chart's frame, year bands and break rows; undefined when no point has a value. */
export function timeSeriesLayout(
  lines: readonly ChartLine[],
  breaks: readonly ChartBreak[],
  o: Pick<TimeSeriesOptions, 'unit' | 'width' | 'height'>,
): TimeSeriesLayout | undefined {
  const points = lines.flatMap((l) => l.points);
  if (!points.some((p) => p.value !== undefined)) return undefined;
  const width = o.width ?? CHART_WIDTH;
  const height = o.height ?? 220;
  const marginLeft = 44;
  const marginRight = 12;
  // Years as bands: a point at t lies in the band of the year its day belongs to (2019.0 = 31.12.2018 → "2018").
  const ts = points.map((p) => p.t);
  const first = Math.ceil(Math.min(...ts)) - 1;
  const last = Math.ceil(Math.max(...ts));
  const bandWidth = (width - marginLeft - marginRight) / Math.max(1, last - first);
  // A year label is about 2.4 font sizes wide; leave a gap: label every year, every 2nd, 5th or 10th.
  const step = [1, 2, 5, 10].find((s) => s * bandWidth >= 3 * CHART_FONT_SIZE) ?? 20;
  const labelled: number[] = [];
  for (let y = last - 1; y >= first; y -= step) labelled.unshift(y + 0.5);
  const boundaries = Array.from({ length: last - first + 1 }, (_, i) => first + i);
  return {
    lines,
    width,
    height,
    marginLeft,
    marginRight,
    marginTop: 22,
    marginBottom: 26,
    first,
    last,
    boundaries,
    labelled,
    // Break labels take rows at the top of the frame, kept free of data by the y scale's inset.
    breakRows: breaks.map((b, i) => ({ ...b, row: i, token: `\u2064b${i}\u2064` })),
    rowHeight: CHART_FONT_SIZE + 3,
    unitLabel: Boolean(o.unit),
  };
}

/**
 * Draws the chart as SVG markup, with d3's scales, line and symbols and no DOM: element for element and number for
 * number what Observable Plot drew for the same marks (grid, axes, break rules and labels, then each line with its
 * points, context lines first), which test/lib/charts/timeSeries.test.ts checks against Plot itself. Drawn thus, a
 * chart takes a tenth of the time: the unit pages draw about 20 charts each.
 */
export function drawTimeSeries(l: TimeSeriesLayout): TimeSeriesTemplate {
  const { width, height, marginLeft, marginTop, breakRows } = l;
  const right = width - l.marginRight;
  const bottom = height - l.marginBottom;
  const x = scaleLinear()
    .domain([l.first, l.last])
    .range([marginLeft, Math.max(marginLeft, right)]);
  const values = l.lines.flatMap((ln) => ln.points.flatMap((p) => (p.value === undefined ? [] : [p.value])));
  const [min, max] = extent(values) as [number, number];
  const top = marginTop + (breakRows.length > 0 ? breakRows.length * l.rowHeight + 4 : 4);
  const y = scaleLinear()
    .domain([min, max])
    .nice()
    .range([Math.max(top, bottom), top]);
  const ticks = y.ticks(4);
  const out: string[] = [
    `<svg viewBox="0 0 ${width} ${height}" height="${height}" width="${width}" text-anchor="middle" font-size="${CHART_FONT_SIZE}" font-family="system-ui, sans-serif" fill="currentColor" class="plot-d6a7b5">`,
  ];
  const group = (open: string, items: readonly string[]) => {
    if (items.length > 0) out.push(open, ...items, '</g>');
  };
  group(
    '<g stroke="#c8c8c8" aria-hidden="true">',
    ticks.map((t) => `<line y2="${y(t)}" y1="${y(t)}" x2="${right}" x1="${marginLeft}" />`),
  );
  group(
    '<g transform="translate(-9,0)" font-variant="tabular-nums" text-anchor="end">',
    ticks.map((t, i) => `<text transform="translate(${marginLeft},${y(t)})" y="0.32em">${textToken(i)}</text>`),
  );
  if (l.unitLabel)
    group(`<g transform="translate(${3 - marginLeft},${3 - marginTop})" text-anchor="start">`, [
      `<text transform="translate(${marginLeft},${marginTop})" y="0.71em">↑ ${UNIT_TOKEN}</text>`,
    ]);
  group(
    '<g stroke="currentColor" fill="none" aria-hidden="true">',
    l.boundaries.map((t) => `<path d="M0,0L0,5" transform="translate(${x(t)},${bottom})" />`),
  );
  // The year boundaries' labels are empty texts, dropped: an empty group stays where Plot drew it.
  if (l.boundaries.length > 0) out.push('<g transform="translate(0,9)" font-variant="tabular-nums"></g>');
  group(
    '<g transform="translate(0,9)" font-variant="tabular-nums">',
    l.labelled.map((t) => `<text transform="translate(${x(t)},${bottom})" y="0.71em">${Math.floor(t)}</text>`),
  );
  group(
    '<g stroke-dasharray="3,2" stroke-width="1.5" stroke="#1a1a1a">',
    breakRows.map((b) => `<line y2="${bottom}" y1="${marginTop}" x2="${x(b.t)}" x1="${x(b.t)}" />`),
  );
  // Each break label in its own row (two breaks two years apart would overlap), right of its rule unless near the
  // end, on a white halo.
  for (const b of breakRows) {
    const end = b.t > (l.first + l.last) / 2;
    group(
      `<g transform="translate(${end ? -4 : 4},${2 + CHART_FONT_SIZE / 2 + b.row * l.rowHeight})" text-anchor="${end ? 'end' : 'start'}" paint-order="stroke" stroke-linejoin="round" stroke-width="4" stroke="white" fill="#1a1a1a">`,
      [`<text transform="translate(${x(b.t)},${marginTop})" y="0.71em">${b.token}</text>`],
    );
  }
  // Context lines first, so the unit's line lies on top.
  const path = line<[number, number]>()
    .defined((p) => !Number.isNaN(p[1]))
    .x((p) => p[0])
    .y((p) => p[1]);
  for (const ln of [...l.lines].reverse()) {
    const s = LINE_STYLES[ln.role];
    if (ln.points.length > 0) {
      const dash = s.dash ? `stroke-dasharray="${s.dash}" ` : '';
      const open = `<g ${dash}stroke-linecap="round" stroke-linejoin="round" stroke-width="${s.width}" stroke="${s.stroke}" fill="none"`;
      const parts = lineParts(ln.points, x, y);
      // A line without any number is an empty group, written as Plot's serializer writes one.
      if (parts.length === 0) out.push(`${open} />`);
      else
        group(
          `${open}>`,
          parts.map((part) => `<path d="${path(part)}" />`),
        );
    }
    const symbol = SYMBOL_PATHS[ln.role];
    const dots = ln.points.filter((p) => p.value !== undefined);
    group(
      `<g stroke-width="1.5" stroke="${s.stroke}" fill="${s.fill}">`,
      dots.map((p) =>
        symbol
          ? `<path d="${symbol}" transform="translate(${x(p.t)},${y(p.value as number)})" />`
          : `<circle r="${s.r}" cy="${y(p.value as number)}" cx="${x(p.t)}" />`,
      ),
    );
  }
  out.push('</svg>');
  return { template: out.join(''), ticks };
}

/**
 * The paths of one line, as Plot groups them: a path per comparable stretch (segment), in the order the stretches
 * first appear; within one, a year without a value is a gap (NaN, where d3's line lifts the pen). Values before a
 * stretch's first number are left out, and a stretch without any number draws nothing.
 */
function lineParts(
  points: readonly SeriesPoint[],
  x: (t: number) => number,
  y: (v: number) => number,
): [number, number][][] {
  // A Map keeps the order in which the stretches first appear.
  const parts = new Map<number, [number, number][]>();
  for (const p of points) {
    const z = p.segment ?? 0;
    let part = parts.get(z);
    if (!part) {
      part = [];
      parts.set(z, part);
    }
    if (p.value !== undefined) part.push([x(p.t), y(p.value)]);
    else if (part.length > 0) part.push([x(p.t), Number.NaN]);
  }
  return [...parts.values()].filter((part) => part.length > 0);
}

/** d3's symbols for the roles' point shapes; a circle is drawn as `<circle>`. */
const SYMBOLS: Readonly<Record<string, SymbolType | undefined>> = {
  square: symbolSquare,
  triangle: symbolTriangle,
  diamond: symbolDiamond,
};

/** Each role's point symbol as a path of area πr², three decimals, as Plot draws it; undefined for a circle. */
const SYMBOL_PATHS = Object.fromEntries(
  Object.entries(LINE_STYLES).map(([role, s]) => {
    const type = SYMBOLS[s.symbol];
    return [role, type ? (symbol(type, s.r * s.r * Math.PI)() ?? undefined) : undefined];
  }),
) as Readonly<Record<LineRole, string | undefined>>;

// Placeholder for the axis unit, which differs between languages; filled in per language like the ticks.
export const UNIT_TOKEN = '\u2064unit\u2064';

function inLang(text: string | { de: string; en: string }, lang: Lang): string {
  return typeof text === 'string' ? text : text[lang];
}

/** An SVG in German and English. */
export interface LocalizedSvg {
  de: string;
  en: string;
}

/** The fewest decimals (at most 6) that write every tick exactly: [0.26, 0.28] → 2, [5000, 10000] → 0. */
function exactDecimals(ticks: readonly number[]): number {
  for (let d = 0; d < 6; d++) {
    const f = 10 ** d;
    if (ticks.every((t) => Math.abs(Math.round(t * f) - t * f) < 1e-6)) return d;
  }
  return 6;
}

/** Tick decimals: none for large numbers, one for small ranges. */
function tickDecimals(rows: readonly { value: number | undefined }[]): number {
  const vals = rows.map((r) => r.value).filter((v): v is number => v !== undefined);
  const span = Math.max(...vals) - Math.min(...vals);
  return span < 5 && Math.max(...vals.map(Math.abs)) < 100 ? 1 : 0;
}
