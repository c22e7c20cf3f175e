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
} as const satisfies Record<string, Record<Lang, string>>;

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
