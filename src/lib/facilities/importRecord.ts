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
  /** The operator's address as the source gives it (becomes `providerContact.address`). */
  providerAddress?: NormalizedAddress | undefined;
  types: string[];
  targetGroups: string[];
  /** Undefined when the source has none (`addressProblem` says why): stored without address, never invented. */
  address?: NormalizedAddress | undefined;
  addressProblem?: string | undefined;
  /** The source keeps only records with an address (or matched with one): see `ImportSource.requireAddress`. */
  requireAddress?: boolean | undefined;
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

/** Rounds degrees to 6 decimals (≈ 0.1 m), so output is stable across runs and platforms. */
export function roundCoord(v: number): number {
  return Math.round(v * 1e6) / 1e6;
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
