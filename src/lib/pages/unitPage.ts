import type { Indicator, Level, Source } from '../../schemas/atlasConfig.ts';
import { renderLocatorMap } from '../charts/locatorMap.ts';
import type { MapFrame } from '../charts/mapFrame.ts';
import { escapeAttr, textToken, type LocalizedDrawing } from '../charts/svg.ts';
import { drawLocalizedChart, timeOf, type ChartBreak, type ChartLine, type LineRole } from '../charts/timeSeries.ts';
import { formatChange, formatDate, formatNumber, type Lang } from '../format.ts';
import { breakBetween, segmentOf, type BreakIndex, type ResolvedBreak } from '../indicators/breaks.ts';
import {
  changeUnit,
  describeBreak,
  describeDate,
  describeMethod,
  describeValue,
  summarizeSeries,
} from '../indicators/describe.ts';
import { rankDescending } from '../indicators/rank.ts';
import { CITY, hasNumber, type Value, type ValueStore } from '../indicators/store.ts';
import { isFallback, pick, t } from '../i18n.ts';
import type { Unit } from '../types.ts';
import type { UnitFacilities } from './facilityModel.ts';
import { buildUnitSchemes, groupChildren, type UnitSchemesContext, type UnitSchemesData } from './unitSchemes.ts';
import type {
  BreakRef,
  CellText,
  ComparisonColumn,
  ComparisonValue,
  KeyFigure,
  KeyFigureChange,
  KeyFigureText,
  SeriesBlock,
  SeriesMatrix,
  SeriesMatrixText,
  SeriesRow,
  SeriesText,
  UnitPageData,
  UnitPageText,
  UnitRef,
} from './model.ts';

/** Everything the unit pages of one atlas share. */
export interface UnitPageContext {
  store: ValueStore;
  indicators: readonly Indicator[];
  units: ReadonlyMap<string, Unit>;
  children: ReadonlyMap<string, readonly string[]>;
  /** Unit ids per level, for ranks. */
  unitsByLevel: ReadonlyMap<string, readonly string[]>;
  cityName: { de: string; en: string };
  frame: MapFrame;
  /** Path data per unit id in `frame`. */
  paths: ReadonlyMap<string, string>;
  /** Path data of the top-level units (the city's outline for locator maps). */
  contextPaths: readonly string[];
  urlOf(unit: Unit): string;
  /** The facility directory's section per unit id, when the atlas has a directory. */
  facilities?: ReadonlyMap<string, UnitFacilities> | undefined;
  /** Levels, boundary schemes and the links between them (successors, predecessors); see unitSchemes.ts. */
  schemes?: Omit<UnitSchemesContext, 'units' | 'urlOf'> | undefined;
  /** The declared series breaks; none when undefined. */
  breaks?: BreakIndex | undefined;
  /** The levels (labels of the comparison columns' levels). */
  levels?: readonly Pick<Level, 'id' | 'label' | 'labelPlural'>[] | undefined;
  /** The sources (titles for the citation's reference dates). */
  sources?: readonly Pick<Source, 'id' | 'title'>[] | undefined;
}

/** Builds ranks on demand and keeps them: one ranking per indicator, level and year. */
export function createRanker(ctx: Pick<UnitPageContext, 'store' | 'unitsByLevel'>) {
  const cache = new Map<string, ReturnType<typeof rankDescending>>();
  return (indicator: string, level: string, year: number) => {
    const key = `${indicator}|${level}|${year}`;
    let r = cache.get(key);
    if (!r) {
      const ids = ctx.unitsByLevel.get(level) ?? [];
      r = rankDescending(ids.map((id) => ({ id, value: ctx.store.get(indicator, id, year)?.value })));
      cache.set(key, r);
    }
    return r;
  };
}

/** The comparisons beside a unit's values: at most its parent and the parent's parent, then the city. */
const MAX_PARENTS = 2;

/**
 * The page model of one unit: relations, locator map, key figures (latest value with its Stichtag, the values of
 * parent units and the city in the same year, rank within the level, change never across a break) and one series
 * block per indicator (table, chart on a time axis, summary sentence), every text ready to show in both languages.
 */
