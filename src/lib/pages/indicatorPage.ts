import type { Indicator, SeriesBreak, Source } from '../../schemas/atlasConfig.ts';
import type { LocalizedText } from '../../schemas/common.ts';
import { renderChoropleth, schemeColors } from '../charts/choropleth.ts';
import { renderDistribution } from '../charts/distribution.ts';
import { binOf, buildColorScale, type BinRef, type ColorScale } from '../indicators/classify.ts';
import { describeValue } from '../indicators/describe.ts';
import { rankDescending } from '../indicators/rank.ts';
import { CITY, hasNumber, type Value, type ValueStore } from '../indicators/store.ts';
import { formatDate, formatNumber, roundTo, type Lang } from '../format.ts';
import { langPrefix, pick, t } from '../i18n.ts';
import type { Unit } from '../types.ts';
import { binLabel, buildLegend, fillOf, type LegendData } from './indicatorLegend.ts';
import { INDICATORS_PATH, indicatorLatestPath, indicatorYearPath, type Availability } from './indicatorRoutes.ts';

/**
 * The page model of an indicator page: for one indicator, level and year a choropleth of all units of the level, a
 * ranked table and a distribution chart, with definition, source, polarity, reference date and links to the other
 * years and levels (addresses: indicatorRoutes.ts). Everything display-ready, in one language.
 */

/** One level as the pages need it. */
export interface LevelInfo {
  id: string;
  label: LocalizedText;
  labelPlural: LocalizedText;
  /** Id of the parent level; undefined on the top level. */
  parent?: string | undefined;
  /** The level's boundary scheme ("LOR bis 2020"), named on its pages; undefined when the atlas has one scheme. */
  scheme?: LocalizedText | undefined;
}

/** The shared geometry of one level's maps (written by publishIndicators). */
export interface LevelMap {
  /** Url of the level's geometry file, e.g. `/data/maps/planungsraum-1a2b3c4d5e.svg`. */
  geometryUrl: string;
  width: number;
  height: number;
  /** Interior points of units too small to hit: drawn as markers. */
  markers: ReadonlyMap<string, [number, number]>;
  /** Border meshes of the ancestor levels inside that file: the parent level's, and the top level's below it. */
  borders: readonly { id: string; level: string; weight: 'parent' | 'top' }[];
}

/** Everything the indicator pages of one atlas share. */
export interface IndicatorPageContext {
  store: ValueStore;
  /** Levels from the top. */
  levels: readonly LevelInfo[];
  /** Units per level, in drawing order. */
  unitsByLevel: ReadonlyMap<string, readonly Unit[]>;
  unitsById: ReadonlyMap<string, Unit>;
  cityName: LocalizedText;
  sources: readonly Source[];
  availability: Availability;
  maps: ReadonlyMap<string, LevelMap>;
  /** Breaks of the config (top level); each indicator's own come from the indicator. */
  breaks: readonly SeriesBreak[];
  /** The reference date of a year's values, see referenceDateOf. */
  referenceDate(indicator: string, level: string, year: number): string | undefined;
  /** Path of a unit page without language prefix. */
  urlOf(u: Pick<Unit, 'level' | 'id'>): string;
}

/** A link with its text; `current` marks the page's own year or level. */
export interface NavLink {
  label: string;
  href: string;
  current: boolean;
}

/** A row of the ranked table. */
export interface RankRow {
  id: string;
  name: string;
  href: string;
  parent?: { name: string; href: string } | undefined;
  /** Rank as text ("12"); undefined for a unit without a number (listed, not ranked) and for class indicators. */
  rank?: string | undefined;
  /** The value or status in words ("32,7 %", "geheim gehalten"), never "0" for a missing value. */
  value: string;
  /** Sort key for the browser script: the unrounded number; undefined without one (such rows sort last). */
  sort?: number | undefined;
  /** Sort key of the rank. */
  rankSort?: number | undefined;
}

