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
  mapNo: { de: 'Nr.', en: 'No.' },
  mapNoLong: { de: 'Nr. auf der Karte', en: 'No. on the map' },
  recordId: { de: 'Datensatz', en: 'Record' },
  retrieved: { de: 'abgerufen am', en: 'retrieved' },
  noFacilities: {
    de: 'Im Einrichtungsverzeichnis gibt es hier keine Einträge.',
    en: 'The facility directory has no entries here.',
  },
  providerText: {
    de: 'Angaben der Einrichtung, wie eingereicht.',
    en: 'Information as submitted by the facility, in German.',
  },
  odblNote: {
    de: 'Dieser Eintrag enthält Daten aus OpenStreetMap, © OpenStreetMap-Mitwirkende, verfügbar unter der Open Database License (ODbL).',
    en: 'This entry contains data from OpenStreetMap, © OpenStreetMap contributors, available under the Open Database License (ODbL).',
  },
  directoryFeedsNote: {
    de: 'Die Dateien enthalten Daten aus OpenStreetMap (© OpenStreetMap-Mitwirkende) und stehen deshalb als Ganzes unter der Open Database License (ODbL); jeder Eintrag nennt zusätzlich seine Quellen und deren Lizenzen.',
    en: 'The files contain data from OpenStreetMap (© OpenStreetMap contributors) and are therefore offered as a whole under the Open Database License (ODbL); each record also names its sources and their licences.',
  },
  freshness: { de: 'Aktualität des Einrichtungsverzeichnisses', en: 'Currency of the facility directory' },
  // Area overlays (/gebiete/)
  areaOverlays: { de: 'Ausgewiesene Gebiete', en: 'Designated areas' },
  areaOverlaysLede: {
    de: 'Flächen wie Erhaltungs-, Sanierungs- oder Überschwemmungsgebiete: welche Einrichtungen darin liegen (mit Kontakt) und welche Gebiete des Atlas sie berühren.',
    en: 'Areas such as conservation, redevelopment or flood areas: which facilities lie inside (with contacts) and which areas of the atlas they touch.',
  },
  areaLayer: { de: 'Flächenebene', en: 'Layer' },
  areaName: { de: 'Gebiet', en: 'Area' },
  areaSize: { de: 'Größe', en: 'Size' },
  areaCount: { de: 'Gebiete', en: 'Areas' },
  facilitiesInside: { de: 'Einrichtungen im Gebiet', en: 'Facilities in the area' },
  vulnerableInside: { de: 'davon besonders schutzbedürftig', en: 'of which vulnerable' },
  unitsTouched: { de: 'Berührte Gebiete des Atlas', en: 'Areas of the atlas it touches' },
  shareOfUnit: { de: 'Anteil des Atlas-Gebiets im Gebiet', en: 'Share of the atlas area inside' },
  shareOfArea: { de: 'Anteil dieses Gebiets', en: 'Share of this area' },
  noFacilitiesInArea: {
    de: 'Im Einrichtungsverzeichnis liegt keine Einrichtung in diesem Gebiet.',
    en: 'No facility of the directory lies in this area.',
  },
  vulnerability_3: { de: 'Höchste Schutzbedürftigkeit', en: 'Highest vulnerability' },
  vulnerability_2: { de: 'Hohe Schutzbedürftigkeit', en: 'High vulnerability' },
  vulnerability_1: { de: 'Mittlere Schutzbedürftigkeit', en: 'Moderate vulnerability' },
  vulnerability_0: { de: 'Weitere Einrichtungen', en: 'Other facilities' },
  areasOfFacility: { de: 'Liegt in ausgewiesenen Gebieten', en: 'Lies in designated areas' },
  areasOfUnit: { de: 'Ausgewiesene Gebiete, die dieses Gebiet berühren', en: 'Designated areas touching this area' },
  areaDataDate: { de: 'Datenstand der Flächen', en: 'Areas as of' },
  facilitiesDataDate: { de: 'Stichtag des Einrichtungsverzeichnisses', en: 'Facility directory as of' },
  areaMapKey: {
    de: 'Blau, gestrichelt umrandet: das Gebiet; grau: Gebiete des Atlas ringsum; Quadrate: besonders schutzbedürftige Einrichtungen (Schutzbedürftigkeit 2 und 3); Kreise: weitere Einrichtungen; Zahlen: Nr. in den Tabellen unten.',
    en: 'Blue with a dashed outline: the area; grey: atlas areas around it; squares: vulnerable facilities (vulnerability 2 and 3); circles: other facilities; numbers: No. in the tables below.',
  },
  areaDownloadsNote: {
    de: 'CSV (UTF-8 mit BOM, Semikolon, Dezimalkomma) und GeoJSON (WGS84) mit der Fläche und den Einrichtungen darin, je Einrichtung mit Quellen und Lizenzen.',
    en: 'CSV (UTF-8 with BOM, semicolon, decimal comma) and GeoJSON (WGS84) with the area and the facilities inside, each facility with its sources and licences.',
  },
  // Facility map and radius query (src/components/FacilityMapPage.astro, FacilityAreaMapPage.astro, RadiusPage.astro)
  facilityMap: { de: 'Karte der Einrichtungen', en: 'Map of facilities' },
  radiusQuery: { de: 'Einrichtungen im Umkreis', en: 'Facilities within a radius' },
  allTypes: { de: 'Alle Arten', en: 'All types' },
  showType: { de: 'Art anzeigen', en: 'Show type' },
  total: { de: 'Insgesamt', en: 'Total' },
  vulnerability: { de: 'Schutzbedürftigkeit', en: 'Vulnerability' },
  vulnLevel_3: { de: 'sehr hoch', en: 'very high' },
  vulnLevel_2: { de: 'hoch', en: 'high' },
  vulnLevel_1: { de: 'mittel', en: 'medium' },
  vulnLevel_0: { de: 'gering', en: 'low' },
  distance: { de: 'Entfernung', en: 'Distance' },
  radius: { de: 'Umkreis', en: 'Radius' },
  radiusMetres: { de: 'Umkreis in Metern', en: 'Radius in metres' },
  latitude: { de: 'Breite (Grad Nord)', en: 'Latitude (degrees north)' },
  longitude: { de: 'Länge (Grad Ost)', en: 'Longitude (degrees east)' },
  chooseFacility: { de: 'Einrichtung suchen', en: 'Search a facility' },
  chooseArea: { de: 'Gebiet wählen', en: 'Choose an area' },
  choosePoint: { de: 'Mittelpunkt wählen', en: 'Choose the centre' },
  showResults: { de: 'Anzeigen', en: 'Show' },
  wholeMap: { de: 'Ganze Stadt zeigen', en: 'Show the whole city' },
  needsJs: {
    de: 'Die Umkreissuche rechnet im Browser und braucht JavaScript. Ohne JavaScript finden Sie alle Einrichtungen mit Adresse und Telefon in den Listen nach Gebiet und nach Art.',
    en: 'The radius query runs in the browser and needs JavaScript. Without JavaScript, every facility with address and phone is in the lists by area and by type.',
  },
  mapClickHint: {
    de: 'Klicken oder tippen Sie in die Karte, um den Mittelpunkt zu setzen.',
    en: 'Click or tap the map to set the centre.',
  },
  radiusLoading: { de: 'Einrichtungen werden geladen …', en: 'Loading facilities …' },
  radiusLoadFailed: {
    de: 'Die Liste der Einrichtungen konnte nicht geladen werden.',
    en: 'The list of facilities could not be loaded.',
  },
  radiusInvalid: {
    de: 'Bitte Breite (−90 bis 90), Länge (−180 bis 180) und einen Umkreis bis 20.000 m angeben.',
    en: 'Please give a latitude (−90 to 90), a longitude (−180 to 180) and a radius up to 20,000 m.',
  },
  radiusSort: {
    de: 'Sortiert nach Schutzbedürftigkeit (höchste zuerst), dann nach Entfernung.',
    en: 'Sorted by vulnerability (highest first), then by distance.',
  },
  downloadCsv: { de: 'Liste als CSV', en: 'List as CSV' },
  downloadGeojson: { de: 'Liste als GeoJSON', en: 'List as GeoJSON' },
  printList: { de: 'Liste drucken', en: 'Print list' },
  centre: { de: 'Mittelpunkt', en: 'Centre' },
  nearbyFacilities: { de: 'Einrichtungen im Umkreis', en: 'Facilities nearby' },
  // Offline use (src/components/OfflineSave.astro, OfflinePage.astro). "{size}", "{date}", "{reason}" are filled in
  // by the browser script.
  offlineHeading: { de: 'Ohne Netz nutzen', en: 'Use without a network' },
  offlineExplain: {
    de: 'Auf Wunsch speichert diese Seite das Einrichtungsverzeichnis (Listen nach Art und Gebiet, alle Einträge mit Adresse und Telefon) im Cache-Speicher dieses Geräts, damit es auch ohne Netz funktioniert. Dabei wird nichts gesendet oder ausgewertet; „Offline-Daten löschen“ entfernt alles wieder.',
    en: 'On request, this site stores the facility directory (lists by type and area, every entry with address and phone) in this device’s cache storage so that it works without a network. Nothing is sent anywhere or analysed; “Delete offline data” removes it all again.',
  },
  offlineSave: { de: 'Für offline speichern', en: 'Save for offline use' },
  offlineSaveSize: { de: 'Für offline speichern ({size})', en: 'Save for offline use ({size})' },
  offlineSizes: {
    de: 'Download {download}, Speicherplatz auf diesem Gerät {storage}.',
    en: 'Download {download}, storage on this device {storage}.',
  },
  offlineDelete: { de: 'Offline-Daten löschen', en: 'Delete offline data' },
  offlineSaving: { de: 'Wird gespeichert …', en: 'Saving …' },
  offlineSaved: {
    de: 'Auf diesem Gerät gespeichert, Stand {date}: Verzeichnis, Gebietslisten und alle Einträge öffnen jetzt auch ohne Netz.',
    en: 'Saved on this device, data as of {date}: the directory, area lists and every entry now open without a network.',
  },
  offlineDeleted: { de: 'Offline-Daten gelöscht.', en: 'Offline data deleted.' },
  offlineFailed: {
    de: 'Speichern fehlgeschlagen ({reason}). Bitte mit besserem Netz erneut versuchen.',
    en: 'Saving failed ({reason}). Please try again with a better connection.',
  },
  offlineUnsupported: {
    de: 'Dieser Browser kann die Seiten nicht offline speichern.',
    en: 'This browser cannot store the pages for offline use.',
  },
  offlinePageTitle: { de: 'Offline gespeicherte Einträge', en: 'Entries saved for offline use' },
  offlinePageIntro: {
    de: 'Wer das Einrichtungsverzeichnis für offline gespeichert hat, sieht hier ohne Netzverbindung den gespeicherten Eintrag einer Einrichtung, deren Seite noch nicht geöffnet war.',
    en: 'If you saved the facility directory for offline use, this page shows the saved entry of a facility whose page you had not opened yet, without a network connection.',
  },
  offlineSavedState: {
    de: 'Ohne Netzverbindung: Diese Angaben zeigen den auf diesem Gerät gespeicherten Stand vom {date}. Bitte vor einem Besuch telefonisch prüfen, ob sie noch stimmen.',
    en: 'No network connection: this is the state saved on this device, as of {date}. Please phone ahead to check it is still correct.',
  },
  offlineNotSaved: {
    de: 'Diese Seite ist nicht offline gespeichert. Ohne Netz stehen das Einrichtungsverzeichnis, seine Gebietslisten und alle Einträge zur Verfügung.',
    en: 'This page was not saved for offline use. Without a network, the facility directory, its area lists and every entry are available.',
  },
  offlineUnknownEntry: {
    de: 'Dieser Eintrag ist in den gespeicherten Daten nicht enthalten.',
    en: 'This entry is not in the saved data.',
  },
  // Provider assessments on unit pages (src/components/UnitAssessments.astro).
  assessmentsHeading: { de: 'Einschätzungen aus der sozialen Arbeit', en: 'Assessments from social work' },
  assessmentsNotOfficial: { de: 'Keine amtliche Statistik:', en: 'Not official statistics:' },
  assessmentsNote: {
    de: 'Einschätzungen der genannten Träger, Stand',
    en: 'assessments by the organisations named, as of',
  },
  assessmentsIntro: {
    de: 'Träger und Einrichtungen der sozialen Arbeit beantworten für ihr Gebiet dieselben Fragen (Was hat sich verändert? Was fehlt? Was funktioniert gut? Was wird gebraucht?). Jede Antwort nennt, wer sie gegeben hat und wann; die Redaktion prüft die Form, nicht den Inhalt.',
    en: 'Social work organisations answer the same questions for their area (What has changed? What is missing? What works well? What will be needed?). Each answer names who gave it and when; the editors check the form, not the content.',
  },
  assessmentsNone: {
    de: 'Für dieses Gebiet liegen noch keine Einschätzungen von Trägern vor.',
    en: 'No organisation has given an assessment for this area yet.',
  },
  assessmentsHowTo: {
    de: 'Träger können eine Einschätzung als Textdatei nach der Vorlage content/districts/_template.md.txt einreichen; die Anleitung steht in CONTRIBUTING.md, Abschnitt „Einschätzungen von Trägern“.',
    en: 'Organisations can submit an assessment as a text file from the template content/districts/_template.md.txt; CONTRIBUTING.md, section “Assessments by providers”, explains how.',
  },
  assessmentsProviderText: {
    de: 'Text des Trägers, wie eingereicht.',
    en: 'Text as submitted by the organisation, in its language.',
  },
} as const satisfies Record<string, Record<Lang, string>>;

