import proj4 from 'proj4';
import type { FacilitySourceRef } from '../../schemas/facility.ts';
import type { NormalizedAddress } from './normalizeAddress.ts';

/**
 * The intermediate form of one source record on its way to a facility file: mapped fields plus the facts the body
 * is written from. Records of two sources that describe the same facility are merged in this form.
 */

export interface ImportRecord {
  /** `${sourceId}:${recordId}`, unique across all sources of one import. */
  key: string;
  /** Short, stable prefix for ids ("kt"), see `slugifyFacility`. */
  idPrefix: string;
  source: FacilitySourceRef;
  /** Data date of the source, becomes `lastConfirmed`. */
  dataDate: string;
  name: string;
  provider?: string | undefined;
  types: string[];
  targetGroups: string[];
  /** Undefined when the source has none (`addressProblem` says why); such records need a match to be kept. */
  address?: NormalizedAddress | undefined;
  addressProblem?: string | undefined;
  location: { lat: number; lon: number };
  phones: string[];
  email?: string | undefined;
  website?: string | undefined;
  languages?: string[] | undefined;
  places?: number | undefined;
  /** Sentences for the body, each a fact from a source field. */
  facts: string[];
  /** Field values that were dropped, with the reason (reported, never silent). */
  dropped: string[];
}

/** A mapped record, or the reason it could not be mapped (for the report). */
export type MapResult = { ok: true; record: ImportRecord } | { ok: false; reason: string; name?: string | undefined };

/** ETRS89 / UTM zone 33N, the CRS of Berlin's geoportal. */
proj4.defs('EPSG:25833', '+proj=utm +zone=33 +ellps=GRS80 +towgs84=0,0,0,0,0,0,0 +units=m +no_defs');

/** Rough bounding box of Berlin [west, south, east, north] in WGS84, generous by a few kilometres. */
export const BERLIN_BBOX: readonly [number, number, number, number] = [13.0, 52.3, 13.85, 52.7];

/** Rounds degrees to 6 decimals (≈ 0.1 m), so output is stable across runs and platforms. */
export function roundCoord(v: number): number {
  return Math.round(v * 1e6) / 1e6;
}

/**
 * The first point of a GeoJSON Point/MultiPoint geometry as WGS84 {lat, lon}, reprojected from `crs`;
 * undefined if there is no usable coordinate.
 */
export function pointOf(geometry: unknown, crs: 'EPSG:25833' | 'EPSG:4326'): { lat: number; lon: number } | undefined {
  if (geometry === null || typeof geometry !== 'object') return undefined;
  const g = geometry as { type?: unknown; coordinates?: unknown };
  const c = g.type === 'MultiPoint' && Array.isArray(g.coordinates) ? g.coordinates[0] : g.coordinates;
  if (!Array.isArray(c) || typeof c[0] !== 'number' || typeof c[1] !== 'number') return undefined;
  if (!Number.isFinite(c[0]) || !Number.isFinite(c[1])) return undefined;
  const [lon, lat] = crs === 'EPSG:4326' ? [c[0], c[1]] : proj4('EPSG:25833', 'EPSG:4326', [c[0], c[1]]);
  if (lon === undefined || lat === undefined) return undefined;
  return { lat: roundCoord(lat), lon: roundCoord(lon) };
}

/** True if the point lies in `BERLIN_BBOX`. */
export function inBerlin(p: { lat: number; lon: number }): boolean {
  const [w, s, e, n] = BERLIN_BBOX;
  return p.lon >= w && p.lon <= e && p.lat >= s && p.lat <= n;
}

const LANGUAGE_STEMS: Record<string, string> = {
  englisch: 'en',
  franzoesisch: 'fr',
  französisch: 'fr',
  spanisch: 'es',
  italienisch: 'it',
  portugiesisch: 'pt',
  chinesisch: 'zh',
  russisch: 'ru',
  tuerkisch: 'tr',
  türkisch: 'tr',
  arabisch: 'ar',
  polnisch: 'pl',
  japanisch: 'ja',
  griechisch: 'el',
  hebraeisch: 'he',
  hebräisch: 'he',
  vietnamesisch: 'vi',
  koreanisch: 'ko',
  schwedisch: 'sv',
  daenisch: 'da',
  dänisch: 'da',
  niederlaendisch: 'nl',
  niederländisch: 'nl',
  ukrainisch: 'uk',
  persisch: 'fa',
};

/**
 * Languages a source text states explicitly as "deutsch-englisch", "bilingual deutsch/portugiesisch" or
 * "deutsch-polnischer Schwerpunkt": ["de", "en"]. Mentions such as "Englisch" as an activity are not languages
 * spoken and give nothing.
 */
export function languagesFromText(text: string | undefined): string[] | undefined {
  if (text === undefined) return undefined;
  const m = /\bdeutsch\s*[-/]\s*(\p{L}+)/iu.exec(text);
  if (!m) return undefined;
  const word = m[1]!.toLowerCase().replace(/(?:er|en|e|es)$/, '');
  const code = LANGUAGE_STEMS[word];
  return code === undefined ? undefined : ['de', code];
}
