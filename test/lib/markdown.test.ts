import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { renderMarkdown, renderProviderMarkdown } from '../../src/lib/markdown.ts';
import { htmlViolations } from '../htmlSafety.ts';

const violations = (html: string) => htmlViolations(html);

describe('renderMarkdown: raw HTML and dangerous links (RELIABILITY 1.3, 1.4)', () => {
  const payloads: [string, string][] = [
    ['script block', '<script>alert(1)</script>'],
    ['inline script', 'Text <script>alert(1)</script> mehr'],
    ['img onerror', '<img src=x onerror=alert(1)>'],
    ['inline img onerror', 'Hallo <img src=x onerror=alert(1)> Welt'],
    ['iframe javascript', '<iframe src="javascript:alert(1)"></iframe>'],
    ['markdown javascript link', '[a](javascript:alert(1))'],
    ['mixed-case scheme', '[a](JaVaScRiPt:alert(1))'],
    ['scheme with a space', '[a](<jAva script:alert(1)>)'],
    ['entity-encoded scheme', '[a](&#106;avascript:alert(1))'],
    ['raw anchor with spaced scheme', '<a href="jAva script:alert(1)">x</a>'],
    ['inline raw anchor', 'Text <a href="jAva\tscript:alert(1)">x</a> text'],
    ['svg onload', '<svg onload=alert(1)><circle/></svg>'],
    ['math xlink data', '<math><mi xlink:href="data:x,alert(1)">m</mi></math>'],
    ['style', '<style>body{display:none}</style>'],
    ['form', '<form action="https://evil.example/"><input name=a><button>Senden</button></form>'],
    ['data link', '[d](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)'],
    ['data image', '![i](data:image/svg+xml;base64,PHN2Zz48L3N2Zz4=)'],
    ['javascript image', '![i](javascript:alert(1))'],
    ['javascript autolink', '<javascript:alert(1)>'],
    ['vbscript link', '[v](vbscript:msgbox(1))'],
    ['div onclick', '<div onclick="alert(1)">a</div>'],
    [
      'base and meta',
      '<base href="https://evil.example/"><meta http-equiv="refresh" content="0;url=https://evil.example/">',
    ],
    ['object embed', '<object data="x.swf"></object><embed src="x.swf">'],
  ];

  for (const [name, md] of payloads) {
    it(`renderMarkdown(${name}) leaves nothing executable`, () => {
      expect(violations(renderMarkdown(md))).toEqual([]);
    });
  }

  it('the checker above flags the raw payloads themselves (so those tests can fail)', () => {
    for (const md of [
      '<script>alert(1)</script>',
      '<img src=x onerror=alert(1)>',
      '<a href="jAva script:alert(1)">x</a>',
      '<a href="DATA:text/html,x">x</a>',
      '<p style="x">a</p>',
    ]) {
      expect(violations(md)).not.toEqual([]);
    }
  });

  it('renderMarkdown(<script> block) drops the block and its content', () => {
    expect(renderMarkdown('<script>alert(1)</script>')).toBe('');
  });

  it('renderMarkdown(inline raw HTML) drops the tags and keeps the text', () => {
    expect(renderMarkdown('<b>fett</b> und <em>x</em>')).toBe('<p>fett und x</p>');
    expect(renderMarkdown('Hallo <img src=x onerror=alert(1)> Welt')).toBe('<p>Hallo  Welt</p>');
    expect(renderMarkdown('Text <a href="jAva script:alert(1)">x</a> text')).toBe('<p>Text x text</p>');
  });

  it('renderMarkdown([a](javascript:…)) keeps the link text and removes the href', () => {
    expect(renderMarkdown('[a](javascript:alert(1))')).toBe('<p><a>a</a></p>');
    expect(renderMarkdown('[a](<jAva script:alert(1)>)')).toBe('<p><a>a</a></p>');
    expect(renderMarkdown('[d](data:text/html;base64,PHNjcmlwdD4=)')).toBe('<p><a>d</a></p>');
  });

  it('renderMarkdown(![i](data:…)) keeps the alt text and removes the src', () => {
    expect(renderMarkdown('![Karte](data:image/png;base64,AAAA)')).toBe('<p><img alt="Karte"></p>');
  });

  it('renderMarkdown(<iframe>, <style>, <form>, <svg>) removes the elements entirely', () => {
    const html = renderMarkdown(
      '<iframe src="https://example.org"></iframe>\n\n<style>p{}</style>\n\n<form action="/x"></form>\n\n<svg onload=alert(1)></svg>',
    );
    expect(html).not.toMatch(/iframe|style|form|svg|onload/i);
  });
});

