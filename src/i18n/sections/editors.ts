/**
 * Messages of the editors' and crisis features (issue 12): edit/report links, change report pages ("Was ist neu"),
 * contact gaps, operator contacts in crisis lists, the open data package and citations.
 */
export const de = {
  // EditReport.astro
  editBlockHeading: 'Fehler gefunden?',
  editEntry: 'Eintrag bearbeiten',
  editEntryNote: 'öffnet die Datei im Web-Editor des Repositorys; Anleitung in CONTRIBUTING.md',
  editReport: 'Fehler melden',
  editReportIssueHint: 'öffnet ein vorausgefülltes Ticket (Konto beim Anbieter des Repositorys nötig)',
  editReportEmailHint: (p: { email: string }) => `öffnet eine vorausgefüllte E-Mail an ${p.email}`,
  editReportTitle: (p: { name: string }) => `Fehler: ${p.name}`,
  editReportBody: (p: { url: string; file: string }) =>
    `Seite: ${p.url}\nDatei: ${p.file}\n\nWas ist falsch oder fehlt? Bitte hier beschreiben (keine Daten über einzelne Personen).\n`,
  editFeed: 'Änderungen abonnieren (Atom-Feed)',
  // Facility page: maintenance
  editMaintenanceHeading: 'Pflege dieses Eintrags',
  editMaintainedBy: 'Gepflegt von',
  editMaintainerSelf: 'der Einrichtung selbst',
  editMaintainerEditors: (p: { sources: string }) => `der Redaktion des Atlas, übernommen aus: ${p.sources}`,
  editLastConfirmed: 'Zuletzt bestätigt',
  editAgeDays: (p: { n: string }) => `vor ${p.n} ${p.n === '1' ? 'Tag' : 'Tagen'}`,
  editFile: 'Datei',
  // /einrichtungen/kontaktluecken/
  gapsTitle: 'Kontaktlücken im Einrichtungsverzeichnis',
  gapsIntro:
    'Für die Redaktion: Einträge ohne Telefonnummer und ohne E-Mail-Adresse, die schutzbedürftigsten zuerst. In Krisenlisten erscheint bei ihnen der Kontakt des Trägers, soweit die Quelle ihn nennt. Wer einen Eintrag ergänzen kann: „Eintrag bearbeiten“ auf seiner Seite.',
  gapsSummary: (p: { n: string; total: string; phone: string }) =>
    `${p.n} von ${p.total} Einträgen haben weder Telefon noch E-Mail; ${p.phone} haben kein Telefon.`,
  gapsByType: 'Nach Art der Einrichtung',
  gapsByArea: 'Nach Gebiet',
  gapsList: 'Einträge ohne Telefon und E-Mail',
  gapsAll: 'Alle Einträge',
  gapsColTotal: 'Einträge',
  gapsColNoPhone: 'ohne Telefon',
  gapsColNoEmail: 'ohne E-Mail',
  gapsColNeither: 'ohne beides',
  gapsColOperator: 'davon mit Kontakt des Trägers',
  gapsOperator: 'Kontakt des Trägers',
  gapsOperatorYes: 'vorhanden',
  gapsOperatorNo: 'fehlt',
  gapsArea: 'Gebiet',
  gapsName: 'Name',
  gapsRest: (p: { n: string }) =>
    `Weitere ${p.n} Einträge geringerer Schutzbedürftigkeit ohne Telefon und E-Mail sind oben gezählt; einzeln stehen sie in facilities.csv (Spalten phone und email leer).`,
  gapsLastConfirmed: 'Zuletzt bestätigt',
  gapsNone: 'Alle Einträge haben Telefon oder E-Mail.',
  // Crisis lists: the operator's contact as fallback
  operatorContactLabel: 'Kontakt des Trägers',
  operatorContactNote:
    'Die Einrichtung selbst hat keine Telefonnummer oder E-Mail im Verzeichnis; angegeben ist der Kontakt ihres Trägers.',
  places: 'Plätze',
  dnContents: 'Inhalt',
  dnIndicators: 'Merkmale',
  dnReport: 'Prüfbericht der Datenaufbereitung',
  dnOpenData: 'Alle Downloads mit Beschreibung der Spalten: Offene Daten',
  citeText: (p: { publisher: string; page: string; atlas: string; dates: string; url: string; retrieved: string }) =>
    `${p.publisher}: ${p.page}. In: ${p.atlas}. ${p.dates}. ${p.url} (abgerufen am ${p.retrieved}).`,
  citeStichtag: (p: { date: string }) => `Stichtag ${p.date}`,
  citeHeading: 'Zitieren',
  citeRetrievedNote:
    'Abrufdatum: der Tag, an dem diese Fassung der Seite erzeugt wurde; beim Zitieren das eigene Abrufdatum einsetzen.',
  radiusNamedSummary: (p: { n: string; r: string; centre: string; lat: string; lon: string }) =>
    `${p.n} Einrichtungen im Umkreis von ${p.r} m um ${p.centre} (${p.lat}° N, ${p.lon}° O).`,
  radiusTypesOnly: (p: { types: string }) => `Nur: ${p.types}.`,
  radiusTypeFilter: 'Arten von Einrichtungen',
  radiusTypeFilterHint: 'Keine Auswahl: alle Arten.',
  radiusCoordinates: 'Koordinaten',
  operator: 'Träger',
  // /offene-daten/
  odTitle: 'Offene Daten',
  odIntro:
    'Alle Daten dieses Atlas zum Herunterladen, maschinenlesbar beschrieben im Datenpaket (Frictionless Data Package: Spalten, Typen, Einheiten, Kennzeichen für fehlende Werte, Lizenzen, Quellen, Stichtage).',
  odPackage: 'Beschreibung aller Dateien (Frictionless Data Package v2)',
  odValues: 'alle Werte aller Gebiete, Merkmale und Jahre im Langformat, mit Status (DIN 55301)',
  odBoundaries: 'vereinfachte Grenzen aller Ebenen (TopoJSON, WGS84)',
  odAtlasJson: 'Verzeichnis aller Gebiete, Merkmale, Seiten und Downloads (JSON)',
  odFacilitiesCsv: 'das Einrichtungsverzeichnis, eine Zeile je Eintrag, mit Quellen und Lizenzen',
  odFacilitiesGeojson: 'das Einrichtungsverzeichnis als Punkte (GeoJSON, WGS84)',
  odAreaCsv: (p: { layer: string }) => `${p.layer}: Einrichtungen je Fläche (CSV)`,
  odAreaGeojson: (p: { layer: string }) => `${p.layer}: Flächen und Einrichtungen (GeoJSON)`,
  odFeed: 'Was ist neu (Atom-Feed)',
  odPerUnit:
    'Jedes Gebiet hat eigene Dateien (CSV und JSON), verlinkt auf seiner Seite und in atlas.json; jede Fläche einer Flächenebene ebenso.',
  odDialectHeading: 'Format der CSV-Dateien',
  odDialectFormat: (p: { delimiter: string; decimal: string }) =>
    `Alle CSV-Dateien: UTF-8 mit Byte-Order-Mark, Trennzeichen „${p.delimiter}“, Dezimalpunkt „${p.decimal}“, Anführungszeichen „"“ wo nötig, Zeilenende CRLF, Kopfzeile.`,
  odDialectMissing:
    'Leere Zelle = kein Wert; warum, sagt die Spalte status: keine Angabe, geheim gehalten oder nicht sinnvoll (DIN 55301). Eine 0 ist immer eine echte Null.',
  odDialectFormula:
    'Texte, die mit = + - @ beginnen, stehen mit vorangestelltem Apostroph in der Datei, damit Tabellenprogramme sie nicht als Formel ausführen (auch Telefonnummern „+49 …“). Zahlen sind nie verändert.',
  odNotesLink: 'Datenhinweise und Prüfbericht',
  odStichtag: (p: { date: string }) => `Datenstand des Atlas: ${p.date}; Stichtag je Datei im Datenpaket.`,
  // /neu/: releases
  releasesHeading: 'Was ist neu',
  releasesIntro:
    'Neue Daten, geänderte Gebiete und Einträge des Atlas, je Veröffentlichung. Jede Gebietsseite hat einen eigenen Feed mit den Änderungen, die das Gebiet betreffen.',
  releasesEmpty: 'Noch keine Veröffentlichung eingetragen.',
  releasesFeed: 'Alle Änderungen abonnieren (Atom-Feed)',
  releasesUnits: 'Betrifft',
  releasesFacilities: 'Einrichtungen',
};

