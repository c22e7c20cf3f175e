/**
 * Messages of the search: the place finder in every page's header (and on the home page), the directory search page
 * (`/einrichtungen/suche/`) and the list of all areas (`/alle-gebiete/`). The browser scripts import this section
 * directly (not the whole catalogue), so they bundle only these texts. Numbers arrive formatted.
 */
export const de = {
  // Place finder (src/components/PlaceFinder.astro, src/client/placeFinder.ts)
  finderLabel: 'Gebiet oder Einrichtung suchen',
  finderLabelUnits: 'Gebiet suchen',
  finderPlaceholder: 'z. B. Reuterkiez, Kita Neukölln',
  finderPlaceholderUnits: 'z. B. Reuterkiez',
  finderSubmit: 'Suchen',
  finderHint:
    'Vorschläge erscheinen beim Tippen. Mit Pfeil nach unten und oben wählen, mit Eingabe öffnen, mit Escape schließen.',
  finderListLabel: 'Vorschläge',
  finderTooShort: 'Bitte mindestens 2 Zeichen eingeben.',
  finderLoading: 'Suche wird geladen …',
  finderFailed:
    'Die Suche konnte nicht geladen werden. Bitte später erneut versuchen oder die Liste aller Gebiete nutzen.',
  finderNone: 'Keine Treffer.',
  finderFacilitiesPending: 'Einrichtungen werden noch gesucht.',
  finderFound: (p: { units: number; unitsText: string; facilities: number; facilitiesText: string }) =>
    `${[
      p.units > 0 ? `${p.unitsText} ${p.units === 1 ? 'Gebiet' : 'Gebiete'}` : '',
      p.facilities > 0 ? `${p.facilitiesText} ${p.facilities === 1 ? 'Einrichtung' : 'Einrichtungen'}` : '',
    ]
      .filter((x) => x !== '')
      .join(' und ')} gefunden.`,
  finderShown: (p: { n: string }) => `Die ersten ${p.n} werden vorgeschlagen.`,
  finderUnitDetail: (p: { level: string; parents: string }) => (p.parents ? `${p.level} in ${p.parents}` : p.level),
  finderAllFacilities: (p: { n: string; one: boolean }) =>
    p.one ? 'Den Eintrag in der Einrichtungssuche zeigen' : `Alle ${p.n} Einrichtungen in der Einrichtungssuche`,
  finderAllUnits: 'Alle Gebiete von A bis Z',
  // Directory search page (src/components/DirectorySearch.astro, src/client/directorySearch.ts)
  searchTitle: 'Einrichtungen suchen',
  searchLede:
    'Suche nach Name, Träger, Adresse, Art und Gebiet, auch nach Wortanfängen („Regenb“ findet „Regenbogen“, „Pflege Neukölln“ die Pflegeeinrichtungen in Neukölln). Groß- und Kleinschreibung und Umlaute sind egal.',
  searchNeedsScript:
    'Die Suche braucht JavaScript, das in diesem Browser nicht läuft (oder noch lädt). Alle Einträge stehen auch ohne JavaScript in vollständigen Listen:',
  searchListsByType: 'Listen nach Art',
  searchListsByArea: 'Listen nach Gebiet',
  searchQuery: 'Suchbegriff',
  searchQueryHint: 'Name, Träger, Straße, Postleitzahl, Art oder Gebiet',
  searchFilters: 'Filter',
  searchAny: 'alle',
  searchTargetGroup: 'Zielgruppe',
  searchLanguage: 'Sprache',
  searchWheelchair: 'Rollstuhl',
  searchWheelchairYes: 'rollstuhlgerecht',
  searchWheelchairPartly: 'rollstuhlgerecht oder teilweise',
  searchSubmit: 'Suchen',
  searchReset: 'Neue Suche',
  searchLoading: 'Suchindex wird geladen …',
  searchFailed:
    'Der Suchindex konnte nicht geladen werden. Bitte später erneut versuchen oder die Listen nach Art und Gebiet nutzen.',
  searchPrompt: 'Suchbegriff eingeben oder Filter wählen.',
  searchNone: 'Keine Einträge gefunden.',
  searchMore: 'Weitere Einträge zeigen',
  searchResults: 'Ergebnisse',
  searchFound: (p: { n: string; one: boolean; shown?: string | undefined }) =>
    `${p.n} ${p.one ? 'Eintrag' : 'Einträge'} gefunden${p.shown === undefined ? '.' : `, die ersten ${p.shown} werden gezeigt.`}`,
  searchReading: (p: { types: string; areas: string }) =>
    `Gelesen als ${[p.types ? `Art: ${p.types}` : '', p.areas ? `Gebiet: ${p.areas}` : ''].filter((x) => x).join('; ')}.`,
  // List of all areas (src/components/UnitsIndex.astro)
  unitsIndexTitle: 'Alle Gebiete von A bis Z',
  unitsIndexLede: (p: { n: string; levels: string; top: string }) =>
    `Alle ${p.n} Gebiete des Atlas (${p.levels}), nach ${p.top} geordnet und von A bis Z.`,
  unitsIndexLetters: 'Anfangsbuchstaben',
  unitsIndexAlphabetical: 'Von A bis Z',
  unitsIndexGrouped: (p: { level: string }) => `Nach ${p.level}`,
  unitsIndexLetter: (p: { letter: string }) => `Gebiete mit ${p.letter}`,
  unitsIndexBackToLetters: 'Zu den Anfangsbuchstaben',
  unitsIndexOtherDigits: 'Ziffern und andere Zeichen',
};

