/**
 * Link checking of the built site, the pure part: extract references from HTML, resolve them against the page
 * url, and check them against the set of files in `dist/` (RELIABILITY.md §6.1). No file system here:
 * `src/pipeline/siteLinks.ts` reads `dist/` and calls {@link checkLinkGraph}.
 *
 * HTML is parsed with htmlparser2 (a real, streaming parser), never with regular expressions.
 */
import { decodeHTMLAttribute } from 'entities/decode';
import { Tokenizer } from 'htmlparser2';

/** One url-carrying attribute found in a page. */
export interface HtmlReference {
  /** Lower-case element name, e.g. `a`, `img`, `use`. */
  element: string;
  /** Attribute name, e.g. `href`, `srcset`, `xlink:href`; `content` for `<meta http-equiv="refresh">`. */
  attribute: string;
  /** One url as written (a `srcset` yields one reference per candidate). */
  value: string;
}

/** What a page offers and what it points to. */
export interface ParsedPage {
  references: HtmlReference[];
  /** Fragment targets: every `id`, and `name` of `<a name>`. */
  anchors: Set<string>;
  /** `<base href>`, when present (it changes how relative urls resolve). */
  baseHref: string | undefined;
}

/** Where a reference points. */
export type ResolvedReference =
  /** A file of this site; `path` is the decoded url path (`/bezirke/mitte/`), `fragment` decoded, without `#`. */
  | { kind: 'internal'; path: string; fragment: string | undefined }
  /** An http(s) url of another site. */
  | { kind: 'external'; url: string }
  /** Nothing to check: `mailto:`, `tel:`, `data:`, `blob:`, other schemes, empty values. */
  | { kind: 'ignored' }
  /** Never acceptable in our output (`javascript:`), or unparseable. */
  | { kind: 'invalid'; reason: string };

/** Options shared by {@link resolveReference} and {@link checkLinkGraph}. */
export interface LinkOptions {
  /**
   * The site's public url (`atlas.siteUrl`), e.g. `https://sozialatlas.musterstadt.de/`. Absolute links to it count
   * as internal; a path in it (`https://stadt.de/atlas/`) is the base path under which internal paths live.
   */
  siteUrl?: string | undefined;
}

/** A reference that does not resolve. `page` is the url path of the page that contains it. */
export interface BrokenLink {
  page: string;
  href: string;
  reason: string;
  /** e.g. `a[href]`, `img[src]`. */
  element?: string;
}

/** An outbound http(s) link, reported for a scheduled check, never failed. */
export interface ExternalLink {
  page: string;
  href: string;
}

/** Result of {@link checkLinkGraph}; `broken` and `external` are sorted by page, then href. */
export interface LinkReport {
  broken: BrokenLink[];
  external: ExternalLink[];
}

/** Url-carrying attributes by element (HTML and SVG). `meta` is handled separately. */
const URL_ATTRIBUTES: Readonly<Record<string, readonly string[]>> = {
  a: ['href', 'xlink:href'],
  area: ['href'],
  link: ['href'],
  script: ['src', 'href', 'xlink:href'],
  img: ['src', 'srcset'],
  source: ['src', 'srcset'],
  video: ['src', 'poster'],
  audio: ['src'],
  track: ['src'],
  iframe: ['src'],
  embed: ['src'],
  object: ['data'],
  input: ['src'],
  form: ['action'],
  use: ['href', 'xlink:href'],
  image: ['href', 'xlink:href'],
  feimage: ['href', 'xlink:href'],
};

/** `<link rel>` values whose href is a hint, not a resource (`preconnect` to a CDN is caught by the CSP check). */
const HINT_RELS = new Set(['preconnect', 'dns-prefetch']);

/** Splits a `srcset` into its urls. @example srcsetUrls('/a.png 1x, /b.png 2x') → ['/a.png', '/b.png'] */
export function srcsetUrls(srcset: string): string[] {
  return srcset
    .split(/,(?=\s|$)/)
    .map((candidate) => candidate.trim().split(/\s+/)[0] ?? '')
    .filter((url) => url !== '');
}

