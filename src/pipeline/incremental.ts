/**
 * Incremental site builds (README "Incremental builds"): the I/O around src/lib/renderPlan.ts.
 *
 * A build records what every page read (a render scope on `globalThis`, see src/lib/renderScope.ts) and hashes the
 * artifacts; it leaves both, with the published pages' sizes and times, in `<cache>-stages/site-manifest.json`. The
 * next build with the same site code lets Astro render only the pages whose artifacts changed and new pages, links
 * every other page from the published site into the new output, and checks the links of what changed.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import { constants as fsConstants, statSync } from 'node:fs';
import { copyFile, link, mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import {
  changedArtifacts,
  intern,
  pagesToRender,
  SITE_MANIFEST_VERSION,
  type SiteManifest,
} from '../lib/renderPlan.ts';
import { pageFile, type RenderScope } from '../lib/renderScope.ts';
import { mapLimit } from '../lib/mapLimit.ts';
import type { FileHashes } from './fileHashes.ts';
import { listFiles } from './listFiles.ts';

/** File operations under way at once (stat, link: each is quick, awaiting them in turn is not). */
const FS_WIDTH = 64;

/** What a render scope learnt during one Astro build. */
export interface RenderRecord {
  /** Artifacts read by each rendered page, by url. */
  reads: Map<string, Set<string>>;
  /** Every page url the routes offered (the whole site, whether rendered or not). */
  offered: Set<string>;
}

/**
 * A render scope for one Astro build: records each page's reads and every offered url; `keep` decides which offered
 * pages are rendered (all, in a full build).
 */
export function createRenderScope(keep: (url: string) => boolean = () => true): {
  scope: RenderScope;
  record: RenderRecord;
} {
  const record: RenderRecord = { reads: new Map(), offered: new Set() };
  const current = new AsyncLocalStorage<Set<string>>();
  const scope: RenderScope = {
    page: (url, render) => {
      const reads = record.reads.get(url) ?? new Set<string>();
      record.reads.set(url, reads);
      return current.run(reads, render);
    },
    read: (path) => void current.getStore()?.add(path),
    keep: (url) => {
      record.offered.add(url);
      return keep(url);
    },
  };
  return { scope, record };
}

/** Hash of every file below `buildDir`, by posix path relative to it (through `hashes`: unchanged files are not read). */
export async function hashArtifacts(buildDir: string, hashes: FileHashes): Promise<Record<string, string>> {
  const files = await listFiles(buildDir).catch(() => []);
  const sums = await mapLimit(files, FS_WIDTH, (f) => hashes.hash(join(buildDir, f)));
  return Object.fromEntries(files.map((f, i) => [f, sums[i] as string]));
}

/** The manifest in `file`, or why there is none to use. */
export async function readSiteManifest(file: string): Promise<SiteManifest | string> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch {
    return 'kein früherer Build im Zwischenspeicher';
  }
  try {
    const m = JSON.parse(text) as SiteManifest;
    return m.version === SITE_MANIFEST_VERSION ? m : `${file} stammt von einer älteren Version`;
  } catch {
    return `${file} ist nicht lesbar`;
  }
}

/** The pages to render again, or why this build renders all. */
export type RenderPlan =
  | { kind: 'incremental'; previous: SiteManifest; render: Set<string>; changed: Set<string> }
  | { kind: 'full'; why: string };

/** The previous build's manifest, if `outDir` still holds what it published; else why it cannot be built upon. */
export type Published = { manifest: SiteManifest } | { why: string };

/**
 * Reads the previous build's manifest from `file` and checks that every page it published is still in `outDir` as
 * it was (same size and time): a page changed by hand must not be taken over.
 */
export async function readPublished(file: string, outDir: string): Promise<Published> {
  const read = await readSiteManifest(file);
  if (typeof read === 'string') return { why: read };
  const pages = Object.entries(read.pages);
  // In turn and synchronously: a page cached by the system takes microseconds; a promise per page cost more than
  // the stat (0.3 s of the main thread for the demo's 16,827 pages).
  const stats = pages.map(([url]) => statSync(join(outDir, pageFile(url)), { throwIfNoEntry: false }));
  const differs = pages.findIndex(([, p], i) => stats[i]?.size !== p.size || stats[i]?.mtimeMs !== p.mtimeMs);
  if (differs >= 0) return { why: `${outDir} weicht vom letzten Build ab (${pageFile(pages[differs]?.[0] ?? '')})` };
  return { manifest: read };
}

