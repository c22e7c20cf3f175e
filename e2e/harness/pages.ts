/** Choosing the pages the gate visits from `dist/data/atlas.json`: one page of every template, in both languages. */
import { expectedLang } from './lang.ts';

/** The part of `dist/data/atlas.json` the gate reads (the site contract). */
export interface AtlasJson {
  atlas: { id: string; title: string; city: string; dataDate: string; siteUrl: string };
  levels: { id: string; label: string; labelPlural: string; parent?: string; count: number }[];
  units: { id: string; name: string; level: string; parent?: string; url: string }[];
  indicators: { id: string; label: string; unit?: string; type: string; years: number[] }[];
  pages: { type: string; url: string; lang?: 'de' | 'en' }[];
}

/** A page the gate visits. */
export interface GatePage {
  /** e.g. `home page`, `unit page (bezirk)`, `facility page (English)`. */
  label: string;
  /** Url path, e.g. `/bezirke/mitte/`. */
  url: string;
  lang: 'de' | 'en';
}

/** Path (with query) of a url that may be absolute (`https://atlas.example/x/`) or a path. */
function toPath(url: string): string {
  const parsed = new URL(url, 'http://site.invalid');
  return `${parsed.pathname}${parsed.search}`;
}

const langOf = (page: { url: string; lang?: 'de' | 'en' }): 'de' | 'en' => page.lang ?? expectedLang(toPath(page.url));

/** The first unit of every level, and the url its English page should have (`/en<unit url>`). */
export function firstUnitsByLevel(
  atlas: AtlasJson,
): { level: string; unit: AtlasJson['units'][number]; englishUrl: string }[] {
  return atlas.levels.flatMap((level) => {
    const unit = atlas.units.find((u) => u.level === level.id);
    return unit ? [{ level: level.id, unit, englishUrl: `/en${toPath(unit.url)}` }] : [];
  });
}

/**
 * One page of every template: home (`/`, `/en/`), the first unit of every level (German, and English at
 * `/en<unit url>` when `pages` lists it or `existing` contains it), and one page of every `pages[].type` in each
 * language (preferring a page not already chosen). Urls are unique.
 * @param existing url paths known to be served although `pages` does not list them (the gate probes English unit urls).
 * @returns `pages` to visit and `missing`: expected pages that are neither listed nor known (the gate fails on them).
 */
export function selectGatePages(
  atlas: AtlasJson,
  existing: ReadonlySet<string> = new Set(),
): { pages: GatePage[]; missing: string[] } {
  const pages: GatePage[] = [];
  const missing: string[] = [];
  const chosen = new Set<string>();
  const add = (label: string, url: string, lang: 'de' | 'en') => {
    const p = toPath(url);
    if (chosen.has(p)) return;
    chosen.add(p);
    pages.push({ label, url: p, lang });
  };
  const listed = new Map(atlas.pages.map((page) => [toPath(page.url), page]));
  const hasEnglish = atlas.pages.some((page) => langOf(page) === 'en');
  add('home page', '/', 'de');
  if (hasEnglish) add('home page (English)', '/en/', 'en');
  const firstUnits = firstUnitsByLevel(atlas);
  for (const level of atlas.levels) {
    const first = firstUnits.find((f) => f.level === level.id);
    if (!first) {
      missing.push(`no unit of level ${level.id} in atlas.json`);
      continue;
    }
    add(`unit page (${level.id})`, first.unit.url, 'de');
    if (!hasEnglish) continue;
    if (listed.has(first.englishUrl) || existing.has(first.englishUrl))
      add(`unit page (${level.id}, English)`, first.englishUrl, 'en');
    else
      missing.push(
        `no English page for unit ${first.unit.id} (${level.id}): ${first.englishUrl} is neither in atlas.json pages nor served`,
      );
  }
  for (const lang of ['de', 'en'] as const) {
    const types = [...new Set(atlas.pages.map((page) => page.type))];
    for (const type of types) {
      const candidates = atlas.pages.filter((page) => page.type === type && langOf(page) === lang);
      const page = candidates.find((c) => !chosen.has(toPath(c.url)));
      if (page) add(lang === 'en' ? `${type} page (English)` : `${type} page`, page.url, lang);
    }
  }
  return { pages, missing };
}