export const en: typeof de = {
  finderLabel: 'Search areas or facilities',
  finderLabelUnits: 'Search areas',
  finderPlaceholder: 'e.g. Reuterkiez, Kita Neukölln',
  finderPlaceholderUnits: 'e.g. Reuterkiez',
  finderSubmit: 'Search',
  finderHint: 'Suggestions appear as you type. Choose with the up and down arrows, open with Enter, close with Escape.',
  finderListLabel: 'Suggestions',
  finderTooShort: 'Please type at least 2 characters.',
  finderLoading: 'Loading the search …',
  finderFailed: 'The search could not be loaded. Please try again later or use the list of all areas.',
  finderNone: 'No results.',
  finderFacilitiesPending: 'Still searching facilities.',
  finderFound: (p) =>
    `${[
      p.units > 0 ? `${p.unitsText} ${p.units === 1 ? 'area' : 'areas'}` : '',
      p.facilities > 0 ? `${p.facilitiesText} ${p.facilities === 1 ? 'facility' : 'facilities'}` : '',
    ]
      .filter((x) => x !== '')
      .join(' and ')} found.`,
  finderShown: (p) => `The first ${p.n} are suggested.`,
  finderUnitDetail: (p) => (p.parents ? `${p.level} in ${p.parents}` : p.level),
  finderAllFacilities: (p) =>
    p.one ? 'Show the entry in the facility search' : `All ${p.n} facilities in the facility search`,
  finderAllUnits: 'All areas from A to Z',
  searchTitle: 'Search facilities',
  searchLede:
    'Search by name, operator, address, type and area, also by the start of a word (“Regenb” finds “Regenbogen”, “Care home Neukölln” the care homes in Neukölln). Case and umlauts do not matter.',
  searchNeedsScript:
    'The search needs JavaScript, which is not running in this browser (or is still loading). Every entry is also listed in complete lists that need no JavaScript:',
  searchListsByType: 'Lists by type',
  searchListsByArea: 'Lists by area',
  searchQuery: 'Search term',
  searchQueryHint: 'Name, operator, street, postcode, type or area',
  searchFilters: 'Filters',
  searchAny: 'all',
  searchTargetGroup: 'Target group',
  searchLanguage: 'Language spoken',
  searchWheelchair: 'Wheelchair',
  searchWheelchairYes: 'accessible',
  searchWheelchairPartly: 'accessible or partly accessible',
  searchSubmit: 'Search',
  searchReset: 'New search',
  searchLoading: 'Loading the search index …',
  searchFailed: 'The search index could not be loaded. Please try again later or use the lists by type and area.',
  searchPrompt: 'Enter a search term or choose a filter.',
  searchNone: 'No entries found.',
  searchMore: 'Show more entries',
  searchResults: 'Results',
  searchFound: (p) =>
    `${p.n} ${p.one ? 'entry' : 'entries'} found${p.shown === undefined ? '.' : `, showing the first ${p.shown}.`}`,
  searchReading: (p) =>
    `Read as ${[p.types ? `type: ${p.types}` : '', p.areas ? `area: ${p.areas}` : ''].filter((x) => x).join('; ')}.`,
  unitsIndexTitle: 'All areas from A to Z',
  unitsIndexLede: (p) => `All ${p.n} areas of the atlas (${p.levels}), by ${p.top} and from A to Z.`,
  unitsIndexLetters: 'Initial letters',
  unitsIndexAlphabetical: 'From A to Z',
  unitsIndexGrouped: (p) => `By ${p.level}`,
  unitsIndexLetter: (p) => `Areas starting with ${p.letter}`,
  unitsIndexBackToLetters: 'Back to the initial letters',
  unitsIndexOtherDigits: 'Digits and other characters',
};
