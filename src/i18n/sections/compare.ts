/**
 * Messages of the compare page (src/components/ComparePage.astro, src/client/comparePage.ts, the models in
 * src/lib/pages/comparePage.ts and compareView.ts), of the "Zum Vergleich" links on unit pages (CompareLink.astro)
 * and of the sub-unit section of unit pages (UnitChildren.astro, src/lib/pages/unitChildren.ts). Numbers come
 * formatted by the caller.
 */
export const de = {
  // Compare page
  compareTitle: 'Gebiete vergleichen',
  compareLede:
    'Zwei bis vier Gebiete beliebiger Ebenen nebeneinander: die Kennzahlen in einer Tabelle und je Merkmal eine Grafik, jeweils mit den übergeordneten Gebieten und der ganzen Stadt. Die Auswahl steht in der Adresse dieser Seite: Wer die Adresse weitergibt, teilt denselben Vergleich.',
  compareNeedsScript:
    'Der Vergleich lädt die Daten der gewählten Gebiete im Browser und braucht dazu JavaScript, das hier nicht läuft. Dieselben Werte stehen ohne JavaScript auf der Seite jedes Gebiets (mit dem Wert der Stadt, Rang und Zeitreihen); alle Werte aller Gebiete gibt es in einer Tabelle zum Herunterladen.',
  compareNoJsUnits: 'Alle Gebiete von A bis Z, nach Ebene',
  compareNoJsValues: 'Alle Werte aller Gebiete als CSV-Tabelle',
  compareNoJsData: 'Daten und Quellen',
  comparePickerLegend: 'Gebiet hinzufügen',
  compareLevel: 'Ebene',
  compareAllLevels: 'Alle Ebenen',
  compareNameFilter: 'Name enthält',
  compareUnit: 'Gebiet',
  compareAdd: 'Hinzufügen',
  compareSelected: 'Ausgewählte Gebiete',
  compareNoneSelected: 'Noch kein Gebiet gewählt: Wählen Sie oben zwei bis vier Gebiete.',
  compareOneMore: 'Wählen Sie mindestens ein weiteres Gebiet für den Vergleich.',
  compareFull:
    'Vier Gebiete sind gewählt, mehr passen nicht nebeneinander. Entfernen Sie eines, um ein anderes hinzuzufügen.',
  compareNoMatch: 'Kein Gebiet passt zu diesem Namen.',
  compareLoading: 'Daten werden geladen …',
  compareShareLink: 'Link zu diesem Vergleich',
  compareKeyFigures: 'Kennzahlen im Vergleich',
  compareKeyCaption:
    'Je Merkmal das letzte Jahr, für das eines der ausgewählten Gebiete einen Wert hat; übergeordnete Gebiete und die Stadt zum Vergleich.',
  compareSeries: 'Zeitreihen im Vergleich',
  compareSeriesNote:
    'Je Merkmal eine Grafik mit allen ausgewählten Gebieten, ihren übergeordneten Gebieten und der Stadt, darunter die Werte als Tabelle. Anzahlen und Klassen stehen nur in der Tabelle (eine Anzahl sagt ohne die Größe des Gebiets wenig, eine Klasse ist keine Linie).',
  compareRoleParent: 'übergeordnet',
  compareRoleCity: 'ganze Stadt',
  compareLegendHeading: 'Linien in der Grafik',
  compareBreak: 'Bruch',
  compareValuesAsTable: 'Werte als Tabelle',
  compareSolid: 'durchgezogen',
  compareDashed: 'gestrichelt',
  compareDotted: 'gepunktet',
  compareCaptionSeries: (p: { label: string; first: string; last: string }) =>
    `${p.label}, ${p.first}–${p.last}; eine Zeile je Jahr, eine Spalte je Gebiet.`,
  compareChartTitle: (p: { label: string; names: string; first: string; last: string }) =>
    `${p.label}, ${p.first}–${p.last}: ${p.names}`,
  compareChoices: (p: { n: string }) => `${p.n} ${p.n === '1' ? 'Gebiet' : 'Gebiete'} zur Auswahl.`,
  compareSelectedCount: (p: { n: string }) => `${p.n} von höchstens 4 Gebieten gewählt.`,
  compareRemove: (p: { name: string }) => `${p.name} entfernen`,
  compareUnknownIds: (p: { ids: string }) => `Diese Kennungen aus der Adresse gibt es im Atlas nicht: ${p.ids}.`,
  compareTooMany: (p: { ids: string }) => `Höchstens vier Gebiete; nicht berücksichtigt: ${p.ids}.`,
  compareLoadFailed: (p: { names: string }) =>
    `Die Daten von ${p.names} konnten nicht geladen werden; bitte die Seite neu laden.`,
  compareAdded: (p: { name: string }) => `${p.name} hinzugefügt.`,
  compareRemoved: (p: { name: string }) => `${p.name} entfernt.`,
  compareUnitIn: (p: { level: string; parent: string }) => `${p.level} in ${p.parent}`,
  compareSentenceValues: (p: { label: string; year: string; values: string }) => `${p.label} ${p.year}: ${p.values}.`,
  compareSentenceRange: (p: { high: string; low: string }) =>
    `Unter den ausgewählten Gebieten hat ${p.high} den höchsten, ${p.low} den niedrigsten Wert.`,
  compareSentenceYears: (p: { first: string; last: string }) =>
    `Die Grafik zeigt ${p.first} bis ${p.last}; ein Jahr ohne Wert ist eine Lücke in der Linie.`,
  compareSentenceBreak: (p: { year: string; text: string }) =>
    `Ab ${p.year} nicht mit den Jahren davor vergleichbar (${p.text}); die Linien sind dort unterbrochen.`,
  compareSentenceNoChart: (p: { label: string }) =>
    `${p.label}: Für keines der Gebiete liegen zwei Jahre mit Werten vor; die Werte stehen in der Tabelle.`,
  compareLineKey: (p: { name: string; role: string; line: string; marker: string }) =>
    `${p.name} (${p.role}): ${p.line}, ${p.marker}`,
  compareMarker_circle: 'Kreis',
  compareMarker_square: 'Quadrat',
  compareMarker_triangle: 'Dreieck',
  compareMarker_diamond: 'Raute',
  compareMarker_cross: 'Kreuz',
  compareMarkerHollow: (p: { shape: string }) => `${p.shape}, nicht gefüllt`,
  // "Zum Vergleich" on unit pages
  compareLinkHeading: 'Zum Vergleich',
  compareWithOthers: (p: { name: string }) => `${p.name} mit anderen Gebieten vergleichen`,
  compareWithParent: (p: { name: string; parent: string }) => `${p.name} und ${p.parent} vergleichen`,
  compareWithSiblings: (p: { name: string; levelPlural: string; parent: string }) =>
    `${p.name} und die anderen ${p.levelPlural} in ${p.parent} vergleichen`,
  compareWithChildren: (p: { levelPlural: string; name: string }) => `Die ${p.levelPlural} in ${p.name} vergleichen`,
  // Sub-units on unit pages
  subUnitsHeading: (p: { name: string }) => `Teilgebiete von ${p.name}`,
  subUnitsCount: (p: { n: string; level: string }) => `${p.n} ${p.level}`,
  subUnitsIn: (p: { levelPlural: string; name: string; n: string }) => `${p.levelPlural} in ${p.name} (${p.n})`,
  subUnitsMapLabel: (p: { name: string; n: string; levelPlural: string }) =>
    `Karte von ${p.name} mit ${p.n} ${p.levelPlural}; jede ist ein Link zu ihrer Seite`,
  subUnitsMapKey: (p: { levelPlural: string }) =>
    `Zahlen auf der Karte: die Nummern der ${p.levelPlural} in der Liste; jede Fläche führt zur Seite des Gebiets.`,
  subUnitsMapKeyInner: (p: { levelPlural: string }) => `Dünne graue Linien: Grenzen der ${p.levelPlural}.`,
  subUnitsLinkLabel: (p: { no: string; name: string; level: string }) => `${p.no}: ${p.name} (${p.level})`,
};

