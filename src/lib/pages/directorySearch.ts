import { PLACE_INDEX_URL } from '../facilities/searchPlaces.ts';
import { entryCount, SEARCH_INDEX_URL, WHEELCHAIR_CODES, type SearchIndexFile } from '../facilities/searchRecord.ts';
import type { Unit } from '../types.ts';
import type { VocabularyEntry } from './facilityModel.ts';

/**
 * Page model of the directory search (`/einrichtungen/suche/`): the choices of every filter with their counts, so
 * the page renders the form without reading the index, and only values that occur are offered.
 */

/** Path of the search page without language prefix. */
export const DIRECTORY_SEARCH_URL = '/einrichtungen/suche/';

/** A choice of a filter: its value (id or code) and how many entries have it. */
export interface SearchChoice {
  id: string;
  count: number;
}

/** A unit of the top level with the units of the second level inside it. */
export interface SearchArea extends SearchChoice {
  name: string;
  children: (SearchChoice & { name: string })[];
}

/** `build/directory/search.json`. */
export interface DirectorySearchData {
  url: string;
  /** The index file the page's script fetches when the user starts a search. */
  indexUrl: string;
  /** The unit index it fetches with it (area words, the units of an entry). */
  unitsUrl: string;
  total: number;
  /** Vocabulary order. */
  types: SearchChoice[];
  /** Vocabulary order. */
  targetGroups: SearchChoice[];
  /** Top-level units by name, each with its second-level units by name; units without entries are left out. */
  areas: SearchArea[];
  /** Languages spoken, with their names, by German name. */
  languages: (SearchChoice & { label: { de: string; en: string } })[];
  /** Entries with wheelchair access `yes`, and with `yes` or `limited`. */
  wheelchair: { yes: number; yesOrLimited: number };
}

const collator = new Intl.Collator('de');

/** Counts how often each value occurs across the entries (each value once per entry). */
function tally(n: number, values: (i: number) => readonly string[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (let i = 0; i < n; i++) for (const v of new Set(values(i))) counts.set(v, (counts.get(v) ?? 0) + 1);
  return counts;
}

/** Name of a language in German and English ("tr" → Türkisch, Turkish); the code itself when Intl does not know it. */
export function languageLabel(code: string): { de: string; en: string } {
  const name = (locale: string) =>
    new Intl.DisplayNames([locale], { type: 'language', fallback: 'code' }).of(code) ?? code;
  return { de: name('de'), en: name('en') };
}

/**
 * Builds the search page's model from the index file, the units of the atlas (top level first) and the vocabulary.
 * An entry's units of the top two levels follow from its finest unit through the units' parents.
 */
export function buildDirectorySearch(
  file: SearchIndexFile,
  ctx: {
    levels: readonly string[];
    units: readonly Pick<Unit, 'id' | 'name' | 'level' | 'parent'>[];
    types: readonly Pick<VocabularyEntry, 'id'>[];
    targetGroups: readonly Pick<VocabularyEntry, 'id'>[];
  },
): DirectorySearchData {
  const n = entryCount(file);
  const parentOf = new Map(ctx.units.map((u) => [u.id, u.parent]));
  const chain = (id: string): string[] => {
    const out: string[] = [];
    for (let u: string | undefined = id; u; u = parentOf.get(u)) if (parentOf.has(u)) out.unshift(u);
    return out;
  };
  const chains = file.unit.map(chain);
  const byType = tally(n, (i) => (file.type[i] ?? []).map((t) => file.types[t]?.id ?? ''));
  const byGroup = tally(n, (i) => (file.group[i] ?? []).map((g) => file.targetGroups[g] ?? ''));
  const byTop = tally(n, (i) => (chains[i] ?? []).slice(0, 1));
  const bySecond = tally(n, (i) => (chains[i] ?? []).slice(1, 2));
  const byLanguage = tally(n, (i) => file.language[i] ?? []);
  const choices = (vocabulary: readonly Pick<VocabularyEntry, 'id'>[], counts: Map<string, number>): SearchChoice[] =>
    vocabulary.flatMap((v) => (counts.has(v.id) ? [{ id: v.id, count: counts.get(v.id) ?? 0 }] : []));
  const byName = (a: { name: string }, b: { name: string }) => collator.compare(a.name, b.name);
  const [top, second] = ctx.levels;
  const areas: SearchArea[] = ctx.units
    .filter((u) => u.level === top && byTop.has(u.id))
    .map((u) => ({
      id: u.id,
      name: u.name,
      count: byTop.get(u.id) ?? 0,
      children: ctx.units
        .filter((c) => c.level === second && c.parent === u.id && bySecond.has(c.id))
        .map((c) => ({ id: c.id, name: c.name, count: bySecond.get(c.id) ?? 0 }))
        .sort(byName),
    }))
    .sort(byName);
  const languages = [...byLanguage]
    .map(([id, count]) => ({ id, count, label: languageLabel(id) }))
    .sort((a, b) => collator.compare(a.label.de, b.label.de));
  const codes = [...file.wheelchair];
  return {
    url: DIRECTORY_SEARCH_URL,
    indexUrl: SEARCH_INDEX_URL,
    unitsUrl: PLACE_INDEX_URL,
    total: n,
    types: choices(ctx.types, byType),
    targetGroups: choices(ctx.targetGroups, byGroup),
    areas,
    languages,
    wheelchair: {
      yes: codes.filter((c) => c === WHEELCHAIR_CODES.yes).length,
      yesOrLimited: codes.filter((c) => c === WHEELCHAIR_CODES.yes || c === WHEELCHAIR_CODES.limited).length,
    },
  };
}
