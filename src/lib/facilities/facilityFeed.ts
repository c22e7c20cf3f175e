import type { Feature, FeatureCollection, Point } from 'geojson';
import type { FacilitySourceRef } from '../../schemas/facility.ts';
import { addressLine, facilityUrl, isOdbl, type PlacedFacility } from '../pages/facilityPage.ts';

/**
 * The directory as open data: `facilities.geojson` (points, WGS84) and `facilities.csv` (one row per entry), each
 * record with its sources and their licences. Records taken from OpenStreetMap are under the ODbL; because the
 * files contain such records, each file as a whole is offered under the ODbL (share-alike), which the feed says.
 */

export interface FeedContext {
  /** Level ids from the top down; each becomes a column/property with the entry's unit id. */
  levels: readonly string[];
  /** The site's public address, for absolute page urls. @example "https://sozialatlas.example/" */
  siteUrl: string;
  /** Title of the atlas and its data date, for the feed's metadata. */
  title: string;
  dataDate: string;
}

/** The licence notice of the feeds (German, like the site's default; English beside it). */
export function feedLicence(entries: readonly PlacedFacility[]): { de: string; en: string; odbl: boolean } {
  const odbl = entries.some((e) => e.facility.sources.some(isOdbl));
  return odbl
    ? {
        odbl,
        de: 'Enthält Daten aus OpenStreetMap (© OpenStreetMap-Mitwirkende), verfügbar unter der Open Database License (ODbL) 1.0: https://opendatacommons.org/licenses/odbl/1-0/. Diese Datei steht deshalb als Ganzes unter der ODbL. Einträge aus anderen Quellen behalten zusätzlich ihre eigene Lizenz und Namensnennung (siehe sources je Eintrag).',
        en: 'Contains data from OpenStreetMap (© OpenStreetMap contributors), available under the Open Database License (ODbL) 1.0: https://opendatacommons.org/licenses/odbl/1-0/. This file as a whole is therefore offered under the ODbL. Records from other sources keep their own licence and attribution as well (see sources of each record).',
      }
    : {
        odbl,
        de: 'Jeder Eintrag steht unter der Lizenz seiner Quellen (siehe sources je Eintrag).',
        en: 'Each record is under the licence of its sources (see sources of each record).',
      };
}

/** "osm:268916117 (ODbL 1.0; © OpenStreetMap-Mitwirkende)" */
export function formatSourceRef(s: FacilitySourceRef): string {
  return `${s.source}:${s.recordId} (${s.licence}; ${s.attribution})`;
}

/** GeoJSON FeatureCollection (RFC 7946) of all entries, ids as feature ids; metadata as foreign members. */
export function facilitiesGeoJson(
  entries: readonly PlacedFacility[],
  ctx: FeedContext,
): FeatureCollection<Point> & Record<string, unknown> {
  const licence = feedLicence(entries);
  const features: Feature<Point>[] = entries.map((e) => {
    const f = e.facility;
    const url = new URL(facilityUrl(f.id), ctx.siteUrl).href;
    return {
      type: 'Feature',
      id: f.id,
      geometry: { type: 'Point', coordinates: [f.location.lon, f.location.lat] },
      properties: {
        id: f.id,
        name: f.name,
        provider: f.provider ?? null,
        providerContact: f.providerContact ?? null,
        types: f.types,
        targetGroups: f.targetGroups,
        address: f.address,
        phone: f.phone ?? null,
        email: f.email ?? null,
        website: f.website ?? null,
        openingHours: f.openingHours ?? null,
        languages: f.languages ?? [],
        accessibility: f.accessibility,
        capacity: f.capacity ?? null,
        units: Object.fromEntries(ctx.levels.map((l, i) => [l, e.units[i] ?? null])),
        url,
        urlEn: new URL(`/en${facilityUrl(f.id)}`, ctx.siteUrl).href,
        lastConfirmed: f.lastConfirmed,
        stale: e.stale,
        odbl: f.sources.some(isOdbl),
        sources: f.sources,
      },
    };
  });
  return {
    type: 'FeatureCollection',
    title: ctx.title,
    dataDate: ctx.dataDate,
    licence: licence.de,
    licenceEn: licence.en,
    features,
  };
}

/** CSV rows (column → text): multi-valued fields joined with "; " (sources with " | "), the unit of each level in a column `unit_<level>`. */
export function facilitiesCsvRows(
  entries: readonly PlacedFacility[],
  ctx: FeedContext,
): Record<string, string | number>[] {
  return entries.map((e) => {
    const f = e.facility;
    return {
      id: f.id,
      name: f.name,
      provider: f.provider ?? '',
      provider_address: f.providerContact?.address ? addressLine(f.providerContact.address) : '',
      provider_phone: f.providerContact?.phone ?? '',
      provider_email: f.providerContact?.email ?? '',
      types: f.types.join('; '),
      target_groups: f.targetGroups.join('; '),
      street: f.address?.street ?? '',
      postcode: f.address?.postcode ?? '',
      city: f.address?.city ?? '',
      address: addressLine(f.address),
      lat: f.location.lat,
      lon: f.location.lon,
      phone: f.phone ?? '',
      email: f.email ?? '',
      website: f.website ?? '',
      opening_hours: f.openingHours ?? '',
      languages: (f.languages ?? []).join('; '),
      wheelchair: f.accessibility.wheelchair,
      accessibility_notes: f.accessibility.notes ?? '',
      places: f.capacity?.places ?? '',
      capacity_note: f.capacity?.note ?? '',
      ...Object.fromEntries(ctx.levels.map((l, i) => [`unit_${l}`, e.units[i] ?? ''])),
      url: new URL(facilityUrl(f.id), ctx.siteUrl).href,
      last_confirmed: f.lastConfirmed,
      stale: e.stale ? 'true' : 'false',
      sources: f.sources.map(formatSourceRef).join(' | '),
      licences: [...new Set(f.sources.map((s) => s.licence))].join(' | '),
      odbl: f.sources.some(isOdbl) ? 'true' : 'false',
    };
  });
}
