import type { VocabularyEntry } from '../pages/facilityModel.ts';
import type { PlacedFacility } from '../pages/facilityPage.ts';
import { operatorFallback, type OperatorContact } from '../pages/crisisContact.ts';
import { decodeFacilityId, type SearchIndexFile } from './searchRecord.ts';

/**
 * The radius query's point list, read in the browser: one entry per facility with what a crisis list needs (name,
 * types, where, how to call). It is not a file of its own. Name, types, address, phone and operator of every entry
 * are in the directory search's index (`/data/search/facilities.json`, see searchRecord.ts), which the place finder,
 * the search page and the offline copy load anyway; `/data/facilities-points.json` holds only the rest, row by row in
 * the index's order ({@link FacilityPointsExtra}), and the browser joins the two ({@link joinFacilityPoints}). The
 * Berlin demo's directory: 363 KB gzip for a list of its own before, 63 KB beside the index now.
 */

/** One facility in the point list. */
export interface FacilityPoint {
  id: string;
  name: string;
  /** Vocabulary type ids, as in the entry. */
  types: string[];
  /** WGS84, as in the entry (6 decimals). */
  lat: number;
  lon: number;
  /** One line, e.g. "Musterstraße 12a, 10117 Berlin". */
  address: string;
  phone?: string | undefined;
  email?: string | undefined;
  /** Places, if known. */
  places?: number | undefined;
  /** Operator (Träger). */
  provider?: string | undefined;
  /** The operator's contact, only for entries without phone and e-mail (crisis lists show it, labelled). */
  operatorContact?: OperatorContact | undefined;
  /** Vulnerability 0–3: the highest of its types' (see facilities.yml). */
  v: number;
  /** Set when the entry is stale (not confirmed for longer than `staleAfterDays`). */
  stale?: true | undefined;
}

/** The point list as the radius query uses it (joined from the index and {@link FacilityPointsExtra}). */
export interface FacilityPointsFile {
  /** The atlas's data date (= the directory's reference date). */
  dataDate: string;
  staleAfterDays: number;
  /** The feeds' licence notice (German), carried into the radius downloads. */
  licence: string;
  /** The vocabulary's types, vocabulary order, with labels for the browser. */
  types: { id: string; de: string; en: string; v: number }[];
  /** Sorted by id. */
  items: FacilityPoint[];
}

/** Public path of the file with what the point list needs beyond the search index. */
export const FACILITY_POINTS_PATH = '/data/facilities-points.json';

/** Format version of {@link FacilityPointsExtra}; raise it when the layout changes. */
export const FACILITY_POINTS_VERSION = 2;

/** The file `/data/facilities-points.json`: per row of the search index, what the point list needs beyond it. */
export interface FacilityPointsExtra {
  version: typeof FACILITY_POINTS_VERSION;
  /** {@link searchIndexKey} of the index the rows belong to: a file paired with another build's index is refused. */
  index: string;
  dataDate: string;
  staleAfterDays: number;
  /** The feeds' licence notice (German). */
  licence: string;
  /** Vulnerability 0–3 of each of the index's `types`, in the same order. */
  vulnerability: number[];
  /** WGS84 as in the entry, one value per row. */
  lat: number[];
  lon: number[];
  /** "" where none. */
  email: string[];
  /** null where not known (0 is a count). */
  places: (number | null)[];
  /** The operator's contact by row number, only for rows whose entry has neither phone nor e-mail. */
  operator: Record<string, OperatorContact>;
  /** One letter per row: "s" stale, "-" confirmed in time. */
  stale: string;
  /** The day each row's entry was last confirmed (ISO), for the offline page. */
  lastConfirmed: string[];
  /** The facility data's date (latest confirmation or retrieval; see dataDate.ts), the offline page's saved state. */
  facilitiesDate?: string | undefined;
}

/**
 * A short key of an index's rows (their count and an FNV-1a hash of every stored id and name): the same for the same
 * rows in the same order.
 */
