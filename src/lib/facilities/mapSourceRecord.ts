import type { ImportCondition, ImportFact, ImportSource } from '../../schemas/imports.ts';
import { reprojectPosition, type ResolvedCrs } from '../geo/crs.ts';
import { type ImportRecord, type MapResult, languagesFromText, roundCoord } from './importRecord.ts';
import { cleanText, normalizeAddress, normalizeEmail, normalizeWebsite } from './normalizeAddress.ts';
import { normalizePhones } from './normalizePhone.ts';

/**
 * Maps one record of any configured source (`imports.yml`) to an `ImportRecord`: fields by the source's mapping,
 * types and target groups fixed, by rules, or (OpenStreetMap) by the vocabulary's `osm` tags, and the body from the
 * configured facts. Everything comes from the record; a field that is empty stays empty, nothing is invented.
 */

type Props = Record<string, unknown>;

/** What every record of one import run shares. */
export interface MapContext {
  /** The source's CRS, resolved. */
  crs: ResolvedCrs;
  /** City of addresses that name none. */
  city: string;
  /** Area code (without 0) of phone numbers written without one; default "30" (see `normalizePhones`). */
  areaCode?: string | undefined;
  /** Default date the files were taken. */
  retrieved: string;
  /** True if a point lies in the atlas (inside a unit of the top level). */
  inside: (p: { lat: number; lon: number }) => boolean;
  /** OSM "key=value" → type id, from the vocabulary (`osm` of each type). */
  osmTypes?: ReadonlyMap<string, string> | undefined;
}

/** OSM keys read for `format: osm` where the mapping names none. */
const OSM_FIELDS = {
  name: 'name',
  provider: 'operator',
  street: 'addr:street',
  houseNumber: 'addr:housenumber',
  postcode: 'addr:postcode',
  city: 'addr:city',
  phone: ['phone', 'contact:phone'],
  email: ['email', 'contact:email'],
  website: ['website', 'contact:website'],
  places: 'capacity',
} as const;

/** The text of one property, or of several joined with "; " (empty ones left out). */
export function fieldText(p: Props, ref: string | readonly string[] | undefined): string | undefined {
  if (ref === undefined) return undefined;
  if (typeof ref === 'string') return cleanText(p[ref]);
  return cleanText(
    ref
      .map((r) => cleanText(p[r]))
      .filter(Boolean)
      .join('; '),
  );
}

/** True if the record meets the condition. */
export function holds(p: Props, c: ImportCondition): boolean {
  const text = cleanText(p[c.field]);
  if (c.matches !== undefined) return new RegExp(c.matches).test(text ?? '');
  if (c.equals !== undefined) return text !== undefined && [c.equals].flat().includes(text);
  return text !== undefined && text === cleanText(p[c.equalsField ?? '']);
}

/** The sentence of one fact for a record, or undefined (condition not met, field empty). */
function factText(fact: ImportFact, p: Props, places: number | undefined): string | undefined {
  if (fact.when && !holds(p, fact.when)) return undefined;
  if (fact.unless && holds(p, fact.unless)) return undefined;
  if (fact.places !== undefined)
    return places === undefined
      ? `${fact.places}.`
      : `${fact.places} mit ${places} ${places === 1 ? 'Platz' : 'Plätzen'}.`;
  if (fact.text !== undefined) return fact.text;
  const value = fact.field === '$places' ? cleanText(places) : fieldText(p, fact.field);
  if (fact.label !== undefined) return value === undefined ? undefined : `${fact.label}: ${value.replace(/\.$/, '')}.`;
  if (fact.template !== undefined) return value === undefined ? fact.fallback : fact.template.replace('{}', value);
  return value ?? fact.fallback;
}

/**
 * The point of a GeoJSON Point/MultiPoint geometry, or of the x/y columns of a CSV row (decimal point or comma), as
 * WGS84 {lat, lon} rounded to 6 decimals; undefined without usable coordinates.
 */
export function locationOf(
  source: ImportSource,
  p: Props,
  geometry: unknown,
  crs: ResolvedCrs,
): { lat: number; lon: number } | undefined {
  let c: unknown;
  if (source.format === 'csv') {
    const num = (v: unknown) =>
      Number(
        String(v ?? '')
          .trim()
          .replace(',', '.'),
      );
    c = [num(p[source.fields.x ?? '']), num(p[source.fields.y ?? ''])];
  } else {
    if (geometry === null || typeof geometry !== 'object') return undefined;
    const g = geometry as { type?: unknown; coordinates?: unknown };
    c = g.type === 'MultiPoint' && Array.isArray(g.coordinates) ? g.coordinates[0] : g.coordinates;
    if (g.type !== 'Point' && g.type !== 'MultiPoint') return undefined;
  }
  if (!Array.isArray(c) || typeof c[0] !== 'number' || typeof c[1] !== 'number') return undefined;
  if (!Number.isFinite(c[0]) || !Number.isFinite(c[1]) || (source.format === 'csv' && c[0] === 0 && c[1] === 0))
    return undefined;
  const [lon, lat] = reprojectPosition([c[0], c[1]], crs);
  if (!Number.isFinite(lon) || !Number.isFinite(lat)) return undefined;
  return { lat: roundCoord(lat), lon: roundCoord(lon) };
}

