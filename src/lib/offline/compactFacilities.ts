import type { Lang } from '../format.ts';

/**
 * The compact facility file of the offline bundle (`/data/offline/facilities.json`): every entry with what an
 * emergency user needs without a network (name, address, phone, e-mail, type, units, last confirmation), plus the
 * labels to show it in either language. Built from the public GeoJSON feed and the site's units; pure.
 */

/** One entry of the compact file; absent fields are left out. */
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
  /** The atlas's data date: the saved state the offline page names. */
  dataDate: string;
  types: Record<string, { de: string; en?: string | undefined }>;
  levels: Record<string, { de: string; en?: string | undefined }>;
  units: Record<string, { name: string; level: string; url: string }>;
  items: CompactFacility[];
}

/** The properties of a feature of `/data/facilities.geojson` this file reads. */
export interface FeedProperties {
  id: string;
  name: string;
  types: string[];
  /** Absent when the source gives none. */
  address?: { street: string; postcode: string; city: string } | null | undefined;
  phone?: string | null | undefined;
  email?: string | null | undefined;
  /** Level id → unit id. */
  units: Record<string, string>;
  lastConfirmed: string;
  stale?: boolean | undefined;
}

export interface CompactInput {
  dataDate: string;
  features: readonly { properties: FeedProperties }[];
  levels: readonly { id: string; label: { de: string; en?: string | undefined } }[];
  units: readonly { id: string; name: string; level: string; url: string }[];
  types: readonly { id: string; label: { de: string; en?: string | undefined } }[];
}

/** Builds the compact file; units and types are limited to those an entry refers to. Entries sorted by id. */
export function compactFacilities(input: CompactInput): CompactFacilities {
  const levelOrder = input.levels.map((l) => l.id);
  const unitById = new Map(input.units.map((u) => [u.id, u]));
  const usedUnits = new Set<string>();
  const usedTypes = new Set<string>();
  const items = input.features.map(({ properties: p }): CompactFacility => {
    const units = levelOrder.flatMap((level) => (p.units[level] !== undefined ? [p.units[level] as string] : []));
    for (const u of units) usedUnits.add(u);
    for (const t of p.types) usedTypes.add(t);
    return {
      id: p.id,
      name: p.name,
      street: p.address?.street ?? '',
      postcode: p.address?.postcode ?? '',
      city: p.address?.city ?? '',
      ...(p.phone ? { phone: p.phone } : {}),
      ...(p.email ? { email: p.email } : {}),
      types: p.types,
      units,
      lastConfirmed: p.lastConfirmed,
      ...(p.stale ? { stale: true as const } : {}),
    };
  });
  items.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const units: CompactFacilities['units'] = {};
  for (const id of [...usedUnits].sort()) {
    const u = unitById.get(id);
    if (u) units[id] = { name: u.name, level: u.level, url: u.url };
  }
  return {
    dataDate: input.dataDate,
    types: Object.fromEntries(input.types.filter((t) => usedTypes.has(t.id)).map((t) => [t.id, t.label])),
    levels: Object.fromEntries(input.levels.map((l) => [l.id, l.label])),
    units,
    items,
  };
}

/** A label of the compact file in `lang` (German when there is no English one). */
export function compactLabel(
  label: { de: string; en?: string | undefined } | undefined,
  lang: Lang,
  fallback: string,
): string {
  if (!label) return fallback;
  return lang === 'en' ? (label.en ?? label.de) : label.de;
}
