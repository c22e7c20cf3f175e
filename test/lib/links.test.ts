import { rm } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkSiteLinks, writeExternalLinksReport } from '../../src/pipeline/siteLinks.ts';
import {
  checkLinkGraph,
  checkPageReferences,
  checkPendingFragments,
  digestPage,
  fileCandidatesForPath,
  formatExternalLinksReport,
  pageUrlForFile,
  parsePageHtml,
  PathTable,
  referenceResolver,
  refreshUrl,
  resolveReference,
  settleDigest,
  srcsetUrls,
} from '../../src/lib/links.ts';

const html = (body: string, head = '') =>
  `<!doctype html><html lang="de"><head><meta charset="utf-8">${head}</head><body>${body}</body></html>`;

describe('parsePageHtml(html)', () => {
  it('lists href, src, srcset, poster, action, SVG href/xlink:href and meta refresh urls', () => {
    const page = parsePageHtml(
      html(
        `<a href="/a/">a</a><img src="/i.png" srcset="/i-1.png 1x, /i-2.png 2x" alt=""><video poster="/p.jpg" src="/v.mp4"></video>
         <form action="/suche/"></form><svg><use xlink:href="#icon"></use><a href="/karte/"><path/></a><image href="/bild.png"/></svg>`,
        `<meta http-equiv="Refresh" content="0; url=/neu/"><link rel="stylesheet" href="/s.css"><script src="/s.js"></script>`,
      ),
    );
    expect(page.references.map((r) => `${r.element}[${r.attribute}]=${r.value}`)).toEqual([
      'meta[content]=/neu/',
      'link[href]=/s.css',
      'script[src]=/s.js',
      'a[href]=/a/',
      'img[src]=/i.png',
      'img[srcset]=/i-1.png',
      'img[srcset]=/i-2.png',
      'video[src]=/v.mp4',
      'video[poster]=/p.jpg',
      'form[action]=/suche/',
      'use[xlink:href]=#icon',
      'a[href]=/karte/',
      'image[href]=/bild.png',
    ]);
  });

  it('collects ids and <a name> as anchors, but not other names', () => {
    const page = parsePageHtml(html('<h2 id="kennzahlen">K</h2><a name="alt">x</a><input name="q"><p id="über">ü</p>'));
    expect([...page.anchors].sort()).toEqual(['alt', 'kennzahlen', 'über']);
  });

  it('skips preconnect and dns-prefetch hints and reads <base href>', () => {
    const page = parsePageHtml(html('', '<base href="/basis/"><link rel="preconnect" href="https://cdn.example.org">'));
    expect(page.references).toEqual([]);
    expect(page.baseHref).toBe('/basis/');
  });

  it('reads names in any case, decodes entities in values, takes the first of repeated attributes', () => {
    const page = parsePageHtml(
      html(
        `<A HREF="/a/?x=1&amp;y=2#s&#252;d">a</A><IMG SRC="/i.png" src="/nicht.png">
         <svg><G ID="Kreis"><RECT Id="r&#49;" id="nicht"/></G><USE XLINK:HREF="#Kreis"/></svg><section data-id="x" id=""></section>`,
      ),
    );
    expect(page.references.map((r) => `${r.element}[${r.attribute}]=${r.value}`)).toEqual([
      'a[href]=/a/?x=1&y=2#süd',
      'img[src]=/i.png',
      'use[xlink:href]=#Kreis',
    ]);
    expect([...page.anchors].sort()).toEqual(['Kreis', 'r1']);
  });

  it('decodes character references as a browser does in an attribute, and never reads tags from text', () => {
    const page = parsePageHtml(
      html(
        // "&copy=" and "&not1" stay as written in an attribute (a reference without ";" before "=" or a letter or
        // digit); "&copy;" and "&amp" before "/" are decoded. Escaped markup in text is text, not a tag.
        `<a href="/s/?a=1&copy=2&not1&copy;&amp/x" id="caf&eacute;">a</a><p>&lt;a href="/text/"&gt; &amp;</p>
         <a href='/q/?a&#x3D;1&#61;2'>q</a>`,
      ),
    );
    expect(page.references.map((r) => r.value)).toEqual(['/s/?a=1&copy=2&not1©&/x', '/q/?a=1=2']);
    expect([...page.anchors]).toEqual(['café']);
  });

  it('does not read tags inside comments, scripts or attribute values', () => {
    const page = parsePageHtml(
      html(
        `<!-- <a href="/alt/" id="k"> --><script>const s = '<a href="/js/">';</script><p title='<a href="/t/">' id="p">`,
      ),
    );
    expect(page.references.map((r) => r.value)).toEqual([]);
    expect([...page.anchors]).toEqual(['p']);
  });
});