describe('renderMarkdown: what stays', () => {
  it('renderMarkdown(links) keeps http(s), mailto, tel, relative and fragment links', () => {
    expect(
      renderMarkdown('[ok](https://example.org) [m](mailto:a@b.de) [t](tel:+4930123) [rel](/impressum/) [f](#x)'),
    ).toBe(
      '<p><a href="https://example.org">ok</a> <a href="mailto:a@b.de">m</a> <a href="tel:+4930123">t</a> <a href="/impressum/">rel</a> <a href="#x">f</a></p>',
    );
  });

  it('renderMarkdown(GFM table) renders a table', () => {
    expect(renderMarkdown('| a | b |\n|---|---|\n| 1 | 2 |')).toBe(
      '<table tabindex="0">\n<thead>\n<tr>\n<th>a</th>\n<th>b</th>\n</tr>\n</thead>\n<tbody>\n<tr>\n<td>1</td>\n<td>2</td>\n</tr>\n</tbody>\n</table>',
    );
  });

  it('renderMarkdown(text with < and &) escapes it', () => {
    expect(renderMarkdown('a < b & c')).toBe('<p>a &#x3C; b &#x26; c</p>');
  });

  it('renderMarkdown(footnotes) prefixes ids made from the text against DOM clobbering, and every footnote link finds its target', () => {
    const html = renderMarkdown('Satz[^quelle].\n\n[^quelle]: Fußnote');
    const { document } = parseHTML(`<!doctype html><html><body>${html}</body></html>`);
    const ids = Array.from(document.querySelectorAll('[id]')).map((e) => e.getAttribute('id') as string);
    // "footnote-label" is the library's own constant; every id derived from the author's label carries "md-".
    expect(ids.sort()).toEqual(['footnote-label', 'md-fn-quelle', 'md-fnref-quelle']);
    const fragments = Array.from(document.querySelectorAll('a[href^="#"]')).map((a) =>
      (a.getAttribute('href') as string).slice(1),
    );
    expect(fragments.sort()).toEqual(['md-fn-quelle', 'md-fnref-quelle']);
    const describedBy = document.querySelector('[aria-describedby]')?.getAttribute('aria-describedby');
    expect(ids).toContain(describedBy);
  });
});

describe('renderMarkdown: heading levels', () => {
  it('renderMarkdown(md) shifts headings down one level by default', () => {
    expect(renderMarkdown('# Titel\n\n## Unter')).toBe('<h2>Titel</h2>\n<h3>Unter</h3>');
  });

  it('renderMarkdown(md, 0) keeps heading levels', () => {
    expect(renderMarkdown('# Titel', 0)).toBe('<h1>Titel</h1>');
  });

  it('renderMarkdown(md, offset) never goes below h6', () => {
    expect(renderMarkdown('###### Sechs')).toBe('<h6>Sechs</h6>');
    expect(renderMarkdown('# Eins\n\n#### Vier', 3)).toBe('<h4>Eins</h4>\n<h6>Vier</h6>');
  });

  it('renderMarkdown(md) does not touch "<h1" written as text', () => {
    expect(renderMarkdown('`<h1>` ist eine Überschrift')).toBe('<p><code>&#x3C;h1></code> ist eine Überschrift</p>');
  });
});

