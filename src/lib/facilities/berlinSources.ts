import type { FacilitySourceRef } from '../../schemas/facility.ts';
import type { MatchOptions } from './matchFacilities.ts';

/**
 * The Berlin source files the demo directory is seeded from (see the data README shipped with the raw files, section "Facilities").
 * Dates are the data dates the README gives per file (month → first day of the month, so `lastConfirmed` never
 * claims more than the source does). Licences of the geoportal extracts are NOT confirmed.
 */

export type BerlinSourceKind =
  | 'geoportal-kitas'
  | 'geoportal-jugendfreizeit'
  | 'geoportal-pflege'
  | 'geoportal-schulen'
  | 'geoportal-apotheken'
  | 'osm-kindergartens'
  | 'osm-childcare'
  | 'osm-community-centers'
  | 'osm-doctors'
  | 'osm-clinics'
  | 'osm-hospitals';

export interface BerlinSource {
  kind: BerlinSourceKind;
  /** Path relative to the repository root. */
  file: string;
  crs: 'EPSG:25833' | 'EPSG:4326';
  /** Property holding the record id. */
  idField: string;
  idPrefix: string;
  dataDate: string;
  /** Everything of the source reference except the record id. */
  ref: Omit<FacilitySourceRef, 'recordId'>;
  /** Human label for the report. */
  label: string;
}

/** Date the raw files were copied from the republishing repositories into this project. */
export const RETRIEVED = '2026-11-25';

const GEOPORTAL_LICENCE = 'Datenlizenz Deutschland – Zero – Version 2.0 (nicht bestätigt)';
const OSM_REF = {
  source: 'osm',
  licence: 'ODbL 1.0',
  attribution: '© OpenStreetMap-Mitwirkende',
  url: 'https://www.openstreetmap.org/copyright',
  retrieved: RETRIEVED,
};
/**
 * OSM extract date: the data product's manifest names its input `berlin-points-of-interest-2025-09`; the file
 * itself carries no date (not checked for commit 3efca9ce individually).
 */
const OSM_DATE = '2025-09-01';

/** A geoportal extract: `name` is the file name, `dataset` the page on daten.berlin.de. */
function geoportal(
  kind: BerlinSourceKind,
  name: string,
  [idField, idPrefix]: [string, string],
  dataDate: string,
  dataset: string,
  label: string,
): BerlinSource {
  return {
    kind,
    file: `data/berlin/facilities-geoportal/${name}.geojson`,
    crs: 'EPSG:25833',
    idField,
    idPrefix,
    dataDate,
    ref: {
      source: `berlin-geoportal-${kind.replace('geoportal-', '')}`,
      licence: GEOPORTAL_LICENCE,
      attribution: 'Geoportal Berlin',
      url: `https://daten.berlin.de/datensaetze/${dataset}`,
      retrieved: RETRIEVED,
    },
    label,
  };
}

function osm(kind: BerlinSourceKind, name: string, label: string): BerlinSource {
  return {
    kind,
    file: `data/berlin/facilities-osm/berlin-points-of-interest-${name}-details.geojson`,
    crs: 'EPSG:4326',
    idField: 'id',
    idPrefix: 'osm',
    dataDate: OSM_DATE,
    ref: OSM_REF,
    label,
  };
}

/** All sources, in import order (the order decides nothing but the order of the report). */
export const BERLIN_SOURCES: readonly BerlinSource[] = [
  geoportal(
    'geoportal-kitas',
    'kindertagesstaetten',
    ['e_nr', 'kt'],
    '2022-12-01',
    'kindertagesst%C3%A4tten-wfs',
    'Geoportal: Kindertagesstätten',
  ),
  geoportal(
    'geoportal-jugendfreizeit',
    'jugendfreizeiteinrichtungen',
    ['e_nr', 'jf'],
    '2022-12-01',
    'jugendfreizeiteinrichtungen-wfs',
    'Geoportal: Jugendfreizeiteinrichtungen',
  ),
  geoportal(
    'geoportal-pflege',
    'pflegeeinrichtungen',
    ['ik_nummer', 'pf'],
    '2023-07-01',
    'pflegeeinrichtungen-wfs',
    'Geoportal: Pflegeeinrichtungen',
  ),
  geoportal('geoportal-schulen', 'schulen', ['bsn', 'sc'], '2023-10-01', 'schulen-wfs', 'Geoportal: Schulen'),
  geoportal(
    'geoportal-apotheken',
    'apothekenstandorte',
    ['gc_id', 'ap'],
    '2023-07-01',
    'apothekenstandorte-wfs',
    'Geoportal: Apotheken',
  ),
  osm('osm-kindergartens', 'kindergartens', 'OSM: Kindergärten'),
  osm('osm-childcare', 'childcare', 'OSM: Kinderbetreuung'),
  osm('osm-community-centers', 'community-centers', 'OSM: Gemeinschaftszentren'),
  osm('osm-doctors', 'doctors', 'OSM: Arztpraxen'),
  osm('osm-clinics', 'clinics', 'OSM: Kliniken/Ärztehäuser'),
  osm('osm-hospitals', 'hospitals', 'OSM: Krankenhäuser'),
];

/** Two sources to match; `a` is the primary (its fields win). */
export interface MatchPair {
  a: BerlinSourceKind;
  b: BerlinSourceKind;
  options?: MatchOptions;
}

/**
 * Pairs of sources that describe the same kind of facility, matched in this order.
 * Geoportal Kitas vs OSM kindergartens and childcare (equal address + weak name similarity ≥ 0.2 is accepted:
 * checked by hand on the 2022/2025 data, e.g. "Kita Mühsamstraße 73" = "Kita Salabanda 73"). Youth centres vs OSM
 * community centres need a name similarity ≥ 0.3 even at equal addresses, because community centres often house
 * other facilities (e.g. "Kinderbauernhof NUSZ ufafabrik" ≠ "Nachbarschaftszentrum ufafabrik").
 * OSM kindergartens vs childcare catches objects mapped twice.
 */
export const MATCH_PAIRS: readonly MatchPair[] = [
  { a: 'geoportal-kitas', b: 'osm-kindergartens' },
  { a: 'geoportal-kitas', b: 'osm-childcare' },
  { a: 'geoportal-jugendfreizeit', b: 'osm-community-centers', options: { minNameSimilaritySameAddress: 0.3 } },
  { a: 'osm-kindergartens', b: 'osm-childcare' },
];
