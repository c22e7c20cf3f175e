import type { Source } from '../../schemas/atlasConfig.ts';
import { formatDate, type Lang } from '../format.ts';
import { pick } from '../i18n.ts';

/** A source as the list of sources shows it (`SourcesList.astro`): texts picked, the access date formatted. Pure. */
export interface SourceItem {
  title: string;
  publisher: string;
  licence: string;
  licenceUrl?: string | undefined;
  url?: string | undefined;
  /** When the data was taken from the publisher. */
  accessed?: { iso: string; text: string } | undefined;
  attribution: string;
  note?: string | undefined;
}

/** The sources as listed, in the given order. */
export function sourcesListView(sources: readonly Source[], lang: Lang): SourceItem[] {
  return sources.map((s) => ({
    title: pick(s.title, lang),
    publisher: s.publisher,
    licence: s.licence,
    licenceUrl: s.licenceUrl,
    url: s.url,
    accessed: s.accessed ? { iso: s.accessed, text: formatDate(s.accessed, lang) } : undefined,
    attribution: s.attribution,
    note: s.note ? pick(s.note, lang) : undefined,
  }));
}

/** The sources with the given id (an area layer's source), in the order of the atlas's list. */
export function sourcesWithId<S extends { id: string }>(sources: readonly S[], id: string): S[] {
  return sources.filter((s) => s.id === id);
}
