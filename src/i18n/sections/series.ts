/**
 * Messages of key figures, series (charts, tables, summary sentences), series breaks and reference dates
 * (Stichtage): KeyFigures.astro, SeriesSection.astro, BreaksList.astro and the models behind them
 * (src/lib/pages/unitPage.ts, src/lib/indicators/describe.ts, src/lib/pages/breakList.ts).
 * Values come in formatted (src/lib/format.ts); a message never formats.
 */
export const de = {
  // Reference dates
  seriesAsOf: (p: { date: string }) => `Stand ${p.date}`,
  seriesEdition: (p: { year: string }) => `Ausgabe ${p.year}`,
  seriesYearDate: 'Jahr (Stichtag)',
  seriesStichtag: 'Stichtag',
  seriesTimeAxis: 'Waagerecht: Stichtag der Werte (Abstände maßstabsgetreu).',
  // Where a value comes from
  seriesPublished: 'veröffentlicht',
  seriesComputedSum: 'Summe der Teilgebiete',
  seriesComputedRatio: 'aus Anzahlen berechnet',
  seriesNotPublished: 'nicht veröffentlicht',
  seriesNotPublishedFor: (p: { name: string }) => `Für ${p.name} nicht veröffentlicht.`,
  // Key figures
  keyFigCaption: (p: { unit: string; context: string; levels: string }) =>
    `Kennzahlen für ${p.unit}, jeweils neuester Stand, mit den Werten für ${p.context}, Rang innerhalb der Ebene (${p.levels}) und Veränderung.`,
  keyFigDate: 'Stand',
  keyFigComparison: 'Vergleich',
  keyFigNote:
    'Werte höherer Ebenen: „veröffentlicht“ wie von der Quelle angegeben, sonst aus den Teilgebieten berechnet; „nicht veröffentlicht“: die Quelle nennt für dieses Gebiet keinen Wert des Merkmals. Eine Veränderung wird nie über einen Bruch der Zeitreihe hinweg berechnet. „–“ steht für: kein früherer Wert oder nicht sinnvoll.',
  keyFigSince: (p: { change: string; from: string }) => `${p.change} seit ${p.from}`,
  keyFigSourceChange: (p: { change: string; from: string; to: string }) =>
    `${p.change} vom ${p.from} bis ${p.to} (von der Quelle vergleichbar berechnet)`,
  keyFigNotComparable: (p: { reason: string }) => `nicht vergleichbar (${p.reason})`,
  keyFigRank: (p: { rank: string; of: string }) => `${p.rank} von ${p.of}`,
  // Break kinds, as in "nicht vergleichbar (Methodenwechsel 2019)"
  break_definition: (p: { year: string }) => `Definitionsänderung ${p.year}`,
  break_method: (p: { year: string }) => `Methodenwechsel ${p.year}`,
  break_boundary: (p: { year: string }) => `Gebietsänderung ${p.year}`,
  break_source: (p: { year: string }) => `Quellenwechsel ${p.year}`,
  breakShort_definition: 'Definition',
  breakShort_method: 'Methode',
  breakShort_boundary: 'Gebiet',
  breakShort_source: 'Quelle',
  breakLabel: 'Bruch',
  breakAfterShort: 'nach Bruch',
  breakBefore: (p: { reason: string }) =>
    `Bruch der Zeitreihe (${p.reason}): nicht vergleichbar mit den Zeilen darüber`,
  breakNote: (p: { reason: string; text: string }) => `Bruch der Zeitreihe – ${p.reason}: ${p.text}`,
  breakNoteOf: (p: { reason: string; text: string; name: string }) =>
    `Bruch der Zeitreihe von ${p.name} – ${p.reason}: ${p.text}`,
  breakUnitHeading: 'Brüche in den Zeitreihen dieses Gebiets',
  breakUnitLede: 'Für dieses Gebiet gilt:',
  // Series
  seriesChartLabel: (p: { label: string; names: string; from: string; to: string }) =>
    `${p.label}: ${p.names}, ${p.from}–${p.to}`,
  seriesAnd: 'und',
  seriesTableCaption: (p: { label: string }) => `Datentabelle: ${p.label}`,
  seriesLegendUnit: 'durchgezogene Linie mit Punkten',
  seriesLegendParent: 'gestrichelt mit Quadraten',
  seriesLegendGrand: 'gepunktet mit Dreiecken',
  seriesLegendCity: 'strichpunktiert mit Rauten',
  seriesLegendHeading: 'Linien',
  seriesGapNote: 'Lücken in einer Linie: Jahre ohne Wert oder Brüche der Zeitreihe.',
  seriesMatrixHeading: (p: { topic: string }) => `${p.topic}: Werte nach Jahr`,
  seriesMatrixCaption: (p: { topic: string; unit: string }) =>
    `${p.topic} in ${p.unit}; eine Zeile je Merkmal, eine Spalte je Jahr (mit Stichtag).`,
  seriesOtherTopic: 'Weitere Merkmale',
  // Summary sentences
  seriesNoValues: (p: { label: string; unit: string }) => `${p.label}: für ${p.unit} liegen keine Werte vor.`,
  seriesLatest: (p: { label: string; unit: string; when: string; value: string; context: string }) =>
    `${p.label} in ${p.unit} ${p.when}: ${p.value}${p.context}`,
  seriesEarlier: (p: { when: string; value: string }) => `; ${p.when} waren es ${p.value}`,
  seriesWhen: (p: { year: string; date: string }) => `${p.year} (Stand ${p.date})`,
  seriesNotComparable: (p: { reason: string; text: string }) =>
    ` Frühere Werte sind nicht vergleichbar – ${p.reason}: ${p.text}.`,
  // Citation
  seriesCitationDates: (p: { dates: string }) => `Stand der Werte: ${p.dates}`,
  seriesCitationNoDate: 'Stichtag nicht angegeben',
  // List of all breaks (/daten/)
  breakListHeading: 'Brüche in Zeitreihen',
  breakListLede:
    'Ab dem genannten Jahr sind die Werte nicht mit früheren vergleichbar. Der Atlas berechnet über einen Bruch hinweg keine Veränderung, unterbricht dort die Linien der Diagramme und nennt den Bruch in Tabellen, Sätzen und Downloads.',
  breakListNone: 'Für diesen Atlas sind keine Brüche angegeben.',
  breakListCaption: 'Alle Brüche mit Jahr, Art, betroffenen Merkmalen und Gebieten',
  breakListYear: 'ab Jahr',
  breakListKind: 'Art',
  breakListText: 'Was sich geändert hat',
  breakListIndicators: 'Merkmale',
  breakListScope: 'Gebiete',
  breakListAll: 'alle',
  breakListComparable: (p: { label: string }) => `vergleichbare Veränderung: ${p.label}`,
  breakKind_definition: 'Definition',
  breakKind_method: 'Berechnungsmethode',
  breakKind_boundary: 'Gebietszuschnitt',
  breakKind_source: 'Quelle',
};

