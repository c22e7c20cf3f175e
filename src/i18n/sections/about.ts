/**
 * Messages of the editorial page "Über den Atlas" (`/ueber/`, issue 14): its title, the labels of its facts and
 * links. The page's prose is editorial content in `src/editorial/ueber.<lang>.mdx`, not catalogue text.
 */
export const de = {
  aboutTitle: 'Über den Atlas',
  aboutDescription: (p: { atlas: string }) =>
    `Was ${p.atlas} ist, für wen, woher die Daten kommen, wie man zitiert und herunterlädt, Datenschutz und Quellcode.`,
  aboutFactsLabel: 'Der Atlas in Zahlen',
  aboutFactUnits: 'Gebiete',
  aboutFactUnitsValue: (p: { n: string; levels: string }) => `${p.n}: ${p.levels}`,
  aboutFactIndicators: 'Merkmale',
  aboutFactFacilities: 'Einrichtungen',
  aboutFactSchemes: 'Gebietsstände',
  aboutSchemeValue: (p: { label: string; validity: string }) => `${p.label} (${p.validity})`,
  aboutFactBreaks: 'Erklärte Brüche in Zeitreihen',
  aboutFactDataDate: 'Datenstand',
  aboutLinkData: 'Datenhinweise und Quellen',
  aboutLinkSources: 'Quellen und Lizenzen',
  aboutLinkBreaks: 'Liste der Brüche',
  aboutLinkOpenData: 'Offene Daten: alle Downloads',
  aboutLinkIndicators: 'Alle Merkmale als Karte und Rangfolge',
  aboutLinkUnits: 'Alle Gebiete von A bis Z',
  aboutLinkMethods: 'Methoden der Indizes',
  aboutLinkFacilities: 'Verzeichnis der Einrichtungen',
  aboutLinkPrivacy: 'Datenschutzerklärung',
  aboutLinkAccessibility: 'Erklärung zur Barrierefreiheit',
  aboutLinkReleases: 'Was ist neu',
  aboutLinkRepository: 'Repository dieses Atlas',
};

export const en: typeof de = {
  aboutTitle: 'About the atlas',
  aboutDescription: (p: { atlas: string }) =>
    `What ${p.atlas} is, for whom, where the data come from, how to cite and download, privacy and source code.`,
  aboutFactsLabel: 'The atlas in figures',
  aboutFactUnits: 'Areas',
  aboutFactUnitsValue: (p: { n: string; levels: string }) => `${p.n}: ${p.levels}`,
  aboutFactIndicators: 'Indicators',
  aboutFactFacilities: 'Facilities',
  aboutFactSchemes: 'Boundary schemes',
  aboutSchemeValue: (p: { label: string; validity: string }) => `${p.label} (${p.validity})`,
  aboutFactBreaks: 'Declared breaks in series',
  aboutFactDataDate: 'Data as of',
  aboutLinkData: 'Data notes and sources',
  aboutLinkSources: 'Sources and licences',
  aboutLinkBreaks: 'List of breaks',
  aboutLinkOpenData: 'Open data: every download',
  aboutLinkIndicators: 'Every indicator as a map and a ranking',
  aboutLinkUnits: 'Every area from A to Z',
  aboutLinkMethods: 'Methods of the indices',
  aboutLinkFacilities: 'facility directory',
  aboutLinkPrivacy: 'Privacy notice',
  aboutLinkAccessibility: 'Accessibility statement',
  aboutLinkReleases: "What's new",
  aboutLinkRepository: 'repository of this atlas',
};
