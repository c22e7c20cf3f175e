import type { Lang } from '../format.ts';
import { belongsToIndex, type FacilityPointsExtra } from '../facilities/facilityPoints.ts';
import type { PlaceIndexFile } from '../facilities/searchPlaces.ts';
import { decodeFacilityId, type SearchIndexFile } from '../facilities/searchRecord.ts';
import { t } from '../../i18n/index.ts';

/**
 * What the offline page shows of every entry without a network (name, address, phone, e-mail, type, units, last
 * confirmation), with the labels to show it in either language. It is not a file of its own: the offline page joins
 * the three files the offline copy holds anyway ({@link joinCompactFacilities}): the directory search's index, the
 * radius query's file beside it (e-mail, last confirmation, stale) and the place finder's unit index (a unit's
 * level, name and parents). Pure.
 */

/** One entry; absent fields are left out. */
export interface CompactFacility {
  id: string;
  name: string;
  street: string;
  postcode: string;
  city: string;
  phone?: string;
  email?: string;
  types: string[];
  /** Unit ids from the top level down. */
  units: string[];
  lastConfirmed: string;
  stale?: true;
}

export interface CompactFacilities {
  /** The facility data's date: the saved state the offline page names. */
  dataDate: string;
  types: Record<string, { de: string; en?: string | undefined }>;
  levels: Record<string, { de: string; en?: string | undefined }>;
  units: Record<string, { name: string; level: string; url: string }>;
  items: CompactFacility[];
}

/**
 * An address line as the index stores it ("Weg 1, 12345 Musterstadt", see `addressLine`) in its parts: the street is
 * everything before the last ", ", the postcode the first word after it. Undefined for "no address recorded" and
 * for a line of another shape.
 */
export function splitAddressLine(line: string): { street: string; postcode: string; city: string } | undefined {
  if (line === t('de', 'addressNotRecorded')) return undefined;
  const comma = line.lastIndexOf(', ');
  const space = line.indexOf(' ', comma + 2);
  if (comma < 0 || space < 0) return undefined;
  return { street: line.slice(0, comma), postcode: line.slice(comma + 2, space), city: line.slice(space + 1) };
}

/**
 * Every entry of the directory from the three saved files, sorted by id; undefined when the index and the radius
 * file belong to different builds. An entry's units are its finest unit and that unit's parents in the unit index.
 */
export function joinCompactFacilities(
  index: SearchIndexFile,
  extra: FacilityPointsExtra,
  places: PlaceIndexFile,
): CompactFacilities | undefined {
  if (!belongsToIndex(index, extra)) return undefined;
  const unitById = new Map(places.units.map((u) => [u[0], u]));
  const chain = (finest: string): string[] => {
    const ids: string[] = [];
    for (let u = unitById.get(finest); u && !ids.includes(u[0]); u = unitById.get(u[3])) ids.unshift(u[0]);
    return ids;
  };
  const items = index.name.map((name, row): CompactFacility => {
    const address = splitAddressLine(index.address[row] ?? '');
    const phone = index.phone[row];
    const email = extra.email[row];
    return {
      id: decodeFacilityId(index.id[row] ?? '', name),
      name,
      street: address?.street ?? '',
      postcode: address?.postcode ?? '',
      city: address?.city ?? '',
      ...(phone ? { phone } : {}),
      ...(email ? { email } : {}),
      types: (index.type[row] ?? []).map((p) => index.types[p]?.id ?? ''),
      units: chain(index.unit[row] ?? ''),
      lastConfirmed: extra.lastConfirmed[row] ?? '',
      ...(extra.stale[row] === 's' ? { stale: true as const } : {}),
    };
  });
  items.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const units: CompactFacilities['units'] = {};
  for (const [id, name, level] of places.units) {
    const l = places.levels[level];
    if (l) units[id] = { name, level: l.id, url: `/${l.id}/${id}/` };
  }
  return {
    dataDate: extra.facilitiesDate ?? extra.dataDate,
    types: Object.fromEntries(index.types.map((t) => [t.id, t.label])),
    levels: Object.fromEntries(places.levels.map((l) => [l.id, l.label])),
    units,
    items,
  };
}

/** A label in `lang` (German when there is no English one). */
export function compactLabel(
  label: { de: string; en?: string | undefined } | undefined,
  lang: Lang,
  fallback: string,
): string {
  if (!label) return fallback;
  return lang === 'en' ? (label.en ?? label.de) : label.de;
}
