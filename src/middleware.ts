import { defineMiddleware } from 'astro:middleware';

/**
 * Counts each page Astro renders for the build's progress line: src/pipeline/site.ts sets the counter on
 * `globalThis` around the Astro build (the middleware is bundled apart from the pipeline, so a module variable
 * would not be shared). Outside such a build (astro dev, astro check) there is no counter and nothing happens.
 */
export const onRequest = defineMiddleware(async (_context, next) => {
  const response = await next();
  (globalThis as { __sozialatlasPageRendered?: (() => void) | undefined }).__sozialatlasPageRendered?.();
  return response;
});
