import { formatNumber, type Lang } from '../format.ts';
import type { AppliedFix } from '../geo/fixes.ts';
import { pick, t } from '../i18n.ts';

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

/** What the data page's tables need of an indicator (`site.indicators`). */
interface DataPageIndicator {
  id: string;
  label: { de: string; en?: string | undefined };
  unit?: { de: string; en?: string | undefined } | undefined;
  definition: { de: string; en?: string | undefined };
  source: string;
  decimals?: number | undefined;
  years: readonly number[];
}

/** The indicator table and the aggregation checks of the data page in one language, every cell as shown. */
export interface DataPageTables {
  indicators: {
    id: string;
    /** "Arbeitslose (%)": the label with its unit. */
    label: string;
    definition: string;
    /** "2015, 2017, 2019". */
    years: string;
    /** Title of the indicator's source. */
    source: string;
  }[];
  /** One row per indicator and year whose sums of sub-units were compared with the published figure. */
  checks: { indicator: string; year: number; compared: string; differing: string; maxAbsDiff: string }[];
}

/**
 * The data page's tables (`/daten/`): indicators with definition, years and source; the aggregation checks with the
 * largest difference in the indicator's decimals (2 where it declares none).
 */
export function buildDataPageTables(
  i: {
    indicators: readonly DataPageIndicator[];
    sources: readonly { id: string; title: { de: string; en?: string | undefined } }[];
    checks: readonly { indicator: string; year: number; compared: number; differing: number; maxAbsDiff: number }[];
  },
  lang: Lang,
): DataPageTables {
  const byId = new Map(i.indicators.map((x) => [x.id, x]));
  const n = (x: number) => formatNumber(x, 0, lang);
  return {
    indicators: i.indicators.map((x) => ({
      id: x.id,
      label: x.unit ? `${pick(x.label, lang)} (${pick(x.unit, lang)})` : pick(x.label, lang),
      definition: pick(x.definition, lang),
      years: x.years.join(', '),
      source: pick(i.sources.find((s) => s.id === x.source)?.title, lang),
    })),
    checks: i.checks.map((c) => {
      const ind = byId.get(c.indicator);
      return {
        indicator: pick(ind?.label, lang),
        year: c.year,
        compared: n(c.compared),
        differing: n(c.differing),
        maxAbsDiff: formatNumber(c.maxAbsDiff, ind?.decimals ?? 2, lang),
      };
    }),
  };
}

/** The data report's lists on the data page in one language: each entry as one line after its file. */
export interface DataReportLists {
  /** "planungsraum: Feature 123, id 06010102 (Schloßstraße) → 04030417 „Schloßstraße“: <reason>". */
  fixes: string[];
  /** Left-out table rows: the file, and "Zeile 51 (id „040617“): <reason>". */
  excluded: { file: string; detail: string }[];
  /** Rows assumed for units without one: the file, and "id „01011102“: angenommen: keine Angabe (10 Werte). <reason>". */
  assumed: { file: string; detail: string }[];
}

/** The fixes to boundary files, the left-out table rows and the assumed rows of the data report, as shown. */
export function buildDataReportLists(
  r: {
    fixes: readonly (Omit<AppliedFix, 'fix'> & { level: string })[];
    excluded: readonly { file: string; line: number; id: string; reason: string }[];
    assumed: readonly { file: string; id: string; status: string; reason: string; cells: number }[];
  },
  lang: Lang,
): DataReportLists {
  return {
    fixes: r.fixes.map(
      (f) =>
        `${f.level}: Feature ${f.index}, id ${f.id} (${f.name})${f.newId ? ` → ${f.newId}` : ''}` +
        `${f.newName ? ` „${f.newName}“` : ''}: ${f.reason}`,
    ),
    excluded: r.excluded.map((e) => ({
      file: e.file,
      detail: `${t(lang, 'dataPageLine')} ${e.line} (id „${e.id}“): ${e.reason}`,
    })),
    assumed: r.assumed.map((a) => {
      const status =
        a.status === 'zero'
          ? t(lang, 'dataPageAssumedZero')
          : t(lang, 'dataPageAssumedAs', { status: t(lang, `status_${a.status}` as 'status_missing') });
      return {
        file: a.file,
        detail: `id „${a.id}“: ${status} (${formatNumber(a.cells, 0, lang)} ${t(lang, 'dataPageValues')}). ${a.reason}`,
      };
    }),
  };
}