export const en: typeof de = {
  editBlockHeading: 'Found a mistake?',
  editEntry: 'Edit this entry',
  editEntryNote: 'opens the file in the repository’s web editor; instructions in CONTRIBUTING.md',
  editReport: 'Report a mistake',
  editReportIssueHint: 'opens a prefilled issue (needs an account with the repository’s host)',
  editReportEmailHint: (p: { email: string }) => `opens a prefilled e-mail to ${p.email}`,
  editReportTitle: (p: { name: string }) => `Mistake: ${p.name}`,
  editReportBody: (p: { url: string; file: string }) =>
    `Page: ${p.url}\nFile: ${p.file}\n\nWhat is wrong or missing? Please describe it here (no data about individual persons).\n`,
  editFeed: 'Subscribe to changes (Atom feed)',
  editMaintenanceHeading: 'Upkeep of this entry',
  editMaintainedBy: 'Maintained by',
  editMaintainerSelf: 'the facility itself',
  editMaintainerEditors: (p: { sources: string }) => `the atlas’s editors, taken from: ${p.sources}`,
  editLastConfirmed: 'Last confirmed',
  editAgeDays: (p: { n: string }) => `${p.n} ${p.n === '1' ? 'day' : 'days'} ago`,
  editFile: 'File',
  gapsTitle: 'Contact gaps in the facility directory',
  gapsIntro:
    'For editors: entries with neither a phone number nor an e-mail address, the most vulnerable first. Crisis lists show their operator’s contact instead, where the source gives one. Anyone who can complete an entry: “Edit this entry” on its page.',
  gapsSummary: (p: { n: string; total: string; phone: string }) =>
    `${p.n} of ${p.total} entries have neither phone nor e-mail; ${p.phone} have no phone.`,
  gapsByType: 'By type of facility',
  gapsByArea: 'By area',
  gapsList: 'Entries without phone and e-mail',
  gapsAll: 'All entries',
  gapsColTotal: 'Entries',
  gapsColNoPhone: 'no phone',
  gapsColNoEmail: 'no e-mail',
  gapsColNeither: 'neither',
  gapsColOperator: 'of which with operator contact',
  gapsOperator: 'Operator contact',
  gapsOperatorYes: 'known',
  gapsOperatorNo: 'missing',
  gapsArea: 'Area',
  gapsName: 'Name',
  gapsRest: (p: { n: string }) =>
    `A further ${p.n} entries of lower vulnerability without phone and e-mail are counted above; each is in facilities.csv (columns phone and email empty).`,
  gapsLastConfirmed: 'Last confirmed',
  gapsNone: 'Every entry has a phone number or an e-mail address.',
  operatorContactLabel: 'Operator’s contact',
  operatorContactNote:
    'The facility itself has no phone or e-mail in the directory; its operator’s contact is given instead.',
  places: 'Places',
  dnContents: 'Contents',
  dnIndicators: 'Indicators',
  dnReport: 'Data processing report',
  dnOpenData: 'All downloads with a description of their columns: open data',
  citeText: (p) => `${p.publisher}: ${p.page}. In: ${p.atlas}. ${p.dates}. ${p.url} (retrieved ${p.retrieved}).`,
  citeStichtag: (p) => `Reference date ${p.date}`,
  citeHeading: 'Cite',
  citeRetrievedNote:
    'Retrieval date: the day this version of the page was built; when citing, put your own retrieval date.',
  radiusNamedSummary: (p: { n: string; r: string; centre: string; lat: string; lon: string }) =>
    `${p.n} facilities within ${p.r} m of ${p.centre} (${p.lat}° N, ${p.lon}° E).`,
  radiusTypesOnly: (p: { types: string }) => `Only: ${p.types}.`,
  radiusTypeFilter: 'Types of facility',
  radiusTypeFilterHint: 'None ticked: every type.',
  radiusCoordinates: 'Coordinates',
  operator: 'Operator',
  odTitle: 'Open data',
  odIntro:
    'Every dataset of this atlas for download, described machine-readably in the data package (Frictionless Data Package: columns, types, units, missing-value markers, licences, sources, reference dates).',
  odPackage: 'description of every file (Frictionless Data Package v2)',
  odValues: 'every value of every area, indicator and year in long format, with status (DIN 55301)',
  odBoundaries: 'simplified boundaries of every level (TopoJSON, WGS84)',
  odAtlasJson: 'index of all areas, indicators, pages and downloads (JSON)',
  odFacilitiesCsv: 'the facility directory, one row per entry, with sources and licences',
  odFacilitiesGeojson: 'the facility directory as points (GeoJSON, WGS84)',
  odAreaCsv: (p: { layer: string }) => `${p.layer}: facilities per area (CSV)`,
  odAreaGeojson: (p: { layer: string }) => `${p.layer}: areas and facilities (GeoJSON)`,
  odFeed: 'What’s new (Atom feed)',
  odPerUnit:
    'Every area has files of its own (CSV and JSON), linked on its page and in atlas.json; so does every area of an overlay layer.',
  odDialectHeading: 'Format of the CSV files',
  odDialectFormat: (p: { delimiter: string; decimal: string }) =>
    `Every CSV file: UTF-8 with byte order mark, separator “${p.delimiter}”, decimal point “${p.decimal}”, quotes “"” where needed, CRLF line ends, header row.`,
  odDialectMissing:
    'An empty cell means no value; the status column says why: not available, suppressed or not applicable (DIN 55301). A 0 is always a true zero.',
  odDialectFormula:
    'Text starting with = + - @ is written with a leading apostrophe so that spreadsheet programs do not run it as a formula (phone numbers “+49 …” too). Numbers are never changed.',
  odNotesLink: 'Data notes and processing report',
  odStichtag: (p: { date: string }) => `Data as of ${p.date}; reference date per file in the data package.`,
  releasesHeading: 'What’s new',
  releasesIntro:
    'New data, changed areas and entries of the atlas, by release. Every area page has its own feed with the changes that concern the area.',
  releasesEmpty: 'No release recorded yet.',
  releasesFeed: 'Subscribe to all changes (Atom feed)',
  releasesUnits: 'Concerns',
  releasesFacilities: 'Facilities',
};