/** English messages of the same section. */
export const en: typeof de = {
  seriesAsOf: (p) => `as of ${p.date}`,
  seriesEdition: (p) => `edition ${p.year}`,
  seriesYearDate: 'Year (reference date)',
  seriesStichtag: 'Reference date',
  seriesTimeAxis: 'Horizontal: reference date of the values (true to scale).',
  seriesPublished: 'published',
  seriesComputedSum: 'sum of sub-areas',
  seriesComputedRatio: 'computed from counts',
  seriesNotPublished: 'not published',
  seriesNotPublishedFor: (p) => `Not published for ${p.name}.`,
  keyFigCaption: (p) =>
    `Key figures for ${p.unit}, latest reference date each, with the values for ${p.context}, rank within the level (${p.levels}) and change.`,
  keyFigDate: 'As of',
  keyFigComparison: 'Comparison',
  keyFigNote:
    'Values of higher levels: "published" as given by the source, otherwise computed from the sub-areas; "not published": the source gives no value of the indicator for this area. A change is never computed across a break in the series. "–" means: no earlier value or not applicable.',
  keyFigSince: (p) => `${p.change} since ${p.from}`,
  keyFigSourceChange: (p) => `${p.change} from ${p.from} to ${p.to} (computed comparably by the source)`,
  keyFigNotComparable: (p) => `not comparable (${p.reason})`,
  keyFigRank: (p) => `${p.rank} of ${p.of}`,
  break_definition: (p) => `change of definition ${p.year}`,
  break_method: (p) => `change of method ${p.year}`,
  break_boundary: (p) => `boundary change ${p.year}`,
  break_source: (p) => `change of source ${p.year}`,
  breakShort_definition: 'definition',
  breakShort_method: 'method',
  breakShort_boundary: 'area',
  breakShort_source: 'source',
  breakLabel: 'Break',
  breakAfterShort: 'after a break',
  breakBefore: (p) => `Break in the series (${p.reason}): not comparable with the rows above`,
  breakNote: (p) => `Break in the series – ${p.reason}: ${p.text}`,
  breakNoteOf: (p) => `Break in the series of ${p.name} – ${p.reason}: ${p.text}`,
  breakUnitHeading: 'Breaks in the time series of this area',
  breakUnitLede: 'For this area:',
  seriesChartLabel: (p) => `${p.label}: ${p.names}, ${p.from}–${p.to}`,
  seriesAnd: 'and',
  seriesTableCaption: (p) => `Data table: ${p.label}`,
  seriesLegendUnit: 'solid line with dots',
  seriesLegendParent: 'dashed with squares',
  seriesLegendGrand: 'dotted with triangles',
  seriesLegendCity: 'dash-dotted with diamonds',
  seriesLegendHeading: 'Lines',
  seriesGapNote: 'Gaps in a line: years without a value or breaks in the series.',
  seriesMatrixHeading: (p) => `${p.topic}: values by year`,
  seriesMatrixCaption: (p) =>
    `${p.topic} in ${p.unit}; one row per indicator, one column per year (with reference date).`,
  seriesOtherTopic: 'Further indicators',
  seriesNoValues: (p) => `${p.label}: no values are available for ${p.unit}.`,
  seriesLatest: (p) => `${p.label} in ${p.unit} in ${p.when}: ${p.value}${p.context}`,
  seriesEarlier: (p) => `; in ${p.when} it was ${p.value}`,
  seriesWhen: (p) => `${p.year} (as of ${p.date})`,
  seriesNotComparable: (p) => ` Earlier values are not comparable – ${p.reason}: ${p.text}.`,
  seriesCitationDates: (p) => `Values as of: ${p.dates}`,
  seriesCitationNoDate: 'reference date not given',
  breakListHeading: 'Breaks in time series',
  breakListLede:
    'From the year given on, values are not comparable with earlier ones. The atlas computes no change across a break, interrupts the lines of its charts there and names the break in tables, sentences and downloads.',
  breakListNone: 'No breaks are declared for this atlas.',
  breakListCaption: 'All breaks with year, kind, indicators and areas concerned',
  breakListYear: 'from year',
  breakListKind: 'Kind',
  breakListText: 'What changed',
  breakListIndicators: 'Indicators',
  breakListScope: 'Areas',
  breakListAll: 'all',
  breakListComparable: (p) => `comparable change: ${p.label}`,
  breakKind_definition: 'definition',
  breakKind_method: 'method of computation',
  breakKind_boundary: 'boundaries',
  breakKind_source: 'source',
};