describe('srcsetUrls(srcset) and refreshUrl(content)', () => {
  it('srcsetUrls splits candidates on commas followed by whitespace', () => {
    expect(srcsetUrls('/a.webp 640w, /b.webp 1280w')).toEqual(['/a.webp', '/b.webp']);
    expect(srcsetUrls('/only.png')).toEqual(['/only.png']);
  });

  it('refreshUrl reads url=…, quoted or not, and ignores a bare delay', () => {
    expect(refreshUrl('0; url=/bezirke/mitte/')).toBe('/bezirke/mitte/');
    expect(refreshUrl("0;URL='/x/'")).toBe('/x/');
    expect(refreshUrl('5')).toBeUndefined();
  });
});

describe('resolveReference(value, pageUrl)', () => {
  it('resolves relative, root-relative and fragment-only references against the page url', () => {
    expect(resolveReference('../nord/#kennzahlen', '/bezirke/mitte/')).toEqual({
      kind: 'internal',
      path: '/bezirke/nord/',
      fragment: 'kennzahlen',
    });
    expect(resolveReference('/karte/?jahr=2023', '/')).toEqual({
      kind: 'internal',
      path: '/karte/',
      fragment: undefined,
    });
    expect(resolveReference('#oben', '/a/')).toEqual({ kind: 'internal', path: '/a/', fragment: 'oben' });
  });

  it('decodes percent-encoded paths and fragments', () => {
    expect(resolveReference('/stadtteile/s%C3%BCdstadt/#%C3%BCber', '/')).toEqual({
      kind: 'internal',
      path: '/stadtteile/südstadt/',
      fragment: 'über',
    });
  });

  it('cannot climb above the site root', () => {
    expect(resolveReference('../../../../etc/passwd', '/a/')).toEqual({
      kind: 'internal',
      path: '/etc/passwd',
      fragment: undefined,
    });
  });

  it('treats other origins and protocol-relative urls as external, and the own siteUrl as internal', () => {
    expect(resolveReference('https://www.example.org/x', '/')).toEqual({
      kind: 'external',
      url: 'https://www.example.org/x',
    });
    expect(resolveReference('//cdn.example.org/f.css', '/')).toEqual({
      kind: 'external',
      url: 'http://cdn.example.org/f.css',
    });
    expect(
      resolveReference('https://atlas.stadt.example/bezirke/', '/', { siteUrl: 'https://atlas.stadt.example/' }),
    ).toEqual({
      kind: 'internal',
      path: '/bezirke/',
      fragment: undefined,
    });
  });

  it('strips the base path of a siteUrl with a path', () => {
    const options = { siteUrl: 'https://stadt.example/sozialatlas/' };
    expect(resolveReference('https://stadt.example/sozialatlas/karte/', '/', options)).toMatchObject({
      kind: 'internal',
      path: '/karte/',
    });
    expect(resolveReference('/sozialatlas/karte/', '/', options)).toMatchObject({ kind: 'internal', path: '/karte/' });
    expect(resolveReference('https://stadt.example/rathaus/', '/', options)).toMatchObject({ kind: 'external' });
  });

  it('ignores mailto:, tel:, data: and empty values', () => {
    for (const value of ['mailto:a@b.example', 'tel:+49301234', 'data:image/png;base64,AAAA', '', '  ']) {
      expect(resolveReference(value, '/')).toEqual({ kind: 'ignored' });
    }
  });

  it('rejects javascript: urls, also with mixed case, spaces and tabs', () => {
    for (const value of ['javascript:alert(1)', ' JavaScript:void(0)', 'jav\tascript:x']) {
      expect(resolveReference(value, '/')).toEqual({ kind: 'invalid', reason: 'javascript:-URL' });
    }
  });

  it('reports malformed percent-encoding', () => {
    expect(resolveReference('/a%E0%A4%A/', '/')).toEqual({ kind: 'invalid', reason: 'ungültige Prozentkodierung' });
  });

  it('honours <base href>', () => {
    expect(resolveReference('mitte/', '/x/', { baseHref: '/bezirke/' })).toMatchObject({
      kind: 'internal',
      path: '/bezirke/mitte/',
    });
  });
});

