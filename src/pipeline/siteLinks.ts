/**
 * Offline link check of the built site (RELIABILITY.md §6.1).
 *
 * Every internal `href`/`src`/`srcset`/… of every `dist/**\/*.html` must resolve to a file in `dist/`, and every
 * `#fragment` to an element with that `id` (or `<a name>`) in the target page. Broken ones are printed with page
 * and link, and the exit code is 1. External http(s) links are not checked; they are listed in
 * `.atlas/external-links.txt` next to `dist/` for a scheduled review.
 *
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import {
  checkPageReferences,
  checkPendingFragments,
  formatExternalLinksReport,
  parsePageHtml,
  referenceResolver,
  sortLinkReport,
  type BrokenLink,
  type ExternalLink,
  type LinkOptions,
  type PendingFragment,
} from '../lib/links.ts';
import { listFiles } from './listFiles.ts';
import { settleLater } from '../lib/mapLimit.ts';
import { requestChannel, roundRobin, startTsWorker } from './threads.ts';

/** `atlas.siteUrl` from `dist/data/atlas.json`, when the file exists and has one. */
async function readSiteUrl(distDir: string): Promise<string | undefined> {
  try {
    const atlas = JSON.parse(await readFile(path.join(distDir, 'data', 'atlas.json'), 'utf8')) as {
      atlas?: { siteUrl?: unknown };
    };
    return typeof atlas.atlas?.siteUrl === 'string' ? atlas.atlas.siteUrl : undefined;
  } catch {
    return undefined;
  }
}

/** Below this many pages per thread, starting threads (each loads the code and gets the file list) costs more than it saves. */
export const MIN_PAGES_PER_LINK_THREAD = 2000;

/** What one share of the pages found: settled links, and the fragments owed by pages of any share. */
export interface PageShareResult {
  broken: BrokenLink[];
  external: ExternalLink[];
  pending: PendingFragment[];
}

/** The jobs a link thread takes (linkWorkerMain.ts), one message each. */
export type LinkJob = { kind: 'pages'; files: string[] } | { kind: 'anchors'; groups: [string, PendingFragment[]][] };

/**
 * Reads, parses and checks the pages `files` one by one (each dropped after its check); the next page is read while
 * one is checked. Urls that do not depend on the page are resolved once for the share ({@link referenceResolver}).
 */
export async function checkPageShare(
  distDir: string,
  files: readonly string[],
  fileSet: ReadonlySet<string>,
  options: LinkOptions,
): Promise<PageShareResult> {
  const out: PageShareResult = { broken: [], external: [], pending: [] };
  const resolve = referenceResolver(options);
  const read = (i: number) => {
    const file = files[i];
    return file === undefined ? undefined : settleLater(readFile(path.join(distDir, file), 'utf8'));
  };
  let next = read(0);
  for (let i = 0; i < files.length; i++) {
    const html = (await next) as string;
    next = read(i + 1);
    const r = checkPageReferences(files[i] as string, parsePageHtml(html), fileSet, options, resolve);
    for (const b of r.broken) out.broken.push(b);
    for (const e of r.external) out.external.push(e);
    for (const p of r.pending) out.pending.push(p);
  }
  await next;
  return out;
}

/** Reads each target page of `groups` once and returns the fragments it lacks. */
export async function checkAnchorShare(
  distDir: string,
  groups: readonly (readonly [string, readonly PendingFragment[]])[],
): Promise<BrokenLink[]> {
  const broken: BrokenLink[] = [];
  for (const [target, wanted] of groups)
    for (const b of checkPendingFragments(
      wanted,
      parsePageHtml(await readFile(path.join(distDir, target), 'utf8')).anchors,
    ))
      broken.push(b);
  return broken;
}

/** Runs the shares of a check, in this thread or in worker threads. */
interface LinkRunner {
  pages(share: number, files: string[]): Promise<PageShareResult>;
  anchors(share: number, groups: [string, PendingFragment[]][]): Promise<BrokenLink[]>;
  close(): Promise<void>;
}

function inThisThread(distDir: string, fileSet: ReadonlySet<string>, options: LinkOptions): LinkRunner {
  return {
    pages: (_, files) => checkPageShare(distDir, files, fileSet, options),
    anchors: (_, groups) => checkAnchorShare(distDir, groups),
    close: async () => undefined,
  };
}

function inThreads(n: number, distDir: string, files: readonly string[], options: LinkOptions): LinkRunner {
  const channels = Array.from({ length: n }, () =>
    requestChannel(startTsWorker(new URL('./linkWorkerMain.ts', import.meta.url), { distDir, files, options })),
  );
  const channel = (i: number) => channels[i] as (typeof channels)[number];
  return {
    pages: (i, share) => channel(i).request<PageShareResult>({ kind: 'pages', files: share } satisfies LinkJob),
    anchors: (i, groups) => channel(i).request<BrokenLink[]>({ kind: 'anchors', groups } satisfies LinkJob),
    close: async () => void (await Promise.all(channels.map((c) => c.close()))),
  };
}

