import type { Lang } from '../lib/format.ts';
import { pageUrl, RENDER_SCOPE, type RenderScopeHost } from '../lib/renderScope.ts';

/**
 * One route file per page type serves both languages: the file sits under `src/pages/[...lang]/`, German at the root
 * (the rest parameter is `undefined`), English under `/en/`. `getStaticPaths` returns each (language, entry) pair
 * through {@link localizedPaths}, and the page takes `lang` from its props (not from `Astro.currentLocale`).
 */
export const LANGUAGES: readonly { param: string | undefined; lang: Lang }[] = [
  { param: undefined, lang: 'de' },
  { param: 'en', lang: 'en' },
];

/**
 * `getStaticPaths` entries of a page type in every language: each entry's params and props, plus `lang`.
 * @param routePattern Astro's pattern of the route (`getStaticPaths({ routePattern })`): an incremental site build
 *   (src/lib/renderScope.ts) keeps only the pages it renders again; every other build keeps them all.
 */
export function localizedPaths<P extends Record<string, string | undefined>, R extends object = object>(
  routePattern: string,
  entries: readonly { params: P; props?: R }[],
): { params: P & { lang: string | undefined }; props: R & { lang: Lang } }[] {
  const scope = (globalThis as RenderScopeHost)[RENDER_SCOPE];
  // Entry by entry, each in every language: Astro renders the paths in this order, so the page model one entry's
  // German page reads is still at hand for its English page (see `readArtifact`'s `recent`).
  return entries
    .flatMap((e) =>
      LANGUAGES.map(({ param, lang }) => ({
        params: { ...e.params, lang: param },
        props: { ...(e.props as R), lang },
      })),
    )
    .filter((p) => !scope || scope.keep(pageUrl(routePattern, p.params)));
}
