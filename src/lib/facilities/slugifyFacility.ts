/**
 * Facility ids (= file names). An id is made once from the name and a disambiguator built from the source and
 * its record id ("kt-01010010"), so that two runs on the same data give the same id and two facilities with the
 * same name never collide. The importer keeps ids it assigned earlier (see `data/imports/facilities.last.json`),
 * so a renamed facility keeps its file.
 */

const GERMAN: Record<string, string> = {
  ä: 'ae',
  ö: 'oe',
  ü: 'ue',
  Ä: 'Ae',
  Ö: 'Oe',
  Ü: 'Ue',
  ß: 'ss',
  ẞ: 'SS',
};

/** Maximum length of the name part of an id. */
export const MAX_NAME_SLUG = 48;

/**
 * German umlauts and ß written out (ä → ae), other accents removed (é → e).
 * @example transliterate("Größe Café") // "Groesse Cafe"
 */
export function transliterate(text: string): string {
  return text
    .replace(/[äöüÄÖÜßẞ]/g, (c) => GERMAN[c] ?? c)
    .normalize('NFKD')
    .replace(/\p{M}/gu, '');
}

/**
 * Lower-case ASCII slug: letters and digits, separated by single hyphens.
 * @example slugify("Kita „Sonnenschein“ e.V.") // "kita-sonnenschein-e-v"
 */
export function slugify(text: string): string {
  return transliterate(text)
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

/**
 * The id of a facility: the slugged name (cut at a word boundary after at most 48 characters) and the slugged
 * disambiguator. The disambiguator must be unique and stable per record, e.g. `${sourcePrefix}-${recordId}`.
 * @example slugifyFacility("Kita Wühlmäuse", "kt-01010010") // "kita-wuehlmaeuse-kt-01010010"
 */
export function slugifyFacility(name: string, disambiguator: string): string {
  const tail = slugify(disambiguator);
  if (tail === '') throw new Error('slugifyFacility: disambiguator must contain letters or digits');
  let head = slugify(name);
  if (head.length > MAX_NAME_SLUG) {
    const cut = head.slice(0, MAX_NAME_SLUG + 1);
    const lastHyphen = cut.lastIndexOf('-');
    head = lastHyphen > 0 ? cut.slice(0, lastHyphen) : cut.slice(0, MAX_NAME_SLUG);
  }
  return head === '' ? tail : `${head}-${tail}`;
}
