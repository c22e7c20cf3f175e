/**
 * The state of the directory search as url parameters, so a search can be shared and bookmarked:
 * `/einrichtungen/suche/?q=regenbogen&typ=kita&gebiet=01`. The form's field names are these parameter names.
 */

/** What the user asked for; empty strings mean "any". */
export interface SearchQuery {
  /** Free text over name, provider and address; type and area words filter (see `searchReading.ts`). */
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
