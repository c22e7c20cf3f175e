import type { Lang } from '../format.ts';

/**
 * The offline bundle: which files of the built site a browser stores when the user asks for offline use
 * ("Für offline speichern"). Pure list logic; `src/pipeline/offline.ts` lists `dist/`, hashes the files and writes
 * the manifests.
 *
 * Facility pages are deliberately not in the bundle (thousands of pages on a bad network): the worker caches each
 * visited page at runtime, and answers a facility page it does not have with the offline page, which renders the
 * entry from the search index and the files beside it (`compactFacilities.ts`).
 */

/** A file of the built site: path relative to `dist/` with forward slashes, and its size in bytes. */
export interface BuiltFile {
  path: string;
  bytes: number;
}

/** What the worker precaches for one language. */
export interface OfflineManifest {
  /** Content hash of the bundle (urls and file contents): part of the cache names. */
  version: string;
  lang: Lang;
  /** The atlas's data date (shown as the saved state). */
  dataDate: string;
  /** Sum of the files' sizes, uncompressed (what the device stores). */
  bytes: number;
  /** Estimated download: the files gzip-compressed, as the server sends them. */
  transferBytes: number;
  /** Same-origin urls, sorted. */
  files: string[];
}

/** Url of the manifest of a language, e.g. `/data/offline/manifest-de.json`. */
export function manifestUrl(lang: Lang): string {
  return `/data/offline/manifest-${lang}.json`;
}

/**
 * Pages of one language, as paths below the language prefix (`*` = one path segment, `**` = any depth). Pages that an
 * atlas does not have (no overlays: no `gebiete/`) simply match nothing.
 */
export const BUNDLE_PAGES: readonly string[] = [
  'einrichtungen/index.html',
  'einrichtungen/typ/*/index.html',
  'einrichtungen/gebiet/*/index.html',
  'einrichtungen/suche/index.html',
  'einrichtungen/karte/index.html',
  'einrichtungen/karte/*/index.html',
  'einrichtungen/umkreis/index.html',
  'gebiete/index.html',
  'gebiete/**/index.html',
  'offline/index.html',
];

/**
 * Language-independent files: styles and scripts, the search indexes and the radius query's file beside them (the
 * offline page joins the three, see compactFacilities.ts).
 */
export const BUNDLE_FILES: readonly string[] = [
  '_astro/**',
  'favicon.svg',
  'data/search/**',
  'data/facilities-points*.json',
];

/** A glob (`*` one segment, `**` any number of segments) as a regular expression over the whole path. */
export function globToRegExp(glob: string): RegExp {
  let re = '';
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i] as string;
    if (c === '*' && glob[i + 1] === '*') {
      re += '.*';
      i++;
    } else if (c === '*') re += '[^/]*';
    else re += c.replace(/[.+?^${}()|[\]\\]/g, '\\$&');
  }
  return new RegExp(`^${re}$`);
}

/** The url a built file is served at: `x/index.html` → `/x/`, `index.html` → `/`, else `/<path>`. */
export function urlOfFile(path: string): string {
  if (path === 'index.html') return '/';
  if (path.endsWith('/index.html')) return `/${path.slice(0, -'index.html'.length)}`;
  return `/${path}`;
}

/**
 * The files of the offline bundle of `lang`, sorted by path. German pages have no prefix, English ones `en/`;
 * the pages of the other language are never included.
 */
export function selectBundleFiles(files: readonly BuiltFile[], lang: Lang): BuiltFile[] {
  const prefix = lang === 'de' ? '' : 'en/';
  const patterns = [...BUNDLE_PAGES.map((p) => globToRegExp(`${prefix}${p}`)), ...BUNDLE_FILES.map(globToRegExp)];
  return files
    .filter((f) => patterns.some((re) => re.test(f.path)))
    .sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

/**
 * The manifest of a selected bundle; `version` (from the files' contents) and `transferBytes` (their compressed
 * size) are computed by the caller.
 */
export function bundleManifest(
  selected: readonly BuiltFile[],
  lang: Lang,
  dataDate: string,
  version: string,
  transferBytes: number,
): OfflineManifest {
  return {
    version,
    lang,
    dataDate,
    bytes: selected.reduce((s, f) => s + f.bytes, 0),
    transferBytes,
    files: selected.map((f) => urlOfFile(f.path)),
  };
}

/** "ca. 4 MB" / "about 4 MB": a size for the save button, rounded up to a readable figure. */
export function approximateSize(bytes: number, lang: Lang): string {
  const about = lang === 'de' ? 'ca.' : 'about';
  if (bytes < 1e6) return `${about} ${Math.max(1, Math.ceil(bytes / 1e5) * 100)} kB`;
  const mb = bytes < 1e7 ? Math.ceil(bytes / 1e5) / 10 : Math.ceil(bytes / 1e6);
  return `${about} ${mb.toLocaleString(lang === 'de' ? 'de-DE' : 'en-GB')} MB`;
}
