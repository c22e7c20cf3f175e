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
