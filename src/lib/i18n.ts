import type { Lang } from './format.ts';

/**
 * Interface text in German (default) and English. Indicator labels and editorial texts come from
 * the atlas config; this file holds only the generator's own words.
 */
const STRINGS = {
  skipToContent: { de: 'Zum Inhalt springen', en: 'Skip to content' },
  home: { de: 'Startseite', en: 'Home' },
  mainNav: { de: 'Hauptnavigation', en: 'Main navigation' },
  breadcrumb: { de: 'Sie sind hier', en: 'You are here' },
  language: { de: 'Sprache', en: 'Language' },
  otherLanguage: { de: 'English', en: 'Deutsch' },
  dataDate: { de: 'Datenstand', en: 'Data as of' },
  keyFigures: { de: 'Kennzahlen', en: 'Key figures' },
  indicator: { de: 'Merkmal', en: 'Indicator' },
  value: { de: 'Wert', en: 'Value' },
  year: { de: 'Jahr', en: 'Year' },
  rank: { de: 'Rang', en: 'Rank' },
  rankOf: { de: 'von', en: 'of' },
  rankNote: { de: 'Rang 1 = höchster Wert der Ebene.', en: 'Rank 1 = highest value on this level.' },
  change: { de: 'Veränderung', en: 'Change' },
  changeSince: { de: 'seit', en: 'since' },
  percentPoints: { de: 'Prozentpunkte', en: 'percentage points' },
  timeSeries: { de: 'Zeitreihen', en: 'Time series' },
  dataTable: { de: 'Datentabelle', en: 'Data table' },
  location: { de: 'Lage', en: 'Location' },
  parent: { de: 'Übergeordnet', en: 'Part of' },
  children: { de: 'Teilgebiete', en: 'Sub-areas' },
  sources: { de: 'Quellen und Lizenzen', en: 'Sources and licences' },
  downloads: { de: 'Daten herunterladen', en: 'Download data' },
  cite: { de: 'Zitieren', en: 'Cite' },
  citeAs: { de: 'Zitiervorschlag', en: 'Suggested citation' },
  accessed: { de: 'abgerufen am', en: 'accessed' },
  noData: { de: 'keine Daten', en: 'no data' },
  status_missing: { de: 'keine Angabe', en: 'not available' },
  status_suppressed: { de: 'geheim gehalten', en: 'suppressed' },
  status_notApplicable: { de: 'nicht sinnvoll', en: 'not applicable' },
  status_zero: { de: 'nichts vorhanden', en: 'none' },
  findUnit: { de: 'Gebiet finden', en: 'Find an area' },
  findUnitHint: { de: 'Alle Gebiete alphabetisch, nach Ebene', en: 'All areas alphabetically, by level' },
  mapOf: { de: 'Karte', en: 'Map' },
  legend: { de: 'Legende', en: 'Legend' },
  skipMap: { de: 'Karte überspringen', en: 'Skip map' },
  tableInstead: { de: 'Werte als Tabelle', en: 'Values as a table' },
  dataNotes: { de: 'Datenhinweise', en: 'Data notes' },
  imprint: { de: 'Impressum', en: 'Imprint' },
  privacy: { de: 'Datenschutz', en: 'Privacy' },
  accessibility: { de: 'Barrierefreiheit', en: 'Accessibility' },
  easyLanguage: { de: 'Leichte Sprache', en: 'Easy German' },
  openData: { de: 'Offene Daten', en: 'Open data' },
  printPage: { de: 'Seite drucken', en: 'Print page' },
  city: { de: 'Stadt', en: 'City' },
  definition: { de: 'Definition', en: 'Definition' },
  source: { de: 'Quelle', en: 'Source' },
  licence: { de: 'Lizenz', en: 'Licence' },
  computedFrom: { de: 'berechnet aus', en: 'computed from' },
  method_sum: { de: 'Summe der Teilgebiete', en: 'sum of sub-areas' },
  method_ratio: { de: 'berechnet aus Zähler und Nenner', en: 'computed from numerator and denominator' },
  method_published: { de: 'veröffentlichter Wert', en: 'published value' },
  levels: { de: 'Ebenen', en: 'Levels' },
  aboutData: { de: 'Über die Daten', en: 'About the data' },
  notFound: { de: 'Seite nicht gefunden', en: 'Page not found' },
  germanOnly: { de: 'nur auf Deutsch', en: 'in German only' },
  permalink: { de: 'Dauerhafter Link', en: 'Permanent link' },
  // Facility directory
  facilities: { de: 'Einrichtungen', en: 'Facilities' },
  facilityDirectory: { de: 'Einrichtungsverzeichnis', en: 'Facility directory' },
  byType: { de: 'Nach Art der Einrichtung', en: 'By type of facility' },
  byArea: { de: 'Nach Gebiet', en: 'By area' },
  entries: { de: 'Einträge', en: 'entries' },
  facilityType: { de: 'Art', en: 'Type' },
  provider: { de: 'Träger', en: 'Operator' },
  targetGroups: { de: 'Zielgruppen', en: 'Target groups' },
  address: { de: 'Adresse', en: 'Address' },
  phone: { de: 'Telefon', en: 'Phone' },
  email: { de: 'E-Mail', en: 'Email' },
  website: { de: 'Website', en: 'Website' },
  openingHours: { de: 'Öffnungszeiten', en: 'Opening hours' },
  languagesSpoken: { de: 'Sprachen', en: 'Languages' },
  wheelchair: { de: 'Rollstuhlgerecht', en: 'Wheelchair access' },
  wheelchair_yes: { de: 'ja', en: 'yes' },
  wheelchair_limited: { de: 'eingeschränkt', en: 'limited' },
  wheelchair_no: { de: 'nein', en: 'no' },
  wheelchair_unknown: { de: 'keine Angabe', en: 'not known' },
  capacity: { de: 'Plätze', en: 'Places' },
  contact: { de: 'Kontakt', en: 'Contact' },
  details: { de: 'Angebot', en: 'Services' },
  description: { de: 'Beschreibung', en: 'Description' },
  locatedIn: { de: 'Lage im Atlas', en: 'Location in the atlas' },
  coordinates: { de: 'Koordinaten', en: 'Coordinates' },
  status: { de: 'Stand', en: 'Status' },
  atlasDataDate: { de: 'Datenstand des Atlas', en: 'Atlas data as of' },
  lastConfirmed: { de: 'Zuletzt bestätigt', en: 'Last confirmed' },
  confirmedBy: { de: 'von', en: 'by' },
  stale: { de: 'Nicht mehr bestätigt', en: 'Not confirmed recently' },
  staleShort: { de: 'nicht bestätigt', en: 'not confirmed' },
  recordId: { de: 'Datensatz', en: 'Record' },
  retrieved: { de: 'abgerufen am', en: 'retrieved' },
  noFacilities: { de: 'Im Einrichtungsverzeichnis gibt es hier keine Einträge.', en: 'The facility directory has no entries here.' },
  providerText: { de: 'Angaben der Einrichtung, wie eingereicht.', en: 'Information as submitted by the facility, in German.' },
  odblNote: {
    de: 'Dieser Eintrag enthält Daten aus OpenStreetMap, © OpenStreetMap-Mitwirkende, verfügbar unter der Open Database License (ODbL).',
    en: 'This entry contains data from OpenStreetMap, © OpenStreetMap contributors, available under the Open Database License (ODbL).',
  },
  directoryFeedsNote: {
    de: 'Die Dateien enthalten Daten aus OpenStreetMap (© OpenStreetMap-Mitwirkende) und stehen deshalb als Ganzes unter der Open Database License (ODbL); jeder Eintrag nennt zusätzlich seine Quellen und deren Lizenzen.',
    en: 'The files contain data from OpenStreetMap (© OpenStreetMap contributors) and are therefore offered as a whole under the Open Database License (ODbL); each record also names its sources and their licences.',
  },
  freshness: { de: 'Aktualität des Einrichtungsverzeichnisses', en: 'Currency of the facility directory' },
} as const satisfies Record<string, Record<Lang, string>>;

