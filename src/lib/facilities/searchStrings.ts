import type { Lang } from '../format.ts';

/**
 * Texts of the directory search page, German and English. Kept beside the search rather than in `i18n.ts` so the
 * browser script bundles only these few strings, not the site's whole text table.
 */
export const SEARCH_STRINGS = {
  title: { de: 'Einrichtungen suchen', en: 'Search facilities' },
  lede: {
    de: 'Suche nach Name, Träger oder Adresse, auch nach Wortanfängen („Regenb“ findet „Regenbogen“). Groß- und Kleinschreibung und Umlaute sind egal.',
    en: 'Search by name, operator or address, also by the start of a word (“Regenb” finds “Regenbogen”). Case and umlauts do not matter.',
  },
  needsScript: {
    de: 'Die Suche braucht JavaScript, das in diesem Browser nicht läuft (oder noch lädt). Alle Einträge stehen auch ohne JavaScript in vollständigen Listen:',
    en: 'The search needs JavaScript, which is not running in this browser (or is still loading). Every entry is also listed in complete lists that need no JavaScript:',
  },
  listsByType: { de: 'Listen nach Art', en: 'Lists by type' },
  listsByArea: { de: 'Listen nach Gebiet', en: 'Lists by area' },
  query: { de: 'Suchbegriff', en: 'Search term' },
  queryHint: { de: 'Name, Träger, Straße oder Postleitzahl', en: 'Name, operator, street or postcode' },
  filters: { de: 'Filter', en: 'Filters' },
  any: { de: 'alle', en: 'all' },
  targetGroup: { de: 'Zielgruppe', en: 'Target group' },
  language: { de: 'Sprache', en: 'Language spoken' },
  wheelchair: { de: 'Rollstuhl', en: 'Wheelchair' },
  wheelchairYes: { de: 'rollstuhlgerecht', en: 'accessible' },
  wheelchairPartly: { de: 'rollstuhlgerecht oder teilweise', en: 'accessible or partly accessible' },
  submit: { de: 'Suchen', en: 'Search' },
  reset: { de: 'Neue Suche', en: 'New search' },
  loading: { de: 'Suchindex wird geladen …', en: 'Loading the search index …' },
  failed: {
    de: 'Der Suchindex konnte nicht geladen werden. Bitte später erneut versuchen oder die Listen nach Art und Gebiet nutzen.',
    en: 'The search index could not be loaded. Please try again later or use the lists by type and area.',
  },
  prompt: { de: 'Suchbegriff eingeben oder Filter wählen.', en: 'Enter a search term or choose a filter.' },
  none: { de: 'Keine Einträge gefunden.', en: 'No entries found.' },
  more: { de: 'Weitere Einträge zeigen', en: 'Show more entries' },
  results: { de: 'Ergebnisse', en: 'Results' },
} as const satisfies Record<string, Record<Lang, string>>;

/** A text of the search page. */
export function searchText(lang: Lang, key: keyof typeof SEARCH_STRINGS): string {
  return SEARCH_STRINGS[key][lang];
}

/** "3 Einträge gefunden" / "1 entry found", with the number already formatted; `shown` when fewer are listed. */
export function foundText(lang: Lang, count: string, one: boolean, shown?: string): string {
  const found =
    lang === 'de' ? `${count} ${one ? 'Eintrag' : 'Einträge'} gefunden` : `${count} ${one ? 'entry' : 'entries'} found`;
  if (shown === undefined) return `${found}.`;
  return lang === 'de' ? `${found}, die ersten ${shown} werden gezeigt.` : `${found}, showing the first ${shown}.`;
}
