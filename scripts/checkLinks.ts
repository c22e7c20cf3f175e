/**
 * `npx tsx scripts/checkLinks.ts [dist]`: offline link check of the built site (RELIABILITY.md §6.1).
 *
 * Every internal `href`/`src`/`srcset`/… of every `dist/**\/*.html` must resolve to a file in `dist/`, and every
 * `#fragment` to an element with that `id` (or `<a name>`) in the target page. Broken ones are printed with page
 * and link, and the exit code is 1. External http(s) links are not checked; they are listed in
 * `.atlas/external-links.txt` next to `dist/` for a scheduled review.
 *
 * The build can call {@link checkSiteLinks} directly.
 */
import { mkdir, readFile, readdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { checkLinkGraph, formatExternalLinksReport, type BrokenLink, type ExternalLink } from '../src/lib/links.ts';

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
  const pages = new Map<string, string>();
  for (const file of files.filter((f) => f.endsWith('.html'))) pages.set(file, await readFile(path.join(distDir, file), 'utf8'));
  return checkLinkGraph(pages, new Set(files), { siteUrl: await readSiteUrl(distDir) });
}

/**
 * Writes the external links to `<distDir>/../.atlas/external-links.txt`.
 * @returns the path written.
 */
export async function writeExternalLinksReport(distDir: string, external: readonly ExternalLink[]): Promise<string> {
  const file = path.resolve(distDir, '..', '.atlas', 'external-links.txt');
  await mkdir(path.dirname(file), { recursive: true });
  await writeFile(file, formatExternalLinksReport(external));
  return file;
}

async function main(): Promise<number> {
  const distDir = process.argv[2] ?? 'dist';
  const { broken, external } = await checkSiteLinks(distDir);
  const reportFile = await writeExternalLinksReport(distDir, external);
  const externalUrls = new Set(external.map((link) => link.href)).size;
  console.log(`${externalUrls} external urls listed in ${path.relative(process.cwd(), reportFile)} (not checked).`);
  if (broken.length === 0) {
    console.log(`No broken internal links or anchors in ${distDir}/.`);
    return 0;
  }
  console.error(`${broken.length} broken internal links or anchors in ${distDir}/:`);
  for (const link of broken) console.error(`  ${link.page}: ${link.element ?? ''} "${link.href}" – ${link.reason}`);
  return 1;
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  main().then(
    (code) => process.exit(code),
    (error: unknown) => {
      console.error(error instanceof Error ? error.message : error);
      process.exit(2);
    },
  );
}
