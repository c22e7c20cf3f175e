/**
 * Offline link check of the built site (RELIABILITY.md §6.1).
 *
 * Every internal `href`/`src`/`srcset`/… of every `dist/**\/*.html` must resolve to a file in `dist/`, and every
 * `#fragment` to an element with that `id` (or `<a name>`) in the target page. Broken ones are printed with page
 * and link, and the exit code is 1. External http(s) links are not checked; they are listed in
 * `.atlas/external-links.txt` next to `dist/` for a scheduled review.
 *
 */
import { statSync } from 'node:fs';
import { mkdir, open, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import {
  checkPageReferences,
  checkPendingFragments,
  digestPage,
  fileCandidatesForPath,
  formatExternalLinksReport,
  parsePageHtml,
  PathTable,
  referenceResolver,
  settleDigest,
  sortLinkReport,
  type BrokenLink,
  type ExternalLink,
  type LinkOptions,
  type PageDigest,
  type PendingFragment,
} from '../lib/links.ts';
import { listFiles } from './listFiles.ts';
import { settleLater } from '../lib/mapLimit.ts';
import { requestChannel, roundRobin, startTsWorker } from './threads.ts';

/** `atlas.siteUrl` from `dist/data/atlas.json` (or the public folder's), when the file exists and has one. */
export async function readSiteUrl(distDir: string): Promise<string | undefined> {
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

/** The jobs a link thread takes (linkWorkerMain.ts), one message each, in order. */
export type LinkJob =
  | { kind: 'pages'; files: string[] }
  | { kind: 'anchors'; groups: [string, PendingFragment[]][] }
  | { kind: 'digest'; files: string[] }
  | { kind: 'settle'; files: string[] };

/** What the pages digested while the site was written found ({@link LinkDigests.settle}), and which pages that covers. */
export interface SettledDigests {
  result: PageShareResult;
  /** The pages whose check `result` is; every other page of the site is still to be checked. */
  checked: string[];
}

/**
 * The pages of a site read and digested ({@link digestPage}) while the site is still being written, and settled
 * against its files once they are all there ({@link settleDigest}). A page is left to the ordinary check when it
 * could not be read, when its size or time of change is not what it was when read (read while being written, or
 * written again), or when its check needs the page itself (a missing target).
 *
 * Fragments on other pages are answered from the anchors kept of each page: of a page's anchors only those some
 * page read before had asked for (`#wanted`), so a site of thousands of anchors per page keeps few. A fragment first
 * asked for after its target page was read is left to the ordinary check of fragments, which reads that page again.
 */
export class LinkDigests {
  readonly #table = new PathTable();
  readonly #pages = new Map<string, DigestedPage>();
  /** Every fragment asked for on another page, with the number of the page read that first asked. */
  readonly #wanted = new Map<string, number>();
  /** Pages read so far. */
  #read = 0;
  readonly #resolve;

  readonly distDir: string;
  readonly options: LinkOptions;

  constructor(distDir: string, options: LinkOptions) {
    this.distDir = distDir;
    this.options = options;
    this.#resolve = referenceResolver(options);
  }

  /** Reads and digests the pages `files` (relative to the site's folder), one after the other. */
  async add(files: readonly string[]): Promise<void> {
    for (const file of files) {
      let text: Buffer;
      let mtimeMs: number;
      try {
        const handle = await open(path.join(this.distDir, file));
        try {
          // The time before the text: a write after it changes the size, or the time, or both.
          mtimeMs = (await handle.stat()).mtimeMs;
          text = await handle.readFile();
        } finally {
          await handle.close();
        }
      } catch {
        continue;
      }
      const page = parsePageHtml(text.toString('utf8'));
      const digest = digestPage(file, page, this.#table, this.options, this.#resolve);
      const seq = ++this.#read;
      for (const f of digest.fragments) if (!this.#wanted.has(f.fragment)) this.#wanted.set(f.fragment, seq);
      const anchors = new Set<string>();
      for (const a of page.anchors) if (this.#wanted.has(a)) anchors.add(a);
      this.#pages.delete(file);
      this.#pages.set(file, { digest, size: text.length, mtimeMs, seq, anchors });
    }
  }

  /** Settles the digests of the pages among `files` (every file of the finished site) and forgets them. */
  settle(files: readonly string[]): SettledDigests {
    const fileSet = new Set(files);
    const targets = new Map<number, string | undefined>();
    const targetOf = (id: number): string | undefined => {
      if (targets.has(id)) return targets.get(id);
      const target = fileCandidatesForPath(this.#table.paths[id] ?? '').find((f) => fileSet.has(f));
      targets.set(id, target);
      return target;
    };
    // Only pages as they were read count, as pages checked and as targets whose anchors are known.
    const valid = new Map<string, DigestedPage>();
    for (const [file, page] of this.#pages) {
      const now = fileSet.has(file) ? statSync(path.join(this.distDir, file), { throwIfNoEntry: false }) : undefined;
      if (now?.size === page.size && now.mtimeMs === page.mtimeMs) valid.set(file, page);
    }
    const result: PageShareResult = { broken: [], external: [], pending: [] };
    const checked: string[] = [];
    for (const [file, { digest }] of valid) {
      const r = settleDigest(digest, targetOf);
      if (!r) continue;
      for (const b of r.broken) result.broken.push(b);
      for (const e of r.external) result.external.push(e);
      for (const p of r.pending) {
        const target = valid.get(p.target);
        const asked = this.#wanted.get(p.fragment);
        // Kept, or asked for before the target was read (so it would have been kept): settled here.
        if (target && asked !== undefined && (target.anchors.has(p.fragment) || asked <= target.seq))
          for (const b of checkPendingFragments([p], target.anchors)) result.broken.push(b);
        else result.pending.push(p);
      }
      checked.push(file);
    }
    this.#pages.clear();
    this.#wanted.clear();
    return { result, checked };
  }
}

/** A page read by {@link LinkDigests}: its digest, what it was read as, and the anchors kept of it. */
interface DigestedPage {
  digest: PageDigest;
  size: number;
  mtimeMs: number;
  /** The page's number in reading order (from 1). */
  seq: number;
  anchors: Set<string>;
}

/** Pages 10 at a time: few messages, and the thread never far behind the pages written. */
const STREAM_BATCH = 10;

/**
 * A link check that starts while the site is written: {@link LinkStream.add} hands over each page once it is
 * complete, a link thread reads and digests it ({@link LinkDigests}), and {@link checkSiteLinks} with `stream`
 * takes what it found and checks only the rest. The report is the same as without.
 */
export interface LinkStream {
  readonly options: LinkOptions;
  /** A page (relative to the site's folder) that has been written completely. */
  add(file: string): void;
  /** Waits for the pages handed over and settles them against `files`, every file of the finished site. */
  settle(files: readonly string[]): Promise<SettledDigests>;
  /** How many pages the last {@link LinkStream.settle} covered. */
  readonly settled: number;
  close(): Promise<void>;
}

/**
 * Starts a {@link LinkStream} for the site being written into `distDir`, in a link thread (or, with `thread: false`,
 * in this one: for tests).
 */
export function startLinkStream(distDir: string, options: LinkOptions, o: { thread?: boolean } = {}): LinkStream {
  const local = o.thread === false ? new LinkDigests(distDir, options) : undefined;
  const channel = local
    ? undefined
    : requestChannel(startTsWorker(new URL('./linkWorkerMain.ts', import.meta.url), { distDir, options }));
  let batch: string[] = [];
  let work: Promise<unknown> = Promise.resolve();
  const flush = () => {
    if (batch.length === 0) return;
    const files = batch;
    batch = [];
    const job = { kind: 'digest', files } satisfies LinkJob;
    work = Promise.all([work, local ? local.add(files) : channel?.request(job)]);
  };
  // Awaited by settle; until then a failure must not count as unhandled.
  const quiet = () => void work.catch(() => undefined);
  let settled = 0;
  return {
    options,
    get settled() {
      return settled;
    },
    add(file) {
      batch.push(file);
      if (batch.length >= STREAM_BATCH) {
        flush();
        quiet();
      }
    },
    async settle(files) {
      flush();
      await work;
      const r = local
        ? local.settle(files)
        : await (channel as NonNullable<typeof channel>).request<SettledDigests>({
            kind: 'settle',
            files: [...files],
          } satisfies LinkJob);
      settled = r.checked.length;
      return r;
    },
    close: async () => {
      await channel?.close();
    },
  };
}

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
    /** Pages digested while the site was written: only the others are read now. */
    stream?: LinkStream | undefined;
  } = {},
): Promise<{ broken: BrokenLink[]; external: ExternalLink[] }> {
  const files = o.files ? [...o.files] : await listFiles(distDir);
  const options: LinkOptions = { siteUrl: await readSiteUrl(distDir) };
  const settled = o.stream ? await o.stream.settle(files) : undefined;
  // Digested under another site url (the site's own data changed after): not used.
  const streamed = settled && o.stream?.options.siteUrl === options.siteUrl ? settled : undefined;
  const done = new Set(streamed?.checked);
  const pages = (o.only ? [...o.only] : files.filter((f) => f.endsWith('.html'))).filter((f) => !done.has(f));
  const n = Math.max(
    1,
    Math.min(o.workers ?? 1, Math.floor(pages.length / (o.minPagesPerThread ?? MIN_PAGES_PER_LINK_THREAD))),
  );
  // Streaming: each page is read, parsed and checked, then dropped; only fragments on other pages wait, by target,
  // until all pages are read (holding every parsed page ran a site of 60,000 pages out of memory).
  const run = n > 1 ? inThreads(n, distDir, files, options) : inThisThread(distDir, new Set(files), options);
  try {
    const results = await Promise.all(roundRobin(pages, n).map((s, i) => run.pages(i, s)));
    if (streamed) results.push(streamed.result);
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