export function buildUnitPage(unit: Unit, ctx: UnitPageContext, rank: ReturnType<typeof createRanker>): UnitPageData {
  const ref = (u: Unit): UnitRef => ({ id: u.id, name: u.name, level: u.level, url: ctx.urlOf(u) });
  const ancestorUnits: Unit[] = [];
  for (
    let p = unit.parent ? ctx.units.get(unit.parent) : undefined;
    p;
    p = p.parent ? ctx.units.get(p.parent) : undefined
  )
    ancestorUnits.unshift(p);
  const children = (ctx.children.get(unit.id) ?? [])
    .map((id) => ctx.units.get(id))
    .filter((u): u is Unit => u !== undefined)
    .sort((a, b) => a.name.localeCompare(b.name, 'de'))
    .map(ref);
  const parentPath = unit.parent ? ctx.paths.get(unit.parent) : undefined;
  // Drawn once; its accessible name (the one text) per language.
  const locatorLabel = (lang: Lang) => escapeAttr(t(lang, 'locationOf', { name: unit.name, area: ctx.cityName[lang] }));
  const locator: LocalizedDrawing = {
    svg: renderLocatorMap({
      frame: ctx.frame,
      contextPaths: ctx.contextPaths,
      parentPath,
      unitPath: ctx.paths.get(unit.id) ?? '',
      label: textToken(0),
    }),
    texts: { de: [locatorLabel('de')], en: [locatorLabel('en')] },
  };

  const comparison: ComparisonColumn[] = [
    ...[...ancestorUnits]
      .reverse()
      .slice(0, MAX_PARENTS)
      .map((u, i): ComparisonColumn => ({
        id: u.id,
        name: { de: u.name, en: u.name },
        level: u.level,
        role: i === 0 ? 'parent' : 'grand',
        url: ctx.urlOf(u),
      })),
    { id: CITY, name: ctx.cityName, role: 'city' },
  ];
  const page: PageScope = { unit, comparison, ctx };

  const keyFigures: KeyFigure[] = [];
  const series: SeriesBlock[] = [];
  const sources = new Set<string>();
  const latestDate = new Map<string, string | undefined>();
  for (const ind of ctx.indicators) {
    const s = ctx.store.series(ind.id, unit.id);
    if (s.length === 0) continue;
    sources.add(ind.source);
    // The Stichtag of the value shown (the latest with a number), the latest per source.
    const date = (s.filter(hasNumber).at(-1) ?? s.at(-1))?.date;
    const dates = [latestDate.get(ind.source), date].filter((d): d is string => d !== undefined).sort();
    latestDate.set(ind.source, dates.at(-1));
    if (ind.keyFigure) keyFigures.push(keyFigure(ind, s, page, rank));
    series.push(seriesBlock(ind, s, page));
  }
  const unitBreaks = uniqueBreaks(
    ctx.indicators.flatMap((ind) => breaksOf(ctx, ind.id, unit).filter((b) => b.unitScoped)),
  );
  const stichtage = [...latestDate].map(([source, date]) => ({ source, date }));
  const text = (lang: Lang): UnitPageText => {
    const level = ctx.levels?.find((l) => l.id === unit.level);
    return {
      keyFigureCaption: t(lang, 'keyFigCaption', {
        unit: unit.name,
        context: comparison.map((c) => c.name[lang]).join(', '),
        levels: pick(level?.labelPlural, lang) || unit.level,
      }),
      keyFigureHeaders: {
        indicator: t(lang, 'indicator'),
        value: unit.name,
        date: t(lang, 'keyFigDate'),
        comparison: t(lang, 'keyFigComparison'),
        rank: t(lang, 'rank'),
        change: t(lang, 'change'),
      },
      keyFigureNote: `${t(lang, 'rankNote')} ${t(lang, 'keyFigNote')}`,
      unitBreaks: unitBreaks.map((b) => `${describeBreak(b, lang)}: ${pick(b.text, lang)}`),
      citationDates: t(lang, 'seriesCitationDates', {
        dates: stichtage
          .map(({ source, date }) => {
            const title = pick(ctx.sources?.find((x) => x.id === source)?.title, lang) || source;
            return `${date ? formatDate(date, lang) : t(lang, 'seriesCitationNoDate')} (${title})`;
          })
          .join('; '),
      }),
    };
  };
  const schemeCtx = ctx.schemes && { ...ctx.schemes, units: ctx.units, urlOf: ctx.urlOf };
  const schemes = schemeCtx ? buildUnitSchemes(unit, schemeCtx) : undefined;
  const areaText = (lang: Lang) => t(lang, 'areaComputed', { area: formatNumber(unit.areaM2 / 1e6, 2, lang) });
  return {
    unit: { ...ref(unit), areaKm2: unit.areaM2 / 1e6, areaText: { de: areaText('de'), en: areaText('en') } },
    ancestors: ancestorUnits.map(ref),
    children,
    childGroups: schemeCtx ? groupChildren(children, schemeCtx.levels, schemeCtx.schemes) : undefined,
    schemes,
    locator,
    comparison,
    keyFigures,
    series,
    matrices: withSchemeMarks(matrices(series, page), schemes),
    unitBreaks,
    stichtage,
    text: { de: text('de'), en: text('en') },
    sources: [...sources],
    facilities: ctx.facilities?.get(unit.id),
  };
}