/**
 * Checks the links of a built site.
 * @param distDir the build output, e.g. `dist`.
 * @param o.workers threads to check in (default 1: this thread). With more, the pages are checked in shares, each
 *   thread its own, and then the fragments owed by other pages, by target page, again in shares; the report is the same.
 * @returns broken internal links/anchors and external links, each sorted by page then href. Does not write files;
 *   see {@link writeExternalLinksReport}. Absolute links to `atlas.siteUrl` (from `data/atlas.json`) count as internal.
 */
export async function checkSiteLinks(
  distDir: string,
  o: {
    workers?: number | undefined;
    minPagesPerThread?: number | undefined;
    /** Check only these pages (files relative to `distDir`); their links are resolved against the whole site. */
    only?: readonly string[] | undefined;
    /** The site's files, if already listed. */
    files?: readonly string[] | undefined;
  } = {},
): Promise<{ broken: BrokenLink[]; external: ExternalLink[] }> {
  const files = o.files ? [...o.files] : await listFiles(distDir);
  const options: LinkOptions = { siteUrl: await readSiteUrl(distDir) };
  const pages = o.only ? [...o.only] : files.filter((f) => f.endsWith('.html'));
  const n = Math.max(
    1,
    Math.min(o.workers ?? 1, Math.floor(pages.length / (o.minPagesPerThread ?? MIN_PAGES_PER_LINK_THREAD))),
  );
  // Streaming: each page is read, parsed and checked, then dropped; only fragments on other pages wait, by target,
  // until all pages are read (holding every parsed page ran a site of 60,000 pages out of memory).
  const run = n > 1 ? inThreads(n, distDir, files, options) : inThisThread(distDir, new Set(files), options);
  try {
    const results = await Promise.all(roundRobin(pages, n).map((s, i) => run.pages(i, s)));
    const broken: BrokenLink[] = [];
    const external: ExternalLink[] = [];
    const pending = new Map<string, PendingFragment[]>();
    for (const r of results) {
      for (const b of r.broken) broken.push(b);
      for (const e of r.external) external.push(e);
      for (const p of r.pending) (pending.get(p.target) ?? pending.set(p.target, []).get(p.target))?.push(p);
    }
    for (const b of (await Promise.all(roundRobin([...pending], n).map((g, i) => run.anchors(i, g)))).flat())
      broken.push(b);
    return sortLinkReport(broken, external);
  } finally {
    await run.close();
  }
}

/** What {@link checkChangedLinks} checked: only the pages that are not taken unchanged, or (see `why`) all. */
export interface ChangedLinksResult {
  broken: BrokenLink[];
  /** External links of the checked pages. */
  external: ExternalLink[];
  /** Undefined when only the changed pages were checked; else why all were. */
  all: string | undefined;
}

/**
 * The link check of an incremental build: `distDir` holds pages taken unchanged from `previousDir` (the published
 * site, whose check passed) and pages rendered again. A link of an unchanged page can only break when its target
 * file is gone or its target page lost an anchor; when neither happened, only the pages not in `unchanged` are
 * checked (against the whole site), else every page is.
 * @param unchanged files (relative, posix) copied unchanged from `previousDir`.
 * @param o.files the files of `distDir`, and `o.before` those of `previousDir` (relative, posix), if known; else
 *   they are listed.
 */
export async function checkChangedLinks(
  previousDir: string,
  distDir: string,
  unchanged: ReadonlySet<string>,
  o: {
    workers?: number | undefined;
    files?: readonly string[] | undefined;
    before?: readonly string[] | undefined;
  } = {},
): Promise<ChangedLinksResult> {
  const files = o.files ? [...o.files] : await listFiles(distDir);
  const all = async (why: string): Promise<ChangedLinksResult> => ({
    ...(await checkSiteLinks(distDir, { workers: o.workers, files })),
    all: why,
  });
  const now = new Set(files);
  const before = o.before ?? (await listFiles(previousDir));
  const gone = before.filter((f) => !now.has(f));
  if (gone.length > 0) return all(`${gone.length} Dateien entfallen, z. B. ${gone.slice(0, 3).join(', ')}`);
  const changed = files.filter((f) => f.endsWith('.html') && !unchanged.has(f));
  if (changed.length * 2 > files.filter((f) => f.endsWith('.html')).length) return all('die meisten Seiten sind neu');
  const had = new Set(before);
  for (const file of changed) {
    if (!had.has(file)) continue;
    const old = parsePageHtml(await readFile(path.join(previousDir, file), 'utf8')).anchors;
    const fresh = parsePageHtml(await readFile(path.join(distDir, file), 'utf8')).anchors;
    const lost = [...old].find((a) => !fresh.has(a));
    if (lost !== undefined) return all(`Anker #${lost} entfällt auf ${file}`);
  }
  return { ...(await checkSiteLinks(distDir, { workers: o.workers, files, only: changed })), all: undefined };
}

/**
 * Writes the external links to `file` (default `<distDir>/../.atlas/external-links.txt`).
 * @returns the path written.
 */
export async function writeExternalLinksReport(
  distDir: string,
  external: readonly ExternalLink[],
  file = path.resolve(distDir, '..', '.atlas', 'external-links.txt'),
): Promise<string> {
  await mkdir(path.dirname(file), { recursive: true });
  await writeFile(file, formatExternalLinksReport(external));
  return file;
}