describe('referenceResolver(options)', () => {
  it('gives what resolveReference gives, for every page, also when a url was remembered on another page', () => {
    const options = { siteUrl: 'https://stadt.example/atlas/' };
    const resolve = referenceResolver(options);
    const values = [
      '/atlas/bezirke/mitte/#karte',
      '/_astro/a.css',
      'https://stadt.example/atlas/gebiete/',
      'https://andere.example/x',
      'HTTPS://stadt.example/atlas/',
      '//cdn.example/x.js',
      '../nord/',
      'http:nord/',
      '#kennzahlen',
      'javascript:alert(1)',
      'mailto:a@b.de',
      '/%E0%A4%A/',
    ];
    const pages = ['/atlas/bezirke/mitte/', '/atlas/', '/atlas/en/bezirke/nord/'];
    for (const pageUrl of pages)
      for (const baseHref of [undefined, '/atlas/en/'])
        for (const value of values)
          expect(resolve(value, pageUrl, baseHref), `${value} on ${pageUrl} (base ${baseHref})`).toEqual(
            resolveReference(value, pageUrl, { ...options, baseHref }),
          );
  });
});

describe('pageUrlForFile(file) and fileCandidatesForPath(path)', () => {
  it('maps index.html files to directory urls', () => {
    expect(pageUrlForFile('index.html')).toBe('/');
    expect(pageUrlForFile('bezirke/mitte/index.html')).toBe('/bezirke/mitte/');
    expect(pageUrlForFile('404.html')).toBe('/404.html');
  });

  it('maps urls to the files that can serve them', () => {
    expect(fileCandidatesForPath('/')).toEqual(['index.html']);
    expect(fileCandidatesForPath('/bezirke/mitte/')).toEqual(['bezirke/mitte/index.html']);
    expect(fileCandidatesForPath('/bezirke/mitte')).toEqual(['bezirke/mitte', 'bezirke/mitte/index.html']);
  });
});

