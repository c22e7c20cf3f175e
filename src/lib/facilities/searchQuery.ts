import type { SearchRecord } from './searchRecord.ts';

/**
 * The state of the directory search as url parameters, so a search can be shared and bookmarked:
 * `/einrichtungen/suche/?q=regenbogen&typ=kita&gebiet=01`. The form's field names are these parameter names.
 */

/** What the user asked for; empty strings mean "any". */
export interface SearchQuery {
  /** Free text over name, provider and address. */
  q: string;
  /** Facility type id. */
  typ: string;
  /** Target group id. */
  gruppe: string;
  /** Unit id of the top level (Bezirk in Berlin). */
  gebiet: string;
  /** Unit id of the second level (Bezirksregion in Berlin). */
  teilgebiet: string;
  /** ISO 639-1 language spoken. */
  sprache: string;
  /** `ja`: wheelchair accessible; `teilweise`: accessible or partly accessible. */
  rollstuhl: '' | 'ja' | 'teilweise';
}

/** The parameter names, in the order they appear in a url. */
export const QUERY_KEYS = ['q', 'typ', 'gruppe', 'gebiet', 'teilgebiet', 'sprache', 'rollstuhl'] as const;

/** Longest query text taken from a url (longer input is cut, not refused). */
export const MAX_QUERY_LENGTH = 200;

/** Reads the search state from url parameters; unknown parameters and values are ignored. */
export function parseSearchQuery(params: URLSearchParams): SearchQuery {
  const get = (k: string) => (params.get(k) ?? '').trim();
  const rollstuhl = get('rollstuhl');
  return {
    q: get('q').slice(0, MAX_QUERY_LENGTH),
    typ: get('typ'),
    gruppe: get('gruppe'),
    gebiet: get('gebiet'),
    teilgebiet: get('teilgebiet'),
    sprache: get('sprache'),
    rollstuhl: rollstuhl === 'ja' || rollstuhl === 'teilweise' ? rollstuhl : '',
  };
}

/** The url query string of a search state, without empty fields: "?q=kita&gebiet=01", or "" when nothing is set. */
export function formatSearchQuery(query: SearchQuery): string {
  const params = new URLSearchParams();
  for (const k of QUERY_KEYS) if (query[k] !== '') params.set(k, query[k]);
  const s = params.toString();
  return s === '' ? '' : `?${s}`;
}

/** True when the state asks for anything (text or a filter). */
export function isActiveQuery(query: SearchQuery): boolean {
  return QUERY_KEYS.some((k) => query[k] !== '');
}

/** True when a record passes every filter of the state (the text is matched elsewhere). */
export function matchesFilters(r: SearchRecord, query: SearchQuery): boolean {
  const [, , , , , types, groups, units, languages, wheelchair] = r;
  if (query.typ && !types.includes(query.typ)) return false;
  if (query.gruppe && !groups.includes(query.gruppe)) return false;
  if (query.gebiet && units[0] !== query.gebiet) return false;
  if (query.teilgebiet && units[1] !== query.teilgebiet) return false;
  if (query.sprache && !languages.includes(query.sprache)) return false;
  if (query.rollstuhl === 'ja' && wheelchair !== 'yes') return false;
  if (query.rollstuhl === 'teilweise' && wheelchair !== 'yes' && wheelchair !== 'limited') return false;
  return true;
}
