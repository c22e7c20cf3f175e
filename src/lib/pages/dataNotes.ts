import type { Lang } from '../format.ts';
import { t } from '../i18n.ts';

/**
 * The data notes page (`/daten/`) with a table of contents: the headings of the atlas's notes (our own sanitised
 * HTML, whose headings carry no attributes) get ids, and the contents list them before the page's own sections.
 * Pure.
 */
export interface TocEntry {
  href: string;
  text: string;
  /** 2 or 3. */
  level: number;
}

function slug(text: string): string {
  return (
    text
      .toLowerCase()
      .replace(/ä/g, 'ae')
      .replace(/ö/g, 'oe')
      .replace(/ü/g, 'ue')
      .replace(/ß/g, 'ss')
      .replace(/<[^>]*>/g, '')
      .replace(/&[a-z]+;/g, '')
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '') || 'abschnitt'
  );
}

/** The notes' HTML with ids on every h2 and h3 ("hinweis-<slug>", unique), and the contents in order. */
export function notesWithContents(html: string): { html: string; toc: TocEntry[] } {
  const toc: TocEntry[] = [];
  const seen = new Map<string, number>();
  const out = html.replace(/<h([23])>([\s\S]*?)<\/h\1>/g, (_, level: string, inner: string) => {
    const base = `hinweis-${slug(inner)}`;
    const n = (seen.get(base) ?? 0) + 1;
    seen.set(base, n);
    const id = n > 1 ? `${base}-${n}` : base;
    toc.push({ href: `#${id}`, text: inner.replace(/<[^>]*>/g, ''), level: Number(level) });
    return `<h${level} id="${id}">${inner}</h${level}>`;
  });
  return { html: out, toc };
}

/** The page's own sections after the notes, for the contents (ids as in DataPage.astro). */
export function dataPageSections(lang: Lang, extra: readonly TocEntry[] = []): TocEntry[] {
  return [
    ...extra,
    { href: '#quellen', text: t(lang, 'sources'), level: 2 },
    { href: '#downloads', text: t(lang, 'downloads'), level: 2 },
    { href: '#merkmale', text: t(lang, 'dnIndicators'), level: 2 },
    { href: '#pruefung', text: t(lang, 'dnReport'), level: 2 },
  ];
}
