import { t } from '../../i18n/index.ts';
import type { Facility } from '../../schemas/facility.ts';
import { renderFacilityLocator, type AreaMap } from '../charts/facilityLocator.ts';
import type { Unit } from '../types.ts';
import type { FacilityListItem, FacilityPageData } from './facilityModel.ts';
import type { UnitRef } from './model.ts';

/** One directory entry, validated, placed in the atlas's units and dated (the facility stage's output). */
export interface PlacedFacility {
  facility: Facility;
  /** Path relative to the atlas folder, e.g. "content/facilities/kita-x.md", for editors. */
  file: string;
  /** The body as sanitised HTML ("" when the file has none). */
  html: string;
  /** Unit ids from the top level down (as far as the boundaries reach: see `locateFacility`). */
  units: string[];
  /** Days from `lastConfirmed` to the reference date (negative: confirmed after it). */
  ageDays: number;
  stale: boolean;
}

/** Url of a facility page without language prefix: `/einrichtungen/<id>/` (ids never change, names may). */
export function facilityUrl(id: string): string {
  return `/einrichtungen/${encodeURIComponent(id)}/`;
}

/** True when a source record is under the Open Database License (OpenStreetMap): share-alike applies. */
export function isOdbl(source: { licence: string }): boolean {
  return /\bODbL\b|Open Database License/i.test(source.licence);
}

/** Shown (in lists, search, feeds and offline) for an entry whose source gives no address. */
export const ADDRESS_NOT_RECORDED = t('de', 'addressNotRecorded');

/** "Musterstraße 12a, 10117 Berlin"; "Adresse nicht erfasst" when there is none (nothing is invented). */
export function addressLine(a: Facility['address']): string {
  return a ? `${a.street}, ${a.postcode} ${a.city}` : ADDRESS_NOT_RECORDED;
}

/** The short form of an entry in lists. */
export function listItem(e: PlacedFacility): FacilityListItem {
  const f = e.facility;
  return {
    id: f.id,
    name: f.name,
    url: facilityUrl(f.id),
    address: addressLine(f.address),
    phone: f.phone,
    stale: e.stale ? true : undefined,
  };
}

/** What the facility pages of one atlas share. */
export interface FacilityPageContext {
  units: ReadonlyMap<string, Unit>;
  urlOf(unit: Unit): string;
  /** The area map of a top-level unit (see `createAreaMaps`). */
  areaMap(topId: string): AreaMap | undefined;
}

/**
 * The page model of one facility: its fields as written, the units it lies in (with links), the locator map and
 * the sources with their licences.
 */
export function buildFacilityPage(e: PlacedFacility, ctx: FacilityPageContext): FacilityPageData {
  const f = e.facility;
  const units: UnitRef[] = e.units.flatMap((id) => {
    const u = ctx.units.get(id);
    return u ? [{ id: u.id, name: u.name, level: u.level, url: ctx.urlOf(u) }] : [];
  });
  const top = units[0];
  const map = top ? ctx.areaMap(top.id) : undefined;
  const locator = map
    ? renderFacilityLocator({ map, areaId: units[1]?.id, point: [f.location.lon, f.location.lat] })
    : undefined;
  return {
    id: f.id,
    name: f.name,
    url: facilityUrl(f.id),
    provider: f.provider,
    types: f.types,
    targetGroups: f.targetGroups,
    address: f.address,
    location: f.location,
    phone: f.phone,
    email: f.email,
    website: f.website,
    openingHours: f.openingHours,
    languages: f.languages ?? [],
    accessibility: f.accessibility,
    capacity: f.capacity,
    html: e.html,
    units,
    locator,
    sources: f.sources,
    odbl: f.sources.some(isOdbl),
    lastConfirmed: f.lastConfirmed,
    confirmedBy: f.confirmedBy,
    ageDays: e.ageDays,
    stale: e.stale,
    file: e.file,
    providerContact: f.providerContact,
  };
}
