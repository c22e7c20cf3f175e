/**
 * What the site build (src/pipeline/site.ts) and the Astro pages share for incremental builds (README
 * "Incremental builds"): which artifacts each page read while it was rendered, and which pages a build renders.
 *
 * Astro bundles the pages apart from the pipeline, so the two meet on `globalThis` under {@link RENDER_SCOPE}, as the
 * page counter does (progress.ts). Outside a site build (astro dev, astro check, tests) there is no scope: pages read
 * as usual and every page is rendered.
 */

/** The global key of the site build's render scope. */
export const RENDER_SCOPE = 'sozialatlas.renderScope';

/**
 * Set by the Astro build thread (src/pipeline/astroWorkerMain.ts) before the first page; read by src/site/artifacts.ts,
 * src/site/routes.ts and the middleware.
 */
export interface RenderScope {
  /** Runs one page's render; every artifact read inside `render` is recorded for `url`. */
  page<T>(url: string, render: () => Promise<T>): Promise<T>;
  /** Records that the page being rendered read the artifact `path` (relative to the cache's `build/`). */
  read(path: string): void;
  /** Whether `getStaticPaths` keeps the page at `url` (every url is offered, so the scope learns the whole site). */
  keep(url: string): boolean;
}

export interface RenderScopeHost {
  [RENDER_SCOPE]?: RenderScope | undefined;
}

/**
 * The url of one page of a route: Astro's route pattern with its params filled in, with a trailing slash (the site's
 * `trailingSlash: 'always'`). An undefined rest parameter (German, `[...lang]`) drops its segment.
 * @example pageUrl('/[...lang]/einrichtungen/[id]', { lang: 'en', id: 'x' }) === '/en/einrichtungen/x/'
 */
export function pageUrl(routePattern: string, params: Readonly<Record<string, string | undefined>>): string {
  const segments = routePattern
    .split('/')
    .map((segment) =>
      segment.replace(/\[(?:\.\.\.)?([^\]]+)\]/g, (_, name: string) => {
        const value = params[name];
        return value === undefined ? '' : value;
      }),
    )
    .filter((s) => s !== '');
  return segments.length === 0 ? '/' : `/${segments.join('/')}/`;
}

/**
 * The file of the built site that holds the page served at `url` (`build.format: 'directory'`).
 * @example pageFile('/bezirk/08/') === 'bezirk/08/index.html'; pageFile('/404') === '404.html'
 * @param url a decoded path (see {@link decodedPath})
 */
export function pageFile(url: string): string {
  const path = url.replace(/^\/+/, '');
  if (path === '') return 'index.html';
  if (path.endsWith('/')) return `${path}index.html`;
  return path.endsWith('.html') ? path : `${path}.html`;
}

/** A request path as the routes name it: percent-escapes decoded (`/einrichtungen/caf%C3%A9/` → `…/café/`). */
export function decodedPath(pathname: string): string {
  try {
    return decodeURI(pathname);
  } catch {
    return pathname;
  }
}