export interface RankTableData {
  caption: string;
  /** Column heads; `rank` and `parent` undefined when the table has no such column. */
  head: { rank?: string | undefined; name: string; parent?: string | undefined; value: string };
  /** "Rang 1 = höchster Wert …" and how many units are listed without a rank. */
  notes: string[];
  /** Highest value first; units without a number last (by status, then name). */
  rows: RankRow[];
  /** Hidden text in the rank cell of a unit without a rank. */
  noRank: string;
  /** Texts of the sorting script (placeholder `{column}`). */
  sortTexts: { ascending: string; descending: string; hint: string };
}

export interface IndicatorPageData {
  lang: Lang;
  indicator: string;
  level: string;
  year: number;
  /** h1 and title of the year page, and of the latest page (the same content at the address without the year). */
  title: string;
  latestTitle: string;
  description: string;
  /** Paths without language prefix (for Base's canonical and language links) and hrefs with it. */
  path: string;
  latestPath: string;
  href: string;
  latestHref: string;
  /** True when this is the latest year with data on this level. */
  isLatest: boolean;
  /** On the latest page: which year it shows, and the text of the permanent link. */
  latestNote: string;
  permanentLabel: string;
  breadcrumb: { label: string; href: string }[];
  lede: string;
  map: { heading: string; svg: string; summary: string; caption: string; skipLabel: string; legend: LegendData };
  distribution: { heading: string; svg: string; text: string; key: string };
  table: { heading: string } & RankTableData;
  years: { heading: string; links: NavLink[] };
  levels: { heading: string; links: NavLink[] };
  breaks: { heading: string; items: string[] };
  about: { heading: string; facts: { term: string; detail: string }[] };
  source: {
    heading: string;
    title: string;
    publisher: string;
    licenceLabel: string;
    licence: string;
    licenceUrl?: string | undefined;
    url?: string | undefined;
    urlLabel: string;
    attribution: string;
    note?: string | undefined;
  };
  overview: { label: string; href: string };
}

/** What the parts of one page share while it is built. */
interface PageState {
  ind: Indicator;
  year: number;
  lang: Lang;
  /** Language prefix of hrefs. */
  p: string;
  ctx: IndicatorPageContext;
  level: LevelInfo;
  parentLevel: LevelInfo | undefined;
  units: readonly Unit[];
  values: (Value | undefined)[];
  /** The value of each unit in words. */
  texts: string[];
  scale: ColorScale;
  cityValue: Value | undefined;
  /** Whether a unit's value may be set against the city's and the parents' (not for counts: those are sums). */
  comparable: boolean;
  label: string;
  levelPlural: string;
  city: string;
}

type Numbered = Value & { value: number };
const isNumbered = (v: Value | undefined): v is Numbered => hasNumber(v);

/**
 * The page model of one indicator on one level in one year, in one language: texts, formatted numbers, hrefs with
 * language prefix, the SVG of map, legend swatches and distribution, the rows in rank order.
 */
