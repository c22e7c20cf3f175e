import type { MiddlewareHandler } from 'astro';
import { PAGE_COUNTER, type PageCounterHost } from './lib/progress.ts';

/**
 * Counts each page Astro renders for the build's progress line: src/pipeline/site.ts sets the counter on
 * `globalThis` around the Astro build (the middleware is bundled apart from the pipeline, so a module variable
 * would not be shared). Outside such a build (astro dev, astro check) there is no counter and nothing happens.
 * Typed with the `astro` package's type, not the `astro:middleware` module, whose types exist only after
 * `astro sync` (a fresh clone's `tsc` would not find them).
 */
export const onRequest: MiddlewareHandler = async (_context, next) => {
  const response = await next();
  (globalThis as PageCounterHost)[PAGE_COUNTER]?.();
  return response;
};
