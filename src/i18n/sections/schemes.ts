/**
 * Messages of the boundary schemes (Gebietsstände: scheme, successors and predecessors on unit pages, scheme on maps)
 * and of the small-number protection (suppressed values in every output). German is the source language.
 */
export const de = {
  // Small-number protection (src/lib/indicators/suppress.ts): the text of a suppressed value, by reason.
  suppressedSource: 'geheim gehalten (von der Quelle)',
  suppressedMinCount: 'geheim gehalten (kleine Fallzahl)',
  suppressedSecondary: 'geheim gehalten (sonst ließe sich eine kleine Fallzahl errechnen)',
  suppressedNumerator: 'geheim gehalten (Zähler oder Nenner ist geschützt)',
  suppressedMinDenominator:
    'nicht aussagekräftig: zu wenige Einwohnerinnen und Einwohner für eine aussagekräftige Quote',
  statusKeyHeading: 'Zeichen in den Tabellen',
  statusKey: (p: { minCount: string }) =>
    `„.“ keine Angabe oder geheim gehalten (der Text sagt, was zutrifft und wer den Wert geheim hält: die Quelle oder dieser Atlas zum Schutz kleiner Zahlen, Anzahlen unter ${p.minCount} und Werte, aus denen sie sich errechnen ließen), „/“ nicht aussagekräftig (Quote aus zu kleinem Nenner, weder gezeigt noch in eine Rangfolge aufgenommen), „x“ nicht sinnvoll, „-“ nichts vorhanden (genau null). Zeichen nach DIN 55301.`,
  // Unit pages: the scheme of the unit, successors and predecessors (src/lib/pages/unitSchemes.ts).
  schemesHeading: 'Gebietsstand',
  schemeOfUnit: (p: { level: string; scheme: string; validity: string }) =>
    `${p.level}, Gebietsstand: ${p.scheme} (${p.validity}).`,
  schemeValidFrom: (p: { from: string }) => `gültig ab ${p.from}`,
  schemeValidFromUntil: (p: { from: string; until: string }) => `gültig vom ${p.from} bis ${p.until}`,
  schemeValidUntil: (p: { until: string }) => `gültig bis ${p.until}`,
  schemeShared: (p: { level: string; schemes: string }) =>
    `Die Grenzen dieses Gebiets (${p.level}) sind in allen Gebietsständen gleich (${p.schemes}); die Neugliederung ist für dieses Gebiet kein Bruch der Zeitreihen.`,
  schemeMarkShort: 'neuer Gebietsstand',
  schemeMark: (p: { scheme: string }) =>
    `Neugliederung (${p.scheme}): Gebiete unterhalb dieser Ebene neu geschnitten; die Grenzen dieses Gebiets blieben gleich.`,
  successorsIntro: (p: { year: string; scheme: string }) =>
    `Seit ${p.year} gehört dieses Gebiet zu folgenden Gebieten (${p.scheme}):`,
  predecessorsIntro: (p: { year: string; scheme: string }) =>
    `Bis ${p.year} gehörte dieses Gebiet zu folgenden Gebieten (${p.scheme}):`,
  successorsGroup: (p: { levels: string }) => `${p.levels}, mit dem Anteil der Fläche dieses Gebiets, der dort liegt`,
  predecessorsGroup: (p: { levels: string }) => `${p.levels}, mit dem Anteil ihrer Fläche, der in diesem Gebiet liegt`,
  basisCrosswalk: 'laut Zuordnungstabelle',
  basisGeometry: 'aus den Grenzen berechnet',
  linksNote:
    'Anteile nach Fläche, aus den Grenzdateien berechnet (Splitter unter 1 % nicht gezählt); sie sagen nichts darüber, wie sich die Einwohnerinnen und Einwohner verteilen. Werte verschiedener Gebietsstände sind nicht vergleichbar.',
  childGroup: (p: { levels: string; scheme: string }) => `${p.levels} (${p.scheme})`,
  areaComputed: (p: { area: string }) => `${p.area} km² (aus der Geometrie berechnet)`,
  // Maps: which scheme a map shows.
  schemeOnMap: (p: { scheme: string }) => `Gebietsstand: ${p.scheme}`,
  schemeAll: 'in allen Gebietsständen gleich',
  // Data page (/daten/): schemes, crosswalks, small-number protection (src/lib/pages/schemesReport.ts).
  reportSchemesHeading: 'Gebietsstände und Zuordnung',
  reportCrosswalk: (p: { file: string; entries: string; pairs: string; reversed: string }) =>
    `Zuordnungstabelle ${p.file}: ${p.entries} Einträge gelesen, daraus ${p.pairs} Zuordnungen (${p.reversed} Einträge in der Richtung neu → alt).`,
  reportCrosswalkSkipped: (p: { entries: string; length: string; reason: string }) =>
    `${p.entries} Einträge mit ${p.length}-stelliger Kennung ausgelassen: ${p.reason}`,
  reportLinks: (p: { links: string; crosswalk: string; geometry: string; from: string; to: string }) =>
    `${p.from} → ${p.to}: ${p.links} Verknüpfungen zwischen Gebieten, deren Flächen sich überschneiden; ${p.crosswalk} davon nennt die Zuordnungstabelle, ${p.geometry} sind nur aus den Grenzen berechnet (dort reicht die Tabelle nicht hin).`,
  reportUnconfirmed: (p: { n: string; list: string }) =>
    `${p.n} Einträge der Zuordnungstabelle werden von den Grenzen nicht bestätigt (keine Überschneidung) und nicht verwendet: ${p.list}.`,
  reportProtectionHeading: 'Schutz kleiner Zahlen',
  reportProtectionRule: (p: { minCount: string; minDenominator: string }) =>
    `Anzahlen von 1 bis unter ${p.minCount} werden geheim gehalten; damit sie sich nicht aus einer Summe errechnen lassen, wird in jeder Summe mit genau einem geheim gehaltenen Teil ein zweiter geheim gehalten (der kleinste), und Quoten mit geheim gehaltenem Zähler oder Nenner ebenso.${p.minDenominator ? ` Quoten aus weniger als ${p.minDenominator} im Nenner werden nicht gezeigt und nicht in Rangfolgen aufgenommen.` : ''}`,
  reportProtectionCounts: (p: { minCount: string; secondary: string; numerator: string; minDenominator: string }) =>
    `In diesem Atlas geheim gehalten: ${p.minCount} kleine Anzahlen, ${p.secondary} Werte zur Gegensperrung, ${p.numerator} Quoten mit geschütztem Zähler oder Nenner; ${p.minDenominator} Quoten wegen zu kleinen Nenners nicht gezeigt.`,
};