export function buildIndicatorPage(
  ind: Indicator,
  levelId: string,
  year: number,
  lang: Lang,
  ctx: IndicatorPageContext,
): IndicatorPageData {
  const level = ctx.levels.find((l) => l.id === levelId);
  if (!level) throw new Error(`buildIndicatorPage: unknown level ${levelId}`);
  const units = ctx.unitsByLevel.get(levelId) ?? [];
  const values = units.map((u) => ctx.store.get(ind.id, u.id, year));
  const s: PageState = {
    ind,
    year,
    lang,
    p: langPrefix(lang),
    ctx,
    level,
    parentLevel: level.parent ? ctx.levels.find((l) => l.id === level.parent) : undefined,
    units,
    values,
    texts: values.map((v) => describeValue(ind, v, lang)),
    scale: buildColorScale(ind, values, (k) => schemeColors(ind.polarity, k)),
    cityValue: ctx.store.get(ind.id, CITY, year),
    comparable: ind.type !== 'class' && ind.type !== 'count',
    label: pick(ind.label, lang),
    levelPlural: pick(level.labelPlural, lang),
    city: pick(ctx.cityName, lang),
  };
  const path = indicatorYearPath(ind.id, levelId, year);
  const latestPath = indicatorLatestPath(ind.id, levelId);
  const years = ctx.availability.get(ind.id)?.get(levelId) ?? [];
  const y = String(year);
  return {
    lang,
    indicator: ind.id,
    level: levelId,
    year,
    title: t(lang, 'indTitle', { indicator: s.label, levels: s.levelPlural, year: y }),
    latestTitle: t(lang, 'indLatestTitle', { indicator: s.label, levels: s.levelPlural }),
    description: t(lang, 'indDescription', { indicator: s.label, levels: s.levelPlural, year: y, city: s.city }),
    path,
    latestPath,
    href: `${s.p}${path}`,
    latestHref: `${s.p}${latestPath}`,
    isLatest: year === years[years.length - 1],
    latestNote: t(lang, 'indLatestNote', { year: y }),
    permanentLabel: t(lang, 'indPermanentLink', { year: y }),
    breadcrumb: [
      { label: s.city, href: `${s.p}/` },
      { label: t(lang, 'indOverviewTitle'), href: `${s.p}${INDICATORS_PATH}` },
      { label: s.label, href: `${s.p}${INDICATORS_PATH}#m-${ind.id}` },
    ],
    lede: t(lang, 'indLede', {
      levels: s.levelPlural,
      n: formatNumber(units.length, 0, lang),
      year: y,
      city: s.city,
    }),
    map: mapSection(s),
    distribution: distributionSection(s),
    table: { heading: t(lang, 'indTableHeading'), ...rankTable(s) },
    ...navigation(s, years),
    breaks: { heading: t(lang, 'indBreaks'), items: breakTexts(s) },
    about: { heading: t(lang, 'indAbout'), facts: facts(s) },
    source: sourceOf(s),
    overview: { label: t(lang, 'indAllIndicators'), href: `${s.p}${INDICATORS_PATH}` },
  };
}

/** The choropleth, its summary sentence, caption and legend. */
function mapSection(s: PageState): IndicatorPageData['map'] {
  const { lang, ctx, scale } = s;
  const map = ctx.maps.get(s.level.id);
  if (!map) throw new Error(`buildIndicatorPage: no map for level ${s.level.id}`);
  const refs: BinRef[] = s.values.map((v) => binOf(scale, v));
  const svg = renderChoropleth({
    width: map.width,
    height: map.height,
    geometryUrl: map.geometryUrl,
    label: t(lang, 'indMapLabel', { indicator: s.label, levels: s.levelPlural, year: String(s.year) }),
    idPrefix: `m-${lang}`,
    borders: map.borders,
    units: s.units.map((u, k) => ({
      id: u.id,
      href: `${s.p}${ctx.urlOf(u)}`,
      label: `${u.name}: ${s.texts[k]}`,
      fill: fillOf(scale, refs[k] as BinRef),
      marker: map.markers.get(u.id),
    })),
  });
  const names = map.borders.map((b) => pick(ctx.levels.find((l) => l.id === b.level)?.labelPlural, lang));
  const caption = [
    t(lang, 'indMapLinks'),
    names.length >= 2
      ? t(lang, 'indMapBorders2', { thick: names[1] as string, thin: names[0] as string })
      : names.length === 1
        ? t(lang, 'indMapBorders1', { levels: names[0] as string })
        : '',
  ]
    .filter(Boolean)
    .join(' ');
  const markers = s.units.filter((u) => map.markers.has(u.id)).length;
  return {
    heading: t(lang, 'indMapHeading'),
    svg,
    summary: summarySentence(s),
    caption,
    skipLabel: t(lang, 'skipMap'),
    legend: buildLegend(s.ind, scale, markers, lang, `lg-${lang}`),
  };
}

