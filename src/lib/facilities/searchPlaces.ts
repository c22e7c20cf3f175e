import { matchWord, searchWords, streetWordsOf, type WordMatch } from './searchText.ts';

/**
 * The place finder's unit index (`/data/search/units.json`): every unit of every level with its name, level and
 * parent, small enough (the Berlin demo's 598 units: a few KB gzip) to be fetched when the reader focuses the search
 * field and to answer every keystroke at once. The facility search reads it too: it names the units a facility lies
 * in (the file of facilities stores only the finest one) and turns area words of a query into a filter.
 */

/** Path of the unit index; listed in `/data/atlas.json` under `downloads.units`. */
export const PLACE_INDEX_URL = '/data/search/units.json';

/** Format version of the unit index; raise it when the layout changes. */
export const PLACE_INDEX_VERSION = 1;

/** A level of the unit index: its id (the first path segment of its pages) and its name in both languages. */
export interface PlaceLevel {
  id: string;
  label: { de: string; en: string };
}

/** One unit: id, name, position of its level in `levels`, parent id ("" on the top level). */
export type PlaceRecord = [id: string, name: string, level: number, parent: string];

/** The unit index file. */
export interface PlaceIndexFile {
  version: typeof PLACE_INDEX_VERSION;
  /** Top level first. A unit's page is `/<level id>/<unit id>/` (English under `/en`). */
  levels: PlaceLevel[];
  /** By level (top first), then by name (German collation). */
  units: PlaceRecord[];
}

const collator = new Intl.Collator('de');

