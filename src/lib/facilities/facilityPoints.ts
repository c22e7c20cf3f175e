import type { VocabularyEntry } from '../pages/facilityModel.ts';
import { vulnerabilityOf } from '../areas/facilitiesInAreas.ts';
import { addressLine, type PlacedFacility } from '../pages/facilityPage.ts';
import { operatorFallback, type OperatorContact } from '../pages/crisisContact.ts';

/**
 * The compact, public point list of the facility directory (`/data/facilities-points.json`), read in the browser by
 * the radius query. One entry per facility with what a crisis list needs: name, types, where, how to call.
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

/** The file `/data/facilities-points.json`. */
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

/** Public path of the point list. */
export const FACILITY_POINTS_PATH = '/data/facilities-points.json';

/** Builds the point list from the directory's placed entries (sorted by id; coordinates as written). */
export function buildFacilityPoints(
  entries: readonly PlacedFacility[],
  vocabulary: readonly VocabularyEntry[],
  meta: { dataDate: string; staleAfterDays: number; licence: string },
): FacilityPointsFile {
  const items = [...entries]
    .sort((a, b) => (a.facility.id < b.facility.id ? -1 : a.facility.id > b.facility.id ? 1 : 0))
    .map((e): FacilityPoint => {
      const f = e.facility;
      return {
        id: f.id,
        name: f.name,
        types: [...f.types],
        lat: f.location.lat,
        lon: f.location.lon,
        address: addressLine(f.address),
        phone: f.phone,
        email: f.email,
        places: f.capacity?.places,
        provider: f.provider,
        operatorContact: operatorFallback(f),
        v: vulnerabilityOf(f.types, vocabulary),
        stale: e.stale ? true : undefined,
      };
    });
  return {
    dataDate: meta.dataDate,
    staleAfterDays: meta.staleAfterDays,
    licence: meta.licence,
    types: vocabulary.map((t) => ({ id: t.id, de: t.label.de, en: t.label.en ?? t.label.de, v: t.vulnerability })),
    items,
  };
}