/** English: the same keys. */
export const en: typeof de = {
  suppressedSource: 'suppressed (by the source)',
  suppressedMinCount: 'suppressed (small count)',
  suppressedSecondary: 'suppressed (a small count could otherwise be worked out)',
  suppressedNumerator: 'suppressed (numerator or denominator is protected)',
  suppressedMinDenominator: 'not meaningful: too few inhabitants for a meaningful rate',
  statusKeyHeading: 'Symbols in the tables',
  statusKey: (p) =>
    `"." no value or suppressed (the text says which, and who suppressed it: the source, or this atlas protecting small numbers, counts below ${p.minCount} and values they could be worked out from), "/" not meaningful (a rate from too small a denominator, neither shown nor ranked), "x" not applicable, "-" nothing (exactly zero). Symbols as in DIN 55301.`,
  schemesHeading: 'Boundaries',
  schemeOfUnit: (p) => `${p.level}, boundary scheme: ${p.scheme} (${p.validity}).`,
  schemeValidFrom: (p) => `valid from ${p.from}`,
  schemeValidFromUntil: (p) => `valid from ${p.from} to ${p.until}`,
  schemeValidUntil: (p) => `valid until ${p.until}`,
  schemeShared: (p) =>
    `The boundaries of this area (${p.level}) are the same in every boundary scheme (${p.schemes}); the re-cut is no break in its series.`,
  schemeMarkShort: 'new boundary scheme',
  schemeMark: (p) =>
    `Re-cut (${p.scheme}): areas below this level were re-cut; the boundaries of this area stayed the same.`,
  successorsIntro: (p) => `Since ${p.year} this area belongs to the following areas (${p.scheme}):`,
  predecessorsIntro: (p) => `Until ${p.year} this area belonged to the following areas (${p.scheme}):`,
  successorsGroup: (p) => `${p.levels}, with the share of this area's surface lying there`,
  predecessorsGroup: (p) => `${p.levels}, with the share of their surface lying in this area`,
  basisCrosswalk: 'according to the crosswalk',
  basisGeometry: 'computed from the boundaries',
  linksNote:
    'Shares by area, computed from the boundary files (slivers below 1 % not counted); they say nothing about how the inhabitants are distributed. Values of different boundary schemes are not comparable.',
  childGroup: (p) => `${p.levels} (${p.scheme})`,
  areaComputed: (p) => `${p.area} km² (computed from the geometry)`,
  schemeOnMap: (p) => `Boundaries: ${p.scheme}`,
  schemeAll: 'the same in every boundary scheme',
  reportSchemesHeading: 'Boundary schemes and crosswalk',
  reportCrosswalk: (p) =>
    `Crosswalk ${p.file}: ${p.entries} entries read, giving ${p.pairs} pairs (${p.reversed} entries in the direction new → old).`,
  reportCrosswalkSkipped: (p) => `${p.entries} entries with ${p.length}-character ids left out: ${p.reason}`,
  reportLinks: (p) =>
    `${p.from} → ${p.to}: ${p.links} links between areas whose surfaces overlap; ${p.crosswalk} of them named by the crosswalk, ${p.geometry} computed from the boundaries only (where the crosswalk does not reach).`,
  reportUnconfirmed: (p) =>
    `${p.n} crosswalk entries are not confirmed by the boundaries (no overlap) and are not used: ${p.list}.`,
  reportProtectionHeading: 'Protection of small numbers',
  reportProtectionRule: (p) =>
    `Counts from 1 to below ${p.minCount} are suppressed; so that they cannot be worked out from a total, every total with exactly one suppressed part gets a second one suppressed (the smallest), and rates with a suppressed numerator or denominator are suppressed too.${p.minDenominator ? ` Rates with a denominator below ${p.minDenominator} are neither shown nor ranked.` : ''}`,
  reportProtectionCounts: (p) =>
    `Suppressed in this atlas: ${p.minCount} small counts, ${p.secondary} values as complements, ${p.numerator} rates with a protected numerator or denominator; ${p.minDenominator} rates not shown because of a too small denominator.`,
};
