import { formatDate, type Lang } from '../format.ts';
import { t } from '../i18n.ts';

/**
 * The citation ("Zitieren") of a page: who publishes, what, in which atlas, the Stichtag of its data, the configured
 * public address and the retrieval date. One function for unit, facility and area pages. Pure.
 */
export interface CitationInput {
  /** Title of the atlas. @example "Sozialatlas Berlin" */
  atlasTitle: string;
  publisher: string;
  /** What the page is. @example "Mitte (Bezirk 01)" */
  pageTitle: string;
  /** Path of the page with language prefix, e.g. "/en/bezirk/01/"; made absolute against `siteUrl`. */
  path: string;
  /** The site's configured public address (`atlas.yml` → siteUrl). */
  siteUrl: string;
  /** Reference date of the page's data (ISO). */
  stichtag: string;
  /**
   * The reference dates in words, when the page shows values of several (e.g. "Stand der Werte: 31.12.2018 (MSS);
   * 31.12.2020 (Einwohner)"); replaces "Stichtag <stichtag>".
   */
  datesText?: string | undefined;
  /** The day the page was built, standing for the retrieval date (ISO). */
  retrieved: string;
  lang: Lang;
}

/** "Publisher: Page. In: Atlas. Stichtag 31.12.2020. https://… (abgerufen am 06.12.2026)." */
export function citation(c: CitationInput): string {
  return t(c.lang, 'citeText', {
    publisher: c.publisher,
    page: c.pageTitle,
    atlas: c.atlasTitle,
    dates: c.datesText ?? t(c.lang, 'citeStichtag', { date: formatDate(c.stichtag, c.lang) }),
    url: new URL(c.path, c.siteUrl).href,
    retrieved: formatDate(c.retrieved, c.lang),
  });
}
