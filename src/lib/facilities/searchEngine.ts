import type { SearchQuery } from './searchQuery.ts';
import type { PlaceFinder } from './searchPlaces.ts';
import { isFiltering, plainReading, readQuery, type QueryReading } from './searchReading.ts';
import {
  decodeFacilityId,
  entryCount,
  WHEELCHAIR_CODES,
  type SearchIndexFile,
  type SearchType,
  type Wheelchair,
} from './searchRecord.ts';
import { foldText, matchWord, searchWords, streetWordsOf, type WordMatch } from './searchText.ts';

/**
 * The facility search over the index file (`searchRecord.ts`) and the unit index (`searchPlaces.ts`), used by the
 * place finder and the directory search page alike.
 *
 * It scans the entries instead of building an inverted index, because the index had to be built in the browser
 * before the first result of a cold query: for Berlin's 6,758 entries, MiniSearch (this search until version 1 of the
 * index file) took about 2 s to index and search in Chromium with the CPU slowed four times, this scan 0.23 s for its
 * first search, folding included (same machine, same moment; README). The entries' words are folded the first time a
 * query needs them (all of a field in one pass); queries made only of type and area words ("Pflege Neukölln") fold
 * nothing.
 *
 * Matching: the query is read first (`searchReading.ts`): type words and area words filter, every other word must
 * match (AND) a word of the name, provider or address, as the start of the word ("Regenb" finds "Regenbogen"),
 * case- and umlaut-insensitive (`foldText`), from six letters on also with one typo. A street word matches street
 * compounds ("strasse" finds "Uferstraße"). When a reading with type or area filters finds nothing, the query is
 * matched once more as plain text.
 */

/** Facility words are matched with one typo from this many letters on (more entries, more near-misses than units). */
export const MIN_FACILITY_FUZZY = 6;

/** Weights of the fields and of the kinds of match in the ranking. */
const FIELD_WEIGHTS = [3, 1.5, 1] as const;
const MATCH_WEIGHTS: Record<WordMatch, number> = { exact: 1, prefix: 0.8, fuzzy: 0.5 };

/** An entry as the result lists show it. */
export interface FacilityEntry {
  id: string;
  name: string;
  /** "" where none. */
  provider: string;
  address: string;
  /** "" where none. */
  phone: string;
  /** Type ids. */
  types: string[];
  /** Target group ids. */
  targetGroups: string[];
  /** The units it lies in, top level first. */
  units: string[];
  languages: string[];
  wheelchair: Wheelchair;
}

/** The outcome of a search. */
export interface FacilitySearch {
  /** Positions of the matching entries (see {@link SearchEngine.entry}), best first; by name without query text. */
  found: number[];
  /** How the query text was read (the plain reading when the filtering one found nothing). */
  reading: QueryReading;
}

/** A search over one index file. */
export interface SearchEngine {
  /** Number of entries in the index. */
  size: number;
  /** The vocabulary's types with their labels. */
  types: readonly SearchType[];
  /** The entry at a position. */
  entry(position: number): FacilityEntry;
  /** The entries matching the query text and the query's filters. */
  search(query: SearchQuery): FacilitySearch;
}

const WHEELCHAIR_BY_CODE = new Map(Object.entries(WHEELCHAIR_CODES).map(([k, v]) => [v, k as Wheelchair]));

