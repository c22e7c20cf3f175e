/**
 * Gate checks `csp` and `cspMeta` (RELIABILITY.md §1.9): no Content Security Policy violation during a visit, and
 * exactly one strict CSP meta tag.
 *
 * In-page code is written as plain JavaScript strings, not TypeScript functions: a transpiler (tsx/esbuild with
 * keepNames) may wrap nested functions in a `__name()` helper that does not exist in the page.
 */
import type { Page } from 'playwright-core';
import type { GateCheck } from './audit.ts';

/** A `securitypolicyviolation` event seen in the page. */
export interface CspViolation {
  directive: string;
  blockedURI: string;
  sourceFile: string;
  line: number;
  sample: string;
}

/** Init script: records every `securitypolicyviolation` event in `window.__sozialatlasCsp` (see {@link readCspViolations}). */
export const CSP_LISTENER = `(() => {
  if (window.__sozialatlasCsp) return;
  const list = [];
  Object.defineProperty(window, '__sozialatlasCsp', { value: list });
  document.addEventListener('securitypolicyviolation', (e) => {
    list.push({ directive: e.effectiveDirective || e.violatedDirective || '', blockedURI: e.blockedURI || '',
      sourceFile: e.sourceFile || '', line: e.lineNumber || 0, sample: e.sample || '' });
  }, true);
})();`;

/** True for a console message about the Content Security Policy (blocked inline scripts, ignored directives …). */
export const isCspMessage = (text: string) => /content[- ]security[- ]policy/i.test(text);

/** Reads the CSP violation events {@link CSP_LISTENER} recorded so far. */
export function readCspViolations(page: Page): Promise<CspViolation[]> {
  return page.evaluate<CspViolation[]>('window.__sozialatlasCsp ? [...window.__sozialatlasCsp] : []');
}

/** A parsed policy: directive name → source list (lower-case names, values as written). */
export function parseCsp(policy: string): Map<string, string[]> {
  const directives = new Map<string, string[]>();
  for (const part of policy.split(';')) {
    const [name, ...values] = part.trim().split(/\s+/);
    if (!name) continue;
    const key = name.toLowerCase();
    if (!directives.has(key)) directives.set(key, values); // the first occurrence wins, as in browsers
  }
  return directives;
}

/** A `<meta http-equiv="content-security-policy">` as found in the DOM. */
export interface CspMeta {
  content: string;
  inHead: boolean;
  /** `<script>` elements that precede the meta in document order (they are not covered by it). */
  scriptsBefore: number;
}

/**
 * Problems with a page's CSP metas (RELIABILITY.md §1.9): there must be exactly one, in `<head>` before any script,
 * with `default-src 'self'`, `object-src 'none'`, `base-uri 'self'`, `form-action 'self'`, and a `script-src`
 * (or, without one, `default-src`) free of `'unsafe-inline'` and `'unsafe-eval'`. Header-only directives in a meta
 * (`frame-ancestors`, `report-uri`, `sandbox`) are reported because browsers ignore them there.
 */
export function cspMetaProblems(metas: readonly CspMeta[]): string[] {
  if (metas.length !== 1)
    return [
      `expected exactly one CSP meta, found ${metas.length}${metas.length ? `: ${metas.map((m) => `"${m.content}"`).join(' and ')}` : ''}`,
    ];
  const [meta] = metas as [CspMeta];
  const problems: string[] = [];
  if (!meta.inHead) problems.push('CSP meta is not in <head>');
  if (meta.scriptsBefore > 0)
    problems.push(`${meta.scriptsBefore} <script> element(s) come before the CSP meta and are not covered by it`);
  const csp = parseCsp(meta.content);
  const requireOnly = (directive: string, ...allowed: string[]): void => {
    const values = csp.get(directive);
    if (!values) problems.push(`missing ${directive} (want ${allowed.join(' or ')})`);
    else if (values.length === 0 || !values.every((v) => allowed.includes(v.toLowerCase())))
      problems.push(`${directive} is "${values.join(' ')}", want ${allowed.join(' or ')}`);
  };
  const defaultSrc = csp.get('default-src');
  if (!defaultSrc) problems.push(`missing default-src 'self'`);
  else if (
    !defaultSrc.includes("'self'") ||
    defaultSrc.some((v) => ['*', 'http:', 'https:', 'data:', 'blob:'].includes(v.toLowerCase()))
  ) {
    problems.push(`default-src is "${defaultSrc.join(' ')}", want 'self' without wildcards or schemes`);
  }
  requireOnly('object-src', "'none'");
  requireOnly('base-uri', "'self'", "'none'");
  requireOnly('form-action', "'self'", "'none'");
  const scriptSrc = csp.get('script-src') ?? defaultSrc ?? [];
  for (const bad of ["'unsafe-inline'", "'unsafe-eval'"])
    if (scriptSrc.some((v) => v.toLowerCase() === bad)) problems.push(`script-src allows ${bad}`);
  for (const ignored of ['frame-ancestors', 'report-uri', 'sandbox'])
    if (csp.has(ignored)) problems.push(`${ignored} is ignored in a meta CSP; send it as an HTTP header`);
  return problems;
}

const READ_CSP_METAS = `(() => {
  const all = [...document.querySelectorAll('*')];
  return [...document.querySelectorAll('meta[http-equiv]')]
    .filter((m) => m.httpEquiv.trim().toLowerCase() === 'content-security-policy')
    .map((m) => ({ content: m.content, inHead: m.parentElement === document.head,
      scriptsBefore: all.slice(0, all.indexOf(m)).filter((e) => e.localName === 'script').length }));
})()`;

/** The page's `<meta http-equiv="content-security-policy">` elements, in document order. */
export function readCspMetas(page: Page): Promise<CspMeta[]> {
  return page.evaluate<CspMeta[]>(READ_CSP_METAS);
}

export const cspCheck: GateCheck = {
  id: 'csp',
  sentence: 'causes no Content Security Policy violations',
  problems: (a) => [
    ...a.cspViolations.map(
      (v) =>
        `violation of ${v.directive}: blocked ${v.blockedURI || '(inline)'}${v.sourceFile ? ` in ${v.sourceFile}:${v.line}` : ''}${v.sample ? ` "${v.sample}"` : ''}`,
    ),
    ...a.record.cspConsoleMessages,
  ],
};

export const cspMetaCheck: GateCheck = {
  id: 'cspMeta',
  sentence: 'has exactly one strict Content-Security-Policy meta tag',
  problems: (a) => cspMetaProblems(a.cspMetas),
};