/** "In 140 der 436 Planungsräume mit Zahl liegt der Wert über dem Wert für Berlin (…). 12 ohne Zahl (…)." */
function summarySentence(s: PageState): string {
  const { lang, ind, cityValue } = s;
  const numbered = s.units.flatMap((u, k) => {
    const v = s.values[k];
    return isNumbered(v) ? [{ u, v }] : [];
  });
  const base = { indicator: s.label, year: String(s.year), n: formatNumber(numbered.length, 0, lang) };
  let out: string;
  if (s.comparable && hasNumber(cityValue)) {
    out = t(lang, 'indSummaryAbove', {
      ...base,
      levels: s.levelPlural,
      above: formatNumber(numbered.filter((x) => x.v.value > cityValue.value).length, 0, lang),
      city: s.city,
      value: describeValue(ind, cityValue, lang),
    });
  } else if (ind.type === 'class') {
    out = t(lang, 'indSummaryClasses', { ...base, levels: s.levelPlural });
  } else {
    const top = [...numbered].sort((a, b) => b.v.value - a.v.value || byName(a.u, b.u))[0];
    out = t(lang, 'indSummaryHighest', {
      ...base,
      levels: s.levelPlural,
      name: top?.u.name ?? '',
      value: top ? describeValue(ind, top.v, lang) : '',
    });
  }
  const without = s.scale.statusBins.filter((b) => b.count > 0);
  if (without.length === 0) return out;
  const n = formatNumber(
    without.reduce((a, b) => a + b.count, 0),
    0,
    lang,
  );
  const detail = without.map((b) => `${t(lang, `status_${b.status}`)}: ${formatNumber(b.count, 0, lang)}`).join(', ');
  return `${out} ${t(lang, 'indNoNumber', { n, detail })}`;
}

/** The histogram (or class bars) with its sentence and key. */
function distributionSection(s: PageState): IndicatorPageData['distribution'] {
  const { lang, ind, scale, cityValue, parentLevel } = s;
  const heading = t(lang, 'indDistHeading');
  const label = t(lang, 'indDistLabel', { indicator: s.label, levels: s.levelPlural, year: String(s.year) });
  if (ind.type === 'class') {
    const classes = scale.bins.map((b) => ({
      label: binLabel(ind, scale, b.index, lang),
      color: b.color,
      count: b.count,
    }));
    return {
      heading,
      svg: renderDistribution({ kind: 'classes', label, classes }),
      text: t(lang, 'indDistClasses', {
        levels: s.levelPlural,
        counts: classes.map((c) => `${c.label}: ${formatNumber(c.count, 0, lang)}`).join(', '),
      }),
      key: '',
    };
  }
  const value = (x: number | undefined) => describeValue(ind, { status: 'value', value: x }, lang);
  const shown = s.values.filter(isNumbered).map((v) => roundTo(v.value, ind.decimals));
  const sorted = [...shown].sort((a, b) => a - b);
  const parents =
    s.comparable && parentLevel
      ? (s.ctx.unitsByLevel.get(parentLevel.id) ?? [])
          .map((u) => s.ctx.store.get(ind.id, u.id, s.year))
          .filter(isNumbered)
          .map((v) => roundTo(v.value, ind.decimals))
          .sort((a, b) => a - b)
      : [];
  const city = s.comparable && hasNumber(cityValue) ? cityValue : undefined;
  const fmt = (x: number) => formatNumber(x, ind.decimals, lang);
  const text: string[] = [];
  if (sorted.length > 0)
    text.push(
      t(lang, 'indDistRange', {
        n: formatNumber(sorted.length, 0, lang),
        levels: s.levelPlural,
        min: value(sorted[0]),
        max: value(sorted[sorted.length - 1]),
        median: value(median(sorted)),
      }),
    );
  if (city) text.push(t(lang, 'indDistCity', { city: s.city, value: describeValue(ind, city, lang) }));
  if (parentLevel && parents.length > 0) {
    const levels = pick(parentLevel.labelPlural, lang);
    text.push(
      parents.length === 1
        ? t(lang, 'indDistParentOne', { levels, value: value(parents[0]) })
        : t(lang, 'indDistParents', {
            n: formatNumber(parents.length, 0, lang),
            levels,
            min: value(parents[0]),
            max: value(parents[parents.length - 1]),
          }),
    );
  }
  if (ind.type === 'count') text.push(t(lang, 'indDistCounts'));
  const key = [
    t(lang, 'indDistKeyBars'),
    city ? t(lang, 'indDistKeyCity', { city: s.city }) : '',
    parentLevel && parents.length > 0
      ? t(lang, 'indDistKeyParents', { levels: pick(parentLevel.labelPlural, lang) })
      : '',
  ];
  return {
    heading,
    svg: renderDistribution({
      kind: 'numeric',
      label,
      values: shown,
      format: fmt,
      city: city ? { value: city.value, label: `${s.city} ${fmt(city.value)}` } : undefined,
      parents,
    }),
    text: text.join(' '),
    key: key.filter(Boolean).join(' '),
  };
}

