import type { Facility } from '../../schemas/facility.ts';
import { addressLine, type DirectoryEntry } from '../pages/facilityPage.ts';

/**
 * The directory search's index file (`/data/search/facilities.json`): one compact record per entry, built at build
 * time and searched in the browser (MiniSearch indexes the records when the file arrives; see `searchEngine.ts`).
 * Records are tuples, not objects, so that 6,758 Berlin entries stay small on the wire and in an offline cache;
 * {@link SEARCH_FIELDS} names the positions.
 */

/** Path of the index file; the search page and the offline bundle use it. */
export const SEARCH_INDEX_URL = '/data/search/facilities.json';

/** Format version of the index file; raise it when the record layout changes. */
export const SEARCH_INDEX_VERSION = 1;

/** Wheelchair access as in the facility files. */
export type Wheelchair = Facility['accessibility']['wheelchair'];

/**
 * One entry: id, name, provider ("" if none), address line, phone ("" if none), type ids, target group ids,
 * unit ids of the top two levels (top first; fewer where the boundaries do not reach), ISO 639-1 languages,
 * wheelchair access. The url is derived from the id (`/einrichtungen/<id>/`).
 */
export type SearchRecord = [
  id: string,
  name: string,
  provider: string,
  address: string,
  phone: string,
  types: string[],
  targetGroups: string[],
  units: string[],
  languages: string[],
  wheelchair: Wheelchair,
];

/** Names of the record positions, written into the file so it explains itself. */
export const SEARCH_FIELDS = [
  'id',
  'name',
  'provider',
  'address',
  'phone',
  'types',
  'targetGroups',
  'units',
  'languages',
  'wheelchair',
] as const;

/** The index file. */
export interface SearchIndexFile {
  version: typeof SEARCH_INDEX_VERSION;
  fields: typeof SEARCH_FIELDS;
  /** Sorted by name (German collation), then id: the order of results without a query. */
  records: SearchRecord[];
}

/** The record of one placed entry. */
export function buildSearchRecord(e: Pick<DirectoryEntry, 'facility' | 'units'>): SearchRecord {
  const f = e.facility;
  return [
    f.id,
    f.name,
    f.provider ?? '',
    addressLine(f.address),
    f.phone ?? '',
    [...f.types],
    [...f.targetGroups],
    e.units.slice(0, 2),
    [...(f.languages ?? [])],
    f.accessibility.wheelchair,
  ];
}

const collator = new Intl.Collator('de');

/** The index file of all entries, sorted by name (German collation), then id. */
export function buildSearchIndex(entries: readonly Pick<DirectoryEntry, 'facility' | 'units'>[]): SearchIndexFile {
  const records = entries
    .map(buildSearchRecord)
    .sort((a, b) => collator.compare(a[1], b[1]) || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  return { version: SEARCH_INDEX_VERSION, fields: SEARCH_FIELDS, records };
}
