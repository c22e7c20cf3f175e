/**
 * Messages of the composite indices' method pages (`/methoden/`, `/methoden/<index>/`), built by
 * src/lib/pages/indexMethod.ts. Numbers come in formatted; counts come with their unit name ("434 Planungsräume").
 */
export const de = {
  indexMethods: 'Methoden der Indizes',
  indexMethodsLede:
    'Wie der Atlas zusammengesetzte Indizes aus veröffentlichten Merkmalen berechnet, und wie weit seine Einstufung mit der veröffentlichten übereinstimmt.',
  indexMethodsLink: 'Methoden der Indizes: wie der Atlas Indizes nachrechnet und wie gut sie übereinstimmen',
  indexColumnIndex: 'Index',
  indexColumnLevel: 'Ebene',
  indexColumnEditions: 'Ausgaben',
  indexColumnAgreement: 'Übereinstimmung mit der veröffentlichten Einstufung',
  indexNoComparison: 'kein Abgleich',
  indexPairOf: (p: { a: string; b: string }) => `Kombination aus ${p.a} und ${p.b}`,
  // Method page: sections
  indexSectionMethod: 'Methode',
  indexSectionComponents: 'Bestandteile',
  indexSectionInputs: 'Eingangsmerkmale je Ausgabe',
  indexSectionClasses: 'Klassen',
  indexSectionResults: 'Ergebnis und Abgleich je Ausgabe',
  indexSectionDistribution: 'Verteilung auf die Klassen',
  indexSectionDisagreements: 'Abweichungen von der veröffentlichten Einstufung',
  indexSectionUnclassified: 'Nicht eingestufte Gebiete',
  indexSectionOutputs: 'Ergebnisse als Merkmale',
  indexSectionSource: 'Quelle der Eingangswerte',
  // Summary
  indexSummaryEditions: (p: { years: string; units: string }) =>
    `Nachgerechnet für die Ausgaben ${p.years}, standardisiert über die ${p.units}.`,
  indexSummaryPair: (p: { years: string }) => `Gebildet für die Ausgaben ${p.years}.`,
  indexSummaryAgreement: (p: { indicator: string; list: string }) =>
    `Gleiche Klasse wie in der veröffentlichten Einstufung „${p.indicator}“: ${p.list}.`,
  indexAgreement: (p: { equal: string; compared: string; share: string }) =>
    `${p.equal} von ${p.compared} (${p.share})`,
  indexShare: (p: { n: string }) => `${p.n}\u202f%`,
  // Method steps
  indexStepStandardise: (p: { units: string; sd: string }) =>
    `Jedes Eingangsmerkmal wird in jeder Ausgabe über alle ${p.units} standardisiert, für die jedes Eingangsmerkmal einen Wert hat: z = (Wert − Mittelwert) / Standardabweichung. Jedes Gebiet zählt einmal, ungewichtet (nicht nach Einwohnern); ${p.sd}.`,
  indexSdPopulation: 'die Standardabweichung ist die der Grundgesamtheit (geteilt durch n, nicht durch n − 1)',
  indexSdSample: 'die Standardabweichung ist die einer Stichprobe (geteilt durch n − 1)',
  indexStepInvert: (p: { list: string }) =>
    `Bei ${p.list} wird das Vorzeichen des z-Werts umgedreht, damit ein höherer Wert in dieselbe Richtung weist wie beim Index.`,
  indexStepMean: 'Die z-Werte eines Gebiets werden gemittelt; jedes Eingangsmerkmal zählt gleich.',
  indexStepWeighted:
    'Die z-Werte eines Gebiets werden gewichtet gemittelt (Summe aus Gewicht mal z-Wert, geteilt durch die Summe der Gewichte); die Gewichte stehen in der Tabelle der Eingangsmerkmale.',
  indexStepRestandardise:
    'Dieser Mittelwert wird noch einmal über dieselben Gebiete standardisiert. Der Index hat so in jeder Ausgabe den Mittelwert 0 und die Standardabweichung 1; er beschreibt die Lage eines Gebiets im Vergleich zu den anderen derselben Ausgabe, keine absolute Größe.',
  indexStepNoRestandardise: 'Dieser Mittelwert ist der Index-Wert; er wird nicht noch einmal standardisiert.',
  indexStepClasses: 'Nach seinem Index-Wert kommt jedes Gebiet in eine Klasse (Grenzen unter „Klassen“).',
  indexStepUnclassified: (p: { units: string }) =>
    `${p.units}, denen ein Eingangswert fehlt, werden nicht eingestuft und zählen auch bei Mittelwert und Standardabweichung nicht mit. Aus einem Teil der Eingangswerte wird nie eingestuft.`,
  indexStepVaries:
    'Nicht alle Ausgaben sind gleich eingestellt; die Tabelle der Eingangsmerkmale nennt die Einstellung jeder Ausgabe.',
  indexStepPair: (p: { a: string; b: string; na: string; nb: string; n: string }) =>
    `Jedes Gebiet erhält eine Klasse aus seiner Klasse im ${p.a} und seiner Klasse im ${p.b}: ${p.na} × ${p.nb} = ${p.n} Klassen.`,
  indexStepPairUnclassified: 'Ein Gebiet, das einer der beiden Indizes nicht einstuft, bleibt ohne Klasse.',
  // Inputs table
  indexColumnEdition: 'Ausgabe',
  indexColumnInputs: 'Eingangsmerkmale',
  indexColumnCombine: 'Zusammenfassung',
  indexColumnRestandardise: 'Erneut standardisiert',
  indexColumnThresholds: 'Klassengrenzen',
  indexCombineMean: 'Mittelwert',
  indexCombineWeighted: 'gewichteter Mittelwert',
  indexYes: 'ja',
  indexNo: 'nein',
  indexWeight: (p: { w: string }) => `Gewicht ${p.w}`,
  indexInverted: 'Vorzeichen umgedreht',
  indexInputsCaption: 'Eingangsmerkmale und Einstellungen je Ausgabe',
  // Classes
  indexColumnClass: 'Klasse',
  indexColumnCode: 'Code',
  indexColumnRange: 'Bereich des Index-Werts z',
  indexColumnRangeWords: 'in Worten',
  indexClassesCaption: (p: { years: string }) => `Klassen und Grenzen, Ausgaben ${p.years}`,
  indexRangeBelow: (p: { hi: string }) => `unter ${p.hi}`,
  indexRangeUpTo: (p: { hi: string }) => `bis ${p.hi}`,
  indexRangeAbove: (p: { lo: string }) => `über ${p.lo}`,
  indexRangeFrom: (p: { lo: string }) => `ab ${p.lo}`,
  indexRangeBetween: (p: { lo: string; loIncl: boolean; hi: string; hiIncl: boolean }) =>
    `${p.loIncl ? 'ab' : 'über'} ${p.lo} ${p.hiIncl ? 'bis' : 'bis unter'} ${p.hi}`,
  indexRule: (p: { list: string }) => `Ein Wert genau auf einer Grenze: ${p.list}.`,
  indexRuleItem: (p: { t: string; label: string }) => `${p.t} gehört zu „${p.label}“`,
  indexNearest: (p: { year: string; unit: string; z: string; t: string; d: string }) =>
    `${p.year}: am knappsten lag ${p.unit} mit z = ${p.z}, ${p.d} von der Grenze ${p.t} entfernt.`,
  indexNearestIntro: 'Wie knapp eine Einstufung ausfiel (größte Nähe eines Index-Werts zu einer Grenze je Ausgabe):',
  indexPairClassesCaption: 'Die Klassen der Kombination',
  // Results
  indexColumnClassified: 'eingestuft',
  indexColumnUnclassified: 'nicht eingestuft',
  indexColumnCompared: 'verglichen',
  indexColumnEqual: 'gleiche Klasse',
  indexResultsCaption: 'Eingestufte Gebiete und Übereinstimmung je Ausgabe',
  indexUniverseSame: (p: { year: string; units: string; indicator: string }) =>
    `${p.year}: standardisiert und eingestuft wurden ${p.units}, genau die, die „${p.indicator}“ einstuft.`,
  indexUniverseDiffers: (p: { year: string; units: string; computedOnly: string; publishedOnly: string }) =>
    `${p.year}: eingestuft wurden ${p.units}; davon ohne veröffentlichte Klasse: ${p.computedOnly}; mit veröffentlichter Klasse, aber ohne alle Eingangswerte: ${p.publishedOnly}.`,
  indexUniverseOnly: (p: { year: string; units: string }) =>
    `${p.year}: standardisiert und eingestuft wurden ${p.units} (alle mit vollständigen Eingangswerten).`,
  // Distribution
  indexDistributionCaption: 'Gebiete je Klasse und Ausgabe',
  indexDistributionCell: (p: { computed: string; published: string }) =>
    `${p.computed} (veröffentlicht: ${p.published})`,
  // Disagreements
  indexDisagreementsIntro: (p: { indicator: string }) =>
    `Jedes Gebiet, dessen berechnete Klasse nicht der veröffentlichten („${p.indicator}“) entspricht, mit beiden Werten.`,
  indexNoDisagreement: (p: { year: string; units: string }) =>
    `${p.year}: keine Abweichung; alle ${p.units} haben dieselbe Klasse wie veröffentlicht.`,
  indexDisagreementsCaption: (p: { year: string; n: string }) => `Ausgabe ${p.year}: ${p.n} Abweichungen`,
  indexColumnUnit: 'Gebiet',
  indexColumnZ: 'Index-Wert z (berechnet)',
  indexColumnComputed: 'berechnete Klasse',
  indexColumnPublished: 'veröffentlichte Klasse',
  indexComputedOnly: (p: { year: string; list: string }) =>
    `${p.year}, berechnet, aber nicht veröffentlicht eingestuft: ${p.list}.`,
  indexPublishedOnly: (p: { year: string; list: string }) =>
    `${p.year}, veröffentlicht eingestuft, aber ohne alle Eingangswerte: ${p.list}.`,
  // Unclassified
  indexUnclassifiedIntro:
    'Diese Gebiete haben in der Ausgabe nicht für jedes Eingangsmerkmal einen Wert; sie sind nicht eingestuft (auf den Gebietsseiten: ohne Angabe, mit dem Grund).',
  indexUnclassifiedSummary: (p: { year: string; units: string }) => `${p.year}: ${p.units} nicht eingestuft`,
  indexNoneUnclassified: (p: { year: string }) => `${p.year}: alle Gebiete eingestuft.`,
  indexLacking: (p: { indicator: string; status: string }) => `${p.indicator}: ${p.status}`,
  indexAbsent: 'kein Wert',
  // Outputs and source
  indexOutputsText:
    'Die Ergebnisse sind Merkmale wie alle anderen: auf den Gebietsseiten, in den Downloads (values.csv, je Gebiet CSV und JSON) und im Verzeichnis der Merkmale.',
  indexSourceText: (p: { source: string; attribution: string }) =>
    `${p.source}. ${p.attribution}. Die Einstufung auf dieser Seite rechnet der Atlas selbst nach; sie ist keine Veröffentlichung der Quelle.`,
  indexEditionNote: (p: { year: string; text: string }) => `${p.year}: ${p.text}`,
};

