/**
 * Indicator pages (`/merkmale/…`: src/lib/pages/indicatorPage.ts, indicatorOverview.ts, the home map in
 * homePage.ts, components IndicatorPage.astro, IndicatorOverview.astro, ChoroplethLegend.astro, RankTable.astro and
 * the sorting script src/client/sortTable.ts). Numbers come formatted by the caller.
 */
export const de = {
  // Overview
  indOverviewTitle: 'Merkmale',
  indOverviewLede: (p: { city: string }) =>
    `Jedes Merkmal als Karte aller Gebiete von ${p.city}, als Rangliste und als Verteilung, für jede Ebene und jedes Jahr mit Daten. Die Adresse ohne Jahr zeigt immer das jüngste Jahr.`,
  indOtherTopic: 'Weitere Merkmale',
  indLatestYear: (p: { year: string }) => `jüngstes Jahr (${p.year})`,
  indYears: 'Jahre',
  indTopics: 'Themen',
  indNoPages: 'Für dieses Merkmal gibt es keine Zahlen für einzelne Gebiete.',
  indOverviewSummary: (p: { indicators: string; pages: string }) =>
    `${p.indicators} Merkmale mit zusammen ${p.pages} Karten (je Ebene und Jahr).`,
  // One page
  indTitle: (p: { indicator: string; levels: string; year: string }) => `${p.indicator}: ${p.levels} ${p.year}`,
  indLatestTitle: (p: { indicator: string; levels: string }) => `${p.indicator}: ${p.levels}, jüngstes Jahr`,
  indDescription: (p: { indicator: string; levels: string; year: string; city: string }) =>
    `${p.indicator} ${p.year} für alle ${p.levels} in ${p.city}: Karte, Rangliste, Verteilung, Definition und Quelle.`,
  indLede: (p: { levels: string; n: string; year: string; city: string }) =>
    `Alle ${p.n} ${p.levels} in ${p.city}, ${p.year}.`,
  indLatestNote: (p: { year: string }) =>
    `Diese Adresse zeigt immer das jüngste Jahr mit Daten, zurzeit ${p.year}. Zum Zitieren den dauerhaften Link verwenden:`,
  indPermanentLink: (p: { year: string }) => `Dauerhafter Link auf ${p.year}`,
  indAllIndicators: 'Alle Merkmale',
  indMapHeading: 'Karte',
  indMapLabel: (p: { indicator: string; levels: string; year: string }) =>
    `Karte: ${p.indicator}, ${p.levels} ${p.year}`,
  indMapLinks: 'Jedes Gebiet ist ein Link zu seiner Seite.',
  indMapBorders1: (p: { levels: string }) => `Dicke dunkle Linien: Grenzen der ${p.levels}.`,
  indMapBorders2: (p: { thick: string; thin: string }) =>
    `Dicke dunkle Linien: Grenzen der ${p.thick}; dünne dunkle Linien: Grenzen der ${p.thin}.`,
  indSummaryAbove: (p: {
    indicator: string;
    year: string;
    above: string;
    n: string;
    levels: string;
    city: string;
    value: string;
  }) =>
    `${p.indicator} ${p.year}: In ${p.above} der ${p.n} ${p.levels} mit Zahl liegt der Wert über dem Wert für ${p.city} (${p.value}).`,
  indSummaryHighest: (p: { indicator: string; year: string; n: string; levels: string; name: string; value: string }) =>
    `${p.indicator} ${p.year}: Zahlen für ${p.n} ${p.levels}; höchster Wert in ${p.name} (${p.value}).`,
  indSummaryClasses: (p: { indicator: string; year: string; n: string; levels: string }) =>
    `${p.indicator} ${p.year}: ${p.n} ${p.levels} sind einer Klasse zugeordnet.`,
  indNoNumber: (p: { n: string; detail: string }) => `${p.n} ohne Zahl (${p.detail}).`,
  indRange: (p: { lo: string; hi: string }) => `${p.lo} bis unter ${p.hi}`,
  indRangeClosed: (p: { lo: string; hi: string }) => `${p.lo} bis ${p.hi}`,
  indUnitCount: (p: { n: string; one: boolean }) => (p.one ? '1 Gebiet' : `${p.n} Gebiete`),
  indMarkerLegend: 'Kreis: sehr kleines Gebiet, vergrößert markiert',
  indBinningQuantile:
    'Fünf Klassen mit etwa gleich vielen Gebieten (Quintile), gebildet aus den angezeigten, gerundeten Werten; gleiche Werte können Klassen zusammenlegen. Jede Klasse reicht von ihrer Untergrenze bis unter die nächste, die letzte bis einschließlich des höchsten Werts. Farben: ColorBrewer, für Farbfehlsichtige geeignet.',
  indBinningClasses:
    'Eine Farbe je Klasse, wie veröffentlicht, von der niedrigsten zur höchsten Stufe. Farben: ColorBrewer, für Farbfehlsichtige geeignet.',
  indHatchNote:
    'Schraffiert sind Gebiete ohne Zahl, mit einem eigenen Muster je Grund; sie gehören zu keiner Klasse und erscheinen nie in einer Farbe der Skala.',
  indDistHeading: 'Verteilung',
  indDistLabel: (p: { indicator: string; levels: string; year: string }) =>
    `Verteilung: ${p.indicator}, ${p.levels} ${p.year}`,
  indDistRange: (p: { n: string; levels: string; min: string; max: string; median: string }) =>
    `Die ${p.n} ${p.levels} mit Zahl reichen von ${p.min} bis ${p.max}; der Median liegt bei ${p.median}.`,
  indDistCity: (p: { city: string; value: string }) => `${p.city} insgesamt: ${p.value}.`,
  indDistParents: (p: { n: string; levels: string; min: string; max: string }) =>
    `Die ${p.n} ${p.levels} liegen zwischen ${p.min} und ${p.max}.`,
  indDistParentOne: (p: { levels: string; value: string }) =>
    `Von den ${p.levels} hat nur eines eine Zahl: ${p.value}.`,
  indDistCounts:
    'Anzahlen werden nicht mit der Stadt oder den übergeordneten Gebieten verglichen: deren Zahlen sind Summen über viele Gebiete.',
  indDistClasses: (p: { levels: string; counts: string }) => `Zahl der ${p.levels} je Klasse: ${p.counts}.`,
  indDistKeyBars: 'Balken: Zahl der Gebiete je Wertebereich.',
  indDistKeyCity: (p: { city: string }) => `Gestrichelte Linie: ${p.city} insgesamt.`,
  indDistKeyParents: (p: { levels: string }) => `Dreiecke unter der Achse: die ${p.levels}.`,
  indTableHeading: 'Rangliste',
  indTableCaption: (p: { indicator: string; levels: string; year: string }) =>
    `${p.indicator}: alle ${p.levels} ${p.year}`,
  indClass: 'Klasse',
  indRankNote_negative:
    'Rang 1 = höchster Wert; höhere Werte sind hier ungünstiger. Gleiche Werte teilen sich einen Rang (gerechnet mit den ungerundeten Werten).',
  indRankNote_positive:
    'Rang 1 = höchster Wert; höhere Werte sind hier günstiger. Gleiche Werte teilen sich einen Rang (gerechnet mit den ungerundeten Werten).',
  indRankNote_neutral:
    'Rang 1 = höchster Wert; höhere Werte sind hier weder günstiger noch ungünstiger. Gleiche Werte teilen sich einen Rang (gerechnet mit den ungerundeten Werten).',
  indClassOrder: 'Geordnet nach Klasse, die höchste Stufe zuerst; Klassen haben keinen Rang.',
  indUnranked: (p: { n: string; one: boolean }) =>
    p.one
      ? '1 Gebiet ohne Zahl steht am Ende der Liste, ohne Rang.'
      : `${p.n} Gebiete ohne Zahl stehen am Ende der Liste, ohne Rang.`,
  indUnrankedClasses: (p: { n: string; one: boolean }) =>
    p.one ? '1 Gebiet ohne Klasse steht am Ende der Liste.' : `${p.n} Gebiete ohne Klasse stehen am Ende der Liste.`,
  indNoRank: 'ohne Rang',
  indSortHint: 'Die Spaltenköpfe sortieren die Tabelle; Gebiete ohne Zahl bleiben am Ende.',
  indSortedAscending: 'Sortiert nach {column}, aufsteigend.',
  indSortedDescending: 'Sortiert nach {column}, absteigend.',
  indOtherYears: 'Jahre',
  indOtherLevels: 'Ebenen',
  indBreaks: 'Brüche in der Reihe',
  indBreak: (p: { year: string; text: string }) => `Ab ${p.year}: ${p.text}`,
  indBreakUnits: (p: { n: string }) => `(betrifft ${p.n} Gebiete dieser Ebene)`,
  indAbout: 'Über dieses Merkmal',
  indUnit: 'Einheit',
  indPolarity: 'Richtung',
  indPolarity_negative: 'Höhere Werte sind ungünstiger (Farben Gelb bis Dunkelrot).',
  indPolarity_positive: 'Höhere Werte sind günstiger (Farben Hell- bis Dunkelblau).',
  indPolarity_neutral: 'Höhere Werte sind weder günstiger noch ungünstiger (Farben Hell- bis Dunkelviolett).',
  indReferenceDate: 'Stichtag',
  indReferenceDateNone: (p: { year: string }) => `in der Konfiguration nicht angegeben (Datenjahr ${p.year})`,
  indSource: 'Quelle und Lizenz',
  // Home page map
  indScheme: 'Gebietsstand',
  indHomeMapOf: (p: { indicator: string; levels: string; year: string }) =>
    `Karte: ${p.indicator}, ${p.levels} ${p.year}`,
  indHomeOpenPage: 'Diese Karte mit Rangliste und Verteilung',
  indHomeOthers: 'Weitere Merkmale als Karte',
  indHomeAll: 'Alle Merkmale, Ebenen und Jahre',
};