export function searchIndexKey(index: Pick<SearchIndexFile, 'id' | 'name'>): string {
  let h = 0x811c9dc5;
  const add = (s: string) => {
    for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
    h = Math.imul(h ^ 0x1f, 0x01000193); // a separator, so "ab"+"c" and "a"+"bc" differ
  };
  for (let i = 0; i < index.name.length; i++) {
    add(index.id[i] ?? '');
    add(index.name[i] ?? '');
  }
  return `${index.name.length}:${(h >>> 0).toString(16).padStart(8, '0')}`;
}

/** Whether `extra` is of this format and was built for the rows of `index` (both joins check this first). */
export function belongsToIndex(index: Pick<SearchIndexFile, 'id' | 'name'>, extra: FacilityPointsExtra): boolean {
  return extra.version === FACILITY_POINTS_VERSION && extra.index === searchIndexKey(index);
}

/**
 * What the point list needs beyond `index` (built from the same `entries`), row by row in the index's order.
 * Throws when a row names no entry of `entries` (the index was built from other entries).
 */
export function buildFacilityPointsExtra(
  index: SearchIndexFile,
  entries: readonly PlacedFacility[],
  vocabulary: readonly VocabularyEntry[],
  meta: { dataDate: string; staleAfterDays: number; licence: string; facilitiesDate?: string | undefined },
): FacilityPointsExtra {
  const byId = new Map(entries.map((e) => [e.facility.id, e]));
  const extra: FacilityPointsExtra = {
    version: FACILITY_POINTS_VERSION,
    index: searchIndexKey(index),
    dataDate: meta.dataDate,
    staleAfterDays: meta.staleAfterDays,
    licence: meta.licence,
    vulnerability: index.types.map((t) => vocabulary.find((v) => v.id === t.id)?.vulnerability ?? 0),
    lat: [],
    lon: [],
    email: [],
    places: [],
    operator: {},
    stale: '',
    lastConfirmed: [],
    facilitiesDate: meta.facilitiesDate,
  };
  const stale: string[] = [];
  index.name.forEach((name, row) => {
    const id = decodeFacilityId(index.id[row] ?? '', name);
    const e = byId.get(id);
    if (!e) throw new Error(`Zeile ${row} des Suchindex (${id}) hat keinen Eintrag.`);
    const f = e.facility;
    extra.lat.push(f.location.lat);
    extra.lon.push(f.location.lon);
    extra.email.push(f.email ?? '');
    extra.places.push(f.capacity?.places ?? null);
    const operator = operatorFallback(f);
    if (operator) extra.operator[String(row)] = operator;
    stale.push(e.stale ? 's' : '-');
    extra.lastConfirmed.push(f.lastConfirmed);
  });
  extra.stale = stale.join('');
  return extra;
}

/**
 * The point list from the search index and the file beside it, sorted by id; undefined when the two do not belong
 * together (another format, or rows of another build: a cached index beside a new file).
 */
export function joinFacilityPoints(index: SearchIndexFile, extra: FacilityPointsExtra): FacilityPointsFile | undefined {
  if (!belongsToIndex(index, extra)) return undefined;
  const items = index.name.map((name, row): FacilityPoint => {
    const positions = index.type[row] ?? [];
    return {
      id: decodeFacilityId(index.id[row] ?? '', name),
      name,
      types: positions.map((p) => index.types[p]?.id ?? ''),
      lat: extra.lat[row] ?? NaN,
      lon: extra.lon[row] ?? NaN,
      address: index.address[row] ?? '',
      phone: index.phone[row] || undefined,
      email: extra.email[row] || undefined,
      places: extra.places[row] ?? undefined,
      provider: index.provider[row] || undefined,
      operatorContact: extra.operator[String(row)],
      v: positions.reduce((v, p) => Math.max(v, extra.vulnerability[p] ?? 0), 0),
      stale: extra.stale[row] === 's' ? true : undefined,
    };
  });
  items.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return {
    dataDate: extra.dataDate,
    staleAfterDays: extra.staleAfterDays,
    licence: extra.licence,
    types: index.types.map((t, i) => ({ id: t.id, de: t.label.de, en: t.label.en, v: extra.vulnerability[i] ?? 0 })),
    items,
  };
}