describe('checkPageReferences(file, page, files) / checkPendingFragments(pending, anchors)', () => {
  const files = new Set(['index.html', 'a/index.html']);
  const page = parsePageHtml(
    html('<h2 id="hier">H</h2><a href="#hier">ok</a><a href="#nirgends">kaputt</a><a href="/a/#dort">später</a>'),
  );
  const r = checkPageReferences('index.html', page, files);

  it('checkPageReferences() checks fragments on the page itself at once and keeps those on other pages as pending', () => {
    expect(r.broken.map((b) => b.href)).toEqual(['#nirgends']);
    expect(r.pending).toEqual([
      { target: 'a/index.html', fragment: 'dort', page: '/', href: '/a/#dort', element: 'a[href]' },
    ]);
  });

  it('checkPendingFragments() reports the pending fragments the target page lacks', () => {
    expect(checkPendingFragments(r.pending, new Set(['dort']))).toEqual([]);
    expect(checkPendingFragments(r.pending, new Set(['anders']))[0]?.reason).toMatch(/^Anker #dort fehlt auf \/a\//);
  });
});

describe('digestPage(file, page, table) / settleDigest(digest, targetOf)', () => {
  // Made-up pages: every kind of reference the check tells apart.
  const files = new Set(['index.html', 'a/index.html', 'b/index.html', 'karte.svg', 'ordner/index.html', 'x.csv']);
  const pages: Record<string, string> = {
    'index.html': html(
      '<h2 id="hier">H</h2><a href="#hier">ok</a><a href="#weg">kaputt</a><a href="/a/#dort">anderswo</a><a href="/b/">b</a><a href="javascript:x()">js</a><a href="https://www.example.org/">ext</a><svg><use href="/karte.svg#u-1"/></svg><a href="/x.csv#zeile-2">csv</a>',
    ),
    'a/index.html': html('<p id="dort">D</p><a href="/">start</a><a href="/fehlt/">fehlt</a>'),
    'b/index.html': html('<a href="/ordner#abschnitt">ohne Schrägstrich</a><a href="/a/#nicht-da">b</a>'),
  };
  const table = new PathTable();
  const targetOf = (id: number) => fileCandidatesForPath(table.paths[id] ?? '').find((f) => files.has(f));

  it('gives what checkPageReferences gives, or undefined where that needs the page itself', () => {
    const settled = Object.fromEntries(
      Object.entries(pages).map(([file, text]) => {
        const page = parsePageHtml(text);
        const check = settleDigest(digestPage(file, page, table), targetOf);
        if (check) expect(check).toEqual(checkPageReferences(file, page, files));
        return [file, check];
      }),
    );
    // The start page settles: its own missing anchor and the javascript: url are broken whatever the files, the
    // fragment on /a/ waits for that page, fragments into an SVG and a CSV file need no anchor.
    expect(settled['index.html']?.broken.map((b) => b.href)).toEqual(['#weg', 'javascript:x()']);
    expect(settled['index.html']?.pending.map((p) => `${p.target}#${p.fragment}`)).toEqual(['a/index.html#dort']);
    expect(settled['index.html']?.external.map((e) => e.href)).toEqual(['https://www.example.org/']);
    // A missing target is reported as written, from the page: not settled.
    expect(settled['a/index.html']).toBeUndefined();
    // "/ordner#abschnitt" is served by ordner/index.html, a page, whose anchors count: not settled.
    expect(settled['b/index.html']).toBeUndefined();
  });

  it('keeps numbers, not urls: each path once in the table, once per page', () => {
    const own = new PathTable();
    const digest = digestPage(
      'index.html',
      parsePageHtml(html('<a href="/a/">1</a><a href="/a/">2</a><a href="/a/#x">3</a>')),
      own,
    );
    expect(own.paths).toEqual(['/a/']);
    expect([...digest.paths]).toEqual([0]);
    expect(digest.fragments).toEqual([{ path: 0, fragment: 'x', href: '/a/#x', element: 'a[href]' }]);
  });
});

describe('checkLinkGraph(pages, files)', () => {
  const pages = new Map([
    [
      'index.html',
      html(
        '<a href="/a/">a</a><a href="/a/#da">ok</a><a href="/a/#weg">kaputt</a><a href="/fehlt/">fehlt</a><a href="#top">oben</a><a href="https://www.example.org/">ext</a><a href="https://www.example.org/">ext again</a>',
      ),
    ],
    [
      'a/index.html',
      html(
        '<h2 id="da">Da</h2><img src="/bild.png" alt=""><img src="/weg.png" alt=""><a href="/data/x.csv#zeile-3">csv</a><a href="/a">ohne Schrägstrich</a>',
      ),
    ],
  ]);
  const files = new Set(['index.html', 'a/index.html', 'bild.png', 'data/x.csv']);
  const report = checkLinkGraph(pages, files);

  it('reports missing targets and anchors with page, href and reason', () => {
    expect(report.broken).toEqual([
      { page: '/', href: '/a/#weg', element: 'a[href]', reason: expect.stringMatching(/^Anker #weg fehlt auf \/a\//) },
      { page: '/', href: '/fehlt/', element: 'a[href]', reason: 'Ziel fehlt: keine Datei fehlt/index.html' },
      { page: '/a/', href: '/weg.png', element: 'img[src]', reason: 'Ziel fehlt: keine Datei weg.png' },
    ]);
  });

  it('accepts #top, fragments into non-HTML files and folders without trailing slash', () => {
    expect(report.broken.map((b) => b.href)).not.toContain('#top');
    expect(report.broken.map((b) => b.href)).not.toContain('/data/x.csv#zeile-3');
    expect(report.broken.map((b) => b.href)).not.toContain('/a');
  });

  it('lists each external link once per page', () => {
    expect(report.external).toEqual([{ page: '/', href: 'https://www.example.org/' }]);
    expect(formatExternalLinksReport(report.external)).toContain('https://www.example.org/\t/\n');
  });
});

describe('checkSiteLinks(distDir) on the made-up fixture site', () => {
  const fixture = path.resolve(import.meta.dirname, '../fixtures/site');

  it('finds exactly the deliberate broken links and lists the external ones', async () => {
    const { broken, external } = await checkSiteLinks(fixture);
    expect(broken.map((b) => `${b.page} ${b.href}`)).toEqual([
      '/defekte/fehlende-datei/ /assets/fehlt.png',
      '/defekte/kaputte-links/ #auch-nicht-da',
      '/defekte/kaputte-links/ /bezirke/mitte/#fehlt',
      '/defekte/kaputte-links/ /data/fehlt.csv',
      '/defekte/kaputte-links/ /gibt-es-nicht/',
      '/defekte/kaputte-links/ javascript:void(0)',
    ]);
    expect(external.map((e) => e.href)).toContain('https://www.example.org/');
    expect(external.map((e) => e.href)).toContain('https://tiles.example.org/10/550/335.png');
  });

  it('gives the same report when the pages are checked in two threads', async () => {
    const single = await checkSiteLinks(fixture);
    // minPagesPerThread 1: the 33 fixture pages are enough for two threads (a real build starts them from 4,000 pages).
    const threaded = await checkSiteLinks(fixture, { workers: 2, minPagesPerThread: 1 });
    expect(threaded.broken.length).toBeGreaterThan(0);
    expect(threaded).toEqual(single);
  });

  it('writes the external links report next to dist/, in .atlas/', async () => {
    const tmpDist = path.join(import.meta.dirname, '../../.atlas/tmp-links-test/dist');
    const file = await writeExternalLinksReport(tmpDist, [{ page: '/', href: 'https://www.example.org/' }]);
    expect(file).toBe(path.resolve(tmpDist, '../.atlas/external-links.txt'));
    await rm(path.resolve(tmpDist, '..'), { recursive: true, force: true });
  });
});
