/**
 * Which pages an incremental site build renders again (README "Incremental builds"): values in, values out.
 *
 * A build records, for every page, the artifacts (files of the cache's `build/`) it read while it was rendered, and
 * a hash of every artifact. The next build with the same site code renders a page again when one of the artifacts it
 * read changed, appeared or disappeared, and renders every page it has no record of; all others are taken from the
 * published site unchanged.
 */

/** What a build leaves for the next one (`<cache>-stages/site-manifest.json`). */
export interface SiteManifest {
  version: typeof SITE_MANIFEST_VERSION;
  /** Hash of the code and settings that render pages (see `siteCodeFingerprint`). */
  siteCode: string;
  /** Hash of each artifact, by its path relative to `build/` (posix). */
  artifacts: Record<string, string>;
  /** Artifact paths, each once; `pages` refers to them by index. */
  paths: string[];
  /**
   * Each page rendered by Astro, by url: the artifacts it read (indices into `paths`), its file as published, and its
   * external links (indices into `hrefs`) for the report (`external-links.txt`).
   */
  pages: Record<string, { reads: number[]; size: number; mtimeMs: number; external?: number[] }>;
  /** External link targets, each once. */
  hrefs: string[];
  /** Every file the build published (relative, posix, sorted): the link check of the next build compares with it. */
  files: string[];
}

export const SITE_MANIFEST_VERSION = 2;

/** The artifacts whose hash differs between two builds, including ones added or removed. */
export function changedArtifacts(
  before: Readonly<Record<string, string>>,
  after: Readonly<Record<string, string>>,
): Set<string> {
  const changed = new Set<string>();
  for (const [path, hash] of Object.entries(after)) if (before[path] !== hash) changed.add(path);
  for (const path of Object.keys(before)) if (!(path in after)) changed.add(path);
  return changed;
}

/** The urls of the recorded pages that read at least one changed artifact. */
export function pagesToRender(
  manifest: Pick<SiteManifest, 'paths' | 'pages'>,
  changed: ReadonlySet<string>,
): Set<string> {
  const hit = manifest.paths.map((p) => changed.has(p));
  const urls = new Set<string>();
  for (const [url, page] of Object.entries(manifest.pages)) if (page.reads.some((i) => hit[i])) urls.add(url);
  return urls;
}

/**
 * Each page's strings (reads or links) as indices into one list (the manifest's compact form).
 * @example intern(new Map([['/a/', ['x', 'y']], ['/b/', ['y']]])) → { values: ['x', 'y'], indices: {'/a/' → [0, 1], '/b/' → [1]} }
 */
export function intern(byPage: ReadonlyMap<string, Iterable<string>>): {
  values: string[];
  indices: Map<string, number[]>;
} {
  const values: string[] = [];
  const index = new Map<string, number>();
  const indices = new Map<string, number[]>();
  for (const [url, strings] of byPage) {
    const list: number[] = [];
    for (const value of [...new Set(strings)].sort()) {
      let i = index.get(value);
      if (i === undefined) {
        i = values.push(value) - 1;
        index.set(value, i);
      }
      list.push(i);
    }
    indices.set(url, list);
  }
  return { values, indices };
}
