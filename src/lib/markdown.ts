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
  .use(remarkHtmlBreaks)
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
  .use(rehypeFocusableTables)
  .use(rehypeStringify);

/**
 * The atlas's own texts (legal pages, data notes) may write a line break as `<br>`, as the templates do for
 * addresses. Raw HTML is otherwise dropped; this turns exactly `<br>`, `<br/>` and `<br />` into Markdown line
 * breaks before that happens. Provider texts do not get it (their processor has no such step).
 */
function remarkHtmlBreaks() {
  return (tree: TreeNode) =>
    walk(tree, (n) => {
      if (!n.children) return;
      for (const c of n.children) {
        if (c.type === 'html' && /^<br\s*\/?>$/i.test(String((c as { value?: unknown }).value ?? '').trim())) {
          c.type = 'break';
          delete (c as { value?: unknown }).value;
        }
      }
    });
}

/** Renders Markdown to sanitised HTML; `headingOffset` shifts heading levels (1 → h2 by default). */
export function renderMarkdown(markdown: string, headingOffset = 1): string {
  const html = String(processor.processSync(markdown));
  if (headingOffset === 0) return html;
  return html.replace(
    /<(\/?)h([1-6])\b/g,
    (_, slash: string, n: string) => `<${slash}h${Math.min(6, Number(n) + headingOffset)}`,
  );
}

/** Link targets provider texts may use: absolute http(s), e-mail and phone. */
const PROVIDER_LINK = /^(https?:\/\/|mailto:|tel:)/i;

/** Elements the provider schema leaves out beyond the GitHub schema: images load from other origins, inputs are controls. */
const PROVIDER_DROPPED = new Set(['img', 'picture', 'source', 'input']);

/** The parts of an mdast/hast node this module reads (no dependency on the unist type packages). */
interface TreeNode {
  type: string;
  tagName?: string | undefined;
  url?: string | undefined;
  properties?: Record<string, unknown> | undefined;
  children?: TreeNode[] | undefined;
  position?: { start: { line: number } } | undefined;
}

/** Removes links the site cannot vouch for from sanitised hast: relative ones and fragments without a target. */
/**
 * Tables from Markdown scroll sideways on a phone (`.prose table`, site.css) rather than squeeze a column to a letter
 * per line; a scrolling region must be reachable by keyboard (WCAG 2.1.1), so each table takes the focus.
 */
function rehypeFocusableTables() {
  return (tree: TreeNode) =>
    walk(tree, (n) => {
      if (n.type === 'element' && n.tagName === 'table') n.properties = { ...n.properties, tabIndex: 0 };
    });
}

function rehypeProviderLinks() {
  return (tree: TreeNode) => {
    const ids = new Set<string>();
    walk(tree, (n) => {
      const id = n.properties?.id;
      if (typeof id === 'string') ids.add(id);
    });
    const unwrap = (node: TreeNode) => {
      if (!node.children) return;
      node.children = node.children.flatMap((c) => {
        unwrap(c);
        if (c.type !== 'element' || c.tagName !== 'a') return [c];
        const href = typeof c.properties?.href === 'string' ? c.properties.href : '';
        if (PROVIDER_LINK.test(href)) {
          // Links in provider texts are theirs, not the atlas's recommendation.
          if (/^https?:/i.test(href)) c.properties = { ...c.properties, rel: ['nofollow', 'ugc'] };
          return [c];
        }
        if (href.startsWith('#') && ids.has(href.slice(1))) return [c];
        return c.children ?? [];
      });
    };
    unwrap(tree);
  };
}

const providerProcessor = unified()
  .use(remarkParse)
  .use(remarkGfm)
  // Provider texts are shown as written (German as a rule), also on English pages (marked lang="de").
  .use(remarkRehype, {
    allowDangerousHtml: false,
    clobberPrefix: 'md-',
    footnoteLabel: 'Fußnoten',
    footnoteBackLabel: (i: number) => `Zurück zum Verweis ${i + 1}`,
  })
  .use(rehypeSanitize, {
    ...defaultSchema,
    tagNames: (defaultSchema.tagNames ?? []).filter((t) => !PROVIDER_DROPPED.has(t)),
    protocols: { ...defaultSchema.protocols, href: ['http', 'https', 'mailto', 'tel'] },
    clobberPrefix: '',
  })
  .use(rehypeProviderLinks)
  .use(rehypeFocusableTables)
  .use(rehypeStringify);

/** Something in a provider text that is not shown as written. `line` is 1-based within the Markdown. */
export interface MarkdownProblem {
  line: number | undefined;
  message: string;
}

/**
 * Renders a provider's description (facility file body): the same sanitising as {@link renderMarkdown}, and
 * additionally no images (they would load from other origins), no form controls, and links only to absolute
 * http(s), `mailto:` and `tel:` targets (a relative link would point into the atlas; it is shown as text).
 * Headings start at h3 (the facility page has h1 and h2). Returns the HTML and what was not shown as written.
 */
export function renderProviderMarkdown(markdown: string): { html: string; problems: MarkdownProblem[] } {
  const mdast = providerProcessor.parse(markdown) as unknown as TreeNode;
  const problems: MarkdownProblem[] = [];
  const seen = new Set<string>();
  // One problem per line and kind ("<b>x</b>" is two HTML nodes, one mistake).
  const report = (line: number | undefined, message: string) => {
    const key = `${line}|${message}`;
    if (!seen.has(key)) problems.push({ line, message });
    seen.add(key);
  };
  walk(mdast, (n) => {
    const line = n.position?.start.line;
    if (n.type === 'html') report(line, 'HTML wird nicht angezeigt (nur Markdown).');
    else if (n.type === 'image' || n.type === 'imageReference') report(line, 'Bilder werden nicht angezeigt.');
    else if (
      (n.type === 'link' || n.type === 'definition') &&
      n.url !== undefined &&
      !PROVIDER_LINK.test(n.url) &&
      !n.url.startsWith('#')
    ) {
      report(line, `Link-Ziel "${n.url.slice(0, 80)}" ist nicht erlaubt; der Link wird als Text angezeigt.`);
    }
  });
  const hast = providerProcessor.runSync(mdast as never);
  const html = String(providerProcessor.stringify(hast as never));
  return {
    html: html.replace(/<(\/?)h([1-6])\b/g, (_, slash: string, n: string) => `<${slash}h${Math.min(6, Number(n) + 2)}`),
    problems,
  };
}

function walk(node: TreeNode, visit: (n: TreeNode) => void): void {
  visit(node);
  for (const c of node.children ?? []) walk(c, visit);
}
