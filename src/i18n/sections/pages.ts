/**
 * Texts of the page components that used to choose their German or English text inline (DataPage, UnitPage,
 * AreaPage, the facility directory and map pages, the freshness report, the home page, the layout and the small
 * components they use). Keys are prefixed by the component. Values come in formatted; a message never formats.
 */
export const de = {
  // Layout (Base.astro)
  baseMadeWith: 'Erstellt mit Sozialatlas, freie Software. Keine Cookies, kein Tracking, keine Anfragen an Dritte.',
  // Data notes page (DataPage.astro)
  dataPageAtlasJson: 'Verzeichnis aller Gebiete, Merkmale und Seiten',
  dataPageValuesCsv: 'alle Werte im Langformat mit Status',
  dataPageBoundaries: 'vereinfachte Grenzen aller Ebenen (WGS84)',
  dataPageFacilities: 'das Einrichtungsverzeichnis mit Quellen und Lizenzen je Eintrag (Lizenz: siehe',
  dataPageIndicatorsHeading: 'Merkmale',
  dataPageIndicatorsCaption: 'Alle Merkmale mit Definition, Jahren und Quelle',
  dataPageYears: 'Jahre',
  dataPageReportHeading: 'Prüfbericht der Datenaufbereitung',
  dataPageFixesHeading: 'Korrekturen an Grenzdateien',
  dataPageNone: 'Keine.',
  dataPageExcludedHeading: 'Ausgelassene Tabellenzeilen',
  dataPageLine: 'Zeile',
  dataPageAssumedHeading: 'Fehlende Tabellenzeilen mit angenommenem Wert',
  dataPageAssumedZero: 'als 0 angenommen',
  dataPageAssumedAs: (p: { status: string }) => `angenommen: ${p.status}`,
  dataPageValues: 'Werte',
  dataPageChecksHeading: 'Berechnete und veröffentlichte Werte im Vergleich',
  dataPageChecksLede:
    'Werte höherer Ebenen werden aus den Zählwerten der feinsten Ebene berechnet und mit den veröffentlichten Tabellen verglichen.',
  dataPageChecksCaption: 'Vergleich je Merkmal und Jahr',
  dataPageCompared: 'verglichen',
  dataPageDiffering: 'abweichend',
  dataPageLargestDiff: 'größte Abweichung',
  // Shared by the unit, area and facility pages
  pagesIdLabel: 'Kennung',
  pagesLightBlue: (p: { name: string }) => `; hellblau: ${p.name}`,
  // Unit page (UnitPage.astro)
  unitPageDescription: (p: { name: string; level: string; city: string }) =>
    `Sozialdaten für ${p.name}, ${p.level} in ${p.city}: Kennzahlen, Zeitreihen, Quellen.`,
  unitPageIn: 'in',
  unitPageLocator: (p: { name: string; city: string }) =>
    `Lage von ${p.name} (dunkelblau, schwarz umrandet) in ${p.city}`,
  unitPageCsv: 'Daten als CSV',
  unitPageComputedNote:
    'Werte höherer Ebenen sind, wo Zählwerte vorliegen, als Summe der Zähler durch Summe der Nenner berechnet; Hinweise zu Korrekturen der Rohdaten unter',
  unitPageCsvFormat: 'Komma-getrennt, Dezimalpunkt',
  unitPageAtlasJson: 'Verzeichnis aller Gebiete und Merkmale (JSON)',
  unitPageAnchors: 'Einzelne Werte haben eigene Anker, z. B.',
  // Area page (AreaPage.astro)
  areaPageNoUnit: 'kein Gebiet des Atlas',
  areaPageLocator: (p: { name: string; city: string }) =>
    `Dunkelblau, schwarz eingekreist: ${p.name}; grau: ${p.city}.`,
  areaPageComputedSize: 'aus der Fläche berechnet',
  areaPageListNote: 'Die Liste unten nennt alle Einrichtungen.',
  areaPageNoUnits: 'Die Fläche berührt kein Gebiet des Atlas.',
  areaPageOverlapNote:
    'Berechnet aus den Grenzen (Verschneidung der Flächen); Überschneidungen unter 1 % der kleineren Fläche gelten als Digitalisierungsungenauigkeit und sind nicht aufgeführt.',
  areaPageAllAreas: (p: { layer: string }) => `Alle Gebiete der Ebene ${p.layer}`,
  areaPageFacilitiesSource:
    'Einrichtungen: Einrichtungsverzeichnis dieses Atlas; Quellen und Lizenzen stehen auf der Seite jeder Einrichtung.',
  // Facility directory (DirectoryIndex.astro)
  directoryIndexLede: (p: { directory: string; city: string; n: string }) =>
    `${p.directory}: soziale Einrichtungen in ${p.city}, ${p.n} Einträge, nach Art und nach Gebiet.`,
  directoryIndexStaleBefore:
    'Jeder Eintrag hat eine eigene Seite mit Adresse, Kontakt, Lage und Quellen. Einträge, die länger als',
  directoryIndexStaleAfter: (p: { date: string; stale: string; n: string; total: string }) =>
    `Tage vor dem Stichtag (${p.date}) nicht bestätigt wurden, sind als „${p.stale}“ markiert: ${p.n} von ${p.total}.`,
  directoryIndexSearchNote: '(nach Name, Träger, Adresse; mit Filtern)',
  directoryIndexRadiusNote: '(Liste zum Drucken mit Kontakten, nach Schutzbedürftigkeit)',
  directoryIndexCsv: 'alle Einträge als Tabelle (UTF-8, Komma-getrennt), mit Quellen und Lizenzen je Eintrag',
  directoryIndexGeojson: 'alle Einträge als Punkte (WGS84) für GIS und Karten',
  directoryIndexEditHeading: 'Einträge ergänzen oder ändern',
  directoryIndexEditText:
    'Jeder Eintrag ist eine Textdatei im Atlas-Repository (content/facilities/<kennung>.md). Einrichtungen und Träger können ihren Eintrag per Pull Request ändern oder einen neuen nach der Vorlage content/facilities/_template.md.txt anlegen; die Redaktion prüft jede Änderung.',
  // Facility page (FacilityPage.astro)
  facilityPageLocator: (p: { name: string; top: string }) => `Punkt: ${p.name}; grau: ${p.top}`,
  facilityPageEast: 'O',
  facilityPageSelfEntered: 'Von der Einrichtung selbst eingetragen.',
  facilityPageEditBefore: 'Angaben ändern: Die Einrichtung (oder ihr Träger) kann die Datei',
  facilityPageEditAfter: 'per Pull Request ändern.',
  // Freshness of the facility directory, on the data page (FreshnessReport.astro)
  freshnessSummary: (p: { date: string; stale: string; days: string; n: string; total: string }) =>
    `Stichtag ${p.date} (Tag des Builds); ein Eintrag gilt als „${p.stale}“, wenn er länger als ${p.days} Tage davor zuletzt bestätigt wurde: ${p.n} von ${p.total} Einträgen.`,
  freshnessCaption: 'Einträge nach Datum der letzten Bestätigung',
  freshnessEntries: 'Einträge',
  freshnessStaleList: 'Nicht mehr bestätigte Einträge, älteste zuerst, mit ihrer Datei:',
  freshnessFirstListed: (p: { n: string }) => ` die ersten ${p.n}; alle stehen in facilities.csv (Spalte stale).`,
  // Facility map (FacilityMapPage.astro); English writes the level's label in lower case inside a sentence
  facilityMapSummary: (p: { n: string; city: string; bubbleLevel: string; areaLevel: string }) =>
    `${p.n} Einrichtungen in ${p.city}. Die Kreise zeigen ihre Zahl je ${p.bubbleLevel} (Fläche entsprechend der Anzahl, große Kreise mit Zahl); jede Fläche eines ${p.areaLevel}s führt zu seiner Karte mit jeder Einrichtung einzeln. Die Tabelle darunter nennt alle Zahlen.`,
  facilityMapLegend: (p: { level: string }) => `Einrichtungen je ${p.level}`,
  facilityMapTableHeading: (p: { level: string }) => `Einrichtungen je ${p.level} und Art`,
  facilityMapTypesNote: 'Eine Einrichtung mehrerer Arten zählt bei jeder ihrer Arten.',
  // Small page parts
  areaDataDateNotStated: 'nicht angegeben',
  areaDataDateLatest: 'jüngstes Datum',
  areaIndexFacilitiesNote:
    'Einrichtungen: verschiedene Einträge des Einrichtungsverzeichnisses in den Gebieten der Ebene.',
  areaLayerSummary: (p: { n: string; total: string }) =>
    `${p.n} Gebiete; zusammen ${p.total} Einträge des Einrichtungsverzeichnisses darin (eine Einrichtung in zwei sich überlappenden Gebieten zählt zweimal).`,
  areaLayerMapCaption: (p: { city: string }) =>
    `Dunkelblau: die Gebiete; grau: ${p.city}. Die Tabelle unten nennt jedes Gebiet.`,
  directoryAreaUnitPage: (p: { name: string }) => `Gebietsseite ${p.name}`,
  directoryTypeByArea: (p: { n: string; levels: string }) =>
    `Die ${p.n} Einträge stehen nach ${p.levels} getrennt auf deren Verzeichnisseiten:`,
  facilityAreaMapSummary: (p: { n: string; name: string; children: string }) =>
    `${p.n} Einrichtungen in ${p.name}, jede als Zeichen an ihrem Ort: Form und Farbe geben die Schutzbedürftigkeit an (Legende). ${p.children}`,
  facilityAreaMapChildren: (p: { level: string }) =>
    `Jede Fläche ist ein Link zur Liste ihres Gebiets; die Tabelle nennt die Zahlen je ${p.level} und Art.`,
  homePageChoose: (p: { level: string }) => `Wählen Sie einen ${p.level} oder suchen Sie in der Liste aller Gebiete.`,
  homePageAllAreas: 'Alle Gebiete von A bis Z',
  radiusPageSummary:
    'Wählen Sie einen Mittelpunkt (Einrichtung, Gebiet, Klick in die Karte oder Koordinaten) und einen Umkreis: die Seite listet alle Einrichtungen darin mit Adresse, Telefon und Entfernung, nach Schutzbedürftigkeit (höchste zuerst), dann nach Entfernung – zum Drucken und Herunterladen.',
  radiusPageFacilityHint: 'Name eingeben und aus der Liste wählen.',
  sourcesListLink: 'Quelle',
  /** Shown on English pages only, above a text that has no English version. */
  textPageGermanOnly: 'Dieser Text liegt nur auf Deutsch vor.',
  unitAreasCovers: (p: { share: string }) => `bedeckt ${p.share} dieses Gebiets`,
  unitFacilitiesSummary: (p: { entries: string; name: string }) =>
    `Im Einrichtungsverzeichnis: ${p.entries} in ${p.name}.`,
  unitFacilitiesDirectoryPage: 'Verzeichnisseite',
};