/** Interface sentences with values in them, per language. */
const MESSAGES = {
  /** The visible marker of a stale entry. */
  staleNote: {
    de: (p: { days: number; date: string }) =>
      `Diese Angaben wurden seit mehr als ${p.days} Tagen nicht bestätigt (Stichtag ${p.date}). Bitte vor einem Besuch bei der Einrichtung nachfragen.`,
    en: (p: { days: number; date: string }) =>
      `This information has not been confirmed for more than ${p.days} days (reference date ${p.date}). Please check with the facility before a visit.`,
  },
  entriesCount: {
    de: (p: { n: string }) => `${p.n} ${p.n === '1' ? 'Eintrag' : 'Einträge'}`,
    en: (p: { n: string }) => `${p.n} ${p.n === '1' ? 'entry' : 'entries'}`,
  },
  areaFacilities: {
    de: (p: { name: string; n: string }) => `${p.name}: ${p.n} Einrichtungen`,
    en: (p: { name: string; n: string }) => `${p.name}: ${p.n} facilities`,
  },
  areaFacilitiesOfType: {
    de: (p: { name: string; n: string; type: string }) => `${p.name}: ${p.n} Einrichtungen der Art ${p.type}`,
    en: (p: { name: string; n: string; type: string }) => `${p.name}: ${p.n} facilities of type ${p.type}`,
  },
  radiusSummary: {
    de: (p: { n: string; r: string; lat: string; lon: string }) =>
      `${p.n} Einrichtungen im Umkreis von ${p.r} m um ${p.lat}° N, ${p.lon}° O.`,
    en: (p: { n: string; r: string; lat: string; lon: string }) =>
      `${p.n} facilities within ${p.r} m of ${p.lat}° N, ${p.lon}° E.`,
  },
  metres: {
    de: (p: { n: string }) => `${p.n} m`,
    en: (p: { n: string }) => `${p.n} m`,
  },
  facilitiesIn: {
    de: (p: { name: string }) => `Einrichtungen in ${p.name}`,
    en: (p: { name: string }) => `Facilities in ${p.name}`,
  },
  locationOf: {
    de: (p: { name: string; area: string }) => `Lage von ${p.name} in ${p.area}`,
    en: (p: { name: string; area: string }) => `Location of ${p.name} in ${p.area}`,
  },
  areaMapLabel: {
    de: (p: { name: string; n: string }) => `Karte: Gebiet ${p.name} mit ${p.n} Einrichtungen als Punkte`,
    en: (p: { name: string; n: string }) => `Map: area ${p.name} with ${p.n} facilities as markers`,
  },
  layerMapLabel: {
    de: (p: { layer: string; n: string; city: string }) => `Karte: ${p.n} ${p.layer} in ${p.city}`,
    en: (p: { layer: string; n: string; city: string }) => `Map: ${p.n} ${p.layer} in ${p.city}`,
  },
  areaSummary: {
    de: (p: { name: string; n: string; v: string; units: string }) =>
      `Im Gebiet ${p.name} ${p.n === '1' ? 'liegt 1 Einrichtung' : `liegen ${p.n} Einrichtungen`} des Verzeichnisses, davon ${p.v} besonders schutzbedürftig; es berührt ${p.units}.`,
    en: (p: { name: string; n: string; v: string; units: string }) =>
      `${p.n} ${p.n === '1' ? 'facility' : 'facilities'} of the directory ${p.n === '1' ? 'lies' : 'lie'} in ${p.name}, ${p.v} of them vulnerable; it touches ${p.units}.`,
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