/** What every part of one page needs. */
interface PageScope {
  unit: Unit;
  comparison: readonly ComparisonColumn[];
  ctx: UnitPageContext;
}

function breaksOf(ctx: UnitPageContext, indicator: string, owner: Unit | typeof CITY): ResolvedBreak[] {
  return ctx.breaks?.of(indicator, owner) ?? [];
}

function ownerOf(ctx: UnitPageContext, id: string): Unit | typeof CITY | undefined {
  return id === CITY ? CITY : ctx.units.get(id);
}

function uniqueBreaks(list: readonly ResolvedBreak[]): BreakRef[] {
  const seen = new Map<string, BreakRef>();
  for (const b of list) if (!seen.has(b.where)) seen.set(b.where, { year: b.year, kind: b.kind, text: b.text });
  return [...seen.values()];
}

function comparisonValue(v: Value | undefined): ComparisonValue | undefined {
  return v && { status: v.status, value: v.value, method: v.method, date: v.date, suppression: v.suppression };
}

/** Reference dates of an indicator's editions (year → Stichtag), from any value of that year; cached per store. */
const editionDateCache = new WeakMap<ValueStore, Map<string, Map<number, string>>>();
function editionDates(store: ValueStore, indicator: string): Map<number, string> {
  let byIndicator = editionDateCache.get(store);
  if (!byIndicator) {
    byIndicator = new Map();
    for (const v of store.values()) {
      if (v.date === undefined) continue;
      let m = byIndicator.get(v.indicator);
      if (!m) byIndicator.set(v.indicator, (m = new Map()));
      if (!m.has(v.year)) m.set(v.year, v.date);
    }
    editionDateCache.set(store, byIndicator);
  }
  return byIndicator.get(indicator) ?? new Map();
}

/**
 * "32,7 %" with "veröffentlicht" / "Summe der Teilgebiete" below. Without a value: "nicht veröffentlicht" where the
 * comparison has no value of the indicator in any year (the source publishes none there), else "keine Angabe".
 */
function comparisonText(ind: Indicator, v: ComparisonValue | undefined, lang: Lang, hasAny: boolean): CellText {
  if (!v) return { text: t(lang, hasAny ? 'status_missing' : 'seriesNotPublished') };
  return {
    text: describeValue(ind, v, lang),
    note: v.status === 'value' || v.status === 'zero' ? describeMethod(v.method, lang) : undefined,
  };
}

