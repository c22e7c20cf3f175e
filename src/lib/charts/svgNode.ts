import { escapeAttr, escapeText } from './svg.ts';

/**
 * A small SVG element tree: what the browser-side charts return instead of a markup string, so that a page script
 * builds the chart with DOM calls (createElementNS, setAttribute, textContent: data never goes through innerHTML)
 * and a test or the server writes the same tree as text.
 */
export interface SvgNode {
  /** Element name, e.g. "path". */
  tag: string;
  /** Attributes; numbers are written as they are. Undefined values are left out. */
  attrs?: Readonly<Record<string, string | number | undefined>> | undefined;
  /** Child elements and text (escaped when written). */
  children?: readonly (SvgNode | string)[] | undefined;
}

/** Shorthand for an {@link SvgNode}: `h('circle', { r: 3 })`. */
export function h(
  tag: string,
  attrs?: SvgNode['attrs'],
  ...children: readonly (SvgNode | string | false | null | undefined)[]
): SvgNode {
  const kept = children.filter((c): c is SvgNode | string => c !== false && c !== null && c !== undefined);
  return kept.length > 0 ? { tag, attrs, children: kept } : { tag, attrs };
}

/** The tree as markup, attributes and text escaped: `<svg …><path d="…"/></svg>`. */
export function svgToString(node: SvgNode): string {
  const attrs = Object.entries(node.attrs ?? {})
    .filter(([, v]) => v !== undefined)
    .map(([k, v]) => ` ${k}="${escapeAttr(String(v))}"`)
    .join('');
  const children = node.children ?? [];
  if (children.length === 0) return `<${node.tag}${attrs}/>`;
  const inner = children.map((c) => (typeof c === 'string' ? escapeText(c) : svgToString(c))).join('');
  return `<${node.tag}${attrs}>${inner}</${node.tag}>`;
}

const SVG_NS = 'http://www.w3.org/2000/svg';

/** The tree as DOM elements of `doc` (in the SVG namespace), text as text nodes. */
export function svgToDom(node: SvgNode, doc: Document): SVGElement {
  const el = doc.createElementNS(SVG_NS, node.tag);
  for (const [k, v] of Object.entries(node.attrs ?? {})) if (v !== undefined) el.setAttribute(k, String(v));
  for (const c of node.children ?? []) el.append(typeof c === 'string' ? doc.createTextNode(c) : svgToDom(c, doc));
  return el;
}
