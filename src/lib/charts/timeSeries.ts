import * as Plot from '@observablehq/plot';
import { formatNumber, type Lang } from '../format.ts';
import { cleanPlotSvg, escapeText } from './svg.ts';

/**
 * Time-series charts of a unit against its parent units and the city, rendered to SVG at build time (Observable Plot,
 * server side), for a phone first: the canvas is as wide as a phone's content column, so tick labels and annotations
 * keep their size (about 12 CSS px) at 390 px and grow on wider screens.
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
  /** A DOM document (linkedom or jsdom on the server). */
  document: Document;
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

/**
 * Renders the lines (the unit first) as one SVG per language.
 * @returns SVG markup per language, or "" when no point has a value.
 */
export function renderTimeSeries(
  lines: readonly ChartLine[],
  breaks: readonly ChartBreak[],
  o: TimeSeriesOptions,
): LocalizedSvg {
  const points = lines.flatMap((l) => l.points.map((p) => ({ ...p, role: l.role })));
  if (!points.some((p) => p.value !== undefined)) return { de: '', en: '' };
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
  // Break labels take rows at the top of the frame, kept free of data by the y scale's inset.
  const rowHeight = CHART_FONT_SIZE + 3;
  const breakRows = breaks.map((b, i) => ({ ...b, row: i, token: `\u2064b${i}\u2064` }));

  // Plot runs once; texts that differ between languages are tokens filled in afterwards (half the cost).
  const ticks: number[] = [];
  const fmt = (v: number) => `\u2063${ticks.push(v) - 1}\u2063`;
  const marks: Plot.Markish[] = [
    Plot.gridY({ ticks: 4, stroke: '#c8c8c8', strokeOpacity: 1 }),
    Plot.axisY({ ticks: 4, tickFormat: fmt, label: o.unit ? UNIT_TOKEN : null, labelArrow: 'up', tickSize: 0 }),
    Plot.axisX({ ticks: boundaries, tickFormat: () => '', tickSize: 5, label: null }),
    Plot.axisX({ ticks: labelled, tickFormat: (d: number) => String(Math.floor(d)), tickSize: 0, label: null }),
    Plot.ruleX(breakRows, { x: 't', stroke: '#1a1a1a', strokeDasharray: '3,2', strokeWidth: 1.5 }),
    // Each break label in its own row (two breaks two years apart would overlap), right of its rule unless near the
    // end, on a white halo.
    ...breakRows.map((b) => {
      const right = b.t > (first + last) / 2;
      return Plot.text([b], {
        x: 't',
        text: 'token',
        frameAnchor: 'top',
        dy: 2 + CHART_FONT_SIZE / 2 + b.row * rowHeight,
        dx: right ? -4 : 4,
        textAnchor: right ? 'end' : 'start',
        fill: '#1a1a1a',
        stroke: 'white',
        strokeWidth: 4,
        paintOrder: 'stroke',
      });
    }),
  ];
  // Context lines first, so the unit's line lies on top.
  for (const line of [...lines].reverse()) {
    const s = LINE_STYLES[line.role];
    const data = line.points.map((p) => ({ ...p, z: p.segment ?? 0 }));
    marks.push(
      Plot.lineY(data, {
        x: 't',
        y: 'value',
        z: 'z',
        stroke: s.stroke,
        strokeWidth: s.width,
        ...(s.dash ? { strokeDasharray: s.dash } : {}),
      }),
      Plot.dot(
        data.filter((p) => p.value !== undefined),
        { x: 't', y: 'value', symbol: s.symbol, fill: s.fill, stroke: s.stroke, strokeWidth: 1.5, r: s.r },
      ),
    );
  }
  const svg = Plot.plot({
    document: o.document,
    width,
    height,
    marginLeft,
    marginRight,
    marginTop: 22,
    marginBottom: 26,
    x: { type: 'linear', domain: [first, last] },
    y: { nice: true, zero: false, insetTop: breakRows.length > 0 ? breakRows.length * rowHeight + 4 : 4 },
    marks,
  });
  // Plot's inline style attribute would need 'unsafe-inline' under style-src; the font size is an attribute instead.
  const template = svg.outerHTML
    .replace(/\sstyle="[^"]*"/g, '')
    // The year boundaries' axis has ticks but no labels: drop its empty texts.
    .replace(/<text[^>]*\/>|<text[^>]*><\/text>/g, '')
    .replace(/(<svg[^>]*?)\sfont-size="[^"]*"/, `$1 font-size="${CHART_FONT_SIZE}"`);
  // Enough decimals to tell the ticks apart (0.26, 0.28 must not both read "0,3").
  const decimals = Math.max(tickDecimals(points), exactDecimals(ticks));
  const fill = (lang: Lang) =>
    cleanPlotSvg(
      template
        .replace(/\u2063(\d+)\u2063/g, (_, i: string) => formatNumber(ticks[Number(i)], decimals, lang))
        .replace(/\u2064b(\d+)\u2064/g, (_, i: string) => escapeText(breakRows[Number(i)]?.label[lang] ?? ''))
        .replace(/\u2064unit\u2064/g, () => escapeText(inLang(o.unit ?? '', lang))),
      o.label[lang],
    );
  return { de: fill('de'), en: fill('en') };
}

// Placeholder for the axis unit, which differs between languages; filled in per language like the ticks.
const UNIT_TOKEN = '\u2064unit\u2064';

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
