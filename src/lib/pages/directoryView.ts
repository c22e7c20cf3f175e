import { formatDate, formatNumber, type Lang } from '../format.ts';
import { labelOf, langPrefix, pick, t } from '../i18n.ts';
import { directoryAreaUrl, typeAnchor } from './directory.ts';
import type { DirectorySearchData } from './directorySearch.ts';
import type {
  DirectoryAreaData,
  DirectoryIndexData,
  DirectoryTypeData,
  FacilityListItem,
  FreshnessReport,
} from './facilityModel.ts';
import type { LevelMeta } from './model.ts';

/**
 * Display models of the facility directory's pages (index, type, area, search) and of the freshness report: every
 * count and date formatted, every label looked up and every filter decided here, so the components only map and
 * branch (thin templates). The language-independent artifacts come from {@link buildDirectory}. Pure.
 */

/** A vocabulary (facility types, target groups) as far as labels go. */
type Vocabulary = Parameters<typeof labelOf>[0];

/** The atlas context the directory pages need (`SiteData`). */
export interface DirectoryViewContext {
  /** Levels from the top down. */
  levels: readonly Pick<LevelMeta, 'id' | 'label' | 'labelPlural' | 'parent'>[];
  /** Facility types and target groups of the directory, if the atlas has one. */
  types?: Vocabulary;
  targetGroups?: Vocabulary;
}

/** A link with a formatted count beside it: "Kita (12)". */
export interface CountLink {
  href: string;
  label: string;
  count: string;
}

/** The types with their counts, linked to their pages (index page and the search page's lists without JavaScript). */
export function directoryTypeLinks(d: DirectoryIndexData, ctx: DirectoryViewContext, lang: Lang): CountLink[] {
  const p = langPrefix(lang);
  return d.types.map((x) => ({
    href: `${p}${x.url}`,
    label: labelOf(ctx.types, x.type, lang),
    count: formatNumber(x.count, 0, lang),
  }));
}

/** The top-level units with their counts, linked to their pages; `count` reads "12 Einträge". */
export function directoryAreaLinks(d: DirectoryIndexData, lang: Lang): CountLink[] {
  const p = langPrefix(lang);
  return d.areas.map((a) => ({
    href: `${p}${a.url}`,
    label: a.unit.name,
    count: t(lang, 'entriesCount', { n: formatNumber(a.count, 0, lang) }),
  }));
}

/** `/einrichtungen/` as shown. */
export interface DirectoryIndexView {
  lede: string;
  /** The staleness rule: the days ("365"), then the sentence after them. */
  staleDays: string;
  staleText: string;
  types: CountLink[];
  /** "Bezirke": heading of the list by area. */
  topLevelPlural: string;
  areas: CountLink[];
  /** True when an entry has an ODbL source (OpenStreetMap). */
  odbl: boolean;
}

/** The directory's staleness rule and reference date, as `site.facilities` gives them. */
export interface DirectoryFreshnessMeta {
  staleAfterDays?: number | undefined;
  /** The directory's reference date; else the atlas's Datenstand. */
  referenceDate: string;
}

/** Builds {@link DirectoryIndexView}; `city` is the atlas's city in `lang`. */
export function directoryIndexView(
  d: DirectoryIndexData,
  meta: DirectoryFreshnessMeta,
  ctx: DirectoryViewContext,
  city: string,
  lang: Lang,
): DirectoryIndexView {
  const n = (x: number) => formatNumber(x, 0, lang);
  return {
    lede: t(lang, 'directoryIndexLede', { directory: t(lang, 'facilityDirectory'), city, n: n(d.total) }),
    staleDays: n(meta.staleAfterDays ?? 0),
    staleText: t(lang, 'directoryIndexStaleAfter', {
      date: formatDate(meta.referenceDate, lang),
      stale: t(lang, 'staleShort'),
      n: n(d.stale),
      total: n(d.total),
    }),
    types: directoryTypeLinks(d, ctx, lang),
    topLevelPlural: pick(ctx.levels[0]?.labelPlural, lang),
    areas: directoryAreaLinks(d, lang),
    odbl: d.odbl > 0,
  };
}

