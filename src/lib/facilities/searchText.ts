/**
 * Text folding for the directory search, shared by the build (index records) and the browser (queries), so both
 * sides fold the same way: case, umlauts, ß and other diacritics do not matter.
 */

/** German digraphs that stand for an umlaut when one cannot type it: "Mueller" = "Müller" = "Muller". */
const DIGRAPHS = /([aou])e/g;

/**
 * Folds text for matching: lower case, "ß" → "ss", diacritics dropped ("ü" → "u", "é" → "e") and the digraphs
 * "ae", "oe", "ue" read as "a", "o", "u". Applied to the indexed text and to the query alike, so `strasse` finds
 * "Straße", `muller` and `mueller` find "Müller". Folding both sides the same way keeps every match symmetric
 * ("Michael" becomes "michal" in the index and in the query).
 * @example foldText("Müllerstraße") // "mullerstrasse"
 */
export function foldText(text: string): string {
  return text.toLowerCase().replace(NON_ASCII, foldChar).replace(DIGRAPHS, '$1');
}

/** Letters of German text folded without Unicode normalisation (the common case, and fast: the browser folds every entry). */
const FOLDED: Readonly<Record<string, string>> = {
  ä: 'a',
  ö: 'o',
  ü: 'u',
  ß: 'ss',
  é: 'e',
  è: 'e',
  ê: 'e',
  á: 'a',
  à: 'a',
  â: 'a',
  ó: 'o',
  ô: 'o',
  í: 'i',
  ç: 'c',
  ñ: 'n',
};
// eslint-disable-next-line no-control-regex -- the range starts at U+0000 on purpose: everything outside ASCII
const NON_ASCII = /[^\u0000-\u007f]+/g;

function foldChar(run: string): string {
  let out = '';
  for (const ch of run)
    out +=
      FOLDED[ch] ??
      ch
        .normalize('NFD')
        .replace(/\p{M}+/gu, '')
        .replace(/ß/g, 'ss');
  return out;
}

/**
 * Splits text into search words: runs of letters and digits, before folding ("Karl-Marx-Straße 12a" → "Karl",
 * "Marx", "Straße", "12a"). Apostrophes and dots end a word.
 */
export function splitWords(text: string): string[] {
  return text
    .normalize('NFC')
    .split(NON_WORD)
    .filter((w) => w !== '');
}

const NON_WORD = /[^\p{L}\p{N}]+/u;

/** The folded search words of a text, e.g. for a query: `searchWords("Kita Regenb")` → `["kita", "regenb"]`. */
export function searchWords(text: string): string[] {
  // Folded text has no combining marks left, so it needs no normalisation before splitting.
  return foldText(text)
    .split(NON_WORD)
    .filter((w) => w !== '');
}

/** Query words shorter than this are never matched with a typo ("Mitt" must not find "Mite"). */
export const MIN_FUZZY_LENGTH = 5;

/**
 * True when `a` becomes `b` by at most one edit: one letter changed, inserted or deleted, or two neighbouring letters
 * swapped ("schoenberg" → "schoneberg" is one deletion, "schonebreg" → "schoneberg" one swap).
 */
export function isWithinOneEdit(a: string, b: string): boolean {
  return withinOneEdit(a, b, b.length);
}

/**
 * {@link isWithinOneEdit} of `a` and the first `n` letters of `b`, without copying strings (the search calls it for
 * thousands of words per keystroke).
 */
function withinOneEdit(a: string, b: string, n: number): boolean {
  const la = a.length;
  if (n > b.length || Math.abs(la - n) > 1) return false;
  let i = 0;
  while (i < la && i < n && a.charCodeAt(i) === b.charCodeAt(i)) i++;
  if (i === la && i === n) return true;
  /** True when a[x…] equals b[y…n). */
  const rest = (x: number, y: number): boolean => {
    if (la - x !== n - y) return false;
    for (; x < la; x++, y++) if (a.charCodeAt(x) !== b.charCodeAt(y)) return false;
    return true;
  };
  if (la === n)
    // One substitution, or one swap of neighbours.
    return (
      rest(i + 1, i + 1) ||
      (a.charCodeAt(i) === b.charCodeAt(i + 1) && a.charCodeAt(i + 1) === b.charCodeAt(i) && rest(i + 2, i + 2))
    );
  // One insertion or deletion: skip the extra letter of the longer word.
  return la > n ? rest(i + 1, i) : rest(i, i + 1);
}

/** How a query word matches a word of a name: the whole word, its start, or with one typo. */
export type WordMatch = 'exact' | 'prefix' | 'fuzzy';

/** Street words that end German compounds: "Uferstraße" is found by "strasse" (and by "ufer", its start). */
export const STREET_WORDS = [
  'strasse',
  'weg',
  'platz',
  'allee',
  'damm',
  'ring',
  'ufer',
  'gasse',
  'chaussee',
  'steig',
  'zeile',
  'promenade',
  'pfad',
  'markt',
] as const;
/** A compound counts only when at least this many letters stand before the street word ("Amweg" does not). */
const MIN_STEM = 3;
/** A query word stands for a street word of a compound from this many letters on ("str" → "strasse"). */
const MIN_STREET_QUERY = 3;

/** The street words a folded query word may stand for in a compound: those it is the start of ("stras" → strasse). */
export function streetWordsOf(q: string): string[] {
  return q.length >= MIN_STREET_QUERY ? STREET_WORDS.filter((s) => s.startsWith(q)) : [];
}

/** Options of {@link matchWord}. */
export interface MatchOptions {
  /** Allow one typo also in the start of a word (as-you-type), not only in the whole word. */
  fuzzyPrefix?: boolean;
  /** Shortest query word matched with a typo; default {@link MIN_FUZZY_LENGTH}. */
  minFuzzy?: number;
  /** {@link streetWordsOf} the query word: it then also matches compounds ending in one of them. */
  streets?: readonly string[];
}

/**
 * How the folded query word `q` matches the folded word `w`, or undefined. `exact` and `prefix` need the letters as
 * typed; `fuzzy` allows one typo (see {@link isWithinOneEdit}) from `minFuzzy` letters on, in the whole word and, with
 * `fuzzyPrefix`, in its start (so "reutrk" still finds "Reuterkiez" while typing). A street word matches the end of a
 * compound ("strasse" finds "reuterstrasse": `exact`; "stras": `prefix`).
 */
export function matchWord(q: string, w: string, options: MatchOptions = {}): WordMatch | undefined {
  if (w === q) return 'exact';
  if (w.startsWith(q)) return 'prefix';
  for (const s of options.streets ?? [])
    if (w.length - s.length >= MIN_STEM && w.endsWith(s)) return s === q ? 'exact' : 'prefix';
  if (q.length < (options.minFuzzy ?? MIN_FUZZY_LENGTH)) return undefined;
  if (isWithinOneEdit(q, w)) return 'fuzzy';
  if (!options.fuzzyPrefix || w.length < q.length) return undefined;
  // The start of `w` within one edit of `q`: as long as `q`, one letter shorter (q has an extra letter) or longer.
  const l = q.length;
  if (
    (l < w.length && withinOneEdit(q, w, l)) ||
    withinOneEdit(q, w, l - 1) ||
    (l + 1 < w.length && withinOneEdit(q, w, l + 1))
  )
    return 'fuzzy';
  return undefined;
}
