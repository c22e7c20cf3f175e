/**
 * Tests of the test tooling, against the made-up fixture site in test/fixtures/site/ (own server instance):
 * the static server behaves like the production host, and every check of the release gate passes on the clean
 * pages and FAILS on the page carrying its deliberate defect, so the gate cannot pass vacuously.
 */
import { mkdtemp, mkdir, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  acceptsGzip,
  auditPage,
  checkKeyboard,
  contentTypeFor,
  cspMetaProblems,
  GATE_CHECKS,
  launchBrowser,
  longestIncreasingRun,
  newPageContext,
  openPage,
  SECURITY_HEADERS,
  selectGatePages,
  startStaticServer,
  VIEWPORTS,
  type AtlasJson,
  type PageAudit,
  type StaticServer,
} from './harness/index.ts';

const fixtureRoot = path.resolve(import.meta.dirname, '../test/fixtures/site');
const fixtureAtlas = JSON.parse(await readFile(path.join(fixtureRoot, 'data/atlas.json'), 'utf8')) as AtlasJson;

let server: StaticServer;
beforeAll(async () => {
  server = await startStaticServer({ root: fixtureRoot, port: 0 });
});
afterAll(async () => {
  await server?.close();
});

/** A raw request: unlike fetch, it sends the path exactly as written (no `..` normalisation, no decompression). */
function rawGet(pathAndQuery: string, options: { method?: string; headers?: Record<string, string> } = {}) {
  return new Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: Buffer }>(
    (resolve, reject) => {
      const url = new URL(server.url);
      const req = request(
        {
          host: url.hostname,
          port: url.port,
          path: pathAndQuery,
          method: options.method ?? 'GET',
          headers: options.headers ?? {},
        },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (chunk: Buffer) => chunks.push(chunk));
          res.on('end', () =>
            resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }),
          );
        },
      );
      req.on('error', reject);
      req.end();
    },
  );
}

