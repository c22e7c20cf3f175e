import type { CellStatus } from '../../schemas/atlasConfig.ts';
import type { LinePoint, LineSeries, LineStyle, MarkerShape } from '../charts/lineChart.ts';
import { formatNumber, type Lang } from '../format.ts';
import { pick, t } from '../i18n.ts';
import { describeValue } from '../indicators/describe.ts';
import type { CompareData, CompareIndicator, UnitFile } from './comparePage.ts';

/**
 * The compare page's view, built in the browser from the loaded unit files (pure: files in, display-ready texts and
 * chart inputs out; the script in src/client/comparePage.ts only turns it into DOM). Columns are the chosen units in
 * url order, then their parents (each once, unless chosen themselves), then the city. Every value is written with
 * `describeValue`: a number with its unit, a class label, or the status in words, never "0" for a missing value.
 */

/** One column of the tables and one line of the charts. */
export interface CompareColumn {
  /** Unit id, or "*" for the city. */
  key: string;
  name: string;
  role: 'unit' | 'parent' | 'city';
  /** e.g. "Planungsraum", "Bezirksregion, übergeordnet", "ganze Stadt". */
  roleText: string;
  /** Column header: "Reuterkiez (Planungsraum)". */
  header: string;
  /** The unit's page (with language prefix); undefined for the city. */
  href?: string | undefined;
  style: LineStyle;
}

/** One chart section: heading, sentence, chart input (none for counts and classes), key and table. */
export interface CompareChart {
  indicator: string;
  /** Fragment id of the section, e.g. "vergleich-arbeitslosigkeit". */
  anchor: string;
  heading: string;
  sentence: string;
  chart?:
    | {
        title: string;
        series: LineSeries[];
        years: number[];
        breaks: number[];
        unit?: string | undefined;
        /** Tick texts for the value axis (decimals enough to tell the ticks apart). */
        formatTicks(values: readonly number[]): string[];
      }
    | undefined;
  /** The chart's key: one entry per line, in words and with a sample of the line. */
  legend: { text: string; style: LineStyle }[];
  table: { caption: string; rows: { year: string; cells: string[] }[] };
}

export interface CompareView {
  columns: CompareColumn[];
  keyFigures: { caption: string; rows: { indicator: string; label: string; year: string; cells: string[] }[] };
  charts: CompareChart[];
}

/** Line styles of the chosen units: colour, marker and a bold label; colours ≥ 4.5:1 on white (text labels). */
export const UNIT_STYLES: readonly LineStyle[] = [
  { color: '#0b4f8a', marker: 'circle', width: 2.5, strong: true },
  { color: '#a63603', marker: 'square', width: 2.5, strong: true },
  { color: '#1b7837', marker: 'triangle', width: 2.5, strong: true },
  { color: '#762a83', marker: 'diamond', width: 2.5, strong: true },
];
/** The city: near black, dotted, crosses. */
export const CITY_STYLE: LineStyle = { color: '#1a1a1a', marker: 'cross', width: 2, dash: '2 3' };
/** A parent: its (first chosen) child's colour, dashed, the child's marker not filled. */
function parentStyle(child: LineStyle): LineStyle {
  return { color: child.color, marker: child.marker, width: 2, dash: '7 4', hollow: true };
}

type Cell = { status: CellStatus; value?: number | undefined };
/** Values of one column: indicator → year → cell. */
type Values = Map<string, Map<number, Cell>>;

function valuesOf(file: UnitFile): Values {
  const out: Values = new Map();
  for (const r of file.values) {
    let m = out.get(r.indicator_id);
    if (!m) out.set(r.indicator_id, (m = new Map()));
    m.set(r.year, { status: r.status, value: r.value === '' ? undefined : r.value });
  }
  return out;
}

/**
 * The city's values as the unit files carry them: from their `city` list with statuses; from `city_value` in a file
 * without that list (a number, else nothing: such a year reads as missing).
 */
function cityValuesOf(files: readonly UnitFile[]): Values {
  const out: Values = new Map();
  const put = (indicator: string, year: number, cell: Cell) => {
    let m = out.get(indicator);
    if (!m) out.set(indicator, (m = new Map()));
    if (!m.has(year) || hasNumber(cell)) m.set(year, cell);
  };
  for (const f of files) {
    if (f.city)
      for (const r of f.city)
        put(r.indicator_id, r.year, { status: r.status, value: r.value === '' ? undefined : r.value });
    else
      for (const r of f.values)
        if (r.city_value !== '') put(r.indicator_id, r.year, { status: 'value', value: r.city_value });
  }
  return out;
}

const hasNumber = (c: Cell | undefined): c is Cell & { value: number } =>
  c !== undefined && (c.status === 'value' || c.status === 'zero') && c.value !== undefined;
const numberOf = (c: Cell | undefined): number | undefined =>
  hasNumber(c) ? (c.status === 'zero' ? 0 : c.value) : undefined;