export const en: typeof de = {
  // Layout (Base.astro)
  baseMadeWith: 'Made with Sozialatlas, free software. No cookies, no tracking, no third-party requests.',
  // Data notes page (DataPage.astro)
  dataPageAtlasJson: 'index of all areas, indicators and pages',
  dataPageValuesCsv: 'all values in long format with status',
  dataPageBoundaries: 'simplified boundaries of all levels (WGS84)',
  dataPageFacilities: 'the facility directory with sources and licences per entry (licence: see',
  dataPageIndicatorsHeading: 'Indicators',
  dataPageIndicatorsCaption: 'All indicators with definition, years and source',
  dataPageYears: 'Years',
  dataPageReportHeading: 'Data processing report',
  dataPageFixesHeading: 'Corrections to boundary files',
  dataPageNone: 'None.',
  dataPageExcludedHeading: 'Table rows left out',
  dataPageLine: 'line',
  dataPageAssumedHeading: 'Missing table rows with an assumed value',
  dataPageAssumedZero: 'assumed 0',
  dataPageAssumedAs: (p: { status: string }) => `assumed: ${p.status}`,
  dataPageValues: 'values',
  dataPageChecksHeading: 'Computed and published values compared',
  dataPageChecksLede:
    'Values of higher levels are computed from the counts of the finest level and compared with the published tables.',
  dataPageChecksCaption: 'Comparison per indicator and year',
  dataPageCompared: 'compared',
  dataPageDiffering: 'differing',
  dataPageLargestDiff: 'largest difference',
  // Shared by the unit, area and facility pages
  pagesIdLabel: 'ID',
  pagesLightBlue: (p: { name: string }) => `; light blue: ${p.name}`,
  // Unit page (UnitPage.astro)
  unitPageDescription: (p: { name: string; level: string; city: string }) =>
    `Social data for ${p.name}, ${p.level} in ${p.city}: key figures, time series, sources.`,
  unitPageIn: 'in',
  unitPageLocator: (p: { name: string; city: string }) =>
    `Location of ${p.name} (dark blue, black outline) in ${p.city}`,
  unitPageCsv: 'Data as CSV',
  unitPageComputedNote:
    'Where counts exist, values of higher levels are computed as the sum of numerators over the sum of denominators; notes on corrections of the raw data under',
  unitPageCsvFormat: 'comma-separated, decimal point',
  unitPageAtlasJson: 'Index of all areas and indicators (JSON)',
  unitPageAnchors: 'Single values have their own anchors, e.g.',
  // Area page (AreaPage.astro)
  areaPageNoUnit: 'no area of the atlas',
  areaPageLocator: (p: { name: string; city: string }) => `Dark blue, circled in black: ${p.name}; grey: ${p.city}.`,
  areaPageComputedSize: 'computed from the polygon',
  areaPageListNote: 'The list below names every facility.',
  areaPageNoUnits: 'The area touches no area of the atlas.',
  areaPageOverlapNote:
    'Computed from the boundaries (polygon intersection); overlaps below 1 % of the smaller polygon are treated as digitising noise and not listed.',
  areaPageAllAreas: (p: { layer: string }) => `All areas of ${p.layer}`,
  areaPageFacilitiesSource:
    'Facilities: this atlas’s facility directory; sources and licences are on each facility’s page.',
  // Facility directory (DirectoryIndex.astro)
  directoryIndexLede: (p: { directory: string; city: string; n: string }) =>
    `${p.directory}: social facilities in ${p.city}, ${p.n} entries, by type and by area.`,
  directoryIndexStaleBefore:
    'Every entry has its own page with address, contact, location and sources. Entries not confirmed for more than',
  directoryIndexStaleAfter: (p: { date: string; stale: string; n: string; total: string }) =>
    `days before the reference date (${p.date}) are marked “${p.stale}”: ${p.n} of ${p.total}.`,
  directoryIndexSearchNote: '(by name, operator, address; with filters)',
  directoryIndexRadiusNote: '(printable list with contacts, by vulnerability)',
  directoryIndexCsv: 'all entries as a table (UTF-8, comma-separated), with sources and licences per entry',
  directoryIndexGeojson: 'all entries as points (WGS84) for GIS and maps',
  directoryIndexEditHeading: 'Adding or changing entries',
  directoryIndexEditText:
    'Every entry is a text file in the atlas repository (content/facilities/<id>.md). Facilities and operators can change their entry by pull request, or add one from the template content/facilities/_template.md.txt; the editors review every change.',
  // Facility page (FacilityPage.astro)
  facilityPageLocator: (p: { name: string; top: string }) => `Dot: ${p.name}; grey: ${p.top}`,
  facilityPageEast: 'E',
  facilityPageSelfEntered: 'Entered by the facility itself.',
  facilityPageEditBefore: 'To change this entry, the facility (or its operator) can edit the file',
  facilityPageEditAfter: 'by pull request.',
  // Freshness of the facility directory, on the data page (FreshnessReport.astro)
  freshnessSummary: (p: { date: string; stale: string; days: string; n: string; total: string }) =>
    `Reference date ${p.date} (the build's date); an entry counts as “${p.stale}” when it was last confirmed more than ${p.days} days before: ${p.n} of ${p.total} entries.`,
  freshnessCaption: 'Entries by date of last confirmation',
  freshnessEntries: 'Entries',
  freshnessStaleList: 'Entries not confirmed recently, oldest first, with their file:',
  freshnessFirstListed: (p: { n: string }) => ` the first ${p.n}; all are in facilities.csv (column stale).`,
  // Facility map (FacilityMapPage.astro); English writes the level's label in lower case inside a sentence
  facilityMapSummary: (p: { n: string; city: string; bubbleLevel: string; areaLevel: string }) =>
    `${p.n} facilities in ${p.city}. The circles show their number per ${p.bubbleLevel.toLowerCase()} (area by count, large circles with the number); each ${p.areaLevel.toLowerCase()} leads to its own map with every facility drawn. The table below gives all figures.`,
  facilityMapLegend: (p: { level: string }) => `facilities per ${p.level.toLowerCase()}`,
  facilityMapTableHeading: (p: { level: string }) => `Facilities by ${p.level.toLowerCase()} and type`,
  facilityMapTypesNote: 'A facility of several types counts for each of its types.',
  // Small page parts
  areaDataDateNotStated: 'not stated',
  areaDataDateLatest: 'latest date',
  areaIndexFacilitiesNote: 'Facilities: distinct entries of the facility directory in the areas of the layer.',
  areaLayerSummary: (p: { n: string; total: string }) =>
    `${p.n} areas; together ${p.total} entries of the facility directory inside (a facility in two overlapping areas counts twice).`,
  areaLayerMapCaption: (p: { city: string }) =>
    `Dark blue: the areas; grey: ${p.city}. The table below names every area.`,
  directoryAreaUnitPage: (p: { name: string }) => `Area page ${p.name}`,
  directoryTypeByArea: (p: { n: string; levels: string }) =>
    `The ${p.n} entries are listed by ${p.levels} on their directory pages:`,
  facilityAreaMapSummary: (p: { n: string; name: string; children: string }) =>
    `${p.n} facilities in ${p.name}, each drawn as a symbol where it is: shape and colour show the vulnerability (legend). ${p.children}`,
  facilityAreaMapChildren: (p: { level: string }) =>
    `Each area links to its list; the table gives the figures per ${p.level.toLowerCase()} and type.`,
  homePageChoose: (p: { level: string }) => `Choose a ${p.level} or look up the list of all areas.`,
  homePageAllAreas: 'All areas from A to Z',
  radiusPageSummary:
    'Choose a centre (a facility, an area, a click on the map or coordinates) and a radius: the page lists every facility within it with address, phone and distance, by vulnerability (highest first), then by distance – for printing and download.',
  radiusPageFacilityHint: 'Type a name and pick it from the list.',
  sourcesListLink: 'Source',
  textPageGermanOnly: 'This text is available in German only.',
  unitAreasCovers: (p: { share: string }) => `covers ${p.share} of this area`,
  unitFacilitiesSummary: (p: { entries: string; name: string }) =>
    `In the facility directory: ${p.entries} in ${p.name}.`,
  unitFacilitiesDirectoryPage: 'directory page',
};