describe('the static server', () => {
  it('serves directory urls from index.html with the right content types', async () => {
    const cases: [string, string][] = [
      ['/', 'text/html; charset=utf-8'],
      ['/bezirke/mitte/', 'text/html; charset=utf-8'],
      ['/assets/site.css', 'text/css; charset=utf-8'],
      ['/assets/cookie.js', 'text/javascript; charset=utf-8'],
      ['/data/atlas.json', 'application/json; charset=utf-8'],
      ['/data/bezirke.geojson', 'application/geo+json'],
      ['/data/sgb2-quote.csv', 'text/csv; charset=utf-8'],
      ['/favicon.svg', 'image/svg+xml'],
    ];
    for (const [urlPath, type] of cases) {
      const res = await rawGet(urlPath);
      expect([urlPath, res.status, res.headers['content-type']]).toEqual([urlPath, 200, type]);
    }
  });

  it('knows the content types of the other files a build emits', () => {
    expect(contentTypeFor('app.mjs')).toBe('text/javascript; charset=utf-8');
    expect(contentTypeFor('module.wasm')).toBe('application/wasm');
    expect(contentTypeFor('data/feeds/index.json')).toBe('application/json; charset=utf-8');
    expect(contentTypeFor('manifest.webmanifest')).toBe('application/manifest+json');
    expect(contentTypeFor('sitemap-index.xml')).toBe('application/xml');
    expect(contentTypeFor('robots.txt')).toBe('text/plain; charset=utf-8');
    expect(contentTypeFor('bild.PNG')).toBe('image/png');
    expect(contentTypeFor('unbekannt.xyz')).toBe('application/octet-stream');
  });

  it('sends the security headers on every response, including redirects and 404s, and never a cookie', async () => {
    for (const urlPath of ['/', '/bezirke/mitte', '/gibt-es-nicht/', '/data/atlas.json']) {
      const res = await rawGet(urlPath);
      for (const [name, value] of Object.entries(SECURITY_HEADERS))
        expect([urlPath, name, res.headers[name.toLowerCase()]]).toEqual([urlPath, name, value]);
      expect(res.headers['set-cookie']).toBeUndefined();
    }
    expect(SECURITY_HEADERS['Content-Security-Policy']).toContain("frame-ancestors 'none'");
    expect(SECURITY_HEADERS['Content-Security-Policy']).not.toMatch(/script-src|style-src|default-src/);
  });

  it('redirects a folder without trailing slash to the slash url, keeping the query', async () => {
    const res = await rawGet('/bezirke/mitte?jahr=2023');
    expect(res.status).toBe(301);
    expect(res.headers['location']).toBe('/bezirke/mitte/?jahr=2023');
  });

  it('answers unknown urls with 404.html and status 404', async () => {
    const res = await rawGet('/gibt-es-nicht/');
    expect(res.status).toBe(404);
    expect(res.body.toString()).toContain('Seite nicht gefunden');
  });

  it('gzips text when the client accepts it, and not when it refuses it', async () => {
    const gz = await rawGet('/data/atlas.json', { headers: { 'accept-encoding': 'gzip, deflate, br' } });
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(gz.headers['vary']).toBe('Accept-Encoding');
    expect(JSON.parse(gunzipSync(gz.body).toString()).atlas.id).toBe('musterstadt');
    const plain = await rawGet('/data/atlas.json', { headers: { 'accept-encoding': 'gzip;q=0, identity' } });
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(JSON.parse(plain.body.toString()).atlas.id).toBe('musterstadt');
    expect(acceptsGzip('br, GZIP;q=0.5')).toBe(true);
    expect(acceptsGzip('*;q=0')).toBe(false);
    expect(acceptsGzip(undefined)).toBe(false);
  });

  it('never serves files outside the root, dot-files, or malformed paths', async () => {
    for (const evil of [
      '/../package.json',
      '/../../package.json',
      '/%2e%2e/%2e%2e/%2e%2e/package.json',
      '/assets/..%2f..%2f..%2f..%2fpackage.json',
      '/.git/config',
      '/%00',
      '/%E0%A4%A',
      '/assets%5c..%5c..%5cpackage.json',
    ]) {
      const res = await rawGet(evil);
      expect([evil, res.status]).toEqual([evil, 404]);
      expect(res.body.toString()).not.toContain('"name": "sozialatlas"');
    }
  });

  it('does not follow a symlink out of the root', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'sozialatlas-serve-'));
    try {
      await mkdir(path.join(dir, 'site'));
      await writeFile(path.join(dir, 'geheim.txt'), 'geheim');
      await writeFile(path.join(dir, 'site', 'index.html'), '<!doctype html><title>x</title>');
      await symlink(path.join(dir, 'geheim.txt'), path.join(dir, 'site', 'leck.txt'));
      const own = await startStaticServer({ root: path.join(dir, 'site') });
      try {
        expect((await fetch(`${own.url}/leck.txt`)).status).toBe(404);
        expect((await fetch(`${own.url}/`)).status).toBe(200);
      } finally {
        await own.close();
      }
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('answers HEAD without a body, conditional GET with 304, and other methods with 405', async () => {
    const head = await rawGet('/', { method: 'HEAD' });
    expect([head.status, head.body.length]).toEqual([200, 0]);
    const first = await rawGet('/');
    const etag = String(first.headers['etag']);
    expect((await rawGet('/', { headers: { 'if-none-match': etag } })).status).toBe(304);
    const post = await rawGet('/', { method: 'POST' });
    expect([post.status, post.headers['allow']]).toEqual([405, 'GET, HEAD']);
  });
});

describe('selectGatePages(atlas) on the fixture atlas.json', () => {
  it('picks home, the first unit of each level and one page per type, in both languages, each url once', () => {
    const { pages, missing } = selectGatePages(fixtureAtlas);
    expect(missing).toEqual([]);
    expect(pages.slice(0, 6).map((p) => `${p.label} ${p.url} ${p.lang}`)).toEqual([
      'home page / de',
      'home page (English) /en/ en',
      'unit page (bezirk) /bezirke/mitte/ de',
      'unit page (bezirk, English) /en/bezirke/mitte/ en',
      'unit page (stadtteil) /stadtteile/altstadt/ de',
      'unit page (stadtteil, English) /en/stadtteile/altstadt/ en',
    ]);
    const labels = pages.map((p) => p.label);
    for (const label of [
      'legal page',
      'directory page',
      'facility page',
      'area page',
      'map page',
      'indicator page',
      'legal page (English)',
      'map page (English)',
    ]) {
      expect(labels).toContain(label);
    }
    expect(new Set(pages.map((p) => p.url)).size).toBe(pages.length);
  });

  it('reports a unit level without an English page when the site has English pages', () => {
    const withoutEnglishUnits = {
      ...fixtureAtlas,
      pages: fixtureAtlas.pages.filter((p) => !p.url.startsWith('/en/bezirke/')),
    };
    expect(selectGatePages(withoutEnglishUnits).missing).toEqual([
      'no English page for unit 01 (bezirk): /en/bezirke/mitte/ is neither in atlas.json pages nor served',
    ]);
    const served = selectGatePages(withoutEnglishUnits, new Set(['/en/bezirke/mitte/']));
    expect(served.missing).toEqual([]);
    expect(served.pages.map((p) => p.url)).toContain('/en/bezirke/mitte/');
  });
});