/** A section of listed entries under a heading with a count. */
export interface ListedGroup {
  /** Anchor of the heading. */
  id: string;
  label: string;
  count: string;
  items: FacilityListItem[];
}

/** `/einrichtungen/typ/<type>/` as shown. */
export interface DirectoryTypeView {
  label: string;
  /** "12 Einträge" */
  entries: string;
  topLevelPlural: string;
  /** Listed types: one section per top-level unit, with every entry (anchor `gebiet-<id>`). */
  sections: ListedGroup[];
  /** Big types: the sentence above the links, and one link per top-level unit to its area page's section. */
  byAreaText: string;
  links: CountLink[];
}

/** Builds {@link DirectoryTypeView}. */
export function directoryTypeView(d: DirectoryTypeData, ctx: DirectoryViewContext, lang: Lang): DirectoryTypeView {
  const p = langPrefix(lang);
  const n = (x: number) => formatNumber(x, 0, lang);
  const label = labelOf(ctx.types, d.type, lang);
  const topLevelPlural = pick(ctx.levels[0]?.labelPlural, lang);
  return {
    label,
    entries: t(lang, 'entriesCount', { n: n(d.count) }),
    topLevelPlural,
    sections: d.groups.map((g) => ({
      id: `gebiet-${g.unit.id}`,
      label: g.unit.name,
      count: n(g.count),
      items: g.items ?? [],
    })),
    byAreaText: t(lang, 'directoryTypeByArea', { n: n(d.count), levels: topLevelPlural }),
    links: d.groups.map((g) => ({ href: `${p}${g.url}`, label: `${label}: ${g.unit.name}`, count: n(g.count) })),
  };
}

/** `/einrichtungen/gebiet/<unit>/` as shown. */
export interface DirectoryAreaView {
  title: string;
  /** The units above, each linked to its directory page where it has one, else to its unit page. */
  ancestors: { text: string; href: string }[];
  levelLabel: string;
  entries: string;
  empty: boolean;
  /** Heading of the sub-units: the level below's plural, else "Teilgebiete". */
  childrenHeading: string;
  children: CountLink[];
  /** One section per type (anchor {@link typeAnchor}). */
  types: ListedGroup[];
}

/** Builds {@link DirectoryAreaView}; `areaIds` are the units with a directory page (`site.facilities.areas`). */
export function directoryAreaView(
  d: DirectoryAreaData,
  ctx: DirectoryViewContext,
  areaIds: readonly string[],
  lang: Lang,
): DirectoryAreaView {
  const p = langPrefix(lang);
  const n = (x: number) => formatNumber(x, 0, lang);
  const withPage = new Set(areaIds);
  return {
    title: t(lang, 'facilitiesIn', { name: d.unit.name }),
    ancestors: d.ancestors.map((a) => ({
      text: a.name,
      href: withPage.has(a.id) ? `${p}${directoryAreaUrl(a.id)}` : `${p}${a.url}`,
    })),
    levelLabel: pick(ctx.levels.find((l) => l.id === d.unit.level)?.label, lang),
    entries: t(lang, 'entriesCount', { n: n(d.count) }),
    empty: d.count === 0,
    childrenHeading: pick(ctx.levels.find((l) => l.parent === d.unit.level)?.labelPlural, lang) || t(lang, 'children'),
    children: d.children.map((c) => ({ href: `${p}${c.url}`, label: c.unit.name, count: n(c.count) })),
    types: d.byType.map((g) => ({
      id: typeAnchor(g.type),
      label: labelOf(ctx.types, g.type, lang),
      count: n(g.count),
      items: g.items ?? [],
    })),
  };
}

/** A choice in a filter of the search form: its value, its label and how many entries have it. */
export interface SearchOption {
  value: string;
  label: string;
  count: string;
}

