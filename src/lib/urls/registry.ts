import type { Redirect } from '../../schemas/atlasConfig.ts';

/**
 * Links that stay valid: the atlas folder keeps the list of every published address (`published-urls.txt`, written by
 * `npm run urls`); a build fails when one of them is gone without a redirect (`atlas.yml` → `redirects`). Pure: the
 * build lists `dist/` and writes the forwarding pages.
 */

/** The registry's file name in the atlas folder. */
export const REGISTRY_FILE = 'published-urls.txt';

/** Files of the built site that are internal (hashed assets, offline bundle, search index, map points): not listed. */
const INTERNAL = [
  /^_astro\//,
  /^data\/offline\//,
  /^data\/search\//,
  /^data\/points\//,
  // Shared map geometry named by its content hash (a new geometry gets a new name): referenced by pages, not cited.
  /^data\/maps\//,
  /^data\/facilit(y|ies)-points/,
];

/**
 * The published addresses of a built site, sorted: every page (`x/index.html` → `/x/`, except the 404 page) and every
 * download below `data/` (except the internal files above).
 */
export function publishedUrls(files: readonly string[]): string[] {
  const out: string[] = [];
  for (const raw of files) {
    const f = raw.split('\\').join('/');
    if (f === 'index.html') out.push('/');
    else if (f.endsWith('/index.html')) out.push(`/${f.slice(0, -'index.html'.length)}`);
    else if (f.startsWith('data/') && !INTERNAL.some((re) => re.test(f))) out.push(`/${f}`);
  }
  return out.sort();
}

/** The registry file's text: a comment, then one address per line. */
export function formatRegistry(urls: readonly string[]): string {
  return `# Jede veröffentlichte Adresse dieses Atlas (Seiten und Downloads). Neu schreiben: npm run urls (nach npm run build).\n# Fehlt eine davon im Build ohne Weiterleitung (atlas.yml → redirects), bricht der Build ab.\n${urls.join('\n')}\n`;
}

/** The addresses of a registry file (comments and empty lines skipped). */
export function parseRegistry(text: string): string[] {
  return text
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l !== '' && !l.startsWith('#'));
}

/** Each redirect in both languages: a page `/x/` also moves `/en/x/` to `/en/<to>`. */
export function expandRedirects(redirects: readonly Redirect[]): { from: string; to: string }[] {
  return redirects.flatMap((r) =>
    r.from.endsWith('/') && !r.from.startsWith('/en/')
      ? [
          { from: r.from, to: r.to },
          { from: `/en${r.from}`, to: `/en${r.to}` },
        ]
      : [{ from: r.from, to: r.to }],
  );
}

/** What the check found. */
export interface RegistryCheck {
  /** Listed addresses the build no longer has and no redirect covers: the build fails. */
  missing: string[];
  /** Redirects whose target the build does not have, or whose source still exists: the build fails. */
  badRedirects: { from: string; to: string; reason: string }[];
  /** Addresses the build has that the registry does not list yet (run `npm run urls`). */
  unlisted: string[];
}

/** Compares the registry with the built addresses and the redirects. */
export function checkRegistry(
  registry: readonly string[],
  built: readonly string[],
  redirects: readonly { from: string; to: string }[],
): RegistryCheck {
  const have = new Set(built);
  const moved = new Map(redirects.map((r) => [r.from, r.to]));
  const listed = new Set(registry);
  return {
    missing: registry.filter((u) => !have.has(u) && !moved.has(u)),
    badRedirects: redirects.flatMap((r) => {
      if (have.has(r.from)) return [{ ...r, reason: 'die alte Adresse gibt es noch' }];
      if (!have.has(r.to)) return [{ ...r, reason: 'das Ziel gibt es im Build nicht' }];
      return [];
    }),
    unlisted: built.filter((u) => !listed.has(u)),
  };
}

function escapeHtml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/**
 * A static forwarding page: meta refresh to the successor, canonical link to it (absolute), the same CSP as every page,
 * and a visible link for browsers that do not follow the refresh.
 */
export function redirectPage(o: { to: string; siteUrl: string; lang: 'de' | 'en' }): string {
  const abs = new URL(o.to, o.siteUrl).href;
  const text = o.lang === 'de' ? 'Diese Seite ist umgezogen:' : 'This page has moved:';
  const title = o.lang === 'de' ? 'Seite umgezogen' : 'Page moved';
  return `<!doctype html>
<html lang="${o.lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="content-security-policy" content="default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'">
<meta http-equiv="refresh" content="0; url=${escapeHtml(o.to)}">
<meta name="robots" content="noindex">
<link rel="canonical" href="${escapeHtml(abs)}">
<title>${title}</title>
</head>
<body>
<main><p>${text} <a href="${escapeHtml(o.to)}">${escapeHtml(abs)}</a></p></main>
</body>
</html>
`;
}
