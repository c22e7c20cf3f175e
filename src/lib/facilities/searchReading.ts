import type { Place, PlaceFinder } from './searchPlaces.ts';
import type { SearchType } from './searchRecord.ts';

/**
 * How a facility query is read: words that name a facility type ("Pflege", "Kita", from the vocabulary's labels and
 * synonyms) become a type filter, words that name an area ("Neukölln", "Reuterkiez", from the unit index) an area
 * filter, and the rest is matched against names, providers and addresses. So "Pflege Neukölln" lists the care homes
 * in Neukölln and "Kita Reuterkiez" the Kitas in Reuterkiez.
 *
 * A query made of area words only ("Neukölln") filters nothing: it is matched as text (the place finder lists the
 * area itself), so a facility called "Kita Neukölln" elsewhere is still found.
 */

/** A query word shorter than this is never read as the start of a type word ("Kit" is not yet "Kita"). */
export const MIN_TYPE_PREFIX = 4;

/** The reading of a query. */
export interface QueryReading {
  /** Types named by type words (an entry must have one of them); empty when no word names a type. */
  types: SearchType[];
  /** Per area phrase, the units it names (an entry must lie in one unit of every phrase). */
  areas: Place[][];
  /** Words matched against name, provider and address (all must match). */
  text: string[];
}

/** The types a phrase starting at `words[start]` names, taking as many words as possible. */
export function typeAt(
  words: readonly string[],
  start: number,
  types: readonly SearchType[],
): { words: number; types: SearchType[] } | undefined {
  let best: { words: number; exact: boolean; types: SearchType[] } | undefined;
  for (const type of types) {
    for (const term of type.terms) {
      const m = matchTerm(words, start, term);
      if (!m) continue;
      const better = !best || m.words > best.words || (m.words === best.words && m.exact && !best.exact);
      if (better) best = { ...m, types: [type] };
      else if (m.words === best?.words && m.exact === best.exact && !best.types.includes(type)) best.types.push(type);
    }
  }
  return best && { words: best.words, types: best.types };
}

/**
 * Whether the query words from `start` name the term (its folded words): every word equal, the last one may be its
 * start (from {@link MIN_TYPE_PREFIX} letters), and where the query ends the term may go on ("Kinder und Jug…").
 */
function matchTerm(
  words: readonly string[],
  start: number,
  term: readonly string[],
): { words: number; exact: boolean } | undefined {
  for (let n = Math.min(term.length, words.length - start); n >= 1; n--) {
    const atEnd = start + n === words.length;
    if (n < term.length && !atEnd) continue;
    let exact = n === term.length;
    let ok = true;
    for (let i = 0; i < n && ok; i++) {
      const q = words[start + i] as string;
      const w = term[i] as string;
      if (q === w) continue;
      if (i === n - 1 && q.length >= MIN_TYPE_PREFIX && w.startsWith(q)) exact = false;
      else ok = false;
    }
    if (ok) return { words: n, exact };
  }
  return undefined;
}

/** Reads the folded query words: type phrases first, then area phrases, the rest as text. */
export function readQuery(
  words: readonly string[],
  types: readonly SearchType[],
  places: Pick<PlaceFinder, 'areaAt'> | undefined,
): QueryReading {
  const reading: QueryReading = { types: [], areas: [], text: [] };
  for (let i = 0; i < words.length;) {
    const t = typeAt(words, i, types);
    if (t) {
      for (const type of t.types) if (!reading.types.includes(type)) reading.types.push(type);
      i += t.words;
      continue;
    }
    const a = places?.areaAt(words, i);
    if (a) {
      reading.areas.push(a.places);
      i += a.words;
      continue;
    }
    reading.text.push(words[i] as string);
    i++;
  }
  if (reading.types.length === 0 && reading.text.length === 0) return { types: [], areas: [], text: [...words] };
  return reading;
}

/** The plain reading: every word is text (the fallback when a reading with filters finds nothing). */
export function plainReading(words: readonly string[]): QueryReading {
  return { types: [], areas: [], text: [...words] };
}

/** True when the reading filters by type or area. */
export function isFiltering(reading: QueryReading): boolean {
  return reading.types.length > 0 || reading.areas.length > 0;
}

/**
 * The units of one area phrase as the search status names them: "Reuterkiez"; where two units share a name, each
 * with its level, so "Neukölln" reads "Neukölln (Bezirk), Neukölln (Prognoseraum)" and not "Neukölln, Neukölln".
 */
export function placesText(places: readonly Pick<Place, 'name' | 'level'>[], lang: 'de' | 'en'): string {
  const count = new Map<string, number>();
  for (const p of places) count.set(p.name, (count.get(p.name) ?? 0) + 1);
  return places.map((p) => ((count.get(p.name) ?? 0) > 1 ? `${p.name} (${p.level.label[lang]})` : p.name)).join(', ');
}
