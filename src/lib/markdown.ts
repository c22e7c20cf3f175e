import rehypeSanitize, { defaultSchema } from 'rehype-sanitize';
import rehypeStringify from 'rehype-stringify';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';

/**
 * Markdown → HTML for texts from atlas folders (legal pages, data notes, provider descriptions).
 * Raw HTML is never passed through (remark-rehype without allowDangerousHtml drops it), and the
 * result is sanitised with rehype-sanitize's GitHub schema: no script, style, iframe, form, svg,
 * no on* attributes, and only http(s)/mailto/tel links. Headings are shifted down so a text's
 * "#" never competes with the page's own h1.
 */
const processor = unified()
  .use(remarkParse)
  .use(remarkGfm)
  // Ids of provider texts are prefixed so they cannot clobber the page's own ids. The prefix is set
  // where the ids are made (footnotes), so that the footnote links carry it too; a second prefix from
  // the sanitiser would change only the ids and break every footnote link. Without raw HTML, no
  // other id can reach the output.
  .use(remarkRehype, { allowDangerousHtml: false, clobberPrefix: 'md-' })
  .use(rehypeSanitize, {
    ...defaultSchema,
    protocols: { ...defaultSchema.protocols, href: ['http', 'https', 'mailto', 'tel'] },
    clobberPrefix: '',
  })
  .use(rehypeStringify);

/** Renders Markdown to sanitised HTML; `headingOffset` shifts heading levels (1 → h2 by default). */
export function renderMarkdown(markdown: string, headingOffset = 1): string {
  const html = String(processor.processSync(markdown));
  if (headingOffset === 0) return html;
  return html.replace(/<(\/?)h([1-6])\b/g, (_, slash: string, n: string) => `<${slash}h${Math.min(6, Number(n) + headingOffset)}`);
}