/** Interface sentences with values in them, per language. */
const MESSAGES = {
  /** The visible marker of a stale entry. */
  staleNote: {
    de: (p: { days: number; date: string }) => `Diese Angaben wurden seit mehr als ${p.days} Tagen nicht bestätigt (Stichtag ${p.date}). Bitte vor einem Besuch bei der Einrichtung nachfragen.`,
    en: (p: { days: number; date: string }) => `This information has not been confirmed for more than ${p.days} days (reference date ${p.date}). Please check with the facility before a visit.`,
  },
  entriesCount: {
    de: (p: { n: string }) => `${p.n} ${p.n === '1' ? 'Eintrag' : 'Einträge'}`,
    en: (p: { n: string }) => `${p.n} ${p.n === '1' ? 'entry' : 'entries'}`,
  },
  facilitiesIn: {
    de: (p: { name: string }) => `Einrichtungen in ${p.name}`,
    en: (p: { name: string }) => `Facilities in ${p.name}`,
  },
  locationOf: {
    de: (p: { name: string; area: string }) => `Lage von ${p.name} in ${p.area}`,
    en: (p: { name: string; area: string }) => `Location of ${p.name} in ${p.area}`,
  },
} as const;

type MessageKey = keyof typeof MESSAGES;

/** An interface sentence with values, e.g. `m("de", "entriesCount", { n: "12" })` → "12 Einträge". */
export function m<K extends MessageKey>(lang: Lang, key: K, params: Parameters<(typeof MESSAGES)[K]['de']>[0]): string {
  return (MESSAGES[key][lang] as (p: typeof params) => string)(params);
}

export type StringKey = keyof typeof STRINGS;

/** The interface text for `key` in `lang`. */
export function t(lang: Lang, key: StringKey): string {
  return STRINGS[key][lang];
}

/** A localized text from the config: the requested language, else German. */
export function pick(text: { de: string; en?: string | undefined } | undefined, lang: Lang): string {
  if (!text) return '';
  return lang === 'en' ? (text.en ?? text.de) : text.de;
}

/** True when a localized text falls back to German for `lang` (the element needs lang="de"). */
export function isFallback(text: { de: string; en?: string | undefined } | undefined, lang: Lang): boolean {
  return lang === 'en' && text !== undefined && text.en === undefined;
}

/** Url prefix of a language: "" for German (default), "/en" for English. */
export function langPrefix(lang: Lang): string {
  return lang === 'de' ? '' : '/en';
}