function keyFigure(
  ind: Indicator,
  s: readonly Value[],
  page: PageScope,
  rank: ReturnType<typeof createRanker>,
): KeyFigure {
  const { unit, ctx } = page;
  // The latest year with a number; if none has one, the latest year at all (shows its status). A later value that the
  // atlas's small-number protection holds back wins: an older number (and its rank) must not stand in for it.
  const withNumber = s.filter(hasNumber);
  const latestNumber = withNumber[withNumber.length - 1];
  const latestSuppressed = s.filter((v) => v.status === 'suppressed' && v.suppression !== 'source').pop();
  const latest =
    latestSuppressed && (!latestNumber || latestSuppressed.year > latestNumber.year)
      ? latestSuppressed
      : (latestNumber ?? (s[s.length - 1] as Value));
  const previous = withNumber.filter((v) => v.year < latest.year).pop();
  const r = hasNumber(latest) && ind.type !== 'class' ? rank(ind.id, unit.level, latest.year) : undefined;
  const comparison = page.comparison.map((c) => comparisonValue(ctx.store.get(ind.id, c.id, latest.year)));
  const hasAny = page.comparison.map((c) => ctx.store.series(ind.id, c.id).length > 0);
  let change: KeyFigureChange | undefined;
  if (previous && hasNumber(latest) && ind.type !== 'class') {
    const cut = breakBetween(breaksOf(ctx, ind.id, unit), previous.year, latest.year);
    const source = cut && ind.comparableChange ? ctx.store.get(ind.comparableChange, unit.id, latest.year) : undefined;
    if (!cut)
      change = {
        kind: 'difference',
        fromYear: previous.year,
        fromDate: previous.date,
        delta: latest.value - previous.value,
      };
    else if (ind.comparableChange && hasNumber(source)) {
      // The source's change runs from the previous edition of the indicator (any unit's) to this one.
      const editions = ctx.store.years(ind.id).filter((y) => y < latest.year);
      const before = editions.at(-1);
      change = {
        kind: 'source',
        indicator: ind.comparableChange,
        delta: source.value,
        fromDate: before === undefined ? undefined : editionDates(ctx.store, ind.id).get(before),
        toDate: source.date ?? latest.date,
      };
    } else change = { kind: 'notComparable', fromYear: previous.year, breakYear: cut.year, breakKind: cut.kind };
  }
  const sourceInd = change?.kind === 'source' ? ctx.indicators.find((i) => i.id === ind.comparableChange) : undefined;
  const text = (lang: Lang): KeyFigureText => ({
    label: pick(ind.label, lang),
    value: {
      text: describeValue(ind, latest, lang),
      // How a figure came about, only beside a figure (never after "geheim gehalten" or "nicht aussagekräftig").
      note:
        latest.method !== 'published' && (latest.status === 'value' || latest.status === 'zero')
          ? describeMethod(latest.method, lang)
          : undefined,
    },
    date: {
      text: describeDate(latest.date, latest.year, lang),
      note:
        latest.date !== undefined && latest.date.slice(0, 4) !== String(latest.year)
          ? t(lang, 'seriesEdition', { year: String(latest.year) })
          : undefined,
    },
    comparison: comparison.map((v, i) => ({
      name: page.comparison[i]?.name[lang] ?? '',
      ...comparisonText(ind, v, lang, hasAny[i] ?? false),
    })),
    rank:
      r?.ranks.get(unit.id) === undefined
        ? '–'
        : t(lang, 'keyFigRank', { rank: String(r.ranks.get(unit.id)), of: String(r.n) }),
    change: changeText(ind, sourceInd, change, lang),
  });
  return {
    indicator: ind.id,
    year: latest.year,
    date: latest.date,
    status: latest.status,
    value: latest.value,
    method: latest.method,
    note: latest.note,
    suppression: latest.suppression,
    comparison,
    rank: r?.ranks.get(unit.id),
    rankOf: r?.n,
    change,
    text: { de: text('de'), en: text('en') },
  };
}

function changeText(
  ind: Indicator,
  sourceInd: Indicator | undefined,
  change: KeyFigureChange | undefined,
  lang: Lang,
): string {
  if (!change) return '–';
  if (change.kind === 'notComparable')
    return t(lang, 'keyFigNotComparable', {
      reason: describeBreak({ year: change.breakYear, kind: change.breakKind }, lang),
    });
  if (change.kind === 'difference') {
    const u = changeUnit(ind, lang);
    return t(lang, 'keyFigSince', {
      change: `${formatChange(change.delta, ind.decimals, lang)}${u ? ` ${u}` : ''}`,
      from: describeDate(change.fromDate, change.fromYear, lang),
    });
  }
  // The source's figure, in its own decimals and unit ("−1,14 Prozentpunkte").
  const u = sourceInd ? pick(sourceInd.unit, lang) : changeUnit(ind, lang);
  const value = `${formatChange(change.delta, sourceInd?.decimals ?? ind.decimals, lang)}${u ? ` ${u}` : ''}`;
  return t(lang, 'keyFigSourceChange', {
    change: value,
    from: change.fromDate ? formatDate(change.fromDate, lang) : '…',
    to: change.toDate ? formatDate(change.toDate, lang) : '…',
  });
}

