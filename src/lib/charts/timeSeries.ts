import * as Plot from '@observablehq/plot';
import { formatNumber, type Lang } from '../format.ts';
import { cleanPlotSvg, escapeText } from './svg.ts';

/** One point of a series; `value` undefined for missing or suppressed years (drawn as a gap). */
export interface SeriesPoint {
  year: number;
  value: number | undefined;
}

export interface TimeSeriesOptions {
  /** Accessible name of the chart per language, e.g. "Transferbezug in Tiergarten Süd, 2013–2019". */
  label: { de: string; en: string };
  unitName: string;
  /** The city's name, per language (e.g. { de: "München", en: "Munich" }) or one for both. */
  cityName: string | { de: string; en: string };
  /** Axis unit, e.g. "%", per language or one for both. */
  unit?: string | { de: string; en: string } | undefined;
  decimals: number;
  /** A DOM document (linkedom or jsdom on the server). */
  document: Document;
  width?: number;
  height?: number;
}

/**
 * Renders a time series of one unit against the city as SVG (Observable Plot, server side).
 * The unit is a solid line with dots, the city a dashed line: told apart without colour
 * (WCAG 1.4.1), and labelled at their last point. Years without a value leave a gap.
 * @returns SVG markup per language, or "" when no point has a value.
 */
export function renderTimeSeries(
  unit: readonly SeriesPoint[],
  city: readonly SeriesPoint[],
  o: TimeSeriesOptions,
): LocalizedSvg {
  const rows = [...unit.map((p) => ({ ...p, who: o.unitName })), ...city.map((p) => ({ ...p, who: CITY_TOKEN }))];
  if (!rows.some((r) => r.value !== undefined)) return { de: '', en: '' };
  const years = [...new Set(rows.map((r) => r.year))].sort((a, b) => a - b);
  const last = (pts: readonly SeriesPoint[], who: string) => {
    const p = [...pts].reverse().find((q) => q.value !== undefined);
    return p ? [{ ...p, who }] : [];
  };
  // Plot runs once; tick labels are tokens filled in per language afterwards (half the cost).
  const ticks: number[] = [];
  const fmt = (v: number) => `\u2063${ticks.push(v) - 1}\u2063`;
  const svg = Plot.plot({
    document: o.document,
    width: o.width ?? 560,
    height: o.height ?? 220,
    marginRight: 110,
    marginLeft: 48,
    style: { fontSize: '13px' } as never,
    x: { type: 'point', domain: years, label: null, tickFormat: (y: number) => String(y) },
    y: { grid: true, nice: true, zero: false, label: o.unit ? UNIT_TOKEN : null, tickFormat: fmt, ticks: 4 },
    marks: [
      Plot.lineY(city, { x: 'year', y: 'value', stroke: '#595959', strokeDasharray: '5,4', strokeWidth: 2 }),
      Plot.lineY(unit, { x: 'year', y: 'value', stroke: '#0b4f8a', strokeWidth: 2.5 }),
      Plot.dot(
        unit.filter((p) => p.value !== undefined),
        { x: 'year', y: 'value', fill: '#0b4f8a', r: 3.5 },
      ),
      Plot.text(last(unit, o.unitName), {
        x: 'year',
        y: 'value',
        text: 'who',
        dx: 8,
        textAnchor: 'start',
        fill: '#0b4f8a',
        fontWeight: 'bold',
        lineWidth: 9,
      }),
      Plot.text(last(city, CITY_TOKEN), {
        x: 'year',
        y: 'value',
        text: 'who',
        dx: 8,
        dy: 14,
        textAnchor: 'start',
        fill: '#4d4d4d',
      }),
    ],
  });
  // Plot's inline style attribute would need 'unsafe-inline' under style-src; sizes come from CSS.
  const template = svg.outerHTML.replace(/\sstyle="[^"]*"/g, '');
  // Enough decimals to tell the ticks apart (0.26, 0.28 must not both read "0,3").
  const decimals = Math.max(tickDecimals(rows), exactDecimals(ticks));
  const fill = (lang: Lang) =>
    cleanPlotSvg(
      template
        .replace(/\u2063(\d+)\u2063/g, (_, i: string) => formatNumber(ticks[Number(i)], decimals, lang))
        .replace(/\u2064city\u2064/g, () => escapeText(inLang(o.cityName, lang)))
        .replace(/\u2064unit\u2064/g, () => escapeText(inLang(o.unit ?? '', lang))),
      o.label[lang],
    );
  return { de: fill('de'), en: fill('en') };
}

// Placeholders for the texts that differ between languages, filled in per language like the ticks.
const CITY_TOKEN = '\u2064city\u2064';
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