/**
 * Plans a build: incremental when the previous build's published site is intact (see {@link readPublished}) and was
 * rendered by the same site code; else full, with the reason.
 */
export function planRender(published: Published, siteCode: string, artifacts: Record<string, string>): RenderPlan {
  if ('why' in published) return { kind: 'full', why: published.why };
  const previous = published.manifest;
  if (previous.siteCode !== siteCode) return { kind: 'full', why: 'Seitencode oder Bibliotheken geändert' };
  const changed = changedArtifacts(previous.artifacts, artifacts);
  return { kind: 'incremental', previous, render: pagesToRender(previous, changed), changed };
}

/**
 * Links (or, across devices, copies) `files` (relative paths) from `fromDir` into `toDir`, making the folders.
 * A file that is already in `toDir` is an error (EEXIST): nothing is replaced.
 */
export async function linkFiles(fromDir: string, toDir: string, files: readonly string[]): Promise<void> {
  await mapLimit([...new Set(files.map((f) => dirname(join(toDir, f))))], FS_WIDTH, (folder) =>
    mkdir(folder, { recursive: true }),
  );
  await mapLimit(files, FS_WIDTH, (file) =>
    link(join(fromDir, file), join(toDir, file)).catch(async (e: NodeJS.ErrnoException) => {
      if (e.code !== 'EXDEV' && e.code !== 'EPERM') throw e;
      await copyFile(join(fromDir, file), join(toDir, file), fsConstants.COPYFILE_EXCL);
    }),
  );
}

/**
 * The manifest of a finished build. The published pages' sizes and times are read from `outDir`, except for pages
 * taken unchanged, whose `known` entry (the previous manifest's, a hard link keeps both) is kept.
 */
export async function siteManifest(o: {
  siteCode: string;
  artifacts: Record<string, string>;
  reads: ReadonlyMap<string, ReadonlySet<string>>;
  outDir: string;
  external: readonly { page: string; href: string }[];
  known?: Readonly<Record<string, { size: number; mtimeMs: number }>> | undefined;
  /** Every file published (relative, posix, sorted). */
  files: readonly string[];
}): Promise<SiteManifest> {
  const { values: paths, indices } = intern(o.reads);
  const links = new Map<string, string[]>();
  for (const e of o.external) (links.get(e.page) ?? links.set(e.page, []).get(e.page))?.push(e.href);
  const { values: hrefs, indices: external } = intern(links);
  const entries = [...indices].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const stats = entries.map(([url]) => {
    const known = o.known?.[url];
    if (known) return known;
    // A page Astro writes elsewhere than its url says (404.html) is not recorded: it is rendered in every build.
    const s = statSync(join(o.outDir, pageFile(url)), { throwIfNoEntry: false });
    return s && { size: s.size, mtimeMs: s.mtimeMs };
  });
  const pages: SiteManifest['pages'] = {};
  entries.forEach(([url, reads], i) => {
    const s = stats[i];
    const own = external.get(url);
    if (s) pages[url] = { reads, size: s.size, mtimeMs: s.mtimeMs, ...(own ? { external: own } : {}) };
  });
  return {
    version: SITE_MANIFEST_VERSION,
    siteCode: o.siteCode,
    artifacts: o.artifacts,
    paths,
    pages,
    hrefs,
    files: [...o.files],
  };
}

export async function writeSiteManifest(file: string, manifest: SiteManifest): Promise<void> {
  await mkdir(dirname(file), { recursive: true });
  await writeFile(file, JSON.stringify(manifest));
}

/** The external links the previous build recorded for the pages `urls`. */
export function previousExternal(previous: SiteManifest, urls: ReadonlySet<string>): { page: string; href: string }[] {
  const out: { page: string; href: string }[] = [];
  for (const url of urls)
    for (const i of previous.pages[url]?.external ?? []) out.push({ page: url, href: previous.hrefs[i] as string });
  return out;
}
