import MiniSearch from 'minisearch';
import { matchesFilters, type SearchQuery } from './searchQuery.ts';
import type { SearchIndexFile, SearchRecord } from './searchRecord.ts';
import { searchWords } from './searchText.ts';

/**
 * Full-text search over the directory's index file with MiniSearch (chosen over Pagefind, see README "Dependencies
 * and why": one small file that works offline, no WebAssembly, so no `'wasm-unsafe-eval'` in the CSP, and filters
 * over all 6,758 Berlin entries without fetching a fragment per result). The browser builds the MiniSearch index
 * from the records when the file arrives (about 100 ms for Berlin on a laptop).
 *
 * Matching: every word of the query must match (AND) a word of the name, provider or address, as a prefix
 * ("Regenb" finds "Regenbogen"), case- and umlaut-insensitive (`foldText`), from six letters on also with one typo.
 * Street compounds are also indexed in parts, so "strasse" finds "Uferstraße" and "ufer" finds it too.
 */

/** Street words that end German compounds: "Uferstraße" is indexed as "uferstrasse", "ufer" and "strasse". */
const STREET_SUFFIX = /(?:strasse|weg|platz|allee|damm|ring|ufer|gasse|chaussee|steig|zeile|promenade|pfad|markt)$/;
/** A compound is split only when at least this many letters stay before the street word ("Amweg" stays whole). */
const MIN_STEM = 3;

/** Indexed words of a text: its folded words, and for street compounds also the stem and the street word. */
export function indexWords(text: string): string[] {
  const words = searchWords(text);
  const out = [...words];
  for (const w of words) {
    if (w.length < MIN_STEM + 3) continue;
    const m = STREET_SUFFIX.exec(w);
    if (m && m.index >= MIN_STEM) out.push(w.slice(0, m.index), m[0]);
  }
  return out;
}

const FIELD_POSITION = { name: 1, provider: 2, address: 3 } as const;
type Field = keyof typeof FIELD_POSITION;

/** A search over one index file. */
export interface SearchEngine {
  /** Number of entries in the index. */
  size: number;
  /** The entries matching the query: by relevance when it has text, else in index order (by name). */
  search(query: SearchQuery): SearchRecord[];
}

/** Builds the search over an index file (indexes every record; call once per page). */
export function createSearchEngine(file: SearchIndexFile): SearchEngine {
  const byId = new Map(file.records.map((r) => [r[0], r]));
  const mini = new MiniSearch<SearchRecord>({
    idField: 'id',
    fields: Object.keys(FIELD_POSITION),
    extractField: (r, field) => (field === 'id' ? r[0] : r[FIELD_POSITION[field as Field]]),
    tokenize: indexWords,
    processTerm: (term) => term,
    searchOptions: {
      tokenize: searchWords,
      processTerm: (term) => term,
      combineWith: 'AND',
      prefix: true,
      fuzzy: (term) => (term.length >= 6 ? 1 : false),
      maxFuzzy: 1,
      boost: { name: 3, provider: 1.5 },
    },
  });
  mini.addAll(file.records);
  return {
    size: file.records.length,
    search(query) {
      if (searchWords(query.q).length === 0) return file.records.filter((r) => matchesFilters(r, query));
      return mini.search(query.q).flatMap((hit) => {
        const r = byId.get(hit.id as string);
        return r && matchesFilters(r, query) ? [r] : [];
      });
    },
  };
}