describe('cspMetaProblems(metas) and longestIncreasingRun(values)', () => {
  const meta = (content: string) => [{ content, inHead: true, scriptsBefore: 0 }];

  it('accepts a strict hash-based policy', () => {
    expect(
      cspMetaProblems(
        meta(
          "default-src 'self'; script-src 'self' 'sha256-abc='; style-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'",
        ),
      ),
    ).toEqual([]);
  });

  it('names every weakness of a lax policy', () => {
    expect(
      cspMetaProblems(meta("default-src *; script-src 'self' 'unsafe-inline' 'unsafe-eval'; frame-ancestors 'none'")),
    ).toEqual([
      `default-src is "*", want 'self' without wildcards or schemes`,
      `missing object-src (want 'none')`,
      `missing base-uri (want 'self' or 'none')`,
      `missing form-action (want 'self' or 'none')`,
      `script-src allows 'unsafe-inline'`,
      `script-src allows 'unsafe-eval'`,
      `frame-ancestors is ignored in a meta CSP; send it as an HTTP header`,
    ]);
    expect(
      cspMetaProblems(
        meta("default-src 'self' 'unsafe-inline'; object-src 'none'; base-uri 'self'; form-action 'self'"),
      ),
    ).toEqual([`script-src allows 'unsafe-inline'`]);
    expect(cspMetaProblems([])).toEqual(['expected exactly one CSP meta, found 0']);
    expect(
      cspMetaProblems([
        {
          content: "default-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'",
          inHead: false,
          scriptsBefore: 1,
        },
      ]),
    ).toEqual([
      'CSP meta is not in <head>',
      '1 <script> element(s) come before the CSP meta and are not covered by it',
    ]);
  });

  it('longestIncreasingRun keeps the stops in DOM order and drops the one that jumps ahead', () => {
    expect([...longestIncreasingRun([5, 0, 1, 2, 3, 4, 6])].sort()).toEqual([1, 2, 3, 4, 5, 6]);
    expect(longestIncreasingRun([]).size).toBe(0);
  });
});

