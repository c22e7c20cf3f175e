import type { MiddlewareHandler } from 'astro';
import { PAGE_COUNTER, type PageCounterHost } from './lib/progress.ts';
import { decodedPath, RENDER_SCOPE, type RenderScopeHost } from './lib/renderScope.ts';

/**
 * Records what each page reads (see src/lib/renderScope.ts) and reports each page Astro renders, with its url, for the
 * build's progress line and its link check: the Astro build thread (src/pipeline/astroWorkerMain.ts) sets the counter
 * on `globalThis` before the first page (the middleware is bundled apart from the pipeline, so a module variable
 * would not be shared). Outside such a build (astro dev, astro check) there is no counter and nothing happens.
 * Typed with the `astro` package's type, not the `astro:middleware` module, whose types exist only after
 * `astro sync` (a fresh clone's `tsc` would not find them).
 */
export const onRequest: MiddlewareHandler = async (context, next) => {
  const scope = (globalThis as RenderScopeHost)[RENDER_SCOPE];
  // In a site build, every artifact the page reads is recorded for it (src/lib/renderScope.ts). A static build
  // renders the page to a string before `next()` resolves (Astro streams only on a server), so all its reads fall
  // inside the scope; test/pipeline/incrementalBuild.test.ts would see a page whose read was missed.
  const url = decodedPath(context.url.pathname);
  const response = scope ? await scope.page(url, next) : await next();
  (globalThis as PageCounterHost)[PAGE_COUNTER]?.(url);
  return response;
};