/** The fewest decimals (at most 6) that write every tick exactly: [0.26, 0.28] → 2, [5000, 10000] → 0. */
export function tickDecimals(ticks: readonly number[]): number {
  for (let d = 0; d < 6; d++) {
    const f = 10 ** d;
    if (ticks.every((v) => Math.abs(Math.round(v * f) - v * f) < 1e-6)) return d;
  }
  return 6;
}

/**
 * The view of a comparison: `selected` are the chosen units' files in order; `parents` the loaded files of their
 * parents by id (a parent whose file is missing gets no column); `prefix` the language's url prefix ("" or "/en").
 */
export function buildCompareView(i: {
  data: CompareData;
  selected: readonly UnitFile[];
  parents: ReadonlyMap<string, UnitFile>;
  prefix: string;
}): CompareView {
  const lang: Lang = i.data.lang;
  const levelLabel = new Map(i.data.levels.map((l) => [l.id, l.label]));
  const chosen = new Set(i.selected.map((f) => f.unit.id));
  const columns: CompareColumn[] = [];
  const values = new Map<string, Values>();
  const unitColumn = (f: UnitFile, role: 'unit' | 'parent', style: LineStyle): CompareColumn => {
    const level = levelLabel.get(f.unit.level) ?? f.unit.level;
    const roleText = role === 'unit' ? level : `${level}, ${t(lang, 'compareRoleParent')}`;
    return {
      key: f.unit.id,
      name: f.unit.name,
      role,
      roleText,
      header: `${f.unit.name} (${roleText})`,
      href: `${i.prefix}${f.unit.url}`,
      style,
    };
  };
  i.selected.forEach((f, k) => {
    columns.push(unitColumn(f, 'unit', UNIT_STYLES[k % UNIT_STYLES.length] as LineStyle));
    values.set(f.unit.id, valuesOf(f));
  });
  i.selected.forEach((f, k) => {
    const parent = f.parent ? i.parents.get(f.parent) : undefined;
    if (!parent || chosen.has(parent.unit.id) || values.has(parent.unit.id)) return;
    columns.push(unitColumn(parent, 'parent', parentStyle(UNIT_STYLES[k % UNIT_STYLES.length] as LineStyle)));
    values.set(parent.unit.id, valuesOf(parent));
  });
  const city = cityValuesOf([...i.selected, ...i.parents.values()]);
  const roleCity = t(lang, 'compareRoleCity');
  columns.push({
    key: '*',
    name: i.data.city,
    role: 'city',
    roleText: roleCity,
    header: `${i.data.city} (${roleCity})`,
    style: CITY_STYLE,
  });
  values.set('*', city);

  const cellOf = (col: CompareColumn, ind: string, year: number) => values.get(col.key)?.get(ind)?.get(year);
  const units = columns.filter((c) => c.role === 'unit');
  const describe = (ind: CompareIndicator, c: Cell | undefined) =>
    c ? describeValue(ind, c, lang) : t(lang, 'status_missing');

  const shown = i.data.indicators.filter((ind) => units.some((c) => (values.get(c.key)?.get(ind.id)?.size ?? 0) > 0));
  const keyRows = shown
    .filter((ind) => ind.keyFigure)
    .map((ind) => {
      const year = latestYear(ind.id, units, values);
      return {
        indicator: ind.id,
        label: headingOf(ind, lang),
        year: String(year),
        cells: columns.map((c) => describe(ind, cellOf(c, ind.id, year))),
      };
    });

  const charts = shown.map((ind): CompareChart => {
    const years = [...new Set(columns.flatMap((c) => [...(values.get(c.key)?.get(ind.id)?.keys() ?? [])]))].sort(
      (a, b) => a - b,
    );
    const first = years[0] as number;
    const last = years[years.length - 1] as number;
    const inChart = columns.filter((c) => years.some((y) => cellOf(c, ind.id, y) !== undefined));
    const series: LineSeries[] = inChart.map((c) => ({
      key: c.key,
      label: c.name,
      style: c.style,
      points: years.map((year): LinePoint => ({ year, value: numberOf(cellOf(c, ind.id, year)) })),
    }));
    const lineable = (ind.type === 'rate' || ind.type === 'value') && series.some((s) => countNumbers(s) >= 2);
    const breaks = ind.breaks.filter(
      (b) =>
        b.year > first &&
        b.year <= last &&
        inChart.some((c) =>
          c.role === 'city'
            ? !b.units && !b.levels
            : (!b.units || b.units.includes(c.key)) && (!b.levels || b.levels.includes(levelOf(c, i))),
        ),
    );
    const latest = latestYear(ind.id, units, values);
    const sentence = [
      t(lang, 'compareSentenceValues', {
        label: ind.label,
        year: String(latest),
        values: columns
          .map((c) => {
            const who = c.role === 'unit' ? c.name : `${c.name} (${c.roleText})`;
            return `${who} ${describe(ind, cellOf(c, ind.id, latest))}`;
          })
          .join('; '),
      }),
      rangeSentence(ind, units, (c) => numberOf(cellOf(c, ind.id, latest)), lang),
      lineable ? t(lang, 'compareSentenceYears', { first: String(first), last: String(last) }) : '',
      ...(lineable ? breaks.map((b) => t(lang, 'compareSentenceBreak', { year: String(b.year), text: b.text })) : []),
    ]
      .filter((s) => s !== '')
      .join(' ');
    return {
      indicator: ind.id,
      anchor: `vergleich-${ind.id}`,
      heading: headingOf(ind, lang),
      sentence,
      chart: lineable
        ? {
            title: t(lang, 'compareChartTitle', {
              label: ind.label,
              first: String(first),
              last: String(last),
              names: inChart.map((c) => c.name).join(', '),
            }),
            series,
            years,
            breaks: [...new Set(breaks.map((b) => b.year))],
            unit: pick(ind.unit, lang) || undefined,
            formatTicks: (ticks) => {
              const d = tickDecimals(ticks);
              return ticks.map((v) => formatNumber(v, d, lang));
            },
          }
        : undefined,
      legend: lineable ? inChart.map((c) => ({ text: legendText(c, lang), style: c.style })) : [],
      table: {
        caption: t(lang, 'compareCaptionSeries', { label: ind.label, first: String(first), last: String(last) }),
        rows: years.map((year) => ({
          year: String(year),
          cells: columns.map((c) => describe(ind, cellOf(c, ind.id, year))),
        })),
      },
    };
  });

  return { columns, keyFigures: { caption: t(lang, 'compareKeyCaption'), rows: keyRows }, charts };
}