describe('the browser checks on the fixture site (Chromium)', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  /** Check ids each fixture page must fail; every other page must pass every check. */
  const EXPECTED_FAILURES: Record<string, string[]> = {
    '/defekte/barriere/': ['axe'],
    '/defekte/fremdanfrage/': ['requests'],
    '/defekte/cookie/': ['storage'],
    '/defekte/inline-skript/': ['csp'],
    '/defekte/speicher/': ['storage'],
    '/defekte/fokus/': ['keyboard'],
    '/defekte/csp-schwach/': ['cspMeta'],
    '/defekte/sprache/': ['lang'],
    '/defekte/konsole/': ['console'],
    '/defekte/fehlende-datei/': ['console', 'resources'],
    '/defekte/breite/': ['reflow'],
    '/defekte/gequetscht/': ['cells'],
  };
  const audits = new Map<string, PageAudit>();
  const failing = (audit: PageAudit) =>
    GATE_CHECKS.filter((check) => check.problems(audit).length > 0).map((check) => check.id);
  const { pages } = selectGatePages(fixtureAtlas);

  it('every deliberate defect page is among the pages the gate selects', () => {
    expect(pages.map((p) => p.url)).toEqual(expect.arrayContaining(Object.keys(EXPECTED_FAILURES)));
  });

  // Desktop for every page; the width does not change what a check computes, so phone runs once, on the home page.
  for (const page of pages) {
    const expected = EXPECTED_FAILURES[page.url] ?? [];
    const verdict = expected.length ? `fails exactly ${expected.join(' and ')}` : 'passes every check';
    it(`${page.label} ${page.url} ${verdict}`, async () => {
      const audit = await auditPage(browser, `${server.url}${page.url}`, VIEWPORTS.desktop, {
        screenshotName: `harness ${page.label} desktop`,
      });
      audits.set(page.url, audit);
      const details = Object.fromEntries(
        GATE_CHECKS.map((c) => [c.id, c.problems(audit)]).filter(([, p]) => (p as string[]).length > 0),
      );
      expect(failing(audit), JSON.stringify(details, null, 2)).toEqual(expected);
    });
  }

  it('the home page passes every check at phone width too', async () => {
    const audit = await auditPage(browser, `${server.url}/`, VIEWPORTS.phone, {
      screenshotName: 'harness home page phone',
    });
    expect(failing(audit)).toEqual([]);
    expect(audit.keyboard.stops.length).toBe(audit.keyboard.expected.length);
  });

  it("axe, injected despite script-src 'self', reports the image without alt with rule, impact, selector and html", () => {
    const [finding] = audits.get('/defekte/barriere/')?.axe ?? [];
    expect(finding).toMatchObject({ rule: 'image-alt', impact: 'critical', target: ['img'] });
    expect(finding?.html).toContain('<img src="/favicon.svg"');
  });

  it('records the other-origin request although the page CSP allowed it (and never sends it to the network)', () => {
    expect(audits.get('/defekte/fremdanfrage/')?.record.otherOriginRequests).toEqual([
      'GET https://tiles.example.org/10/550/335.png (image)',
    ]);
  });

  it('reads cookies, localStorage, sessionStorage, IndexedDB, Cache Storage and service workers', () => {
    expect(audits.get('/defekte/cookie/')?.storage.cookies).toEqual([expect.stringMatching(/^besuch \(/)]);
    const storage = audits.get('/defekte/speicher/')?.storage;
    expect(storage).toMatchObject({
      localStorage: ['zuletztBesucht'],
      sessionStorage: ['sitzung'],
      indexedDB: ['atlas-offline v1'],
      cacheStorage: ['atlas-v1'],
      serviceWorkers: [expect.stringMatching(/\/defekte\/speicher\/$/)],
    });
  });

  it('sees the blocked inline script both as a securitypolicyviolation event and as a console message', () => {
    const audit = audits.get('/defekte/inline-skript/');
    expect(audit?.cspViolations).toEqual([
      expect.objectContaining({ directive: 'script-src-elem', blockedURI: 'inline' }),
    ]);
    expect(audit?.record.cspConsoleMessages).toEqual([
      expect.stringMatching(/inline script .*Content Security Policy/),
    ]);
    expect(audit?.record.consoleErrors).toEqual([]);
  });

  it("accepts the inline script whose sha256 hash the map page's CSP lists", () => {
    expect(audits.get('/karte/')?.cspViolations).toEqual([]);
    expect(audits.get('/karte/')?.record.cspConsoleMessages).toEqual([]);
  });

  it('names the link without a focus indicator and the one positive-tabindex link that breaks the order', () => {
    const problems = audits.get('/defekte/fokus/')?.keyboard.problems ?? [];
    expect(problems.filter((p) => p.startsWith('no visible focus indicator'))).toEqual([
      expect.stringContaining('a.ohne-fokus'),
    ]);
    expect(problems.filter((p) => p.startsWith('out of order'))).toEqual([
      expect.stringContaining('Link mit positivem tabindex'),
    ]);
  });

  it('reaches the SVG map links with the keyboard and sees their focus outline', () => {
    const stops = audits.get('/karte/')?.keyboard.stops ?? [];
    expect(stops.filter((s) => s.description.includes('Mitte: 12,3 %'))).toEqual([
      expect.objectContaining({ indicator: true }),
    ]);
  });

  it('reports a CSP meta that is doubled, allows unsafe-inline and lacks directives', () => {
    const problems = cspMetaProblems(audits.get('/defekte/csp-schwach/')?.cspMetas.slice(0, 1) ?? []);
    expect(problems).toEqual(
      expect.arrayContaining([`script-src allows 'unsafe-inline'`, `missing object-src (want 'none')`]),
    );
  });

  it('names the element that makes the page scroll sideways', () => {
    expect(audits.get('/defekte/breite/')?.overflow).toEqual({
      viewportWidth: 1280,
      pageWidth: expect.any(Number),
      elements: [expect.stringMatching(/^p\.zu-breit "Dieser Absatz/)],
    });
  });

  it('catches console.error and uncaught exceptions', () => {
    expect(audits.get('/defekte/konsole/')?.record.consoleErrors).toEqual([
      expect.stringContaining('Testfehler: absichtlich geloggt'),
      'Uncaught Error: Testfehler: absichtlich geworfen',
    ]);
  });

  it('fails a page that does not exist on its status', async () => {
    const audit = await auditPage(browser, `${server.url}/gibt-es-nicht/`, VIEWPORTS.desktop);
    expect(audit.status).toBe(404);
    expect(failing(audit)).toContain('status');
  });

  it('detects a keyboard trap and the controls behind it', async () => {
    const context = await newPageContext(browser, VIEWPORTS.desktop);
    try {
      const visit = await openPage(context, `${server.url}/defekte/tastaturfalle/`, VIEWPORTS.desktop);
      const report = await checkKeyboard(visit.page, { maxTabs: 50 });
      expect(report.problems).toEqual(
        expect.arrayContaining([
          expect.stringMatching(/^focus trapped: Tab stays on input#falle/),
          expect.stringMatching(/^not reachable with Tab: a\[href="\/karte\/"\] "Link hinter der Falle"/),
        ]),
      );
    } finally {
      await context.close();
    }
  });
});