/** Builds the unit index from the levels (top first) and the units of the atlas. */
export function buildPlaceIndex(
  levels: readonly { id: string; label: { de: string; en?: string | undefined } }[],
  units: readonly { id: string; name: string; level: string; parent?: string | undefined }[],
): PlaceIndexFile {
  const position = new Map(levels.map((l, i) => [l.id, i]));
  const records = units
    .filter((u) => position.has(u.level))
    .map((u): PlaceRecord => [u.id, u.name, position.get(u.level) ?? 0, u.parent ?? ''])
    .sort((a, b) => a[2] - b[2] || collator.compare(a[1], b[1]) || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  return {
    version: PLACE_INDEX_VERSION,
    levels: levels.map((l) => ({ id: l.id, label: { de: l.label.de, en: l.label.en ?? l.label.de } })),
    units: records,
  };
}

/** A unit as the finder uses it. */
export interface Place {
  id: string;
  name: string;
  /** Position of its level (0 = top). */
  depth: number;
  level: PlaceLevel;
  /** Its parent, undefined on the top level (or when the parent is missing from the index). */
  parent: Place | undefined;
  /** Path without language prefix, e.g. `/planungsraum/08010301/`. */
  path: string;
  /** Folded words of its name. */
  words: string[];
}

/** A unit found for a query, best first. */
export interface PlaceHit {
  place: Place;
  /** 0 = the name is the query; 1 = the name starts with it; 2 = every word starts a word of the name; 3 = with a typo. */
  rank: number;
}

/** How an area phrase of a query names units (see {@link PlaceFinder.areaAt}). */
export interface AreaMatch {
  /** Number of query words the phrase takes. */
  words: number;
  /** The units it names (all of the best kind of match). */
  places: Place[];
}

/** Search over the unit index. */
export interface PlaceFinder {
  /** Every unit, in index order. */
  places: readonly Place[];
  byId: ReadonlyMap<string, Place>;
  /**
   * Units whose name matches every folded query word (start of a word, or one typo from five letters on), best
   * first: by {@link PlaceHit.rank}, then top level first, then by name.
   */
  search(words: readonly string[]): PlaceHit[];
  /**
   * The units an area phrase starting at `words[start]` names, taking as many words as possible: the phrase must be
   * the start of a unit's name, word by word ("Neuköllner Mitte" of "Neuköllner Mitte/Zentrum"). Exact names win
   * over starts of names, whole words over a last word still being typed (from four letters on, and only at the end
   * of the query), and those over one typo in a word of five letters or more. Short words alone ("am", "an") name a
   * unit only as its whole name.
   */
  areaAt(words: readonly string[], start: number): AreaMatch | undefined;
  /** The unit and its ancestors, top first. */
  chain(id: string): string[];
}

/** A last query word is read as the start of an area name only from this many letters on. */
export const MIN_AREA_PREFIX = 4;

/** Builds the finder over a unit index file. */
export function createPlaceFinder(file: PlaceIndexFile): PlaceFinder {
  const places: Place[] = [];
  const byId = new Map<string, Place>();
  for (const [id, name, depth] of file.units) {
    const level = file.levels[depth] ?? { id: '', label: { de: '', en: '' } };
    const place: Place = {
      id,
      name,
      depth,
      level,
      parent: undefined,
      path: `/${level.id}/${encodeURIComponent(id)}/`,
      words: searchWords(name),
    };
    places.push(place);
    byId.set(id, place);
  }
  for (const [i, record] of file.units.entries()) {
    const parent = record[3];
    const place = places[i];
    if (place && parent) place.parent = byId.get(parent);
  }
  const chains = new Map<string, string[]>();
  const chain = (id: string): string[] => {
    let out = chains.get(id);
    if (out) return out;
    const place = byId.get(id);
    out = place ? [...(place.parent ? chain(place.parent.id) : []), id] : [];
    chains.set(id, out);
    return out;
  };

  const search = (words: readonly string[]): PlaceHit[] => {
    if (words.length === 0) return [];
    const hits: PlaceHit[] = [];
    for (const place of places) {
      const rank = rankPlace(place, words);
      if (rank !== undefined) hits.push({ place, rank });
    }
    return hits.sort(
      (a, b) => a.rank - b.rank || a.place.depth - b.place.depth || collator.compare(a.place.name, b.place.name),
    );
  };

  const areaAt = (words: readonly string[], start: number): AreaMatch | undefined => {
    for (let n = Math.min(words.length - start, 6); n >= 1; n--) {
      const phrase = words.slice(start, start + n);
      const atEnd = start + n === words.length;
      let best = Infinity;
      let found: Place[] = [];
      // A phrase of short words alone ("am" of "Am Kanal") names an area only as its whole name.
      const short = phrase.every((w) => w.length < MIN_AREA_PREFIX);
      for (const place of places) {
        const tier = phraseTier(place.words, phrase, atEnd);
        if (tier === undefined || tier > best || (short && tier > 0)) continue;
        if (tier < best) {
          best = tier;
          found = [];
        }
        found.push(place);
      }
      if (found.length > 0) return { words: n, places: found };
    }
    return undefined;
  };

  return { places, byId, search, areaAt, chain };
}

const MATCH_ORDER: Record<WordMatch, number> = { exact: 0, prefix: 1, fuzzy: 2 };

/** The best match of query word `q` among `words` (0 exact, 1 prefix, 2 typo), or undefined. */
function bestMatch(q: string, words: readonly string[]): number | undefined {
  let best: number | undefined;
  const streets = streetWordsOf(q);
  for (const w of words) {
    const m = matchWord(q, w, { fuzzyPrefix: true, streets });
    if (m !== undefined && (best === undefined || MATCH_ORDER[m] < best)) best = MATCH_ORDER[m];
    if (best === 0) break;
  }
  return best;
}

/**
 * Rank of a unit for the query words (see {@link PlaceHit.rank}), or undefined. Words the unit's own name lacks may
 * match a word of a parent's name ("Reuterkiez Neukölln"), as long as one word matches its own name.
 */
function rankPlace(place: Place, query: readonly string[]): number | undefined {
  const name = place.words;
  let worst = 0;
  let own = 0;
  for (const q of query) {
    let best = bestMatch(q, name);
    if (best !== undefined) own++;
    for (let p = place.parent; best === undefined && p; p = p.parent) {
      best = bestMatch(q, p.words);
      if (best !== undefined) best = Math.max(best, 1);
    }
    if (best === undefined) return undefined;
    worst = Math.max(worst, best);
  }
  if (own === 0) return undefined;
  if (worst === 2) return 3;
  if (own < query.length) return 2;
  if (query.length === name.length && query.every((q, i) => q === name[i])) return 0;
  if (query.every((q, i) => name[i] !== undefined && (i === query.length - 1 ? name[i].startsWith(q) : name[i] === q)))
    return 1;
  return 2;
}

/**
 * How well `phrase` names a unit whose name has the folded words `name`: 0 the whole name, 1 its first words,
 * 2 its first words with the last one still being typed, 3 with one typo; undefined when it does not.
 */
function phraseTier(name: readonly string[], phrase: readonly string[], atEnd: boolean): number | undefined {
  if (phrase.length > name.length) return undefined;
  let tier = phrase.length === name.length ? 0 : 1;
  for (const [i, q] of phrase.entries()) {
    const w = name[i] as string;
    if (w === q) continue;
    const last = i === phrase.length - 1;
    if (last && atEnd && q.length >= MIN_AREA_PREFIX && w.startsWith(q)) tier = Math.max(tier, 2);
    else if (matchWord(q, w) === 'fuzzy') tier = 3;
    else return undefined;
  }
  return tier;
}