/** `/einrichtungen/suche/` as shown: the lists without JavaScript and the choices of the form's filters. */
export interface DirectorySearchView {
  /** Lists for readers without JavaScript. */
  typeLinks: CountLink[];
  areaLinks: CountLink[];
  topLevelLabel: string;
  topLevelPlural: string;
  types: SearchOption[];
  targetGroups: SearchOption[];
  areas: SearchOption[];
  /**
   * The second level's filter: its label and the top-level units that have sub-units, each with them; undefined
   * when the atlas has one level or no top-level unit has a sub-unit with entries.
   */
  subAreas?: { label: string; groups: { label: string; parent: string; options: SearchOption[] }[] } | undefined;
  languages: SearchOption[];
  wheelchair: { yes: string; yesOrLimited: string };
}

/** Builds {@link DirectorySearchView}. */
export function directorySearchView(
  s: DirectorySearchData,
  d: DirectoryIndexData,
  ctx: DirectoryViewContext,
  lang: Lang,
): DirectorySearchView {
  const n = (x: number) => formatNumber(x, 0, lang);
  const [top, second] = ctx.levels;
  const withChildren = s.areas.filter((a) => a.children.length > 0);
  return {
    typeLinks: directoryTypeLinks(d, ctx, lang),
    areaLinks: directoryAreaLinks(d, lang),
    topLevelLabel: pick(top?.label, lang),
    topLevelPlural: pick(top?.labelPlural, lang),
    types: s.types.map((x) => ({ value: x.id, label: labelOf(ctx.types, x.id, lang), count: n(x.count) })),
    targetGroups: s.targetGroups.map((x) => ({
      value: x.id,
      label: labelOf(ctx.targetGroups, x.id, lang),
      count: n(x.count),
    })),
    areas: s.areas.map((a) => ({ value: a.id, label: a.name, count: n(a.count) })),
    subAreas:
      second && withChildren.length > 0
        ? {
            label: pick(second.label, lang),
            groups: withChildren.map((a) => ({
              label: a.name,
              parent: a.id,
              options: a.children.map((c) => ({ value: c.id, label: c.name, count: n(c.count) })),
            })),
          }
        : undefined,
    languages: s.languages.map((x) => ({ value: x.id, label: x.label[lang], count: n(x.count) })),
    wheelchair: { yes: n(s.wheelchair.yes), yesOrLimited: n(s.wheelchair.yesOrLimited) },
  };
}

/** The freshness report on the data page lists at most this many stale entries; all are in facilities.csv (`stale`). */
export const FRESHNESS_MAX_LISTED = 200;

/** The freshness report as shown. */
export interface FreshnessView {
  summary: string;
  /** Entries per `lastConfirmed` date, oldest first; `status` is "veraltet" or "–". */
  rows: { iso: string; date: string; count: string; status: string }[];
  /** The stale entries listed (the first {@link FRESHNESS_MAX_LISTED}), oldest first. */
  entries: { href: string; name: string; iso: string; date: string; confirmedBy?: string | undefined; file: string }[];
  /** " die ersten 200; alle stehen in facilities.csv …" when there are more stale entries than listed; else undefined. */
  firstListed?: string | undefined;
}

/** Builds {@link FreshnessView}. */
export function freshnessView(r: FreshnessReport, lang: Lang): FreshnessView {
  const p = langPrefix(lang);
  const n = (x: number) => formatNumber(x, 0, lang);
  return {
    summary: t(lang, 'freshnessSummary', {
      date: formatDate(r.referenceDate, lang),
      stale: t(lang, 'staleShort'),
      days: n(r.staleAfterDays),
      n: n(r.stale),
      total: n(r.total),
    }),
    rows: r.byDate.map((b) => ({
      iso: b.date,
      date: formatDate(b.date, lang),
      count: n(b.count),
      status: b.stale ? t(lang, 'staleShort') : '–',
    })),
    entries: r.entries.slice(0, FRESHNESS_MAX_LISTED).map((e) => ({
      href: `${p}${e.url}`,
      name: e.name,
      iso: e.lastConfirmed,
      date: formatDate(e.lastConfirmed, lang),
      confirmedBy: e.confirmedBy ? ` (${e.confirmedBy})` : undefined,
      file: e.file,
    })),
    firstListed:
      r.entries.length > FRESHNESS_MAX_LISTED
        ? t(lang, 'freshnessFirstListed', { n: String(FRESHNESS_MAX_LISTED) })
        : undefined,
  };
}