/**
 * All units, highest value first (competition ranks as on the unit pages: ties share a rank, computed from the
 * unrounded values); units without a number after them, unranked, by status and name. Class indicators are ordered
 * by class, highest first, and get no rank.
 */
function rankTable(s: PageState): RankTableData {
  const { lang, ind, ctx } = s;
  const ranked = ind.type !== 'class';
  const { ranks } = ranked
    ? rankDescending(
        s.units.map((u, k) => ({ id: u.id, value: isNumbered(s.values[k]) ? s.values[k]?.value : undefined })),
      )
    : { ranks: new Map<string, number>() };
  const statusOrder = (v: Value | undefined) =>
    ['missing', 'suppressed', 'notApplicable'].indexOf(v?.status ?? 'missing');
  const order = s.units
    .map((u, k) => ({ u, k, v: s.values[k] }))
    .sort((a, b) => {
      const an = isNumbered(a.v);
      const bn = isNumbered(b.v);
      if (an !== bn) return an ? -1 : 1;
      if (isNumbered(a.v) && isNumbered(b.v)) return b.v.value - a.v.value || byName(a.u, b.u);
      return statusOrder(a.v) - statusOrder(b.v) || byName(a.u, b.u);
    });
  const rows: RankRow[] = order.map(({ u, k, v }) => {
    const parent = u.parent ? ctx.unitsById.get(u.parent) : undefined;
    const rank = ranks.get(u.id);
    return {
      id: u.id,
      name: u.name,
      href: `${s.p}${ctx.urlOf(u)}`,
      parent: parent ? { name: parent.name, href: `${s.p}${ctx.urlOf(parent)}` } : undefined,
      rank: rank === undefined ? undefined : formatNumber(rank, 0, lang),
      value: s.texts[k] as string,
      sort: isNumbered(v) ? v.value : undefined,
      rankSort: rank,
    };
  });
  const unranked = rows.filter((r) => r.sort === undefined).length;
  const notes = [ranked ? t(lang, `indRankNote_${ind.polarity}`) : t(lang, 'indClassOrder')];
  if (unranked > 0)
    notes.push(
      t(lang, ranked ? 'indUnranked' : 'indUnrankedClasses', {
        n: formatNumber(unranked, 0, lang),
        one: unranked === 1,
      }),
    );
  const unit = pick(ind.unit, lang);
  return {
    caption: t(lang, 'indTableCaption', { indicator: s.label, levels: s.levelPlural, year: String(s.year) }),
    head: {
      rank: ranked ? t(lang, 'rank') : undefined,
      name: pick(s.level.label, lang),
      parent: s.parentLevel ? pick(s.parentLevel.label, lang) : undefined,
      value: ind.type === 'class' ? t(lang, 'indClass') : unit ? `${t(lang, 'value')} (${unit})` : t(lang, 'value'),
    },
    notes,
    rows,
    noRank: t(lang, 'indNoRank'),
    sortTexts: {
      ascending: t(lang, 'indSortedAscending'),
      descending: t(lang, 'indSortedDescending'),
      hint: t(lang, 'indSortHint'),
    },
  };
}