/** Builds the search over an index file and the unit index's finder (call once per page; cheap). */
export function createSearchEngine(file: SearchIndexFile, places: PlaceFinder): SearchEngine {
  const size = entryCount(file);
  const fields = [file.name, file.provider, file.address] as const;
  // Per field, each entry's folded text (made on the first text query, all of the field in one pass), and its words
  // where a typo or a street compound has to be checked word by word (made when first needed).
  const folded: (string[] | undefined)[] = fields.map(() => undefined);
  const words: (string[] | undefined)[][] = fields.map(() => []);
  const textOf = (f: number): string[] => (folded[f] ??= foldAll(fields[f] as string[]));
  const wordsOf = (f: number, i: number): string[] =>
    ((words[f] as (string[] | undefined)[])[i] ??= splitFolded(textOf(f)[i] ?? ''));
  const chainOf = (i: number) => places.chain(file.unit[i] ?? '');
  const typeAt = new Map(file.types.map((t, i) => [t.id, i]));
  const groupAt = new Map(file.targetGroups.map((g, i) => [g, i]));
  const entries = new Map<number, FacilityEntry>();

  const entry = (i: number): FacilityEntry => {
    let e = entries.get(i);
    if (e) return e;
    const name = file.name[i] ?? '';
    e = {
      id: decodeFacilityId(file.id[i] ?? '', name),
      name,
      provider: file.provider[i] ?? '',
      address: file.address[i] ?? '',
      phone: file.phone[i] ?? '',
      types: (file.type[i] ?? []).map((t) => file.types[t]?.id ?? ''),
      targetGroups: (file.group[i] ?? []).map((g) => file.targetGroups[g] ?? ''),
      units: chainOf(i),
      languages: file.language[i] ?? [],
      wheelchair: WHEELCHAIR_BY_CODE.get(file.wheelchair[i] ?? 'u') ?? 'unknown',
    };
    entries.set(i, e);
    return e;
  };

  /** The explicit filters of the query (form fields), as a test of a position. */
  const filtersOf = (query: SearchQuery): ((i: number) => boolean) => {
    const tests: ((i: number) => boolean)[] = [];
    if (query.typ) {
      const t = typeAt.get(query.typ) ?? -1;
      tests.push((i) => (file.type[i] ?? []).includes(t));
    }
    if (query.gruppe) {
      const g = groupAt.get(query.gruppe) ?? -1;
      tests.push((i) => (file.group[i] ?? []).includes(g));
    }
    if (query.gebiet) tests.push((i) => chainOf(i)[0] === query.gebiet);
    if (query.teilgebiet) tests.push((i) => chainOf(i)[1] === query.teilgebiet);
    if (query.sprache) tests.push((i) => (file.language[i] ?? []).includes(query.sprache));
    if (query.rollstuhl === 'ja') tests.push((i) => file.wheelchair[i] === WHEELCHAIR_CODES.yes);
    if (query.rollstuhl === 'teilweise')
      tests.push((i) => file.wheelchair[i] === WHEELCHAIR_CODES.yes || file.wheelchair[i] === WHEELCHAIR_CODES.limited);
    return (i) => tests.every((test) => test(i));
  };

  /** Score of position `i` for the text words (0: a word matches nowhere). */
  const textScore = (i: number, text: readonly TextWord[]): number => {
    let score = 0;
    for (const word of text) {
      let best = 0;
      for (let f = 0; f < fields.length; f++) {
        const m = matchField(word, textOf(f)[i] ?? '', () => wordsOf(f, i));
        if (m) best = Math.max(best, (FIELD_WEIGHTS[f] ?? 1) * MATCH_WEIGHTS[m]);
      }
      if (best === 0) return 0;
      score += best;
    }
    return score;
  };

  const run = (query: SearchQuery, reading: QueryReading): number[] => {
    const passes = filtersOf(query);
    const types = reading.types.map((t) => typeAt.get(t.id) ?? -1);
    const areas = reading.areas.map((ps) => new Set(ps.map((p) => p.id)));
    const text = reading.text.map(textWord);
    const plain: number[] = [];
    const scored: [number, number][] = [];
    for (let i = 0; i < size; i++) {
      if (!passes(i)) continue;
      if (types.length > 0 && !(file.type[i] ?? []).some((t) => types.includes(t))) continue;
      if (areas.length > 0) {
        const chain = chainOf(i);
        if (!areas.every((set) => chain.some((u) => set.has(u)))) continue;
      }
      if (reading.text.length === 0) plain.push(i);
      else {
        const score = textScore(i, text);
        if (score > 0) scored.push([i, score]);
      }
    }
    if (reading.text.length === 0) return plain;
    return scored.sort((a, b) => b[1] - a[1] || a[0] - b[0]).map(([i]) => i);
  };

  return {
    size,
    types: file.types,
    entry,
    search(query) {
      const words = searchWords(query.q);
      const reading = readQuery(words, file.types, places);
      const found = run(query, reading);
      if (found.length > 0 || !isFiltering(reading)) return { found, reading };
      const plain = plainReading(words);
      return { found: run(query, plain), reading: plain };
    },
  };
}

/** Separates the values of a field while they are folded together (no entry text contains it). */
const SEPARATOR = '\u0000';
const NON_WORD = /[^\p{L}\p{N}]+/u;
const WORD_CHAR = /[\p{L}\p{N}]/u;

/**
 * Each value folded (`foldText`), folding all values in one pass: one call on a long text instead of thousands of
 * calls on short ones (the first text query of a cold page waits for this). Separators stay as they are; see
 * {@link findWordStart}.
 */
export function foldAll(values: readonly string[]): string[] {
  return foldText(values.join(SEPARATOR)).split(SEPARATOR);
}

/** The words of a folded text. */
function splitFolded(text: string): string[] {
  return text.split(NON_WORD).filter((w) => w !== '');
}

/** True when the character at `i` is no letter or digit (or `i` is outside the text). */
function isBoundary(text: string, i: number): boolean {
  if (i < 0 || i >= text.length) return true;
  const c = text.charCodeAt(i);
  if (c < 128) return !((c >= 97 && c <= 122) || (c >= 48 && c <= 57) || (c >= 65 && c <= 90));
  return !WORD_CHAR.test(text.charAt(i));
}

/**
 * Where a word of the folded text starts with `q`: `exact` when the word is `q`, `prefix` when it goes on, else
 * undefined. A substring search with a look at the neighbouring characters, without splitting the text into words.
 */
export function findWordStart(text: string, q: string): 'exact' | 'prefix' | undefined {
  let found: 'prefix' | undefined;
  for (let i = text.indexOf(q); i >= 0; i = text.indexOf(q, i + 1)) {
    if (!isBoundary(text, i - 1)) continue;
    if (isBoundary(text, i + q.length)) return 'exact';
    found = 'prefix';
  }
  return found;
}

/** A query word with what matching it needs. */
interface TextWord {
  q: string;
  /** Street words it may stand for in compounds (see `streetWordsOf`). */
  streets: readonly string[];
  /** Halves of the word: a word within one typo of it contains one of them unchanged ([] below six letters). */
  halves: readonly string[];
}

function textWord(q: string): TextWord {
  const h = Math.floor(q.length / 2);
  return { q, streets: streetWordsOf(q), halves: q.length >= MIN_FACILITY_FUZZY ? [q.slice(0, h), q.slice(h)] : [] };
}

/**
 * How the query word matches a field (its folded text): whole word or start by substring search, then street
 * compounds and typos word by word, only where a cheap test says they can match.
 */
function matchField(word: TextWord, text: string, wordsOf: () => string[]): WordMatch | undefined {
  const { q, streets, halves } = word;
  const start = findWordStart(text, q);
  if (start) return start;
  const street = streets.some((s) => text.includes(s));
  const typo = halves.some((x) => text.includes(x));
  if (!street && !typo) return undefined;
  let best: WordMatch | undefined;
  for (const w of wordsOf()) {
    const m = matchWord(q, w, { minFuzzy: MIN_FACILITY_FUZZY, streets });
    if (m === 'exact') return m;
    if (m === 'prefix' || (m === 'fuzzy' && best === undefined)) best = m;
  }
  return best;
}
