import { formatNumber, type Lang } from '../format.ts';
import { de, en } from '../../i18n/sections/search.ts';
import type { FacilitySearch, SearchEngine } from './searchEngine.ts';
import type { PlaceHit } from './searchPlaces.ts';
import { formatSearchQuery, type SearchQuery } from './searchQuery.ts';

/**
 * The place finder's suggestions as display-ready rows (the browser script only maps them to options): units
 * first (name; level and the units above), then facilities (name; type and address), then one or two rows leading to
 * every result, the directory search for the facilities and the list of all areas from A to Z. Texts come from
 * the catalogue's search section, which the script bundles alone.
 */

/** Queries shorter than this (in letters and digits) get no suggestions. */
export const MIN_QUERY_LENGTH = 2;
/** At most this many units are suggested. */
export const MAX_UNIT_ROWS = 8;
/** At most this many facilities are suggested. */
export const MAX_FACILITY_ROWS = 10;

/** One suggestion: a link. */
export interface FinderRow {
  kind: 'unit' | 'facility' | 'all';
  href: string;
  label: string;
  /** Second line: level and parents, or type and address; "" for the rows leading to every result. */
  detail: string;
}

/** What the finder shows for a query. */
export interface FinderView {
  rows: FinderRow[];
  /** The sentence for the status region (counts, never the list). */
  status: string;
  /** Where the form leads when no suggestion is chosen: the first row leading to every result. */
  allHref: string;
}

/** State of the facility search while the finder answers from the unit index. */
export type FacilityState =
  | { state: 'absent' }
  | { state: 'pending' }
  | { state: 'failed' }
  | { state: 'ready'; engine: Pick<SearchEngine, 'entry' | 'types'>; result: FacilitySearch };

/** Where the rows leading to every result point (paths with language prefix). */
export interface FinderLinks {
  /** The directory search page, e.g. `/einrichtungen/suche/`. */
  directorySearch: string;
  /** The list of all areas, e.g. `/alle-gebiete/`. */
  unitsIndex: string;
}

/** Texts of the search section in a language. */
export function searchMessages(lang: Lang): typeof de {
  return lang === 'en' ? en : de;
}

/** Number of letters and digits in a query (what {@link MIN_QUERY_LENGTH} counts). */
export function queryLength(q: string): number {
  return q.replace(/[^\p{L}\p{N}]+/gu, '').length;
}

/** The rows and status sentence for a query, from the unit hits and the state of the facility search. */
export function finderView(input: {
  lang: Lang;
  /** Language prefix of links: "" or "/en". */
  prefix: string;
  q: string;
  units: readonly PlaceHit[];
  facilities: FacilityState;
  links: FinderLinks;
}): FinderView {
  const { lang, prefix, q, units, facilities, links } = input;
  const m = searchMessages(lang);
  const n = (x: number) => formatNumber(x, 0, lang);
  const rows: FinderRow[] = units.slice(0, MAX_UNIT_ROWS).map(({ place }) => {
    const parents: string[] = [];
    for (let p = place.parent; p; p = p.parent) parents.push(p.name);
    return {
      kind: 'unit',
      href: `${prefix}${place.path}`,
      label: place.name,
      detail: m.finderUnitDetail({ level: place.level.label[lang], parents: parents.join(', ') }),
    };
  });
  let facilityCount = 0;
  if (facilities.state === 'ready') {
    const { engine, result } = facilities;
    facilityCount = result.found.length;
    const label = new Map(engine.types.map((t) => [t.id, t.label[lang]]));
    for (const position of result.found.slice(0, MAX_FACILITY_ROWS)) {
      const e = engine.entry(position);
      rows.push({
        kind: 'facility',
        href: `${prefix}/einrichtungen/${encodeURIComponent(e.id)}/`,
        label: e.name,
        detail: [e.types.map((t) => label.get(t) ?? t).join(', '), e.address].filter((x) => x !== '').join(' · '),
      });
    }
  }
  const directoryHref = `${prefix}${links.directorySearch}${formatSearchQuery({ ...EMPTY_QUERY, q: q.trim() })}`;
  const unitsHref = `${prefix}${links.unitsIndex}`;
  if (facilityCount > 0)
    rows.push({
      kind: 'all',
      href: directoryHref,
      label: m.finderAllFacilities({ n: n(facilityCount), one: facilityCount === 1 }),
      detail: '',
    });
  // While the facilities are still searched and no unit matches, the list stays empty (the status says why) rather
  // than showing only "all areas".
  const waiting = facilities.state === 'pending' && units.length === 0;
  if (!waiting && (facilityCount === 0 || units.length > MAX_UNIT_ROWS))
    rows.push({ kind: 'all', href: unitsHref, label: m.finderAllUnits, detail: '' });

  const parts: string[] = [];
  if (units.length > 0 || facilityCount > 0)
    parts.push(
      m.finderFound({
        units: units.length,
        unitsText: n(units.length),
        facilities: facilityCount,
        facilitiesText: n(facilityCount),
      }),
    );
  if (facilities.state === 'pending') parts.push(m.finderFacilitiesPending);
  else if (facilities.state === 'failed') parts.push(m.finderFailed);
  else if (parts.length === 0) parts.push(m.finderNone);
  return { rows, status: parts.join(' '), allHref: facilityCount > 0 ? directoryHref : unitsHref };
}

const EMPTY_QUERY: SearchQuery = {
  q: '',
  typ: '',
  gruppe: '',
  gebiet: '',
  teilgebiet: '',
  sprache: '',
  rollstuhl: '',
};
