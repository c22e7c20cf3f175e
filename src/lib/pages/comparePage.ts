import type { CellStatus, Indicator } from '../../schemas/atlasConfig.ts';
import type { LocalizedText } from '../../schemas/common.ts';
import { foldText, searchWords } from '../facilities/searchText.ts';
import type { Lang } from '../format.ts';
import { langPrefix, pick, t } from '../i18n.ts';

/**
 * The compare page (`/vergleich/?gebiete=<id>,<id>,…`, English `/en/vergleich/…`): two to four units of any level
 * side by side. The page itself is static and the same for every selection; the browser script
 * (src/client/comparePage.ts) reads the selection from the url, loads each unit's `/data/units/<id>.json` (and its
 * parent's) and renders the tables and charts through `buildCompareView` (compareView.ts). This module holds what
 * both sides share: the url format, the page model the component renders, and the indicator metadata the script
 * gets from the page.
 */

/** Path of the compare page without language prefix. */
export const COMPARE_PATH = '/vergleich/';
/** The url parameter that holds the selection: comma-separated unit ids. */
export const COMPARE_PARAM = 'gebiete';
/** At most this many units side by side (a table row and a chart stay readable on a phone). */
export const MAX_COMPARE = 4;

/**
 * The compare page's url with `ids` selected, e.g. `compareUrl(['08010301', '080103'], 'en')` →
 * "/en/vergleich/?gebiete=08010301,080103"; no ids → the bare page. Ids are url-safe by schema; commas stay readable.
 */
export function compareUrl(ids: readonly string[], lang: Lang = 'de'): string {
  const base = `${langPrefix(lang)}${COMPARE_PATH}`;
  return ids.length === 0 ? base : `${base}?${COMPARE_PARAM}=${ids.map(encodeURIComponent).join(',')}`;
}

/** The url template in `/data/atlas.json` (`compare`), with `{ids}` for comma-separated unit ids. */
export function compareTemplate(): { url: string; urlEn: string; maxUnits: number } {
  return {
    url: `${COMPARE_PATH}?${COMPARE_PARAM}={ids}`,
    urlEn: `/en${COMPARE_PATH}?${COMPARE_PARAM}={ids}`,
    maxUnits: MAX_COMPARE,
  };
}

/** A selection read from the url: the known ids in order (at most {@link MAX_COMPARE}), and what was left out. */
export interface Selection {
  ids: string[];
  /** Ids that are no unit of the atlas. */
  unknown: string[];
  /** Known ids beyond the maximum. */
  dropped: string[];
}

/**
 * Reads `?gebiete=a,b,c` from a url's query (also `?gebiete=a&gebiete=b`, as a form without script would send):
 * ids in order, duplicates once, unknown ids and those beyond the maximum reported, not silently dropped.
 */
export function parseSelection(search: string, known: ReadonlySet<string>): Selection {
  const raw = new URLSearchParams(search)
    .getAll(COMPARE_PARAM)
    .flatMap((v) => v.split(','))
    .map((s) => s.trim())
    .filter((s) => s !== '');
  const ids: string[] = [];
  const unknown: string[] = [];
  const dropped: string[] = [];
  for (const id of [...new Set(raw)]) {
    if (!known.has(id)) unknown.push(id);
    else if (ids.length < MAX_COMPARE) ids.push(id);
    else dropped.push(id);
  }
  return { ids, unknown, dropped };
}

/** The parts of the site data the compare page needs (see `SiteData` in the publish stage). */
export interface CompareSiteInput {
  units: readonly { id: string; name: string; level: string; parent?: string | undefined; url: string }[];
  levels: readonly { id: string; label: LocalizedText; labelPlural: LocalizedText }[];
  indicators: readonly (Indicator & { years: readonly number[] })[];
  city: LocalizedText;
}

/**
 * An example selection for the page list of atlas.json (so the browser gate checks the page with data): the first
 * unit of the finest level that has a sibling, that sibling, and their parent. Empty when no level has two units
 * with one parent.
 */
export function exampleSelection(site: Pick<CompareSiteInput, 'units' | 'levels'>): string[] {
  for (const level of [...site.levels].reverse()) {
    const byParent = new Map<string, string[]>();
    for (const u of site.units)
      if (u.level === level.id && u.parent)
        (byParent.get(u.parent) ?? byParent.set(u.parent, []).get(u.parent))?.push(u.id);
    for (const [parent, ids] of byParent) if (ids.length >= 2) return [ids[0] as string, ids[1] as string, parent];
  }
  return [];
}

