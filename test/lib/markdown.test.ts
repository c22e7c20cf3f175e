import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { renderMarkdown } from '../../src/lib/markdown.ts';

/** Elements that must never come out of provider Markdown (RELIABILITY 1.3). */
const FORBIDDEN_TAGS = /<\/?(script|iframe|object|embed|svg|math|style|form|base|meta|link|frame|frameset|template)\b/i;

/** URL attributes, and schemes that run code or smuggle content (checked whitespace-stripped, case-insensitive). */
const URL_ATTRIBUTES = ['href', 'src', 'xlink:href', 'action', 'formaction', 'srcset', 'poster', 'background'];
const BAD_SCHEME = /^(javascript|vbscript|data):/;

/** Parses the output with a real HTML parser and lists every violation of RELIABILITY 1.3 found. */
function violations(html: string): string[] {
  const found: string[] = [];
  if (FORBIDDEN_TAGS.test(html)) found.push(`forbidden tag in ${html}`);
  const { document } = parseHTML(`<!doctype html><html><body>${html}</body></html>`);
  for (const el of document.body.querySelectorAll('*')) {
    for (const attr of Array.from(el.attributes) as Attr[]) {
      if (/^on/i.test(attr.name)) found.push(`${el.tagName} ${attr.name}`);
      if (attr.name === 'style') found.push(`${el.tagName} style`);
      const stripped = attr.value.replace(/[\s\u0000-\u001f]/g, '').toLowerCase();
      if (URL_ATTRIBUTES.includes(attr.name.toLowerCase()) && BAD_SCHEME.test(stripped)) found.push(`${el.tagName} ${attr.name}=${attr.value}`);
    }
  }
  return found;
}

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
    ['base and meta', '<base href="https://evil.example/"><meta http-equiv="refresh" content="0;url=https://evil.example/">'],
    ['object embed', '<object data="x.swf"></object><embed src="x.swf">'],
  ];

  for (const [name, md] of payloads) {
    it(`renderMarkdown(${name}) leaves nothing executable`, () => {
      expect(violations(renderMarkdown(md))).toEqual([]);
    });
  }

  it('the checker above flags the raw payloads themselves (so those tests can fail)', () => {
    for (const md of ['<script>alert(1)</script>', '<img src=x onerror=alert(1)>', '<a href="jAva script:alert(1)">x</a>', '<a href="DATA:text/html,x">x</a>', '<p style="x">a</p>']) {
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
    const html = renderMarkdown('<iframe src="https://example.org"></iframe>\n\n<style>p{}</style>\n\n<form action="/x"></form>\n\n<svg onload=alert(1)></svg>');
    expect(html).not.toMatch(/iframe|style|form|svg|onload/i);
  });
});

describe('renderMarkdown: what stays', () => {
  it('renderMarkdown(links) keeps http(s), mailto, tel, relative and fragment links', () => {
    expect(renderMarkdown('[ok](https://example.org) [m](mailto:a@b.de) [t](tel:+4930123) [rel](/impressum/) [f](#x)')).toBe(
      '<p><a href="https://example.org">ok</a> <a href="mailto:a@b.de">m</a> <a href="tel:+4930123">t</a> <a href="/impressum/">rel</a> <a href="#x">f</a></p>',
    );
  });

  it('renderMarkdown(GFM table) renders a table', () => {
    expect(renderMarkdown('| a | b |\n|---|---|\n| 1 | 2 |')).toBe(
      '<table>\n<thead>\n<tr>\n<th>a</th>\n<th>b</th>\n</tr>\n</thead>\n<tbody>\n<tr>\n<td>1</td>\n<td>2</td>\n</tr>\n</tbody>\n</table>',
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
    const fragments = Array.from(document.querySelectorAll('a[href^="#"]')).map((a) => (a.getAttribute('href') as string).slice(1));
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