/** Links to the other years on this level, and to this indicator on the other levels (same year, else latest). */
function navigation(s: PageState, years: readonly number[]): Pick<IndicatorPageData, 'years' | 'levels'> {
  const { lang, ind, ctx } = s;
  return {
    years: {
      heading: t(lang, 'indOtherYears'),
      links: years.map((y) => ({
        label: String(y),
        href: `${s.p}${indicatorYearPath(ind.id, s.level.id, y)}`,
        current: y === s.year,
      })),
    },
    levels: {
      heading: t(lang, 'indOtherLevels'),
      links: [...(ctx.availability.get(ind.id)?.entries() ?? [])].map(([id, ys]) => {
        const plural = pick(ctx.levels.find((l) => l.id === id)?.labelPlural, lang);
        const target = ys.includes(s.year) ? s.year : (ys[ys.length - 1] as number);
        return {
          label: target === s.year ? plural : `${plural} (${target})`,
          href: `${s.p}${indicatorYearPath(ind.id, id, target)}`,
          current: id === s.level.id,
        };
      }),
    },
  };
}

/** Definition, unit, polarity, reference date and the city's value. */
function facts(s: PageState): { term: string; detail: string }[] {
  const { lang, ind } = s;
  const out = [{ term: t(lang, 'definition'), detail: pick(ind.definition, lang) }];
  const unit = pick(ind.unit, lang);
  if (unit) out.push({ term: t(lang, 'indUnit'), detail: unit });
  if (s.level.scheme) out.push({ term: t(lang, 'indScheme'), detail: pick(s.level.scheme, lang) });
  out.push({ term: t(lang, 'indPolarity'), detail: t(lang, `indPolarity_${ind.polarity}`) });
  const date = s.ctx.referenceDate(ind.id, s.level.id, s.year);
  out.push({
    term: t(lang, 'indReferenceDate'),
    detail: date ? formatDate(date, lang) : t(lang, 'indReferenceDateNone', { year: String(s.year) }),
  });
  if (s.cityValue) out.push({ term: s.city, detail: describeValue(ind, s.cityValue, lang) });
  return out;
}

/** Breaks of the indicator's series that apply to this level, as "Ab 2019: …", oldest first. */
function breakTexts(s: PageState): string[] {
  const { lang, ind } = s;
  const ids = new Set(s.units.map((u) => u.id));
  return [...ind.breaks, ...s.ctx.breaks.filter((b) => b.indicators === undefined || b.indicators.includes(ind.id))]
    .filter((b) => b.levels === undefined || b.levels.includes(s.level.id))
    .flatMap((b) => {
      const units = b.units?.filter((u) => ids.has(u));
      if (units?.length === 0) return [];
      const text = t(lang, 'indBreak', { year: String(b.year), text: pick(b.text, lang) });
      const n = units ? ` ${t(lang, 'indBreakUnits', { n: formatNumber(units.length, 0, lang) })}` : '';
      return [{ year: b.year, text: `${text}${n}` }];
    })
    .sort((a, b) => a.year - b.year)
    .map((x) => x.text);
}

function sourceOf(s: PageState): IndicatorPageData['source'] {
  const src = s.ctx.sources.find((x) => x.id === s.ind.source);
  return {
    heading: t(s.lang, 'indSource'),
    title: pick(src?.title, s.lang),
    publisher: src?.publisher ?? '',
    licenceLabel: t(s.lang, 'licence'),
    licence: src?.licence ?? '',
    licenceUrl: src?.licenceUrl,
    url: src?.url,
    urlLabel: t(s.lang, 'source'),
    attribution: src?.attribution ?? '',
    note: src?.note ? pick(src.note, s.lang) : undefined,
  };
}

function byName(a: Pick<Unit, 'name'>, b: Pick<Unit, 'name'>): number {
  return a.name.localeCompare(b.name, 'de');
}

function median(sorted: readonly number[]): number {
  const n = sorted.length;
  const mid = Math.floor(n / 2);
  return n % 2 === 1 ? (sorted[mid] as number) : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}