/** Types of an OSM record: the vocabulary types whose `osm` tags the record carries, in vocabulary order. */
function osmTypesOf(p: Props, osmTypes: ReadonlyMap<string, string> | undefined): string[] {
  const out: string[] = [];
  for (const [tag, type] of osmTypes ?? []) {
    const [key, value] = tag.split('=');
    if (key !== undefined && cleanText(p[key]) === value && !out.includes(type)) out.push(type);
  }
  return out;
}

/** Maps one record; a record without id, name, usable coordinates, type, or outside the atlas, is refused with the reason. */
export function mapSourceRecord(
  source: ImportSource,
  feature: { properties?: unknown; geometry?: unknown },
  ctx: MapContext,
): MapResult {
  const p = (feature.properties ?? {}) as Props;
  const isOsm = source.format === 'osm';
  const f = { ...(isOsm ? OSM_FIELDS : {}), ...source.fields };
  const idField = f.id ?? (p['@id'] !== undefined ? '@id' : 'id');
  const recordId = cleanText(p[idField]);
  if (recordId === undefined) return { ok: false, reason: `keine Kennung (${idField})` };
  const rawPlaces = f.places === undefined ? undefined : cleanText(p[f.places]);
  const places =
    rawPlaces !== undefined && /^\d+$/.test(rawPlaces) && Number(rawPlaces) > 0 ? Number(rawPlaces) : undefined;
  const name = fieldText(p, f.name);
  if (name === undefined) return { ok: false, reason: 'kein Name' };
  const location = locationOf(source, p, feature.geometry, ctx.crs);
  if (location === undefined) return { ok: false, reason: 'keine Koordinaten', name };
  if (!ctx.inside(location)) {
    return { ok: false, reason: `Koordinaten außerhalb des Atlas-Gebiets (${location.lat}, ${location.lon})`, name };
  }
  const rule = source.rules.find((r) => holds(p, r.when));
  const types = rule?.types ?? source.types ?? (isOsm ? osmTypesOf(p, ctx.osmTypes) : []);
  if (types.length === 0) return { ok: false, reason: 'keine Art (kein passendes OSM-Merkmal)', name };
  const targetGroups = rule?.targetGroups ?? source.targetGroups;

  const dropped: string[] = [];
  if (rawPlaces !== undefined && places === undefined) dropped.push(`Platzzahl "${rawPlaces}" ist keine positive Zahl`);
  const rawPhone = fieldText(p, f.phone);
  const allPhones = normalizePhones(rawPhone, { defaultAreaCode: ctx.areaCode });
  const phones = allPhones.filter((n) => n.startsWith('+49 '));
  for (const x of allPhones.filter((y) => !phones.includes(y))) {
    dropped.push(`Telefon "${x}" hat eine ausländische Vorwahl (Tippfehler?)`);
  }
  if (rawPhone !== undefined && allPhones.length === 0) dropped.push(`Telefon "${rawPhone}" nicht lesbar`);
  const website = normalizeWebsite(fieldText(p, f.website));
  if (website?.ok === false) dropped.push(website.reason);
  const email = normalizeEmail(fieldText(p, f.email));
  if (email?.ok === false) dropped.push(email.reason);
  const at = (key: string | undefined) => (key === undefined ? undefined : p[key]);
  const address = normalizeAddress(
    {
      street: at(f.street),
      houseNumber: at(f.houseNumber),
      houseNumberSuffix: at(f.houseNumberSuffix),
      postcode: at(f.postcode),
      city: at(f.city),
    },
    ctx.city,
  );
  let providerAddress: ImportRecord['providerAddress'];
  if (f.providerStreet !== undefined) {
    const raw = { street: at(f.providerStreet), postcode: at(f.providerPostcode), city: at(f.providerCity) };
    if (Object.values(raw).some((v) => cleanText(v) !== undefined)) {
      const read = normalizeAddress(raw, ctx.city);
      if (read.ok) providerAddress = read.address;
      else dropped.push(`Anschrift des Trägers: ${read.reason}`);
    }
  }

  const record: ImportRecord = {
    key: `${source.source ?? source.id}:${recordId}`,
    idPrefix: source.idPrefix,
    source: {
      source: source.source ?? source.id,
      recordId,
      licence: source.licence,
      attribution: source.attribution,
      url: source.url,
      retrieved: source.retrieved ?? ctx.retrieved,
    },
    dataDate: source.dataDate,
    name,
    provider: fieldText(p, f.provider),
    providerAddress,
    types,
    targetGroups,
    address: address.ok ? address.address : undefined,
    addressProblem: address.ok ? undefined : address.reason,
    requireAddress: source.requireAddress,
    location,
    phones,
    email: email?.ok ? email.value : undefined,
    website: website?.ok ? website.value : undefined,
    languages: languagesFromText(fieldText(p, f.languages)),
    places: f.places === undefined ? undefined : places,
    facts: source.facts.flatMap((fact) => factText(fact, p, places) ?? []),
    dropped,
  };
  return { ok: true, record };
}
