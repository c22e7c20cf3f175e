/**
 * patches/htmlparser2+10.1.0.patch (applied by `patch-package` on `npm ci`): the tokenizer skipped text and attribute
 * values it need not look at with a loop over each character; the patch finds the same position with one `indexOf`.
 * The link check reads every built page with this tokenizer (src/lib/links.ts).
 */
import { describe, expect, it } from 'vitest';
import { Tokenizer } from 'htmlparser2';
import { parsePageHtml } from '../../src/lib/links.ts';

describe('htmlparser2 as patched for the link check', () => {
  it('skips ahead with indexOf', () => {
    const source = (Tokenizer.prototype as unknown as { fastForwardTo: () => unknown }).fastForwardTo.toString();
    expect(source).toContain('indexOf');
  });

  it('finds what comes after long skipped stretches, at the end of the text and with no quote left', () => {
    const long = 'x'.repeat(100_000);
    const page = parsePageHtml(
      `<p>${long}</p><path d="${long}"/><a href="/a/" id="a">a</a><p title='${long}'>${long}<a href="/b/">`,
    );
    expect(page.references.map((r) => r.value)).toEqual(['/a/', '/b/']);
    expect([...page.anchors]).toEqual(['a']);
    // A value runs to the next quote of its kind, tags in it included, as in a browser: /d/ is not a link.
    expect(parsePageHtml(`<a href="/c/"></a><p title="${long}<a href="/d/">`).references.map((r) => r.value)).toEqual([
      '/c/',
    ]);
  });
});