/** "Arbeitslosigkeit (%)", or the label alone without a unit. */
function headingOf(ind: CompareIndicator, lang: Lang): string {
  const unit = pick(ind.unit, lang);
  return unit ? `${ind.label} (${unit})` : ind.label;
}

function levelOf(
  c: CompareColumn,
  i: { selected: readonly UnitFile[]; parents: ReadonlyMap<string, UnitFile> },
): string {
  return (i.selected.find((f) => f.unit.id === c.key) ?? i.parents.get(c.key))?.unit.level ?? '';
}

function countNumbers(s: LineSeries): number {
  return s.points.filter((p) => p.value !== undefined).length;
}

/** The latest year in which a chosen unit has a number for `ind`; if none has, the latest year any of them has. */
function latestYear(ind: string, units: readonly CompareColumn[], values: ReadonlyMap<string, Values>): number {
  let withNumber = -Infinity;
  let any = -Infinity;
  for (const c of units)
    for (const [year, cell] of values.get(c.key)?.get(ind) ?? []) {
      any = Math.max(any, year);
      if (hasNumber(cell)) withNumber = Math.max(withNumber, year);
    }
  return Number.isFinite(withNumber) ? withNumber : any;
}

/** "Unter den ausgewählten Gebieten hat A den höchsten, B den niedrigsten Wert." when two units differ; "" else. */
function rangeSentence(
  ind: CompareIndicator,
  units: readonly CompareColumn[],
  valueOf: (c: CompareColumn) => number | undefined,
  lang: Lang,
): string {
  if (ind.type === 'class') return '';
  const known = units.flatMap((c) => {
    const v = valueOf(c);
    return v === undefined ? [] : [{ c, v }];
  });
  if (known.length < 2) return '';
  const round = (v: number) => Number(v.toFixed(ind.decimals));
  const high = known.reduce((a, b) => (round(b.v) > round(a.v) ? b : a));
  const low = known.reduce((a, b) => (round(b.v) < round(a.v) ? b : a));
  if (round(high.v) === round(low.v)) return '';
  return t(lang, 'compareSentenceRange', { high: high.c.name, low: low.c.name });
}

const MARKER_KEYS = {
  circle: 'compareMarker_circle',
  square: 'compareMarker_square',
  triangle: 'compareMarker_triangle',
  diamond: 'compareMarker_diamond',
  cross: 'compareMarker_cross',
} as const satisfies Record<MarkerShape, string>;

/** The key of one line in words: "Reuterstraße (Bezirksregion, übergeordnet): gestrichelt, Kreis, nicht gefüllt". */
function legendText(c: CompareColumn, lang: Lang): string {
  const shape = t(lang, MARKER_KEYS[c.style.marker]);
  return t(lang, 'compareLineKey', {
    name: c.name,
    role: c.roleText,
    line: t(lang, c.role === 'unit' ? 'compareSolid' : c.role === 'parent' ? 'compareDashed' : 'compareDotted'),
    marker: c.style.hollow ? t(lang, 'compareMarkerHollow', { shape }) : shape,
  });
}
