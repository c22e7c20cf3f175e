import type { Facility } from '../../schemas/facility.ts';
import { addressLine, type PlacedFacility } from '../pages/facilityPage.ts';
import { slugify, slugifyFacility } from './slugifyFacility.ts';
import { searchWords } from './searchText.ts';

/**
 * The directory search's index file (`/data/search/facilities.json`), built at build time and searched in the
 * browser by the place finder in every page's header and by the directory search page (see `searchEngine.ts`).
 *
 * The file is laid out by column (one array per field, the n-th value of each belonging to the n-th entry): values of
 * one kind stand together and compress better than one record after another (Berlin's 6,758 entries: 212 kB gzip
 * instead of 300 kB for version 1). Types and target groups are positions in the vocabulary tables, wheelchair access
 * is one letter per entry, an entry's units are given by its finest unit (the others follow from the unit index,
 * `searchPlaces.ts`), and an id made from the entry's name by the importer (`slugifyFacility`) is stored without
 * the name part (see {@link encodeFacilityId}).
 */

/** Path of the index file; the search page, the place finder and the offline bundle use it. */
export const SEARCH_INDEX_URL = '/data/search/facilities.json';

/** Format version of the index file; raise it when the layout changes. */
export const SEARCH_INDEX_VERSION = 2;

/** Wheelchair access as in the facility files. */
export type Wheelchair = Facility['accessibility']['wheelchair'];

/** Wheelchair access as one letter per entry. */
export const WHEELCHAIR_CODES: Readonly<Record<Wheelchair, string>> = { yes: 'y', limited: 'l', no: 'n', unknown: 'u' };

/** A facility type as the search knows it: its id, label and the folded words of every name it goes by. */
export interface SearchType {
  id: string;
  label: { de: string; en: string };
  /** Label (German, English) and synonyms from the vocabulary, each as its folded words, without repeats. */
  terms: string[][];
}

/** The columns of the file, in the order they are written (each an array with one value per entry). */
export const SEARCH_COLUMNS = [
  'id',
  'name',
  'provider',
  'address',
  'phone',
  'type',
  'group',
  'unit',
  'language',
  'wheelchair',
] as const;

/** The index file. */
export interface SearchIndexFile {
  version: typeof SEARCH_INDEX_VERSION;
  /** Names the columns (documentation for readers of the file). */
  columns: typeof SEARCH_COLUMNS;
  /** The vocabulary's types; `type` holds positions in this list. */
  types: SearchType[];
  /** The vocabulary's target group ids; `group` holds positions in this list. */
  targetGroups: string[];
  /** Entry ids, shortened where they are made from the name (see {@link decodeFacilityId}). */
  id: string[];
  name: string[];
  /** "" where none. */
  provider: string[];
  /** Street, postcode and city in one line. */
  address: string[];
  /** "" where none. */
  phone: string[];
  /** Positions in `types`. */
  type: number[][];
  /** Positions in `targetGroups`. */
  group: number[][];
  /** The finest unit the entry lies in ("" where no boundary reaches it). */
  unit: string[];
  /** ISO 639-1 languages spoken. */
  language: string[][];
  /** One letter per entry, see {@link WHEELCHAIR_CODES}. */
  wheelchair: string;
}

/**
 * The id as stored: `""` when it is the slug of the name, `"-<tail>"` when it is the slug of the name followed by a
 * disambiguator (`slugifyFacility(name, tail)`, as the importer makes ids), else the id itself (ids never start with
 * "-"). {@link decodeFacilityId} reverses it; the build checks that it does.
 */
export function encodeFacilityId(id: string, name: string): string {
  if (slugify(name) === id) return '';
  for (let i = id.indexOf('-'); i > 0; i = id.indexOf('-', i + 1)) {
    const tail = id.slice(i + 1);
    if (tail !== '' && slugifyFacility(name, tail) === id) return `-${tail}`;
  }
  return id;
}

/** The id of an entry from its stored form and its name (see {@link encodeFacilityId}). */
export function decodeFacilityId(stored: string, name: string): string {
  if (stored === '') return slugify(name);
  if (stored.startsWith('-')) return slugifyFacility(name, stored.slice(1));
  return stored;
}

/** The search terms of a vocabulary type: its labels and synonyms as folded words, without repeats. */
export function typeTerms(type: { label: { de: string; en?: string | undefined }; synonyms?: string[] | undefined }) {
  const seen = new Set<string>();
  const terms: string[][] = [];
  for (const text of [type.label.de, type.label.en ?? '', ...(type.synonyms ?? [])]) {
    const words = searchWords(text);
    const key = words.join(' ');
    if (words.length === 0 || seen.has(key)) continue;
    seen.add(key);
    terms.push(words);
  }
  return terms;
}

const collator = new Intl.Collator('de');

/** The vocabulary the index needs: types with labels and synonyms, target group ids. */
export interface SearchVocabulary {
  types: readonly {
    id: string;
    label: { de: string; en?: string | undefined };
    synonyms?: string[] | undefined;
  }[];
  targetGroups: readonly { id: string }[];
}

/**
 * The index file of all entries, sorted by name (German collation), then id: the order of results without query
 * text. Types and target groups an entry names but the vocabulary lacks cannot occur (validation refuses them).
 */
export function buildSearchIndex(
  entries: readonly Pick<PlacedFacility, 'facility' | 'units'>[],
  vocabulary: SearchVocabulary,
): SearchIndexFile {
  const typeAt = new Map(vocabulary.types.map((t, i) => [t.id, i]));
  const groupAt = new Map(vocabulary.targetGroups.map((g, i) => [g.id, i]));
  const sorted = [...entries].sort(
    (a, b) =>
      collator.compare(a.facility.name, b.facility.name) ||
      (a.facility.id < b.facility.id ? -1 : a.facility.id > b.facility.id ? 1 : 0),
  );
  const file: SearchIndexFile = {
    version: SEARCH_INDEX_VERSION,
    columns: SEARCH_COLUMNS,
    types: vocabulary.types.map((t) => ({
      id: t.id,
      label: { de: t.label.de, en: t.label.en ?? t.label.de },
      terms: typeTerms(t),
    })),
    targetGroups: vocabulary.targetGroups.map((g) => g.id),
    id: [],
    name: [],
    provider: [],
    address: [],
    phone: [],
    type: [],
    group: [],
    unit: [],
    language: [],
    wheelchair: '',
  };
  const codes: string[] = [];
  for (const { facility: f, units } of sorted) {
    file.id.push(encodeFacilityId(f.id, f.name));
    file.name.push(f.name);
    file.provider.push(f.provider ?? '');
    file.address.push(addressLine(f.address));
    file.phone.push(f.phone ?? '');
    file.type.push(f.types.flatMap((t) => (typeAt.has(t) ? [typeAt.get(t) as number] : [])));
    file.group.push(f.targetGroups.flatMap((g) => (groupAt.has(g) ? [groupAt.get(g) as number] : [])));
    file.unit.push(units.at(-1) ?? '');
    file.language.push([...(f.languages ?? [])]);
    codes.push(WHEELCHAIR_CODES[f.accessibility.wheelchair]);
  }
  file.wheelchair = codes.join('');
  return file;
}

/** Number of entries of an index file. */
export function entryCount(file: SearchIndexFile): number {
  return file.name.length;
}