/** Entries of the compare page for atlas.json `pages`: an example selection first (what the gate checks), then the bare page. */
export function comparePages(
  site: Pick<CompareSiteInput, 'units' | 'levels'>,
): { type: 'compare'; url: string; lang: Lang }[] {
  const example = exampleSelection(site);
  return (['de', 'en'] as const).flatMap((lang) => [
    ...(example.length > 0 ? [{ type: 'compare' as const, url: compareUrl(example, lang), lang }] : []),
    { type: 'compare' as const, url: compareUrl([], lang), lang },
  ]);
}

/** What the script needs to know of an indicator (the page hands it over as JSON), texts in the page's language. */
export interface CompareIndicator {
  id: string;
  label: string;
  /** The display unit as configured (both languages; `describeValue` picks). @example { de: "%" } */
  unit?: LocalizedText | undefined;
  decimals: number;
  type: Indicator['type'];
  classes?: { value: number; label: { de: string; en?: string | undefined } }[] | undefined;
  /** In the key-figures table. */
  keyFigure: boolean;
  /** Declared breaks of the series (see SeriesBreakSchema), texts in the page's language. */
  breaks: { year: number; text: string; units?: string[] | undefined; levels?: string[] | undefined }[];
}

/** What the script gets from the page besides the unit list (the picker's options). */
export interface CompareData {
  lang: Lang;
  city: string;
  levels: { id: string; label: string; labelPlural: string }[];
  indicators: CompareIndicator[];
}

/** One option of the unit picker. */
export interface CompareOption {
  id: string;
  /** The option's text: the name, with the parent's name where the unit has one (see {@link choiceText}). */
  text: string;
  parent?: string | undefined;
}

/** An option's text: "Reuterkiez (Reuterstraße)", or the name alone for a unit without parent. */
export function choiceText(name: string, parentName: string | undefined): string {
  return parentName ? `${name} (${parentName})` : name;
}

/** The unit's name back from an option's text (inverse of {@link choiceText}), so the page ships each name once. */
export function choiceName(text: string, parentName: string | undefined): string {
  const suffix = ` (${parentName ?? ''})`;
  return parentName && text.endsWith(suffix) ? text.slice(0, -suffix.length) : text;
}

/** The compare page's model: every text and list the component renders; the script fills in the rest. */
export interface ComparePageModel {
  path: string;
  title: string;
  lede: string;
  needsScript: string;
  /** What a reader without script can use instead. */
  noScriptLinks: { href: string; label: string }[];
  picker: {
    legend: string;
    levelLabel: string;
    levels: { value: string; label: string }[];
    filterLabel: string;
    unitLabel: string;
    addLabel: string;
    /** All units by level (the option list the script filters), levels in config order, names sorted. */
    groups: { level: string; label: string; options: CompareOption[] }[];
  };
  texts: {
    selected: string;
    share: string;
    keyFigures: string;
    series: string;
    seriesNote: string;
  };
  /** {@link CompareData} as JSON, for a data attribute of the page's root element. */
  data: string;
}