function seriesBlock(ind: Indicator, s: readonly Value[], page: PageScope): SeriesBlock {
  const { unit, ctx } = page;
  const breaks = breaksOf(ctx, ind.id, unit);
  // Comparison columns with any value in the unit's years; the others are named in a note ("nicht veröffentlicht").
  const columns = page.comparison.map((c) => ({
    column: c,
    byYear: new Map(ctx.store.series(ind.id, c.id).map((v) => [v.year, v])),
    breaks: ((o) => (o ? breaksOf(ctx, ind.id, o) : []))(ownerOf(ctx, c.id)),
  }));
  const shown = columns.filter((c) => s.some((v) => c.byYear.has(v.year)));
  const hidden = columns.filter((c) => !shown.includes(c));
  let previousYear: number | undefined;
  const rows: SeriesRow[] = s.map((v) => {
    const cut = previousYear === undefined ? undefined : breakBetween(breaks, previousYear, v.year);
    previousYear = v.year;
    return {
      year: v.year,
      date: v.date,
      status: v.status,
      value: v.value,
      suppression: v.suppression,
      comparison: shown.map((c) => comparisonValue(c.byYear.get(v.year))),
      breakBefore: cut && { year: cut.year, kind: cut.kind, text: cut.text },
    };
  });

  // Rates and published measures are charted; counts and classes are shown as table and sentence
  // only (a count's level says little without its population, a class is not a line).
  const charted = (ind.type === 'rate' || ind.type === 'value') && s.filter(hasNumber).length >= 2;
  const lines = charted ? chartLines(ind, s, breaks, shown, ctx) : [];
  const first = rows[0]?.year ?? 0;
  const last = rows[rows.length - 1]?.year ?? 0;
  const chart = charted
    ? drawLocalizedChart(lines, chartBreaks(ind, breaks, first, last, ctx), {
        label: {
          de: chartLabel(ind, unit, shown, first, last, 'de'),
          en: chartLabel(ind, unit, shown, first, last, 'en'),
        },
        unit: ind.unit ? { de: ind.unit.de, en: ind.unit.en ?? ind.unit.de } : undefined,
        decimals: ind.decimals,
      })
    : undefined;

  // Breaks of the comparison series that the unit's own series does not have (e.g. a parent's boundary change).
  const ownBreaks = new Set(breaks.map((b) => b.where));
  const text = (lang: Lang): SeriesText => ({
    label: pick(ind.label, lang),
    unit: pick(ind.unit, lang),
    topic: pick(ind.topic, lang),
    caption: t(lang, 'seriesTableCaption', { label: pick(ind.label, lang) }),
    headers: [t(lang, 'seriesYearDate'), unit.name, ...shown.map((c) => c.column.name[lang])],
    rows: rows.map((r) => ({
      anchor: `${ind.id}-${r.year}`,
      year: String(r.year),
      date: r.date === undefined ? undefined : formatDate(r.date, lang),
      breakNote: r.breakBefore && t(lang, 'breakBefore', { reason: describeBreak(r.breakBefore, lang) }),
      cells: [describeValue(ind, r, lang), ...r.comparison.map((v) => comparisonText(ind, v, lang, true).text)],
    })),
    legend: [
      { name: unit.name, description: t(lang, 'seriesLegendUnit'), role: 'unit' },
      ...lines.slice(1).map((l) => {
        const c = shown.find((x) => x.column.role === l.role);
        return {
          name: c?.column.name[lang] ?? '',
          description: t(lang, LEGEND_KEYS[l.role]),
          role: l.role,
        };
      }),
    ],
    notPublished: hidden.map((c) => t(lang, 'seriesNotPublishedFor', { name: c.column.name[lang] })),
    breakNotes: [
      ...breaks
        .filter((b) => b.year > first && b.year <= last)
        .map((b) => t(lang, 'breakNote', { reason: describeBreak(b, lang), text: pick(b.text, lang) })),
      ...shown.flatMap((c) =>
        c.breaks
          .filter((b) => !ownBreaks.has(b.where) && b.year > first && b.year <= last)
          .map((b) =>
            t(lang, 'breakNoteOf', {
              reason: describeBreak(b, lang),
              text: pick(b.text, lang),
              name: c.column.name[lang],
            }),
          ),
      ),
    ],
    definition: pick(ind.definition, lang),
    definitionIsGerman: isFallback(ind.definition, lang),
  });
  const summary = (lang: Lang) =>
    summarizeSeries(
      ind,
      unit.name,
      s,
      shown.map((c) => ({ name: c.column.name[lang], byYear: c.byYear })),
      breaks,
      lang,
    );
  return {
    indicator: ind.id,
    comparison: shown.map((c) => c.column.id),
    rows,
    breaks: uniqueBreaks(breaks),
    ...(chart && { chart }),
    summary: { de: summary('de'), en: summary('en') },
    text: { de: text('de'), en: text('en') },
  };
}

