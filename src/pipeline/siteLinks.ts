/**
 * Offline link check of the built site (RELIABILITY.md §6.1).
 *
 * Every internal `href`/`src`/`srcset`/… of every `dist/**\/*.html` must resolve to a file in `dist/`, and every
 * `#fragment` to an element with that `id` (or `<a name>`) in the target page. Broken ones are printed with page
 * and link, and the exit code is 1. External http(s) links are not checked; they are listed in
 * `.atlas/external-links.txt` next to `dist/` for a scheduled review.
 *
 */
import { mkdir, readFile, readdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { checkPageReferences, checkPendingFragments, formatExternalLinksReport, parsePageHtml, sortLinkReport, type BrokenLink, type ExternalLink, type PendingFragment } from '../lib/links.ts';

/** Every file below `dir`, relative, with posix separators. */
async function listFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(dir, path.join(entry.parentPath, entry.name)).split(path.sep).join('/'))
    .sort();
}

/** `atlas.siteUrl` from `dist/data/atlas.json`, when the file exists and has one. */
async function readSiteUrl(distDir: string): Promise<string | undefined> {
  try {
    const atlas = JSON.parse(await readFile(path.join(distDir, 'data', 'atlas.json'), 'utf8')) as { atlas?: { siteUrl?: unknown } };
    return typeof atlas.atlas?.siteUrl === 'string' ? atlas.atlas.siteUrl : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Checks the links of a built site.
 * @param distDir the build output, e.g. `dist`.
 * @returns broken internal links/anchors and external links, each sorted by page then href. Does not write files;
 *   see {@link writeExternalLinksReport}. Absolute links to `atlas.siteUrl` (from `data/atlas.json`) count as internal.
 */
export async function checkSiteLinks(distDir: string): Promise<{ broken: BrokenLink[]; external: ExternalLink[] }> {
  const files = await listFiles(distDir);
  const fileSet = new Set(files);
  const options = { siteUrl: await readSiteUrl(distDir) };
  // Streaming: each page is read, parsed and checked, then dropped; only fragments on other pages wait, by target,
  // until all pages are read (holding every parsed page ran a site of 60,000 pages out of memory).
  const broken: BrokenLink[] = [];
  const external: ExternalLink[] = [];
  const pending = new Map<string, PendingFragment[]>();
  const read = async (file: string) => parsePageHtml(await readFile(path.join(distDir, file), 'utf8'));
  for (const file of files.filter((f) => f.endsWith('.html'))) {
    const r = checkPageReferences(file, await read(file), fileSet, options);
    for (const b of r.broken) broken.push(b);
    for (const e of r.external) external.push(e);
    for (const p of r.pending) (pending.get(p.target) ?? pending.set(p.target, []).get(p.target))?.push(p);
  }
  for (const [target, wanted] of pending) for (const b of checkPendingFragments(wanted, (await read(target)).anchors)) broken.push(b);
  return sortLinkReport(broken, external);
}

/**
 * Writes the external links to `file` (default `<distDir>/../.atlas/external-links.txt`).
 * @returns the path written.
 */
export async function writeExternalLinksReport(distDir: string, external: readonly ExternalLink[], file = path.resolve(distDir, '..', '.atlas', 'external-links.txt')): Promise<string> {
  await mkdir(path.dirname(file), { recursive: true });
  await writeFile(file, formatExternalLinksReport(external));
  return file;
}

