import type { Release } from '../../schemas/atlasConfig.ts';
import { formatDate, type Lang } from '../format.ts';
import { pick, t } from '../i18n.ts';

/**
 * "Was ist neu": the releases of `atlas.yml`/`releases.yml` as a page model and as Atom feeds (RFC 4287), city-wide
 * and per unit. A release without `units` concerns the whole atlas and appears in every feed; one with `units` appears
 * in the feeds of those units and of their ancestors. Pure; feeds carry no build time (reproducible builds): a feed's
 * `updated` is its newest release's date.
 */

/** Path of the releases page without language prefix. */
export const RELEASES_URL = '/neu/';

/** Path of the city-wide feed of a language. */
export function cityFeedUrl(lang: Lang = 'de'): string {
  return `/data/feeds/${lang}/neu.xml`;
}

/** Path of a unit's feed. */
export function unitFeedUrl(id: string, lang: Lang = 'de'): string {
  return `/data/feeds/${lang}/units/${encodeURIComponent(id)}.xml`;
}

/** A release as its page and its feeds show it. */
export interface ReleaseItem {
  /** Position of the release in the config (to match it with {@link unitsConcerned}). */
  index: number;
  /** Anchor on the releases page, e.g. "r-2026-12-06" (a second release on the same day gets "-2"). */
  anchor: string;
  date: string;
  dateText: string;
  title: string;
  /** Sanitised HTML of the text ("" when none); rendered by the pipeline. */
  html: string;
  units: { id: string; name: string; url: string }[];
  facilities: { id: string; name: string; url: string }[];
  /** True where the title or text falls back to German on an English page. */
  fallback: boolean;
}

/** What a release refers to, for names and links. */
export interface ReleaseContext {
  units: ReadonlyMap<string, { id: string; name: string; url: string; parent?: string | undefined }>;
  facilities: ReadonlyMap<string, { name: string; url: string }>;
  /** Markdown to sanitised HTML (the pipeline passes `renderMarkdown`). */
  markdown(text: string): string;
}

/** The releases, newest first (stable for equal dates: order of the file), with anchors, names and links. */
export function releaseItems(releases: readonly Release[], ctx: ReleaseContext, lang: Lang): ReleaseItem[] {
  const sorted = releases
    .map((r, i) => ({ r, i }))
    .sort((a, b) => (a.r.date === b.r.date ? a.i - b.i : a.r.date < b.r.date ? 1 : -1));
  const seen = new Map<string, number>();
  return sorted.map(({ r, i }) => {
    const n = (seen.get(r.date) ?? 0) + 1;
    seen.set(r.date, n);
    const text = r.text ? pick(r.text, lang) : '';
    return {
      index: i,
      anchor: `r-${r.date}${n > 1 ? `-${n}` : ''}`,
      date: r.date,
      dateText: formatDate(r.date, lang),
      title: pick(r.title, lang),
      html: text ? ctx.markdown(text) : '',
      units: (r.units ?? []).flatMap((id) => {
        const u = ctx.units.get(id);
        return u ? [{ id, name: u.name, url: u.url }] : [];
      }),
      facilities: (r.facilities ?? []).flatMap((id) => {
        const f = ctx.facilities.get(id);
        return f ? [{ id, name: f.name, url: f.url }] : [];
      }),
      fallback: lang === 'en' && (r.title.en === undefined || (r.text !== undefined && r.text.en === undefined)),
    };
  });
}

/** The units whose feed lists a release: those it names and all their ancestors; undefined = every unit. */
export function unitsConcerned(release: Release, ctx: Pick<ReleaseContext, 'units'>): Set<string> | undefined {
  if (!release.units) return undefined;
  const out = new Set<string>();
  for (const id of release.units) {
    let u = ctx.units.get(id);
    while (u && !out.has(u.id)) {
      out.add(u.id);
      u = u.parent === undefined ? undefined : ctx.units.get(u.parent);
    }
  }
  return out;
}

function xml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** An Atom feed (RFC 4287) of release items; links absolute against `siteUrl`. */
export function atomFeed(o: {
  title: string;
  /** Absolute address of the feed itself. */
  self: string;
  /** Absolute address of the releases page (the feed's alternate). */
  page: string;
  author: string;
  lang: Lang;
  items: readonly ReleaseItem[];
  /** Used when there is no item (an empty feed still needs `updated`). */
  fallbackDate: string;
}): string {
  const updated = `${o.items[0]?.date ?? o.fallbackDate}T00:00:00Z`;
  const entries = o.items.map(
    (r) => `  <entry>
    <id>${xml(`${o.page}#${r.anchor}`)}</id>
    <title>${xml(r.title)}</title>
    <updated>${r.date}T00:00:00Z</updated>
    <link rel="alternate" type="text/html" href="${xml(`${o.page}#${r.anchor}`)}"/>
${r.html ? `    <content type="html">${xml(r.html)}</content>\n` : ''}  </entry>`,
  );
  return `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="${o.lang}">
  <id>${xml(o.self)}</id>
  <title>${xml(o.title)}</title>
  <updated>${updated}</updated>
  <author><name>${xml(o.author)}</name></author>
  <link rel="self" type="application/atom+xml" href="${xml(o.self)}"/>
  <link rel="alternate" type="text/html" href="${xml(o.page)}"/>
${entries.join('\n')}${entries.length ? '\n' : ''}</feed>
`;
}

/** The releases page (`/neu/`). */
export interface ReleasesPageModel {
  heading: string;
  intro: string;
  items: ReleaseItem[];
  empty: string;
  feed: { href: string; label: string };
  unitsLabel: string;
  facilitiesLabel: string;
}

/** The page model of `/neu/` in one language. */
export function buildReleasesPage(items: ReleaseItem[], lang: Lang): ReleasesPageModel {
  return {
    heading: t(lang, 'releasesHeading'),
    intro: t(lang, 'releasesIntro'),
    items,
    empty: t(lang, 'releasesEmpty'),
    feed: { href: cityFeedUrl(lang), label: t(lang, 'releasesFeed') },
    unitsLabel: t(lang, 'releasesUnits'),
    facilitiesLabel: t(lang, 'releasesFacilities'),
  };
}
