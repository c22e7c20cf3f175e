import { parseHTML } from 'linkedom';

/**
 * What must never come out of provider content (RELIABILITY 1.3): elements that run code, embed other documents,
 * style or submit, `on*` and `style` attributes, and urls with schemes that run code or smuggle content. Shared by
 * the Markdown unit tests and the built-page tests of the facility directory.
 */

/** Elements that must never come out of provider Markdown. */
export const FORBIDDEN_TAGS =
  /<\/?(script|iframe|object|embed|svg|math|style|form|base|meta|link|frame|frameset|template)\b/i;

/** URL attributes, and schemes that run code or smuggle content (checked whitespace-stripped, case-insensitive). */
const URL_ATTRIBUTES = ['href', 'src', 'xlink:href', 'action', 'formaction', 'srcset', 'poster', 'background', 'data'];
const BAD_SCHEME = /^(javascript|vbscript|data):/;

/**
 * Parses `html` (a fragment, or a whole page with `page: true`) with a real HTML parser and lists every violation
 * found. `forbiddenTags` defaults to {@link FORBIDDEN_TAGS}; a whole page passes its own (it has `<meta>`, `<link>`).
 */
export function htmlViolations(html: string, options: { page?: boolean; forbiddenTags?: RegExp } = {}): string[] {
  const found: string[] = [];
  const forbidden = options.forbiddenTags ?? FORBIDDEN_TAGS;
  const { document } = parseHTML(options.page ? html : `<!doctype html><html><body>${html}</body></html>`);
  for (const el of document.querySelectorAll('*')) {
    if (forbidden.test(`<${el.tagName.toLowerCase()}>`)) found.push(`forbidden element <${el.tagName.toLowerCase()}>`);
    for (const attr of Array.from(el.attributes) as Attr[]) {
      if (/^on/i.test(attr.name)) found.push(`${el.tagName} ${attr.name}`);
      if (attr.name === 'style') found.push(`${el.tagName} style`);
      // eslint-disable-next-line no-control-regex -- browsers ignore control characters in URLs, so strip them too
      const stripped = attr.value.replace(/[\s\u0000-\u001f]/g, '').toLowerCase();
      if (URL_ATTRIBUTES.includes(attr.name.toLowerCase()) && BAD_SCHEME.test(stripped))
        found.push(`${el.tagName} ${attr.name}=${attr.value}`);
    }
  }
  if (!options.page && forbidden.test(html)) found.push(`forbidden tag in ${html}`);
  return found;
}