/** Builds the compare page's model in `lang` from the site data. */
export function buildComparePage(site: CompareSiteInput, lang: Lang): ComparePageModel {
  const p = langPrefix(lang);
  const names = new Map(site.units.map((u) => [u.id, u.name]));
  const groups = site.levels.map((l) => ({
    level: l.id,
    label: pick(l.labelPlural, lang),
    options: site.units
      .filter((u) => u.level === l.id)
      .map((u) => {
        return { id: u.id, text: choiceText(u.name, u.parent ? names.get(u.parent) : undefined), parent: u.parent };
      })
      .sort((a, b) => a.text.localeCompare(b.text, 'de')),
  }));
  const data: CompareData = {
    lang,
    city: pick(site.city, lang),
    levels: site.levels.map((l) => ({ id: l.id, label: pick(l.label, lang), labelPlural: pick(l.labelPlural, lang) })),
    indicators: site.indicators
      .filter((i) => i.years.length > 0)
      .map((i) => ({
        id: i.id,
        label: pick(i.label, lang),
        unit: i.unit,
        decimals: i.decimals,
        type: i.type,
        classes: i.classes?.map((c) => ({ value: c.value, label: c.label })),
        keyFigure: i.keyFigure,
        breaks: i.breaks.map((b) => ({ year: b.year, text: pick(b.text, lang), units: b.units, levels: b.levels })),
      })),
  };
  return {
    path: COMPARE_PATH,
    title: t(lang, 'compareTitle'),
    lede: t(lang, 'compareLede'),
    needsScript: t(lang, 'compareNeedsScript'),
    noScriptLinks: [
      { href: `${p}/alle-gebiete/`, label: t(lang, 'compareNoJsUnits') },
      { href: '/data/values.csv', label: t(lang, 'compareNoJsValues') },
      { href: `${p}/daten/`, label: t(lang, 'compareNoJsData') },
    ],
    picker: {
      legend: t(lang, 'comparePickerLegend'),
      levelLabel: t(lang, 'compareLevel'),
      levels: [
        { value: '', label: t(lang, 'compareAllLevels') },
        ...site.levels.map((l) => ({ value: l.id, label: pick(l.labelPlural, lang) })),
      ],
      filterLabel: t(lang, 'compareNameFilter'),
      unitLabel: t(lang, 'compareUnit'),
      addLabel: t(lang, 'compareAdd'),
      groups,
    },
    texts: {
      selected: t(lang, 'compareSelected'),
      share: t(lang, 'compareShareLink'),
      keyFigures: t(lang, 'compareKeyFigures'),
      series: t(lang, 'compareSeries'),
      seriesNote: t(lang, 'compareSeriesNote'),
    },
    data: JSON.stringify(data),
  };
}

/** One row of a unit's download `/data/units/<id>.json` (see the publish stage), as the script reads it. */
export interface UnitFileRow {
  indicator_id: string;
  year: number;
  /** The number, or "" when the status has none. */
  value: number | '';
  status: CellStatus;
  /** The city's value of the year, or "" when the atlas has none. */
  city_value: number | '';
}

/** The city's value of an indicator and year in a unit's download, with its status (`value` "" without a number). */
export interface UnitFileCityRow {
  indicator_id: string;
  year: number;
  value: number | '';
  status: CellStatus;
}

/** A unit's download `/data/units/<id>.json`, the fields the compare page reads. */
export interface UnitFile {
  unit: { id: string; name: string; level: string; url: string };
  /** The parent unit's id; undefined on the top level. */
  parent?: string | undefined;
  values: UnitFileRow[];
  /**
   * The city's values for the indicators and years of `values`, with their status (`city_value` alone cannot tell a
   * suppressed city value from a missing one). Added after `values`; older files lack it.
   */
  city?: UnitFileCityRow[] | undefined;
}

/**
 * The `city` list of a unit's download from its page model's series: every year of the unit's series for which the
 * city has a value or a status, e.g. `{ indicator_id: "arbeitslosenquote", year: 2023, value: "", status: "suppressed" }`.
 */
export function unitFileCity(
  series: readonly {
    indicator: string;
    rows: readonly { year: number; cityStatus?: CellStatus | undefined; city?: number | undefined }[];
  }[],
): UnitFileCityRow[] {
  return series.flatMap((s) =>
    s.rows.flatMap((r) =>
      r.cityStatus === undefined
        ? []
        : [{ indicator_id: s.indicator, year: r.year, value: r.city ?? '', status: r.cityStatus }],
    ),
  );
}

/** One choice of the unit picker, as the script reads it from the page's option list. */
export interface CompareChoice {
  id: string;
  /** The option's text, e.g. "Reuterkiez (Reuterstraße)". */
  text: string;
  name: string;
  level: string;
  parent?: string | undefined;
}

/**
 * The picker's choices for a level ("" = all) and a name filter: every word of the query must occur in the option's
 * text, folded like the directory search (case, umlauts and ß do not matter: "schoneberg" finds "Schöneberg");
 * `exclude` (the chosen units) is left out. Order as given (by level, then name).
 */
export function filterChoices(
  choices: readonly CompareChoice[],
  o: { level: string; query: string; exclude: ReadonlySet<string> },
): CompareChoice[] {
  const words = searchWords(o.query);
  return choices.filter((c) => {
    if (o.exclude.has(c.id) || (o.level !== '' && c.level !== o.level)) return false;
    const text = foldText(c.text);
    return words.every((w) => text.includes(w));
  });
}
