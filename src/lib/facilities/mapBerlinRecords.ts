import type { BerlinSource, BerlinSourceKind } from './berlinSources.ts';
import { type ImportRecord, type MapResult, inBerlin, languagesFromText, pointOf } from './importRecord.ts';
import { type RawAddress, cleanText, normalizeAddress, normalizeEmail, normalizeWebsite } from './normalizeAddress.ts';
import { normalizePhones } from './normalizePhone.ts';

/**
 * Maps one GeoJSON feature of a Berlin source to an `ImportRecord`. The property names are those of the real files
 * (inspected, see the data README). Body facts are built only from source fields; nothing is added.
 */

type Props = Record<string, unknown>;

interface Fields {
  name: unknown;
  provider?: unknown;
  types: string[];
  targetGroups: string[];
  address: RawAddress;
  phone?: unknown;
  email?: unknown;
  website?: unknown;
  places?: unknown;
  languagesText?: string | undefined;
  /** Body sentences; undefined entries (empty source fields) are left out. */
  facts: (string | undefined)[];
}

const OSM_FACT: Record<string, string> = {
  'osm-kindergartens': 'In OpenStreetMap als Kindergarten erfasst.',
  'osm-childcare': 'In OpenStreetMap als Kinderbetreuung erfasst.',
  'osm-community-centers': 'In OpenStreetMap als Gemeinschaftszentrum erfasst.',
  'osm-doctors': 'In OpenStreetMap als Arztpraxis erfasst.',
  'osm-clinics': 'In OpenStreetMap als Klinik oder Ärztehaus erfasst.',
  'osm-hospitals': 'In OpenStreetMap als Krankenhaus erfasst.',
};
const OSM_TYPE: Record<string, string> = {
  'osm-kindergartens': 'kita',
  'osm-childcare': 'kinderbetreuung',
  'osm-community-centers': 'nachbarschaft',
  'osm-doctors': 'arzt',
  'osm-clinics': 'klinik',
  'osm-hospitals': 'krankenhaus',
};

/** Target groups of a school from its `schulart` (documented in facilities.yml). */
export function schoolTargetGroups(schulart: string): string[] {
  if (/^Grundschule/.test(schulart)) return ['kinder'];
  if (/Förderschwerp/.test(schulart)) return ['kinder', 'jugendliche', 'menschen-mit-behinderung'];
  if (/berufl|Berufs|Fachschule|Oberstufenzentrum/.test(schulart)) return ['jugendliche', 'junge-erwachsene'];
  if (/^(Integrierte Sekundarschule|Gymnasium)/.test(schulart)) return ['jugendliche'];
  return ['kinder', 'jugendliche'];
}

const places = (n: number | undefined, what: string): string =>
  n === undefined ? `${what}.` : `${what} mit ${n} ${n === 1 ? 'Platz' : 'Plätzen'}.`;
const labelled = (label: string, v: unknown): string | undefined => {
  const t = cleanText(v);
  return t === undefined ? undefined : `${label}: ${t.replace(/\.$/, '')}.`;
};
const joined = (...values: unknown[]): string | undefined =>
  cleanText(values.map(cleanText).filter(Boolean).join('; '));

function kita(p: Props, n: number | undefined): Fields {
  const address = { street: p.e_strasse, houseNumber: p.e_hnr, houseNumberSuffix: p.e_zusatz, postcode: p.e_plz };
  const offers = joined(p.ang_1, p.ang_2);
  return {
    name: p.e_name,
    provider: p.t_name,
    types: ['kita'],
    targetGroups: ['kinder'],
    address: { ...address, city: p.e_ort },
    phone: p.e_tel,
    website: p.e_web,
    places: p.e_platz,
    languagesText: offers,
    facts: [
      places(n, 'Kindertagesstätte'),
      labelled('Träger', p.t_name),
      labelled('Trägerart', p.t_art),
      labelled('Pädagogische Schwerpunkte laut Kita-Verzeichnis', offers),
      labelled('Einrichtungsnummer', p.e_nr),
    ],
  };
}

function youthCentre(p: Props, n: number | undefined): Fields {
  const playground = /PbS|ASP|Kinderfarm/.test(cleanText(p.e_art) ?? '');
  const address = { street: p.e_strasse, houseNumber: p.e_hnr, houseNumberSuffix: p.e_zus, postcode: p.e_plz };
  return {
    name: p.e_name,
    provider: p.t_name,
    types: ['jugendfreizeit'],
    address: { ...address, city: p.e_ort },
    targetGroups: playground ? ['kinder'] : ['kinder', 'jugendliche'],
    phone: p.e_tel,
    website: p.e_web,
    places: p.e_platz,
    facts: [
      playground
        ? 'Pädagogisch betreuter Spielplatz, Abenteuerspielplatz oder Kinderfarm (Kategorie der Quelle).'
        : 'Jugendfreizeiteinrichtung (JFE).',
      labelled('Plätze laut Quelle', n),
      labelled('Träger', p.t_name),
      labelled('Trägerart', p.t_art),
      labelled('Einrichtungsnummer', p.e_nr),
    ],
  };
}