export const en: typeof de = {
  compareTitle: 'Compare areas',
  compareLede:
    'Two to four areas of any level side by side: the key figures in one table and a chart per indicator, each with the areas they belong to and the whole city. The selection is part of this page’s address: sharing the address shares the same comparison.',
  compareNeedsScript:
    'The comparison loads the data of the chosen areas in the browser and needs JavaScript for that, which is not running here. Without JavaScript, every area’s own page shows the same values (with the city’s value, rank and time series), and all values of all areas can be downloaded as one table.',
  compareNoJsUnits: 'All areas from A to Z, by level',
  compareNoJsValues: 'All values of all areas as a CSV table',
  compareNoJsData: 'Data and sources',
  comparePickerLegend: 'Add an area',
  compareLevel: 'Level',
  compareAllLevels: 'All levels',
  compareNameFilter: 'Name contains',
  compareUnit: 'Area',
  compareAdd: 'Add',
  compareSelected: 'Chosen areas',
  compareNoneSelected: 'No area chosen yet: choose two to four areas above.',
  compareOneMore: 'Choose at least one more area to compare.',
  compareFull: 'Four areas are chosen, more do not fit side by side. Remove one to add another.',
  compareNoMatch: 'No area matches this name.',
  compareLoading: 'Loading data …',
  compareShareLink: 'Link to this comparison',
  compareKeyFigures: 'Key figures compared',
  compareKeyCaption:
    'For each indicator the latest year in which one of the chosen areas has a value; the areas they belong to and the city for comparison.',
  compareSeries: 'Time series compared',
  compareSeriesNote:
    'One chart per indicator with all chosen areas, the areas they belong to and the city, with the values as a table below. Counts and classes are shown in the table only (a count says little without the size of the area, a class is not a line).',
  compareRoleParent: 'contains the area',
  compareRoleCity: 'whole city',
  compareLegendHeading: 'Lines in the chart',
  compareBreak: 'Break',
  compareValuesAsTable: 'Values as a table',
  compareSolid: 'solid',
  compareDashed: 'dashed',
  compareDotted: 'dotted',
  compareCaptionSeries: (p) => `${p.label}, ${p.first}–${p.last}; one row per year, one column per area.`,
  compareChartTitle: (p) => `${p.label}, ${p.first}–${p.last}: ${p.names}`,
  compareChoices: (p) => `${p.n} ${p.n === '1' ? 'area' : 'areas'} to choose from.`,
  compareSelectedCount: (p) => `${p.n} of at most 4 areas chosen.`,
  compareRemove: (p) => `Remove ${p.name}`,
  compareUnknownIds: (p) => `These ids from the address do not exist in the atlas: ${p.ids}.`,
  compareTooMany: (p) => `At most four areas; left out: ${p.ids}.`,
  compareLoadFailed: (p) => `The data of ${p.names} could not be loaded; please reload the page.`,
  compareAdded: (p) => `${p.name} added.`,
  compareRemoved: (p) => `${p.name} removed.`,
  compareUnitIn: (p) => `${p.level} in ${p.parent}`,
  compareSentenceValues: (p) => `${p.label} in ${p.year}: ${p.values}.`,
  compareSentenceRange: (p) => `Among the chosen areas, ${p.high} has the highest value and ${p.low} the lowest.`,
  compareSentenceYears: (p) => `The chart shows ${p.first} to ${p.last}; a year without a value is a gap in the line.`,
  compareSentenceBreak: (p) =>
    `From ${p.year} on not comparable with the years before (${p.text}); the lines are interrupted there.`,
  compareSentenceNoChart: (p) => `${p.label}: none of the areas has values for two years; the values are in the table.`,
  compareLineKey: (p) => `${p.name} (${p.role}): ${p.line}, ${p.marker}`,
  compareMarker_circle: 'circle',
  compareMarker_square: 'square',
  compareMarker_triangle: 'triangle',
  compareMarker_diamond: 'diamond',
  compareMarker_cross: 'cross',
  compareMarkerHollow: (p) => `${p.shape}, not filled`,
  compareLinkHeading: 'Compare',
  compareWithOthers: (p) => `Compare ${p.name} with other areas`,
  compareWithParent: (p) => `Compare ${p.name} and ${p.parent}`,
  compareWithSiblings: (p) => `Compare ${p.name} and the other ${p.levelPlural.toLowerCase()} in ${p.parent}`,
  compareWithChildren: (p) => `Compare the ${p.levelPlural.toLowerCase()} in ${p.name}`,
  subUnitsHeading: (p) => `Areas within ${p.name}`,
  subUnitsCount: (p) => `${p.n} ${p.level.toLowerCase()}`,
  subUnitsIn: (p) => `${p.levelPlural} in ${p.name} (${p.n})`,
  subUnitsMapLabel: (p) => `Map of ${p.name} with ${p.n} ${p.levelPlural.toLowerCase()}; each is a link to its page`,
  subUnitsMapKey: (p) =>
    `Numbers on the map: the numbers of the ${p.levelPlural.toLowerCase()} in the list; each area links to its page.`,
  subUnitsMapKeyInner: (p) => `Thin grey lines: borders of the ${p.levelPlural.toLowerCase()}.`,
  subUnitsLinkLabel: (p) => `${p.no}: ${p.name} (${p.level})`,
};