const LEGEND_KEYS = {
  unit: 'seriesLegendUnit',
  parent: 'seriesLegendParent',
  grand: 'seriesLegendGrand',
  city: 'seriesLegendCity',
} as const;

function chartLabel(
  ind: Indicator,
  unit: Unit,
  shown: readonly { column: ComparisonColumn; byYear: ReadonlyMap<number, Value> }[],
  first: number,
  last: number,
  lang: Lang,
): string {
  const names = [
    unit.name,
    ...shown.filter((c) => [...c.byYear.values()].some(hasNumber)).map((c) => c.column.name[lang]),
  ];
  const joined =
    names.length > 1 ? `${names.slice(0, -1).join(', ')} ${t(lang, 'seriesAnd')} ${names.at(-1)}` : names[0];
  return t(lang, 'seriesChartLabel', {
    label: pick(ind.label, lang),
    names: joined ?? unit.name,
    from: String(first),
    to: String(last),
  });
}

/**
 * The chart's lines: the unit and each comparison with a number, over every edition of the indicator between the
 * first and the last edition with a number (an edition without one is a gap), cut into segments at their breaks.
 */
function chartLines(
  ind: Indicator,
  s: readonly Value[],
  breaks: readonly ResolvedBreak[],
  shown: readonly { column: ComparisonColumn; byYear: ReadonlyMap<number, Value>; breaks: ResolvedBreak[] }[],
  ctx: UnitPageContext,
): ChartLine[] {
  const dates = editionDates(ctx.store, ind.id);
  const series = [
    { role: 'unit' as LineRole, byYear: new Map(s.map((v) => [v.year, v])), breaks },
    ...shown.map((c) => ({ role: c.column.role as LineRole, byYear: c.byYear, breaks: c.breaks })),
  ].filter((l) => [...l.byYear.values()].some(hasNumber));
  const numbered = series.flatMap((l) => [...l.byYear.values()].filter(hasNumber).map((v) => v.year));
  const from = Math.min(...numbered);
  const to = Math.max(...numbered);
  const editions = ctx.store.years(ind.id).filter((y) => y >= from && y <= to);
  return series.map((l) => ({
    role: l.role,
    points: editions.map((y) => {
      const v = l.byYear.get(y);
      return {
        t: timeOf(v?.date ?? dates.get(y), y),
        value: hasNumber(v) ? v.value : undefined,
        segment: segmentOf(l.breaks, y),
      };
    }),
  }));
}

/** The unit's breaks inside the charted years, each between the Stichtag before it and the one from it on. */
function chartBreaks(
  ind: Indicator,
  breaks: readonly ResolvedBreak[],
  first: number,
  last: number,
  ctx: UnitPageContext,
): ChartBreak[] {
  const dates = editionDates(ctx.store, ind.id);
  const editions = ctx.store.years(ind.id);
  return breaks
    .filter((b) => b.year > first && b.year <= last)
    .map((b) => {
      const before = editions.filter((y) => y < b.year).at(-1) ?? b.year - 1;
      const after = editions.find((y) => y >= b.year) ?? b.year;
      const t0 = timeOf(dates.get(before), before);
      const t1 = timeOf(dates.get(after), after);
      return {
        t: (t0 + t1) / 2,
        label: {
          de: `${t('de', 'breakLabel')}: ${t('de', `breakShort_${b.kind}`)}`,
          en: `${t('en', 'breakLabel')}: ${t('en', `breakShort_${b.kind}`)}`,
        },
      };
    });
}