function careHome(p: Props, n: number | undefined): Fields {
  return {
    name: p.einrichtung_name,
    provider: p.traegername,
    types: ['pflege'],
    targetGroups: ['pflegebeduerftige'],
    address: { street: p.gc_strasse, houseNumber: p.gc_haus, postcode: p.gc_plz },
    places: p.platzzahl,
    facts: [
      places(n, 'Pflegeeinrichtung'),
      labelled('Träger', p.traegername),
      labelled('Trägerverband (Kürzel laut Quelle)', p.traegerverbandkurz),
      labelled('Institutionskennzeichen', p.ik_nummer),
    ],
  };
}

function school(p: Props): Fields {
  const art = cleanText(p.schulart) ?? '';
  const traeger = cleanText(p.traeger);
  const ownership =
    traeger === 'öffentlich'
      ? 'Öffentliche Schule.'
      : traeger === 'privat'
        ? 'Schule in privater Trägerschaft.'
        : labelled('Träger', traeger);
  return {
    name: p.name,
    types: ['schule'],
    targetGroups: schoolTargetGroups(art),
    address: { street: p.strasse, houseNumber: p.hausnr, postcode: p.plz },
    phone: p.telefon,
    email: p.email,
    website: p.internet,
    facts: [
      art === '' ? 'Schule.' : `${art}.`,
      ownership,
      cleanText(p.schultyp) === art ? undefined : labelled('Schultyp', p.schultyp),
      labelled('Schulnummer', p.bsn),
    ],
  };
}

function fieldsOf(kind: BerlinSourceKind, p: Props, n: number | undefined): Fields {
  switch (kind) {
    case 'geoportal-kitas':
      return kita(p, n);
    case 'geoportal-jugendfreizeit':
      return youthCentre(p, n);
    case 'geoportal-pflege':
      return careHome(p, n);
    case 'geoportal-schulen':
      return school(p);
    case 'geoportal-apotheken':
      return {
        name: p.aponame,
        types: ['apotheke'],
        targetGroups: [],
        address: { street: p.gc_strasse, houseNumber: p.gc_haus, postcode: p.gc_plz },
        facts: ['Apotheke.', labelled('Ortsteil', p.gc_ortsteil)],
      };
    default: // OSM: `planning-area-id` is deliberately not read (lost leading zero, new-scheme ids).
      return {
        name: p.name,
        types: [OSM_TYPE[kind]!],
        address: { street: p.street, postcode: p['zip-code'] },
        targetGroups: kind === 'osm-kindergartens' || kind === 'osm-childcare' ? ['kinder'] : [],
        facts: [OSM_FACT[kind], labelled('OpenStreetMap-Objekt', p.id)],
      };
  }
}

/** Maps one feature; a record without name, id or usable coordinates is refused with the reason. */
export function mapBerlinRecord(
  source: BerlinSource,
  feature: { properties?: unknown; geometry?: unknown },
): MapResult {
  const p = (feature.properties ?? {}) as Props;
  const recordId = cleanText(p[source.idField]);
  if (recordId === undefined) return { ok: false, reason: `keine Kennung (${source.idField})` };
  const rawPlaces = cleanText(source.kind === 'geoportal-pflege' ? p.platzzahl : p.e_platz);
  const n = rawPlaces !== undefined && /^\d+$/.test(rawPlaces) && Number(rawPlaces) > 0 ? Number(rawPlaces) : undefined;
  const f = fieldsOf(source.kind, p, n);
  const name = cleanText(f.name);
  if (name === undefined) return { ok: false, reason: 'kein Name' };
  const location = pointOf(feature.geometry, source.crs);
  if (location === undefined) return { ok: false, reason: 'keine Koordinaten', name };
  if (!inBerlin(location)) {
    return { ok: false, reason: `Koordinaten außerhalb Berlins (${location.lat}, ${location.lon})`, name };
  }

  const dropped: string[] = [];
  if (rawPlaces !== undefined && f.places !== undefined && n === undefined) {
    dropped.push(`Platzzahl "${rawPlaces}" ist keine positive Zahl`);
  }
  const allPhones = normalizePhones(f.phone);
  const phones = allPhones.filter((n) => n.startsWith('+49 '));
  for (const x of allPhones.filter((y) => !phones.includes(y))) {
    dropped.push(`Telefon "${x}" hat eine ausländische Vorwahl (Tippfehler?)`);
  }
  const rawPhone = cleanText(f.phone);
  if (rawPhone !== undefined && allPhones.length === 0) dropped.push(`Telefon "${rawPhone}" nicht lesbar`);
  const website = normalizeWebsite(f.website);
  if (website?.ok === false) dropped.push(website.reason);
  const email = normalizeEmail(f.email);
  if (email?.ok === false) dropped.push(email.reason);
  const address = normalizeAddress(f.address);

  const record: ImportRecord = {
    key: `${source.ref.source}:${recordId}`,
    idPrefix: source.idPrefix,
    source: { ...source.ref, recordId },
    dataDate: source.dataDate,
    name,
    provider: cleanText(f.provider),
    types: f.types,
    targetGroups: f.targetGroups,
    address: address.ok ? address.address : undefined,
    addressProblem: address.ok ? undefined : address.reason,
    location,
    phones,
    email: email?.ok ? email.value : undefined,
    website: website?.ok ? website.value : undefined,
    languages: languagesFromText(f.languagesText),
    places: f.places === undefined ? undefined : n,
    facts: f.facts.filter((s): s is string => s !== undefined),
    dropped,
  };
  return { ok: true, record };
}