export const en: typeof de = {
  indOverviewTitle: 'Indicators',
  indOverviewLede: (p) =>
    `Every indicator as a map of all areas of ${p.city}, as a ranking and as a distribution, for every level and every year with data. The address without a year always shows the latest year.`,
  indOtherTopic: 'Other indicators',
  indLatestYear: (p) => `latest year (${p.year})`,
  indYears: 'Years',
  indTopics: 'Topics',
  indNoPages: 'This indicator has no figures for single areas.',
  indOverviewSummary: (p) => `${p.indicators} indicators with ${p.pages} maps in all (one per level and year).`,
  indTitle: (p) => `${p.indicator}: ${p.levels} ${p.year}`,
  indLatestTitle: (p) => `${p.indicator}: ${p.levels}, latest year`,
  indDescription: (p) =>
    `${p.indicator} ${p.year} for all ${p.levels} of ${p.city}: map, ranking, distribution, definition and source.`,
  indLede: (p) => `All ${p.n} ${p.levels} of ${p.city}, ${p.year}.`,
  indLatestNote: (p) =>
    `This address always shows the latest year with data, currently ${p.year}. To cite, use the permanent link:`,
  indPermanentLink: (p) => `Permanent link to ${p.year}`,
  indAllIndicators: 'All indicators',
  indMapHeading: 'Map',
  indMapLabel: (p) => `Map: ${p.indicator}, ${p.levels} ${p.year}`,
  indMapLinks: 'Every area links to its page.',
  indMapBorders1: (p) => `Thick dark lines: borders of the ${p.levels}.`,
  indMapBorders2: (p) => `Thick dark lines: borders of the ${p.thick}; thin dark lines: borders of the ${p.thin}.`,
  indSummaryAbove: (p) =>
    `${p.indicator} ${p.year}: in ${p.above} of the ${p.n} ${p.levels} with a figure the value is above that of ${p.city} (${p.value}).`,
  indSummaryHighest: (p) =>
    `${p.indicator} ${p.year}: figures for ${p.n} ${p.levels}; highest value in ${p.name} (${p.value}).`,
  indSummaryClasses: (p) => `${p.indicator} ${p.year}: ${p.n} ${p.levels} are assigned to a class.`,
  indNoNumber: (p) => `${p.n} without a figure (${p.detail}).`,
  indRange: (p) => `${p.lo} to under ${p.hi}`,
  indRangeClosed: (p) => `${p.lo} to ${p.hi}`,
  indUnitCount: (p) => (p.one ? '1 area' : `${p.n} areas`),
  indMarkerLegend: 'Circle: very small area, marked larger',
  indBinningQuantile:
    'Five classes with about equally many areas (quintiles), made from the values as shown (rounded); equal values may merge classes. Each class runs from its lower bound to under the next one, the last one up to and including the highest value. Colours: ColorBrewer, safe for colour-vision deficiencies.',
  indBinningClasses:
    'One colour per class as published, from the lowest to the highest level. Colours: ColorBrewer, safe for colour-vision deficiencies.',
  indHatchNote:
    'Hatched areas have no figure, with a pattern of their own for each reason; they belong to no class and never show a colour of the scale.',
  indDistHeading: 'Distribution',
  indDistLabel: (p) => `Distribution: ${p.indicator}, ${p.levels} ${p.year}`,
  indDistRange: (p) =>
    `The ${p.n} ${p.levels} with a figure range from ${p.min} to ${p.max}; the median is ${p.median}.`,
  indDistCity: (p) => `${p.city} as a whole: ${p.value}.`,
  indDistParents: (p) => `The ${p.n} ${p.levels} lie between ${p.min} and ${p.max}.`,
  indDistParentOne: (p) => `Only one of the ${p.levels} has a figure: ${p.value}.`,
  indDistCounts: 'Counts are not compared with the city or the areas above: their figures are sums over many areas.',
  indDistClasses: (p) => `Number of ${p.levels} per class: ${p.counts}.`,
  indDistKeyBars: 'Bars: number of areas per range of values.',
  indDistKeyCity: (p) => `Dashed line: ${p.city} as a whole.`,
  indDistKeyParents: (p) => `Triangles below the axis: the ${p.levels}.`,
  indTableHeading: 'Ranking',
  indTableCaption: (p) => `${p.indicator}: all ${p.levels} ${p.year}`,
  indClass: 'Class',
  indRankNote_negative:
    'Rank 1 = highest value; here higher values are less favourable. Equal values share a rank (computed from the unrounded values).',
  indRankNote_positive:
    'Rank 1 = highest value; here higher values are more favourable. Equal values share a rank (computed from the unrounded values).',
  indRankNote_neutral:
    'Rank 1 = highest value; here higher values are neither more nor less favourable. Equal values share a rank (computed from the unrounded values).',
  indClassOrder: 'Ordered by class, the highest level first; classes have no rank.',
  indUnranked: (p) =>
    p.one
      ? '1 area without a figure is listed at the end, without a rank.'
      : `${p.n} areas without a figure are listed at the end, without a rank.`,
  indUnrankedClasses: (p) =>
    p.one ? '1 area without a class is listed at the end.' : `${p.n} areas without a class are listed at the end.`,
  indNoRank: 'no rank',
  indSortHint: 'The column headers sort the table; areas without a figure stay at the end.',
  indSortedAscending: 'Sorted by {column}, ascending.',
  indSortedDescending: 'Sorted by {column}, descending.',
  indOtherYears: 'Years',
  indOtherLevels: 'Levels',
  indBreaks: 'Breaks in the series',
  indBreak: (p) => `From ${p.year}: ${p.text}`,
  indBreakUnits: (p) => `(concerns ${p.n} areas of this level)`,
  indAbout: 'About this indicator',
  indUnit: 'Unit',
  indPolarity: 'Direction',
  indPolarity_negative: 'Higher values are less favourable (colours yellow to dark red).',
  indPolarity_positive: 'Higher values are more favourable (colours light to dark blue).',
  indPolarity_neutral: 'Higher values are neither more nor less favourable (colours light to dark purple).',
  indReferenceDate: 'Reference date',
  indReferenceDateNone: (p) => `not given in the configuration (data year ${p.year})`,
  indSource: 'Source and licence',
  indScheme: 'Boundaries',
  indHomeMapOf: (p) => `Map: ${p.indicator}, ${p.levels} ${p.year}`,
  indHomeOpenPage: 'This map with ranking and distribution',
  indHomeOthers: 'More indicators as maps',
  indHomeAll: 'All indicators, levels and years',
};