/**
 * Marks where a newer boundary scheme began in the count tables of a unit whose own boundaries every scheme shares (a
 * Bezirk across Berlin's LOR re-cut of 2021): no break, but the year's column says "neuer Gebietsstand" and a note
 * under the table says what changed. (The charts' shares are not marked: the Gebietsstand section of the page says it
 * once, and a note under every chart cost the printed profile two pages.) Changes `matrices` in place.
 */
function withSchemeMarks(matrices: SeriesMatrix[], schemes: UnitSchemesData | undefined): SeriesMatrix[] {
  for (const lang of ['de', 'en'] as const) {
    const marks = schemes?.[lang].seriesMarks ?? [];
    if (marks.length === 0) continue;
    const spanned = (years: readonly number[]) =>
      marks.filter((m) => years.length > 0 && m.year > Math.min(...years) && m.year <= Math.max(...years));
    for (const x of matrices) {
      const text = x.text[lang];
      for (const m of spanned(text.columns.map((c) => Number(c.year)))) {
        if (!text.notes.includes(m.text)) text.notes.push(m.text);
        for (const c of text.columns) if (Number(c.year) === m.year) c.schemeMark = t(lang, 'schemeMarkShort');
      }
    }
  }
  return matrices;
}

/** The uncharted series (counts, classes, single values) grouped by topic into one table each. */
function matrices(series: readonly SeriesBlock[], page: PageScope): SeriesMatrix[] {
  const byTopic = new Map<string, SeriesBlock[]>();
  const indicators = new Map(page.ctx.indicators.map((i) => [i.id, i]));
  for (const b of series) {
    if (b.chart) continue;
    const key = indicators.get(b.indicator)?.topic?.de ?? '';
    (byTopic.get(key) ?? byTopic.set(key, []).get(key))?.push(b);
  }
  return [...byTopic.values()].map((items, i) => {
    const years = [...new Set(items.flatMap((b) => b.rows.map((r) => r.year)))].sort((a, b) => a - b);
    const text = (lang: Lang): SeriesMatrixText => {
      const topic = items[0]?.text[lang].topic || t(lang, 'seriesOtherTopic');
      return {
        heading: t(lang, 'seriesMatrixHeading', { topic }),
        caption: t(lang, 'seriesMatrixCaption', { topic, unit: page.unit.name }),
        columns: years.map((y) => {
          const rows = items.flatMap((b) => b.rows.filter((r) => r.year === y));
          const dates = new Set(rows.map((r) => r.date));
          const date = dates.size === 1 ? [...dates][0] : undefined;
          const cut = rows.find((r) => r.breakBefore)?.breakBefore;
          const text = date === undefined ? undefined : formatDate(date, lang);
          const parts = text === undefined ? undefined : /^(.*?)(\d{4})$/.exec(text);
          return {
            year: String(y),
            date: text,
            dateParts: parts ? [parts[1] ?? '', parts[2] ?? ''] : undefined,
            breakNote: cut && t(lang, 'breakAfterShort'),
          };
        }),
        rows: items.map((b) => {
          const ind = indicators.get(b.indicator) as Indicator;
          return {
            anchor: b.indicator,
            label: b.text[lang].label,
            cells: years.map((y) => {
              const r = b.rows.find((x) => x.year === y);
              return { anchor: `${b.indicator}-${y}`, text: r ? describeValue(ind, r, lang) : '–' };
            }),
          };
        }),
        summaries: items.map((b) => b.summary[lang]),
        notes: [...new Set(items.flatMap((b) => b.text[lang].breakNotes))],
      };
    };
    return {
      id: `tabelle-${i + 1}`,
      indicators: items.map((b) => b.indicator),
      text: { de: text('de'), en: text('en') },
    };
  });
}
