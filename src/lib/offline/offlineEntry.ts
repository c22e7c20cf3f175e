import { t } from '../../i18n/index.ts';
import { formatDate, telText, telUrl, type Lang } from '../format.ts';
import { compactLabel, type CompactFacilities, type CompactFacility } from './compactFacilities.ts';

/**
 * What the offline page shows for the address it was asked for: the worker answers every page it has not stored
 * with the offline page, whose script reads `location.pathname`, calls {@link offlineView} and renders the result.
 * Pure, so it is tested without a browser.
 */

/** Directory urls that are not facility pages (the reserved ids of the facility stage: `/einrichtungen/typ/…` …). */
const DIRECTORY_SEGMENTS = new Set(['typ', 'gebiet', 'karte', 'umkreis', 'suche']);

/** The facility id of a facility page's path (`/einrichtungen/<id>/`, `/en/einrichtungen/<id>/`), else undefined. */
export function facilityIdFromPath(pathname: string): string | undefined {
  const m = /^(?:\/en)?\/einrichtungen\/([^/]+)\/?$/.exec(pathname);
  if (!m?.[1]) return undefined;
  let id: string;
  try {
    id = decodeURIComponent(m[1]);
  } catch {
    return undefined;
  }
  return DIRECTORY_SEGMENTS.has(id) ? undefined : id;
}

/** A facility as the offline page shows it: ready-made strings and links. */
export interface OfflineFacilityView {
  kind: 'facility';
  name: string;
  types: string;
  address: string[];
  phone?: { text: string; href: string } | undefined;
  email?: { text: string; href: string } | undefined;
  /** Level label and unit, with a link to the unit page. */
  units: { level: string; name: string; href: string }[];
  lastConfirmed: { iso: string; text: string };
  stale: boolean;
  /** The saved state: the atlas's data date (the page names it; sentence in i18n `offlineSavedState`). */
  savedState: { iso: string; text: string };
}

/** What the offline page shows. */
export type OfflineView =
  | OfflineFacilityView
  | { kind: 'unknown-facility'; id: string }
  | { kind: 'not-saved'; path: string }
  | { kind: 'self' };

/** The view of one entry (joined from the saved files, see compactFacilities.ts). */
export function facilityView(f: CompactFacility, data: CompactFacilities, lang: Lang): OfflineFacilityView {
  const p = lang === 'de' ? '' : '/en';
  return {
    kind: 'facility',
    name: f.name,
    types: f.types.map((t) => compactLabel(data.types[t], lang, t)).join(', '),
    address: f.street === '' ? [t(lang, 'addressNotRecorded')] : [f.street, `${f.postcode} ${f.city}`],
    phone: f.phone ? { text: telText(f.phone), href: telUrl(f.phone) } : undefined,
    email: f.email ? { text: f.email, href: `mailto:${f.email}` } : undefined,
    units: f.units.flatMap((id) => {
      const u = data.units[id];
      return u
        ? [{ level: compactLabel(data.levels[u.level], lang, u.level), name: u.name, href: `${p}${u.url}` }]
        : [];
    }),
    lastConfirmed: { iso: f.lastConfirmed, text: formatDate(f.lastConfirmed, lang) },
    stale: f.stale === true,
    savedState: { iso: data.dataDate, text: formatDate(data.dataDate, lang) },
  };
}

/**
 * The view for `pathname`: a facility page → the entry (or "not in the saved data"); the offline page itself →
 * its own explanation; any other page → "this page was not saved".
 */
export function offlineView(pathname: string, data: CompactFacilities | undefined, lang: Lang): OfflineView {
  const id = facilityIdFromPath(pathname);
  if (id === undefined)
    return /^(?:\/en)?\/offline\/?$/.test(pathname) ? { kind: 'self' } : { kind: 'not-saved', path: pathname };
  const f = data?.items.find((x) => x.id === id);
  if (!f || !data) return { kind: 'unknown-facility', id };
  return facilityView(f, data, lang);
}
