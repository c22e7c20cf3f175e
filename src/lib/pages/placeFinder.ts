import type { Lang } from '../format.ts';
import { langPrefix, t } from '../i18n.ts';
import { PLACE_INDEX_URL } from '../facilities/searchPlaces.ts';
import { SEARCH_INDEX_URL } from '../facilities/searchRecord.ts';
import { DIRECTORY_SEARCH_URL } from './directorySearch.ts';

/** Path of the list of all areas (the finder's form action without JavaScript). */
export const UNITS_INDEX_URL = '/alle-gebiete/';

/** What the place finder's form needs: ids, texts and the urls its script loads and links to. */
export interface PlaceFinderModel {
  className: string;
  /**
   * `search` for the header's form (the page's one search landmark); undefined for the home page's, which sits in its
   * own labelled section (two landmarks with the same name would only repeat themselves).
   */
  role: 'search' | undefined;
  /** The list of all areas in the page's language. */
  action: string;
  prefix: string;
  label: string;
  placeholder: string;
  submit: string;
  hint: string;
  listLabel: string;
  inputId: string;
  hintId: string;
  listId: string;
  unitsUrl: string;
  /** "" when the atlas has no facility directory (the finder then searches units only). */
  facilitiesUrl: string;
  directoryUrl: string;
  unitsIndexUrl: string;
}

/** The model of a place finder: in the header of every page, or the large one on the home page. */
export function placeFinderModel(lang: Lang, variant: 'header' | 'home', hasFacilities: boolean): PlaceFinderModel {
  const id = variant === 'header' ? 'finder-kopf' : 'finder-start';
  const p = langPrefix(lang);
  return {
    className: `finder finder-${variant}`,
    role: variant === 'header' ? 'search' : undefined,
    action: `${p}${UNITS_INDEX_URL}`,
    prefix: p,
    label: t(lang, hasFacilities ? 'finderLabel' : 'finderLabelUnits'),
    placeholder: t(lang, hasFacilities ? 'finderPlaceholder' : 'finderPlaceholderUnits'),
    submit: t(lang, 'finderSubmit'),
    hint: t(lang, 'finderHint'),
    listLabel: t(lang, 'finderListLabel'),
    inputId: `${id}-q`,
    hintId: `${id}-hinweis`,
    listId: `${id}-liste`,
    unitsUrl: PLACE_INDEX_URL,
    facilitiesUrl: hasFacilities ? SEARCH_INDEX_URL : '',
    directoryUrl: DIRECTORY_SEARCH_URL,
    unitsIndexUrl: UNITS_INDEX_URL,
  };
}