/** The url of `<meta http-equiv="refresh" content="0; url=/x/">`, or undefined. */
export function refreshUrl(content: string): string | undefined {
  const match = /^\s*\d*(?:\.\d*)?\s*[;,]?\s*(?:url\s*=\s*)?(['"]?)(.+)\1\s*$/i.exec(content);
  const url = match?.[2]?.trim();
  return url && !/^\d+$/.test(url) ? url : undefined;
}

/** A copy of `s` that does not share memory with the (possibly much longer) string it was cut from. */
function detach(s: string): string {
  return (' ' + s).slice(1);
}

/** What {@link parsePageHtml} reads besides the url attributes: anchor names, the base url, refresh and hints. */
const OTHER_ATTRIBUTES: Readonly<Record<string, readonly string[]>> = {
  a: ['name'],
  base: ['href'],
  meta: ['http-equiv', 'content'],
  link: ['rel'],
};
/** Attributes read per element: `id` on every element, and what {@link parsePageHtml} looks at on some. */
const READ_ATTRIBUTES: ReadonlyMap<string, ReadonlySet<string>> = new Map(
  [...new Set([...Object.keys(URL_ATTRIBUTES), ...Object.keys(OTHER_ATTRIBUTES)])].map((element) => [
    element,
    new Set(['id', ...(URL_ATTRIBUTES[element] ?? []), ...(OTHER_ATTRIBUTES[element] ?? [])]),
  ]),
);
const ID_ONLY: ReadonlySet<string> = new Set(['id']);

/**
 * Parses one HTML document and lists its references and anchors.
 * htmlparser2's tokenizer (the one its Parser and linkedom's DOM are built on), with entities decoded as a browser
 * would and tag and attribute names lower-cased: only start tags are looked at, and of their attributes only `id`
 * and those the check needs, so the attributes of the many SVG elements of a chart are never copied out. No tree is
 * built; the check of ~16,000 pages is about ten times faster than with a DOM, and reads 1.7 times the megabytes per
 * second of htmlparser2's Parser.
 */
export function parsePageHtml(html: string): ParsedPage {
  const references: HtmlReference[] = [];
  const anchors = new Set<string>();
  let baseHref: string | undefined;
  let element = '';
  let read: ReadonlySet<string> = ID_ONLY;
  // The attributes read on the current start tag; of repeated attributes the first counts, as in a browser.
  let attributes: Map<string, string> | undefined;
  let reading: string | undefined;
  let value = '';
  // Copies, not slices: an attribute value can be a slice of the whole page's text, and keeping a few of them
  // (pending anchors, external links) would keep every page's HTML alive (4 GB for a site of 60,000 pages).
  // Made once per page, not per tag: under tsx every function made is also named (a property write).
  const attr = (key: string): string | undefined => {
    const v = attributes?.get(key);
    return v === undefined ? undefined : detach(v);
  };
  const openTag = () => {
    if (attributes === undefined) return;
    const id = attr('id');
    if (id) anchors.add(id);
    if (read === ID_ONLY) return;
    if (element === 'a' && attr('name')) anchors.add(attr('name') ?? '');
    if (element === 'base' && baseHref === undefined && attr('href') !== undefined) baseHref = attr('href');
    if (element === 'meta') {
      if ((attr('http-equiv') ?? '').toLowerCase() !== 'refresh') return;
      const url = refreshUrl(attr('content') ?? '');
      if (url) references.push({ element, attribute: 'content', value: url });
      return;
    }
    if (element === 'link') {
      const rels = (attr('rel') ?? '').toLowerCase().split(/\s+/);
      if (rels.some((rel) => HINT_RELS.has(rel))) return;
    }
    for (const attribute of URL_ATTRIBUTES[element] ?? []) {
      const v = attr(attribute);
      if (v === undefined) continue;
      if (attribute === 'srcset') for (const url of srcsetUrls(v)) references.push({ element, attribute, value: url });
      else references.push({ element, attribute, value: v });
    }
  };
  const ignore = () => undefined;
  // Entities are decoded only in the values read: the tokenizer then skips text and every other attribute value in
  // one search for the next `<` or closing quote, instead of looking at each character for a `&`.
  const tokenizer = new Tokenizer(
    { decodeEntities: false },
    {
      onopentagname(start, end) {
        const name = html.slice(start, end);
        element = READ_ATTRIBUTES.has(name) ? name : name.toLowerCase();
        read = READ_ATTRIBUTES.get(element) ?? ID_ONLY;
        attributes = undefined;
      },
      onattribname(start, end) {
        reading = undefined;
        // Most elements are a chart's SVG shapes: of their attributes only `id` is read, matched without a copy.
        if (read === ID_ONLY) {
          if (
            end - start !== 2 ||
            (html.charCodeAt(start) | 0x20) !== 0x69 ||
            (html.charCodeAt(start + 1) | 0x20) !== 0x64
          )
            return;
          if (!attributes?.has('id')) reading = 'id';
        } else {
          const name = html.slice(start, end).toLowerCase();
          if (read.has(name) && !attributes?.has(name)) reading = name;
        }
        value = '';
      },
      onattribdata(start, end) {
        if (reading !== undefined) value += html.slice(start, end);
      },
      onattribentity: ignore,
      onattribend() {
        // Character references decoded as in an attribute (`&amp` before `=` or a letter stays as written).
        if (reading !== undefined)
          (attributes ??= new Map()).set(reading, value.includes('&') ? decodeHTMLAttribute(value) : value);
        reading = undefined;
      },
      onopentagend: openTag,
      onselfclosingtag: openTag,
      onclosetag: ignore,
      ontext: ignore,
      ontextentity: ignore,
      oncomment: ignore,
      oncdata: ignore,
      ondeclaration: ignore,
      onprocessinginstruction: ignore,
      onend: ignore,
    },
  );
  // One write of the whole page: the tokenizer's indices are offsets into `html`.
  tokenizer.write(html);
  tokenizer.end();
  return { references, anchors, baseHref };
}

/** The url path a file in `dist/` is served at. @example pageUrlForFile('bezirke/mitte/index.html') === '/bezirke/mitte/' */
export function pageUrlForFile(relativeFile: string): string {
  const posix = relativeFile.split('\\').join('/');
  if (posix === 'index.html') return '/';
  if (posix.endsWith('/index.html')) return `/${posix.slice(0, -'index.html'.length)}`;
  return `/${posix}`;
}

/**
 * Files in `dist/` that may serve a url path, in order of preference (the static server and most hosts
 * redirect `/x` to `/x/` when `x` is a folder).
 * @example fileCandidatesForPath('/bezirke/mitte/') → ['bezirke/mitte/index.html']
 */
export function fileCandidatesForPath(urlPath: string): string[] {
  const relative = urlPath.replace(/^\/+/, '');
  if (relative === '' || relative.endsWith('/')) return [`${relative}index.html`];
  return [relative, `${relative}/index.html`];
}

const SITE = 'http://site.invalid';

function siteBase(siteUrl: string | undefined): { origin: string; basePath: string } | undefined {
  if (!siteUrl) return undefined;
  try {
    const url = new URL(siteUrl);
    return { origin: url.origin, basePath: url.pathname.endsWith('/') ? url.pathname : `${url.pathname}/` };
  } catch {
    return undefined;
  }
}

function decode(part: string): string | undefined {
  try {
    return decodeURIComponent(part);
  } catch {
    return undefined;
  }
}

/**
 * Resolves one reference found on the page served at `pageUrl` (a url path like `/bezirke/mitte/`).
 * @example resolveReference('../nord/#kennzahlen', '/bezirke/mitte/') → { kind: 'internal', path: '/bezirke/nord/', fragment: 'kennzahlen' }
 */
export function resolveReference(
  value: string,
  pageUrl: string,
  options: LinkOptions & { baseHref?: string | undefined } = {},
): ResolvedReference {
  const trimmed = value.trim();
  if (trimmed === '') return { kind: 'ignored' };
  // Browsers drop tabs and newlines anywhere in a url, so "jav\tascript:" is still javascript:.
  const compact = trimmed.replace(/[\t\n\r]/g, '');
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(compact)?.[1]?.toLowerCase();
  if (scheme === 'javascript' || scheme === 'vbscript') return { kind: 'invalid', reason: `${scheme}:-URL` };
  if (scheme !== undefined && scheme !== 'http' && scheme !== 'https') return { kind: 'ignored' };
  const site = siteBase(options.siteUrl);
  let url: URL;
  try {
    const base = new URL(options.baseHref ?? '', new URL(pageUrl, SITE));
    url = new URL(compact, base);
  } catch {
    return { kind: 'invalid', reason: 'keine gültige URL' };
  }
  let internalPath: string | undefined;
  if (url.origin === SITE) internalPath = url.pathname;
  else if (site && url.origin === site.origin && (url.pathname + '/').startsWith(site.basePath))
    internalPath = url.pathname;
  else return { kind: 'external', url: url.href };
  if (site && site.basePath !== '/' && (internalPath + '/').startsWith(site.basePath)) {
    internalPath = internalPath.slice(site.basePath.length - 1) || '/';
  }
  const path = decode(internalPath);
  const fragment = url.hash === '' ? undefined : decode(url.hash.slice(1));
  if (path === undefined || (url.hash !== '' && fragment === undefined))
    return { kind: 'invalid', reason: 'ungültige Prozentkodierung' };
  return { kind: 'internal', path, fragment };
}

/** {@link resolveReference} under fixed {@link LinkOptions}, for the page at `pageUrl` with its `<base href>`. */
export type ReferenceResolver = (value: string, pageUrl: string, baseHref: string | undefined) => ResolvedReference;

/** Above this many remembered urls a {@link referenceResolver} starts again (a site's own urls are this many at most). */
const REMEMBERED_URLS = 100_000;

/**
 * A {@link resolveReference} that remembers what does not depend on the page: urls that start with `/`, `http://` or
 * `https://`, on pages without `<base href>`. The pages of a site share most of these (navigation, styles, scripts), so
 * each is resolved once per check instead of once per page. The results are the same; they are not to be changed.
 */
export function referenceResolver(options: LinkOptions = {}): ReferenceResolver {
  const remembered = new Map<string, ResolvedReference>();
  return (value, pageUrl, baseHref) => {
    const independent = baseHref === undefined && /^(?:\/|https?:\/\/)/i.test(value);
    if (!independent) return resolveReference(value, pageUrl, { ...options, baseHref });
    let resolved = remembered.get(value);
    if (resolved === undefined) {
      if (remembered.size >= REMEMBERED_URLS) remembered.clear();
      resolved = resolveReference(value, pageUrl, options);
      remembered.set(value, resolved);
    }
    return resolved;
  };
}

/** True for fragments that need no target: `#`, `#top` (HTML scrolls to the top), text fragments `#:~:text=…`. */
export function isSelfEvidentFragment(fragment: string): boolean {
  return fragment === '' || fragment.toLowerCase() === 'top' || fragment.startsWith(':~:');
}

/** A `#fragment` on another page, checked once that page's anchors are known. */
export interface PendingFragment {
  /** The target file (relative to `dist/`). */
  target: string;
  fragment: string;
  page: string;
  href: string;
  element: string;
}

/** The result of {@link checkPageReferences}: what is settled, and the fragments owed by other pages. */
export interface PageCheck {
  broken: BrokenLink[];
  external: ExternalLink[];
  pending: PendingFragment[];
}

/** A reference of a page that resolves into the site, as {@link eachReference} hands it on. */
interface InternalReference {
  path: string;
  fragment: string | undefined;
  /** The url as written. */
  href: string;
  /** e.g. `a[href]`. */
  element: string;
}

/**
 * Resolves each distinct reference of a page (by element, attribute and value) once: invalid urls go to
 * `out.broken` and http(s) urls of other sites to `out.external`, in the order written; `internal` gets the others.
 * What follows (is the target there, has it the anchor) is up to the caller: {@link checkPageReferences} asks the
 * site's files at once, {@link digestPage} before they are known.
 */
function eachReference(
  pageUrl: string,
  page: ParsedPage,
  resolve: ReferenceResolver,
  out: { broken: BrokenLink[]; external: ExternalLink[] },
  internal: (reference: InternalReference) => void,
): void {
  const seen = new Set<string>();
  for (const reference of page.references) {
    const key = `${reference.element}\u0000${reference.attribute}\u0000${reference.value}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const element = `${reference.element}[${reference.attribute}]`;
    const resolved = resolve(reference.value, pageUrl, page.baseHref);
    if (resolved.kind === 'ignored') continue;
    if (resolved.kind === 'external') out.external.push({ page: pageUrl, href: reference.value.trim() });
    else if (resolved.kind === 'invalid')
      out.broken.push({ page: pageUrl, href: reference.value, reason: resolved.reason, element });
    else internal({ path: resolved.path, fragment: resolved.fragment, href: reference.value, element });
  }
}

/** True when a fragment of `reference` needs a target element (see {@link isSelfEvidentFragment}). */
function needsAnchor(reference: InternalReference): reference is InternalReference & { fragment: string } {
  return reference.fragment !== undefined && !isSelfEvidentFragment(reference.fragment);
}

/**
 * Checks the references of one page against the files of the site: missing targets and invalid urls are broken,
 * fragments on the page itself are checked against its own anchors, fragments on other pages are returned as
 * `pending` (see {@link checkPendingFragments}). A reference repeated on the page is checked once. Keeping only
 * this per page (not the parsed pages) lets a site of 60,000 pages be checked in little memory.
 * @param file the page's path relative to `dist/` (posix), e.g. `bezirke/mitte/index.html`.
 */
export function checkPageReferences(
  file: string,
  page: ParsedPage,
  files: ReadonlySet<string>,
  options: LinkOptions = {},
  resolve: ReferenceResolver = referenceResolver(options),
): PageCheck {
  const out: PageCheck = { broken: [], external: [], pending: [] };
  const pageUrl = pageUrlForFile(file);
  eachReference(pageUrl, page, resolve, out, (reference) => {
    const candidates = fileCandidatesForPath(reference.path);
    const target = candidates.find((candidate) => files.has(candidate));
    if (target === undefined) {
      out.broken.push(missingTarget(pageUrl, reference, candidates));
      return;
    }
    if (!needsAnchor(reference) || !target.endsWith('.html')) return;
    const { fragment, href, element } = reference;
    const wanted: PendingFragment = { target, fragment, page: pageUrl, href, element };
    if (target === file) out.broken.push(...checkPendingFragments([wanted], page.anchors));
    else out.pending.push(wanted);
  });
  return out;
}

function missingTarget(pageUrl: string, reference: InternalReference, candidates: readonly string[]): BrokenLink {
  const lastSegment = reference.path.split('/').pop() ?? '';
  const wanted = lastSegment.includes('.') ? candidates.slice(0, 1) : candidates;
  return {
    page: pageUrl,
    href: reference.href,
    element: reference.element,
    reason: `Ziel fehlt: keine Datei ${wanted.join(' oder ')}`,
  };
}

/** Numbers for the internal url paths of a site, so that a {@link PageDigest} holds numbers, not strings. */
export class PathTable {
  readonly #ids = new Map<string, number>();
  /** The paths, by number. */
  readonly paths: string[] = [];

  id(path: string): number {
    let id = this.#ids.get(path);
    if (id === undefined) {
      id = this.paths.length;
      this.paths.push(path);
      this.#ids.set(path, id);
    }
    return id;
  }
}

/**
 * What {@link checkPageReferences} would find on a page, taken before the site's files are known (while the site is
 * still being written): see {@link digestPage} and {@link settleDigest}.
 */
export interface PageDigest {
  file: string;
  /** Invalid urls and fragments missing on the page itself: broken whatever the files. */
  broken: BrokenLink[];
  external: ExternalLink[];
  /** Every internal path the page links to (numbers of a {@link PathTable}). */
  paths: Int32Array;
  /**
   * Of those, the paths with a fragment whose first file does not end in `.html` (`/data/karte.svg#u-1`): the
   * fragment counts only if the path is served by `…/index.html` instead, and then the page is checked again.
   */
  loose: Int32Array;
  /** Fragments on paths whose first file is another page. */
  fragments: { path: number; fragment: string; href: string; element: string }[];
}

/**
 * Takes from a parsed page what its check needs once the site's files are known ({@link settleDigest}): a list of
 * path numbers instead of the references (a ranked table of 5,000 areas links them all), and fragments only where
 * they can point into a page. Fragments on the page itself are checked here, as {@link checkPageReferences} does.
 */
export function digestPage(
  file: string,
  page: ParsedPage,
  table: PathTable,
  options: LinkOptions = {},
  resolve: ReferenceResolver = referenceResolver(options),
): PageDigest {
  const pageUrl = pageUrlForFile(file);
  const out = { broken: [] as BrokenLink[], external: [] as ExternalLink[] };
  const paths = new Set<number>();
  const loose = new Set<number>();
  const fragments: PageDigest['fragments'] = [];
  eachReference(pageUrl, page, resolve, out, (reference) => {
    const path = table.id(reference.path);
    paths.add(path);
    if (!needsAnchor(reference)) return;
    const first = fileCandidatesForPath(reference.path)[0] ?? '';
    const { fragment, href, element } = reference;
    // The only file a path ending in `/` can be: if it is this page, the page exists, and so does the anchor or not.
    if (first === file)
      out.broken.push(
        ...checkPendingFragments([{ target: file, fragment, page: pageUrl, href, element }], page.anchors),
      );
    else if (first.endsWith('.html')) fragments.push({ path, fragment, href, element });
    else loose.add(path);
  });
  return { file, ...out, paths: Int32Array.from(paths), loose: Int32Array.from(loose), fragments };
}

/**
 * The check of a digested page ({@link digestPage}) now that `targetOf` knows the file serving each path (or
 * undefined when there is none): the same result as {@link checkPageReferences} on the page. Undefined when that
 * needs the page itself: a target is missing (the report names each reference as written), or a fragment turned out
 * to point into the page itself or into a page served by `…/index.html`.
 */
export function settleDigest(
  digest: PageDigest,
  targetOf: (path: number) => string | undefined,
): PageCheck | undefined {
  for (const path of digest.paths) if (targetOf(path) === undefined) return undefined;
  for (const path of digest.loose) if (targetOf(path)?.endsWith('.html')) return undefined;
  const page = pageUrlForFile(digest.file);
  const pending: PendingFragment[] = [];
  for (const { path, fragment, href, element } of digest.fragments) {
    const target = targetOf(path) as string;
    if (target === digest.file) return undefined;
    pending.push({ target, fragment, page, href, element });
  }
  return { broken: digest.broken, external: digest.external, pending };
}

/** The fragments among `pending` (all on one target page) that `anchors` of that page do not have. */
export function checkPendingFragments(pending: readonly PendingFragment[], anchors: ReadonlySet<string>): BrokenLink[] {
  return pending
    .filter((p) => !anchors.has(p.fragment))
    .map((p) => ({
      page: p.page,
      href: p.href,
      element: p.element,
      reason: `Anker #${p.fragment} fehlt auf ${pageUrlForFile(p.target)} (kein Element mit id="${p.fragment}" und kein <a name="${p.fragment}">)`,
    }));
}

/**
 * Sorts a link report by page, then href (broken links with the same page and href by element, then reason: the
 * order does not depend on the order found), with external links unique per page.
 */
export function sortLinkReport(broken: readonly BrokenLink[], external: readonly ExternalLink[]): LinkReport {
  const order = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
  const byPageThenHref = (a: { page: string; href: string }, b: { page: string; href: string }) =>
    order(a.page, b.page) || order(a.href, b.href);
  const brokenOrder = (a: BrokenLink, b: BrokenLink) =>
    byPageThenHref(a, b) || order(a.element ?? '', b.element ?? '') || order(a.reason, b.reason);
  const uniqueExternal = [...new Map(external.map((link) => [`${link.page}\u0000${link.href}`, link])).values()];
  return { broken: [...broken].sort(brokenOrder), external: uniqueExternal.sort(byPageThenHref) };
}

/**
 * Checks every reference of every page against the files of the site (all pages in memory: for tests and small
 * sites; `src/pipeline/siteLinks.ts` streams with {@link checkPageReferences} instead).
 * @param pages HTML text, or the page already parsed with {@link parsePageHtml}, by file path relative to `dist/`
 *   (posix separators), e.g. `bezirke/mitte/index.html`.
 * @param files every file in `dist/` (relative, posix), html pages included.
 * @returns broken internal links and anchors (the build fails on these) and external http(s) links (reported only).
 *   A reference repeated on one page is reported once.
 */
export function checkLinkGraph(
  pages: ReadonlyMap<string, string | ParsedPage>,
  files: ReadonlySet<string>,
  options: LinkOptions = {},
): LinkReport {
  const parsed = new Map<string, ParsedPage>();
  const parse = (file: string): ParsedPage | undefined => {
    const html = pages.get(file);
    if (html === undefined) return undefined;
    if (typeof html !== 'string') return html;
    let page = parsed.get(file);
    if (!page) parsed.set(file, (page = parsePageHtml(html)));
    return page;
  };
  const broken: BrokenLink[] = [];
  const external: ExternalLink[] = [];
  for (const file of pages.keys()) {
    const page = parse(file);
    if (!page) continue;
    const r = checkPageReferences(file, page, files, options);
    broken.push(...r.broken);
    external.push(...r.external);
    for (const p of r.pending) {
      const target = parse(p.target);
      if (target) broken.push(...checkPendingFragments([p], target.anchors));
    }
  }
  return sortLinkReport(broken, external);
}

/** Text of `.atlas/external-links.txt`: one `url<TAB>page` line per pair, grouped by url, with a header. */
export function formatExternalLinksReport(external: readonly ExternalLink[]): string {
  const sorted = [...external].sort((a, b) =>
    a.href < b.href ? -1 : a.href > b.href ? 1 : a.page < b.page ? -1 : a.page > b.page ? 1 : 0,
  );
  const urls = new Set(sorted.map((link) => link.href));
  return [
    '# External links of the built site: not checked by the build, reviewed on a schedule (RELIABILITY.md §6.1).',
    `# ${urls.size} urls on ${sorted.length} page links. Format: url<TAB>page`,
    ...sorted.map((link) => `${link.href}\t${link.page}`),
    '',
  ].join('\n');
}