export const en: typeof de = {
  indexMethods: 'Index methods',
  indexMethodsLede:
    'How the atlas computes composite indices from published indicators, and how far its classification agrees with the published one.',
  indexMethodsLink: 'Index methods: how the atlas recomputes indices and how well they agree',
  indexColumnIndex: 'Index',
  indexColumnLevel: 'Level',
  indexColumnEditions: 'Editions',
  indexColumnAgreement: 'Agreement with the published classes',
  indexNoComparison: 'no comparison',
  indexPairOf: (p) => `Combination of ${p.a} and ${p.b}`,
  indexSectionMethod: 'Method',
  indexSectionComponents: 'Components',
  indexSectionInputs: 'Inputs per edition',
  indexSectionClasses: 'Classes',
  indexSectionResults: 'Result and comparison per edition',
  indexSectionDistribution: 'Units per class',
  indexSectionDisagreements: 'Differences from the published classes',
  indexSectionUnclassified: 'Units not classified',
  indexSectionOutputs: 'Results as indicators',
  indexSectionSource: 'Source of the inputs',
  indexSummaryEditions: (p) => `Recomputed for the editions ${p.years}, standardised over the ${p.units}.`,
  indexSummaryPair: (p) => `Formed for the editions ${p.years}.`,
  indexSummaryAgreement: (p) => `Same class as in the published classification "${p.indicator}": ${p.list}.`,
  indexAgreement: (p) => `${p.equal} of ${p.compared} (${p.share})`,
  indexShare: (p) => `${p.n}%`,
  indexStepStandardise: (p) =>
    `In every edition each input is standardised over all ${p.units} that have a value for every input: z = (value − mean) / standard deviation. Each unit counts once, unweighted (not by population); ${p.sd}.`,
  indexSdPopulation: 'the standard deviation is the population one (divided by n, not n − 1)',
  indexSdSample: 'the standard deviation is the sample one (divided by n − 1)',
  indexStepInvert: (p) =>
    `For ${p.list} the sign of the z-score is turned, so that a higher value points in the same direction as the index.`,
  indexStepMean: "A unit's z-scores are averaged; every input counts the same.",
  indexStepWeighted:
    "A unit's z-scores are averaged with weights (sum of weight times z-score, divided by the sum of the weights); the weights are in the table of inputs.",
  indexStepRestandardise:
    'This mean is standardised once more over the same units. The index thus has mean 0 and standard deviation 1 in every edition; it describes the position of a unit relative to the others of the same edition, not an absolute level.',
  indexStepNoRestandardise: 'This mean is the index value; it is not standardised again.',
  indexStepClasses: 'By its index value each unit is put into a class (limits under "Classes").',
  indexStepUnclassified: (p) =>
    `${p.units} lacking an input value are not classified and do not count towards mean and standard deviation either. No unit is ever classified from part of its inputs.`,
  indexStepVaries: 'Not all editions use the same settings; the table of inputs gives the settings of each edition.',
  indexStepPair: (p) =>
    `Each unit gets a class from its class in the ${p.a} and its class in the ${p.b}: ${p.na} × ${p.nb} = ${p.n} classes.`,
  indexStepPairUnclassified: 'A unit that either index leaves unclassified gets no class.',
  indexColumnEdition: 'Edition',
  indexColumnInputs: 'Inputs',
  indexColumnCombine: 'Combination',
  indexColumnRestandardise: 'Standardised again',
  indexColumnThresholds: 'Class limits',
  indexCombineMean: 'mean',
  indexCombineWeighted: 'weighted mean',
  indexYes: 'yes',
  indexNo: 'no',
  indexWeight: (p) => `weight ${p.w}`,
  indexInverted: 'sign turned',
  indexInputsCaption: 'Inputs and settings per edition',
  indexColumnClass: 'Class',
  indexColumnCode: 'Code',
  indexColumnRange: 'Range of the index value z',
  indexColumnRangeWords: 'in words',
  indexClassesCaption: (p) => `Classes and limits, editions ${p.years}`,
  indexRangeBelow: (p) => `below ${p.hi}`,
  indexRangeUpTo: (p) => `up to ${p.hi}`,
  indexRangeAbove: (p) => `above ${p.lo}`,
  indexRangeFrom: (p) => `${p.lo} and above`,
  indexRangeBetween: (p) => `${p.loIncl ? 'from' : 'above'} ${p.lo} ${p.hiIncl ? 'up to' : 'to below'} ${p.hi}`,
  indexRule: (p) => `A value exactly at a limit: ${p.list}.`,
  indexRuleItem: (p) => `${p.t} belongs to "${p.label}"`,
  indexNearest: (p) => `${p.year}: the closest was ${p.unit} with z = ${p.z}, ${p.d} from the limit ${p.t}.`,
  indexNearestIntro: 'How close a classification came (the index value nearest to a limit, per edition):',
  indexPairClassesCaption: 'The classes of the combination',
  indexColumnClassified: 'classified',
  indexColumnUnclassified: 'not classified',
  indexColumnCompared: 'compared',
  indexColumnEqual: 'same class',
  indexResultsCaption: 'Classified units and agreement per edition',
  indexUniverseSame: (p) =>
    `${p.year}: standardised and classified were ${p.units}, exactly those that "${p.indicator}" classifies.`,
  indexUniverseDiffers: (p) =>
    `${p.year}: classified were ${p.units}; of these without a published class: ${p.computedOnly}; with a published class but without every input: ${p.publishedOnly}.`,
  indexUniverseOnly: (p) => `${p.year}: standardised and classified were ${p.units} (all with every input).`,
  indexDistributionCaption: 'Units per class and edition',
  indexDistributionCell: (p) => `${p.computed} (published: ${p.published})`,
  indexDisagreementsIntro: (p) =>
    `Every unit whose computed class differs from the published one ("${p.indicator}"), with both values.`,
  indexNoDisagreement: (p) => `${p.year}: no difference; all ${p.units} have the same class as published.`,
  indexDisagreementsCaption: (p) => `Edition ${p.year}: ${p.n} differences`,
  indexColumnUnit: 'Unit',
  indexColumnZ: 'Index value z (computed)',
  indexColumnComputed: 'computed class',
  indexColumnPublished: 'published class',
  indexComputedOnly: (p) => `${p.year}, computed but not classified in the publication: ${p.list}.`,
  indexPublishedOnly: (p) => `${p.year}, classified in the publication but lacking an input: ${p.list}.`,
  indexUnclassifiedIntro:
    'These units lack a value for at least one input in the edition; they are not classified (on the unit pages: no value, with the reason).',
  indexUnclassifiedSummary: (p) => `${p.year}: ${p.units} not classified`,
  indexNoneUnclassified: (p) => `${p.year}: every unit classified.`,
  indexLacking: (p) => `${p.indicator}: ${p.status}`,
  indexAbsent: 'no value',
  indexOutputsText:
    'The results are indicators like all others: on the unit pages, in the downloads (values.csv, CSV and JSON per unit) and in the list of indicators.',
  indexSourceText: (p) =>
    `${p.source}. ${p.attribution}. The classification on this page is recomputed by the atlas; it is not a publication of the source.`,
  indexEditionNote: (p) => `${p.year}: ${p.text}`,
};