describe('renderProviderMarkdown: facility descriptions', () => {
  it('renderProviderMarkdown(every payload above) leaves nothing executable and reports what it dropped', () => {
    for (const md of [
      '<script>alert(1)</script>',
      '<img src=x onerror=alert(1)>',
      '<iframe src="javascript:alert(1)"></iframe>',
      '[a](javascript:alert(1))',
      '<svg onload=alert(1)>',
      '<style>p{}</style>',
      '<form action="/x"><input></form>',
      '[d](data:text/html,x)',
      '[v](vbscript:msgbox(1))',
      '<javascript:alert(1)>',
    ]) {
      const r = renderProviderMarkdown(md);
      expect(violations(r.html), md).toEqual([]);
      expect(r.html, md).not.toMatch(/<a\b/);
      expect(r.problems.length, md).toBeGreaterThan(0);
    }
  });

  it('renderProviderMarkdown(images) drops them: they would load from another origin', () => {
    const r = renderProviderMarkdown('Text ![Logo](https://other.example/logo.png)');
    expect(r.html).toBe('<p>Text </p>');
    expect(r.problems).toEqual([{ line: 1, message: 'Bilder werden nicht angezeigt.' }]);
  });

  it('renderProviderMarkdown(links) keeps absolute http(s), mailto and tel, marked as user content; relative links become text', () => {
    const r = renderProviderMarkdown(
      '[w](https://kita.example/) [m](mailto:a@b.de) [t](tel:+4930123) [rel](/impressum/) [f](#nirgends)',
    );
    expect(r.html).toBe(
      '<p><a href="https://kita.example/" rel="nofollow ugc">w</a> <a href="mailto:a@b.de">m</a> <a href="tel:+4930123">t</a> rel f</p>',
    );
    expect(r.problems.map((p) => p.message)).toEqual([
      'Link-Ziel "/impressum/" ist nicht erlaubt; der Link wird als Text angezeigt.',
    ]);
  });

  it('renderProviderMarkdown(headings, footnotes) starts headings at h3 and keeps footnote links working', () => {
    const r = renderProviderMarkdown('# Angebot\n\nText[^1]\n\n[^1]: Fußnote');
    expect(r.html).toContain('<h3>Angebot</h3>');
    expect(r.html).toContain('href="#md-fn-1"');
    expect(r.html).toContain('id="md-fn-1"');
    expect(r.html).toContain('Fußnoten');
  });

  it('renderProviderMarkdown(text) reports lines within the Markdown', () => {
    expect(renderProviderMarkdown('Absatz\n\n<b>x</b>').problems).toEqual([
      { line: 3, message: 'HTML wird nicht angezeigt (nur Markdown).' },
    ]);
  });
});

describe('renderMarkdown: tables', () => {
  it('makes each table focusable, so a table that scrolls sideways on a phone can be scrolled by keyboard', () => {
    const html = renderMarkdown('| Jahr | Wert |\n|---|---|\n| 2019 | 5,0 |\n\n| a |\n|---|\n| b |');
    expect(html.match(/<table tabindex="0">/g)).toHaveLength(2);
    expect(html).toContain('<td>2019</td>');
  });
});

describe('renderMarkdown: line breaks in the atlas own texts', () => {
  it('an address written with <br> renders as lines, not as one run of text', () => {
    const html = renderMarkdown('Stadt Musterstadt<br>\nRathausplatz 1<br/>\n12345 Musterstadt<br />\nEnde');
    expect(html.match(/<br>/g)).toHaveLength(3);
    expect(html.replace(/\s+/g, ' ')).toBe(
      '<p>Stadt Musterstadt<br> Rathausplatz 1<br> 12345 Musterstadt<br> Ende</p>',
    );
  });

  it('other raw HTML is still dropped, and provider texts get no <br>', () => {
    expect(renderMarkdown('a<b>fett</b> <br onclick="x()"> b')).not.toMatch(/<b>|onclick/);
    expect(renderProviderMarkdown('Zeile<br>\nZeile').html).not.toContain('<br>');
  });
});
