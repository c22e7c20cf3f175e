/**
 * Browser harness for the release gate (RELIABILITY.md §1.9, §4.5, §5, §6.3): visits pages of the built site in
 * Debian's Chromium through playwright-core and records everything the gate asserts on.
 *
 * In-page code is written as plain JavaScript strings, not TypeScript functions: a transpiler (tsx/esbuild with
 * keepNames) may wrap nested functions in a `__name()` helper that does not exist in the page.
 */
import { mkdir } from 'node:fs/promises';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page, type Response } from 'playwright-core';

// ---------------------------------------------------------------------------------------------------------------
// Browser

/** Chromium flags for a quiet, offline-friendly, root-safe headless run. */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
] as const;

/** Viewports of the gate: a phone (iPhone 14-ish) and a desktop. */
export const VIEWPORTS = {
  phone: { width: 390, height: 844 },
  desktop: { width: 1280, height: 900 },
} as const;

export interface Viewport {
  width: number;
  height: number;
}

/** Path of the Chromium binary: `CHROMIUM_PATH`, default Debian's `/usr/bin/chromium`. Never downloaded. */
export function chromiumPath(): string {
  return process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';
}

/**
 * Launches headless Chromium. playwright-core refuses a `--user-data-dir` argument; its `launch()` creates a fresh
 * temporary profile (`$TMPDIR/playwright_chromiumdev_profile-*`) and deletes it on `browser.close()`. Every page of
 * the gate then gets its own new incognito-like context (see {@link newPageContext}), so each visit is a first visit.
 * @throws with a hint when the binary is missing (install it with `apt-get install chromium`).
 */
export async function launchBrowser(): Promise<Browser> {
  const executablePath = chromiumPath();
  try {
    return await chromium.launch({ executablePath, headless: true, args: [...CHROMIUM_ARGS] });
  } catch (error) {
    throw new Error(`cannot launch Chromium at ${executablePath} (apt-get install chromium, or set CHROMIUM_PATH)`, {
      cause: error,
    });
  }
}

/** A fresh context: no cookies, storage or service workers from earlier visits; German locale, Berlin time. */
export async function newPageContext(browser: Browser, viewport: Viewport): Promise<BrowserContext> {
  return browser.newContext({
    viewport,
    locale: 'de-DE',
    timezoneId: 'Europe/Berlin',
    colorScheme: 'light',
    reducedMotion: 'reduce',
    serviceWorkers: 'allow',
  });
}

// ---------------------------------------------------------------------------------------------------------------
// Visiting a page

/** Live records of one visit, filled by page events. All entries are readable one-line strings. */
export interface PageRecord {
  /** `console.error` messages and uncaught exceptions, except Content-Security-Policy messages. */
  consoleErrors: string[];
  /** Console messages about the Content Security Policy (blocked inline scripts, ignored directives …). */
  cspConsoleMessages: string[];
  /** Requests to any origin but the site's, e.g. `GET https://fonts.example/x.css (stylesheet)`. */
  otherOriginRequests: string[];
  /** Same-origin requests that failed or answered ≥ 400, e.g. `404 /assets/x.png`. */
  failedResources: string[];
}

/** What a visit left in the browser; every list must be empty after a first visit (RELIABILITY.md §5.3). */
export interface StorageFindings {
  cookies: string[];
  localStorage: string[];
  sessionStorage: string[];
  indexedDB: string[];
  cacheStorage: string[];
  serviceWorkers: string[];
}

/** A `securitypolicyviolation` event seen in the page. */
export interface CspViolation {
  directive: string;
  blockedURI: string;
  sourceFile: string;
  line: number;
  sample: string;
}

export interface OpenedPage {
  page: Page;
  context: BrowserContext;
  /** Response of the main document (null for about:blank-like urls). */
  response: Response | null;
  /** Site origin, e.g. `http://127.0.0.1:43127`. */
  origin: string;
  record: PageRecord;
  /** Reads CSP violation events recorded so far. */
  cspViolations(): Promise<CspViolation[]>;
  /** Reads cookies, web storage keys, IndexedDB names, Cache Storage keys and service worker scopes now. */
  storage(): Promise<StorageFindings>;
}

const CSP_LISTENER = `(() => {
  if (window.__sozialatlasCsp) return;
  const list = [];
  Object.defineProperty(window, '__sozialatlasCsp', { value: list });
  document.addEventListener('securitypolicyviolation', (e) => {
    list.push({ directive: e.effectiveDirective || e.violatedDirective || '', blockedURI: e.blockedURI || '',
      sourceFile: e.sourceFile || '', line: e.lineNumber || 0, sample: e.sample || '' });
  }, true);
})();`;

const READ_STORAGE = `(async () => {
  const out = { localStorage: [], sessionStorage: [], indexedDB: [], cacheStorage: [], serviceWorkers: [] };
  const attempt = async (key, read) => { try { out[key] = await read(); } catch (e) { out[key] = ['(unreadable: ' + e + ')']; } };
  await attempt('localStorage', () => Object.keys(localStorage));
  await attempt('sessionStorage', () => Object.keys(sessionStorage));
  await attempt('indexedDB', async () => (await indexedDB.databases()).map((d) => d.name + ' v' + d.version));
  await attempt('cacheStorage', () => (window.caches ? caches.keys() : []));
  await attempt('serviceWorkers', async () => navigator.serviceWorker ? (await navigator.serviceWorker.getRegistrations()).map((r) => r.scope) : []);
  return out;
})()`;

const isCspMessage = (text: string) => /content[- ]security[- ]policy/i.test(text);

/**
 * Opens `url` in a new page of `context` at the given viewport and records console errors, page errors,
 * other-origin requests, failed same-origin requests and CSP violation events. Waits for `load`, then for the
 * network to be idle (≤ 10 s) and for fonts.
 *
 * Other-origin requests are recorded and answered locally with an empty 204, so a test never reaches the network
 * and a blocked request causes no follow-up console error. Requests a page's CSP blocks never start; they show up
 * as CSP violations instead.
 */
export async function openPage(context: BrowserContext, url: string, viewport: Viewport): Promise<OpenedPage> {
  const origin = new URL(url).origin;
  const page = await context.newPage();
  await page.setViewportSize(viewport);
  const record: PageRecord = {
    consoleErrors: [],
    cspConsoleMessages: [],
    otherOriginRequests: [],
    failedResources: [],
  };
  await page.addInitScript({ content: CSP_LISTENER });
  await page.route(
    (target) => (target.protocol === 'http:' || target.protocol === 'https:') && target.origin !== origin,
    (route) => route.fulfill({ status: 204, body: '' }),
  );
  page.on('console', (message) => {
    const text = message.text();
    const where = message.location().url ? ` (${message.location().url}:${message.location().lineNumber})` : '';
    if (isCspMessage(text)) record.cspConsoleMessages.push(`${message.type()}: ${text}`);
    else if (message.type() === 'error') record.consoleErrors.push(`${text}${where}`);
  });
  page.on('pageerror', (error) => record.consoleErrors.push(`Uncaught ${error.name}: ${error.message}`));
  page.on('request', (request) => {
    const target = new URL(request.url());
    if (!['http:', 'https:', 'ws:', 'wss:'].includes(target.protocol) || target.origin === origin) return;
    record.otherOriginRequests.push(`${request.method()} ${request.url()} (${request.resourceType()})`);
  });
  page.on('websocket', (socket) => {
    if (new URL(socket.url()).origin !== origin.replace(/^http/, 'ws'))
      record.otherOriginRequests.push(`WebSocket ${socket.url()}`);
  });
  page.on('requestfailed', (request) => {
    const target = new URL(request.url());
    if (target.origin === origin)
      record.failedResources.push(
        `failed ${target.pathname}${target.search}: ${request.failure()?.errorText ?? 'unknown error'}`,
      );
  });
  page.on('response', (response) => {
    const target = new URL(response.url());
    if (target.origin === origin && response.status() >= 400)
      record.failedResources.push(`${response.status()} ${target.pathname}${target.search}`);
  });
  const response = await page.goto(url, { waitUntil: 'load', timeout: 60_000 });
  await page.waitForLoadState('networkidle', { timeout: 10_000 }).catch(() => undefined);
  await page.evaluate('document.fonts ? document.fonts.ready.then(() => true) : true');
  return {
    page,
    context,
    response,
    origin,
    record,
    cspViolations: () => page.evaluate<CspViolation[]>('window.__sozialatlasCsp ? [...window.__sozialatlasCsp] : []'),
    storage: async () => {
      const inPage = await page.evaluate<Omit<StorageFindings, 'cookies'>>(READ_STORAGE);
      const cookies = (await context.cookies()).map((c) => `${c.name} (${c.domain}${c.path})`);
      return { cookies, ...inPage };
    },
  };
}

/** Storage findings as readable lines, e.g. `cookie besuch (127.0.0.1/)`, `localStorage zuletztBesucht`. */
export function formatStorage(storage: StorageFindings): string[] {
  const lines: string[] = [];
  for (const [kind, entries] of Object.entries(storage) as [keyof StorageFindings, string[]][]) {
    const label = kind === 'cookies' ? 'cookie' : kind === 'serviceWorkers' ? 'service worker' : kind;
    for (const entry of entries) lines.push(`${label} ${entry}`);
  }
  return lines;
}

// ---------------------------------------------------------------------------------------------------------------
// axe

/** WCAG 2.1 A and AA, as required by EN 301 549 / BITV 2.0 (RELIABILITY.md §4.1, §4.5). */
export const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] as const;

/** One element that violates one axe rule. */
export interface AxeFinding {
  rule: string;
  impact: string;
  help: string;
  helpUrl: string;
  /** CSS selectors of the element (one per frame/shadow level). */
  target: string[];
  /** Start of the element's HTML. */
  html: string;
  /** axe's "Fix any of the following" text. */
  summary: string;
}

let axeSource: string | undefined;
function readAxeSource(): string {
  axeSource ??= readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
  return axeSource;
}

/**
 * Runs axe-core on the page with {@link AXE_TAGS}; returns one finding per violating element.
 * axe is injected with `page.evaluate` (a DevTools evaluation, which no page CSP can block), never with a
 * `<script>` tag that a strict CSP would refuse.
 */
export async function runAxe(page: Page): Promise<AxeFinding[]> {
  if (!(await page.evaluate<boolean>('typeof window.axe === "object"'))) await page.evaluate(readAxeSource());
  const options = JSON.stringify({
    runOnly: { type: 'tag', values: AXE_TAGS },
    resultTypes: ['violations'],
    iframes: false,
  });
  return page.evaluate<
    AxeFinding[]
  >(`axe.run(document, ${options}).then((r) => r.violations.flatMap((v) => v.nodes.map((n) => ({
    rule: v.id, impact: v.impact || 'unknown', help: v.help, helpUrl: v.helpUrl,
    target: n.target.map((t) => Array.isArray(t) ? t.join(' >>> ') : String(t)),
    html: n.html.length > 200 ? n.html.slice(0, 200) + '…' : n.html,
    summary: (n.failureSummary || '').replace(/\\s+/g, ' ').trim(),
  }))))`);
}

/** One readable line per finding: rule (impact) at selector: help — html — fix. */
export function formatAxeFinding(finding: AxeFinding): string {
  return `${finding.rule} (${finding.impact}) at ${finding.target.join(', ')}: ${finding.help} — ${finding.html} — ${finding.summary} — ${finding.helpUrl}`;
}

// ---------------------------------------------------------------------------------------------------------------
// Keyboard

/** One Tab stop. */
export interface KeyStop {
  /** Index in {@link KeyboardReport.expected}, or -1 for a stop that is not in the list (e.g. a scroll container). */
  index: number;
  description: string;
  /** True when the focused element looks different from its unfocused self (outline, shadow, colours …). */
  indicator: boolean;
  /** What changed, e.g. `outline-style: none → solid`. */
  change: string;
}

export interface KeyboardReport {
  /** Focusable interactive elements in DOM order: `a[href]`, `button`, `input`, `select`, `textarea`, `summary`, `[tabindex]` ≥ 0. */
  expected: string[];
  stops: KeyStop[];
  /** Failures: not reached, out of order, no visible focus indicator, focus trapped. */
  problems: string[];
  /** Not failures: extra stops, truncation at `maxTabs`. */
  notes: string[];
}

const KEYBOARD_SETUP = `(() => {
  const PROPS = ['outline-style', 'outline-width', 'outline-color', 'outline-offset', 'box-shadow',
    'border-top-color', 'border-right-color', 'border-bottom-color', 'border-left-color',
    'border-top-width', 'border-right-width', 'border-bottom-width', 'border-left-width',
    'background-color', 'color', 'text-decoration-line', 'text-decoration-thickness', 'stroke', 'stroke-width', 'fill'];
  const styleOf = (el) => {
    if (!el) return null;
    const cs = getComputedStyle(el);
    const out = {};
    for (const p of PROPS) out[p] = cs.getPropertyValue(p);
    return out;
  };
  const snapshot = (el) => ({ self: styleOf(el), parent: styleOf(el.parentElement), child: styleOf(el.firstElementChild) });
  const describe = (el) => {
    let s = el.localName;
    if (el.id) s += '#' + el.id;
    const cls = typeof el.className === 'string' ? el.className.trim().split(/\\s+/).filter(Boolean).slice(0, 2) : [];
    if (cls.length) s += '.' + cls.join('.');
    const href = el.getAttribute('href');
    if (href !== null) s += '[href="' + href + '"]';
    const text = (el.getAttribute('aria-label') || el.textContent || el.value || el.getAttribute('name') || '').replace(/\\s+/g, ' ').trim();
    if (text) s += ' "' + (text.length > 40 ? text.slice(0, 40) + '…' : text) + '"';
    return s;
  };
  const selector = 'a[href], area[href], button, input, select, textarea, summary, [tabindex]';
  const seenRadioGroups = new Map();
  const all = [...document.querySelectorAll(selector)];
  const radioChoice = (el) => {
    const key = (el.form ? 'f' : 'd') + ':' + el.name;
    if (!seenRadioGroups.has(key)) {
      const group = all.filter((o) => o.matches('input[type=radio]') && o.name === el.name && o.form === el.form);
      seenRadioGroups.set(key, group.find((o) => o.checked) || group[0]);
    }
    return seenRadioGroups.get(key) === el;
  };
  const isCandidate = (el) => {
    if (el.tabIndex < 0) return false;
    if (el.matches(':disabled, input[type=hidden]') || el.closest('[inert]')) return false;
    if (el.localName === 'summary' && !(el.parentElement && el.parentElement.localName === 'details' &&
      el.parentElement.querySelector(':scope > summary') === el)) return false;
    if (!el.matches('a[href], area[href], button, input, select, textarea, summary') && !el.hasAttribute('tabindex')) return false;
    if (typeof el.checkVisibility === 'function' && !el.checkVisibility({ visibilityProperty: true })) return false;
    if (el.matches('input[type=radio]') && el.name && !radioChoice(el)) return false;
    return true;
  };
  const elements = all.filter(isCandidate);
  const state = { elements, before: elements.map(snapshot), styleOf, snapshot, describe, PROPS };
  Object.defineProperty(window, '__sozialatlasKbd', { value: state, configurable: true });
  if (document.activeElement && document.activeElement !== document.body && document.activeElement.blur) document.activeElement.blur();
  return elements.map((el) => describe(el) + (el.tabIndex > 0 ? ' (tabindex=' + el.tabIndex + ')' : ''));
})()`;

// getComputedStyle recalculates style synchronously, so no animation frame is awaited after a Tab press.
const KEYBOARD_STEP = `(() => {
  const st = window.__sozialatlasKbd;
  const el = document.activeElement;
  if (!el || el === document.body || el === document.documentElement) return null;
  const index = st.elements.indexOf(el);
  const now = st.snapshot(el);
  const transparent = (c) => c === 'transparent' || /rgba\\([^)]*,\\s*0\\)$/.test(c);
  const hasOutline = (s) => s && s['outline-style'] !== 'none' && parseFloat(s['outline-width']) > 0 && !transparent(s['outline-color']);
  const hasShadow = (s) => s && s['box-shadow'] !== 'none';
  const diff = (a, b, who) => {
    if (!a || !b) return [];
    return st.PROPS.filter((p) => a[p] !== b[p]).map((p) => who + p + ': ' + a[p] + ' → ' + b[p]);
  };
  let changes;
  if (index >= 0) {
    const before = st.before[index];
    changes = [...diff(before.self, now.self, ''), ...diff(before.parent, now.parent, 'parent '), ...diff(before.child, now.child, 'child ')];
    // An outline or shadow that only changed to invisible values does not count.
    changes = changes.filter((c) => !/^(outline-(color|offset|width)): /.test(c) || hasOutline(now.self));
  } else {
    changes = [];
    if (hasOutline(now.self)) changes.push('outline ' + now.self['outline-style']);
    if (hasShadow(now.self)) changes.push('box-shadow');
  }
  return { index, description: st.describe(el), indicator: changes.length > 0, change: changes.slice(0, 3).join('; '),
    iframe: el.localName === 'iframe' };
})()`;

/**
 * Positions of a longest strictly increasing subsequence of `values`: the stops that are in DOM order. The others
 * are the ones out of order (one `tabindex="2"` link yields one problem, not one per element it jumps over).
 */
export function longestIncreasingRun(values: readonly number[]): Set<number> {
  const tails: number[] = []; // tails[k] = position of the smallest tail of an increasing run of length k + 1
  const previous: number[] = new Array<number>(values.length).fill(-1);
  values.forEach((value, position) => {
    let lo = 0;
    let hi = tails.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((values[tails[mid] ?? 0] ?? 0) < value) lo = mid + 1;
      else hi = mid;
    }
    if (lo > 0) previous[position] = tails[lo - 1] ?? -1;
    tails[lo] = position;
  });
  const kept = new Set<number>();
  for (let position = tails.at(-1) ?? -1; position >= 0; position = previous[position] ?? -1) kept.add(position);
  return kept;
}

/**
 * Presses Tab through the page (at most `maxTabs` times, default 400) and checks that every focusable interactive
 * element is reached, in DOM order, and shows a visible focus indicator (its computed outline, box-shadow, border,
 * background, colour or text decoration — or those of its parent or first child — differ from the unfocused state).
 * Also reports a focus trap (the same element three Tabs in a row). Run it on a freshly loaded page.
 */
export async function checkKeyboard(page: Page, options: { maxTabs?: number } = {}): Promise<KeyboardReport> {
  const maxTabs = options.maxTabs ?? 400;
  const expected = await page.evaluate<string[]>(KEYBOARD_SETUP);
  const stops: KeyStop[] = [];
  const problems: string[] = [];
  const notes: string[] = [];
  let repeats = 0;
  let truncated = true;
  for (let i = 0; i < maxTabs; i++) {
    await page.keyboard.press('Tab');
    const step = await page.evaluate<(KeyStop & { iframe: boolean }) | null>(KEYBOARD_STEP);
    if (step === null) {
      if (stops.length > 0) {
        truncated = false;
        break;
      }
      continue;
    }
    const previous = stops.at(-1);
    if (previous && previous.index === step.index && previous.description === step.description && !step.iframe) {
      if (++repeats >= 2) {
        problems.push(`focus trapped: Tab stays on ${step.description}`);
        truncated = false;
        break;
      }
      continue;
    }
    repeats = 0;
    const first = stops[0];
    if (first && step.index === first.index && step.description === first.description) {
      truncated = false;
      break;
    }
    stops.push({ index: step.index, description: step.description, indicator: step.indicator, change: step.change });
  }
  const reached = new Set(stops.map((s) => s.index).filter((i) => i >= 0));
  const furthest = Math.max(-1, ...reached);
  if (truncated)
    notes.push(`stopped after ${maxTabs} Tab presses; checked elements up to ${furthest + 1} of ${expected.length}`);
  expected.forEach((description, index) => {
    if (!reached.has(index) && (!truncated || index < furthest))
      problems.push(`not reachable with Tab: ${description}`);
  });
  for (const stop of stops) if (stop.index < 0) notes.push(`extra Tab stop: ${stop.description}`);
  const listed = stops.map((stop, position) => ({ stop, position })).filter(({ stop }) => stop.index >= 0);
  const inOrder = longestIncreasingRun(listed.map(({ stop }) => stop.index));
  listed.forEach(({ stop, position }, i) => {
    if (!inOrder.has(i))
      problems.push(
        `out of order: ${stop.description} is Tab stop ${position + 1}, but element ${stop.index + 1} of ${expected.length} in the page`,
      );
  });
  for (const stop of stops) if (!stop.indicator) problems.push(`no visible focus indicator: ${stop.description}`);
  return { expected, stops, problems, notes };
}

// ---------------------------------------------------------------------------------------------------------------
// CSP meta and language

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

/**
 * Table cells of the main content squeezed narrower than two characters while holding a word of five or more (a table
 * with too many columns for a phone breaks its names a letter per line and still fits the width, so the reflow check
 * passes), e.g. `th "Arbeitslosigkeit" 14 px wide`.
 */
const READ_CRUSHED_CELLS = `(() => {
  const out = [];
  for (const c of document.querySelectorAll('main th, main td')) {
    const text = c.textContent.trim().replace(/\\s+/g, ' ');
    const style = getComputedStyle(c);
    const r = c.getBoundingClientRect();
    const inner = r.width - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
    if (style.display !== 'none' && r.width > 0 && /[^\\s]{5}/.test(text) && inner < 2 * parseFloat(style.fontSize)) out.push(c.localName + ' "' + text.slice(0, 40) + '" ' + Math.round(inner) + ' px wide');
  }
  return out;
})()`;

/** Horizontal overflow of the page (WCAG 1.4.10 Reflow): null when the page is no wider than the viewport. */
export interface Overflow {
  viewportWidth: number;
  pageWidth: number;
  /** Outermost elements sticking out of the viewport, not inside a scroll container, e.g. `a "Schmöckwitz/…" (right edge 399 px)`. */
  elements: string[];
}

const READ_OVERFLOW = `(() => {
  const width = document.documentElement.clientWidth;
  const pageWidth = document.documentElement.scrollWidth;
  if (pageWidth <= width) return null;
  const clipped = (node) => {
    for (let a = node.parentElement; a && a !== document.body; a = a.parentElement) if (getComputedStyle(a).overflowX !== 'visible') return true;
    return false;
  };
  const right = new Map();
  for (const e of document.body.querySelectorAll('*')) {
    const r = e.getBoundingClientRect();
    if (r.width > 0 && r.right > width + 0.5 && !clipped(e)) right.set(e, r.right);
  }
  // Unbreakable text (a long url, a compound name) overflows its block without widening the block's box.
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  const range = document.createRange();
  for (let t = walker.nextNode(); t; t = walker.nextNode()) {
    const e = t.parentElement;
    if (!e || !t.textContent.trim()) continue;
    range.selectNodeContents(t);
    const r = range.getBoundingClientRect();
    if (r.width > 0 && r.right > width + 0.5 && !clipped(t)) right.set(e, Math.max(right.get(e) || 0, r.right));
  }
  const all = [...right.keys()];
  const outer = all.filter((e) => !all.includes(e.parentElement)).slice(0, 5);
  return { viewportWidth: width, pageWidth, elements: outer.map((e) => {
    const cls = typeof e.className === 'string' && e.className.trim() ? '.' + e.className.trim().split(/\\s+/)[0] : '';
    const text = (e.textContent || '').replace(/\\s+/g, ' ').trim().slice(0, 40);
    return e.localName + cls + (text ? ' "' + text + '"' : '') + ' (right edge ' + Math.round(right.get(e)) + ' px)';
  }) };
})()`;

/** Language a url must declare: `en` under `/en/`, else `de`. */
export function expectedLang(url: string): 'de' | 'en' {
  const { pathname } = new URL(url, 'http://site.invalid');
  return pathname === '/en' || pathname.startsWith('/en/') ? 'en' : 'de';
}

// ---------------------------------------------------------------------------------------------------------------
// Screenshots

/** Folder for screenshots, relative to the working directory (gitignored `test-results/`). */
export const SCREENSHOT_DIR = path.resolve('test-results', 'screenshots');

/** Saves a full-page PNG to `test-results/screenshots/<name>.png` (name made file-safe); returns the path. */
export async function screenshot(page: Page, name: string): Promise<string> {
  const safe =
    name
      .toLowerCase()
      .replace(/[^a-z0-9äöüß._]+/g, '-')
      .replace(/^-+|-+$/g, '') || 'page';
  const file = path.join(SCREENSHOT_DIR, `${safe}.png`);
  await mkdir(SCREENSHOT_DIR, { recursive: true });
  await page.screenshot({ path: file, fullPage: true, animations: 'disabled', caret: 'hide' });
  return file;
}

// ---------------------------------------------------------------------------------------------------------------
// The whole audit of one page

/** Everything the gate asserts on for one page at one viewport. */
export interface PageAudit {
  url: string;
  viewport: Viewport;
  status: number | undefined;
  record: PageRecord;
  axe: AxeFinding[];
  storage: StorageFindings;
  cspViolations: CspViolation[];
  cspMetas: CspMeta[];
  lang: string | null;
  overflow: Overflow | null;
  /** See READ_CRUSHED_CELLS. */
  crushedCells: string[];
  keyboard: KeyboardReport;
  screenshot: string | undefined;
}

/**
 * Visits `url` in a fresh context and runs every check, in this order: load, CSP metas, `lang` and overflow, screenshot,
 * axe, keyboard; storage, CSP violations and console are read last so they cover the whole visit (which includes
 * no click: it is still a first visit).
 */
export async function auditPage(
  browser: Browser,
  url: string,
  viewport: Viewport,
  options: { screenshotName?: string; maxTabs?: number } = {},
): Promise<PageAudit> {
  const context = await newPageContext(browser, viewport);
  try {
    const visit = await openPage(context, url, viewport);
    const cspMetas = await visit.page.evaluate<CspMeta[]>(READ_CSP_METAS);
    const lang = await visit.page.evaluate<string | null>('document.documentElement.getAttribute("lang")');
    const overflow = await visit.page.evaluate<Overflow | null>(READ_OVERFLOW);
    const crushedCells = await visit.page.evaluate<string[]>(READ_CRUSHED_CELLS);
    const shot = options.screenshotName ? await screenshot(visit.page, options.screenshotName) : undefined;
    const axe = await runAxe(visit.page);
    const keyboard = await checkKeyboard(visit.page, options.maxTabs === undefined ? {} : { maxTabs: options.maxTabs });
    const storage = await visit.storage();
    const cspViolations = await visit.cspViolations();
    return {
      url,
      viewport,
      status: visit.response?.status(),
      record: visit.record,
      axe,
      storage,
      cspViolations,
      cspMetas,
      lang,
      overflow,
      crushedCells,
      keyboard,
      screenshot: shot,
    };
  } finally {
    await context.close();
  }
}

/** One assertion of the gate: a sentence ending and a function listing readable problems (empty = pass). */
export interface GateCheck {
  id: string;
  /** Completes "<page> at <width> width …", e.g. "has no axe violations". */
  sentence: string;
  problems(audit: PageAudit): string[];
}

/** The checks of the release gate, in report order. `e2e/harness.test.ts` proves each can fail. */
export const GATE_CHECKS: readonly GateCheck[] = [
  {
    id: 'status',
    sentence: 'loads with HTTP 200',
    problems: (a) => (a.status === 200 ? [] : [`HTTP ${a.status ?? 'no response'}`]),
  },
  { id: 'axe', sentence: 'has no axe violations (WCAG 2.1 A/AA)', problems: (a) => a.axe.map(formatAxeFinding) },
  { id: 'console', sentence: 'logs no console errors', problems: (a) => a.record.consoleErrors },
  { id: 'resources', sentence: 'loads every same-origin resource it uses', problems: (a) => a.record.failedResources },
  { id: 'requests', sentence: 'requests nothing from another origin', problems: (a) => a.record.otherOriginRequests },
  {
    id: 'storage',
    sentence: 'sets no cookie and writes no web storage, IndexedDB, Cache Storage or service worker on a first visit',
    problems: (a) => formatStorage(a.storage),
  },
  {
    id: 'csp',
    sentence: 'causes no Content Security Policy violations',
    problems: (a) => [
      ...a.cspViolations.map(
        (v) =>
          `violation of ${v.directive}: blocked ${v.blockedURI || '(inline)'}${v.sourceFile ? ` in ${v.sourceFile}:${v.line}` : ''}${v.sample ? ` "${v.sample}"` : ''}`,
      ),
      ...a.record.cspConsoleMessages,
    ],
  },
  {
    id: 'cspMeta',
    sentence: 'has exactly one strict Content-Security-Policy meta tag',
    problems: (a) => cspMetaProblems(a.cspMetas),
  },
  {
    id: 'lang',
    sentence: 'declares the language of its url in <html lang>',
    problems: (a) =>
      a.lang === expectedLang(a.url) ? [] : [`<html lang="${a.lang ?? ''}">, want "${expectedLang(a.url)}"`],
  },
  {
    id: 'reflow',
    sentence: 'fits the viewport width without horizontal scrolling (WCAG 1.4.10)',
    problems: (a) =>
      a.overflow
        ? [
            `page is ${a.overflow.pageWidth} px wide in a ${a.overflow.viewportWidth} px viewport`,
            ...a.overflow.elements.map((e) => `sticks out: ${e}`),
          ]
        : [],
  },
  { id: 'cells', sentence: 'squeezes no table cell to a letter or two per line', problems: (a) => a.crushedCells },
  {
    id: 'keyboard',
    sentence: 'can be used with the keyboard alone (all controls reached in order, focus visible)',
    problems: (a) => a.keyboard.problems,
  },
];

// ---------------------------------------------------------------------------------------------------------------
// Choosing pages from atlas.json

/** The part of `dist/data/atlas.json` the gate reads (the site contract). */
export interface AtlasJson {
  atlas: { id: string; title: string; city: string; dataDate: string; siteUrl: string };
  levels: { id: string; label: string; labelPlural: string; parent?: string; count: number }[];
  units: { id: string; name: string; level: string; parent?: string; url: string }[];
  indicators: { id: string; label: string; unit?: string; type: string; years: number[] }[];
  pages: { type: string; url: string; lang?: 'de' | 'en' }[];
}

/** A page the gate visits. */
export interface GatePage {
  /** e.g. `home page`, `unit page (bezirk)`, `facility page (English)`. */
  label: string;
  /** Url path, e.g. `/bezirke/mitte/`. */
  url: string;
  lang: 'de' | 'en';
}

/** Path (with query) of a url that may be absolute (`https://atlas.example/x/`) or a path. */
function toPath(url: string): string {
  const parsed = new URL(url, 'http://site.invalid');
  return `${parsed.pathname}${parsed.search}`;
}

const langOf = (page: { url: string; lang?: 'de' | 'en' }): 'de' | 'en' => page.lang ?? expectedLang(toPath(page.url));

/** The first unit of every level, and the url its English page should have (`/en<unit url>`). */
export function firstUnitsByLevel(
  atlas: AtlasJson,
): { level: string; unit: AtlasJson['units'][number]; englishUrl: string }[] {
  return atlas.levels.flatMap((level) => {
    const unit = atlas.units.find((u) => u.level === level.id);
    return unit ? [{ level: level.id, unit, englishUrl: `/en${toPath(unit.url)}` }] : [];
  });
}

/**
 * One page of every template: home (`/`, `/en/`), the first unit of every level (German, and English at
 * `/en<unit url>` when `pages` lists it or `existing` contains it), and one page of every `pages[].type` in each
 * language (preferring a page not already chosen). Urls are unique.
 * @param existing url paths known to be served although `pages` does not list them (the gate probes English unit urls).
 * @returns `pages` to visit and `missing`: expected pages that are neither listed nor known (the gate fails on them).
 */
export function selectGatePages(
  atlas: AtlasJson,
  existing: ReadonlySet<string> = new Set(),
): { pages: GatePage[]; missing: string[] } {
  const pages: GatePage[] = [];
  const missing: string[] = [];
  const chosen = new Set<string>();
  const add = (label: string, url: string, lang: 'de' | 'en') => {
    const p = toPath(url);
    if (chosen.has(p)) return;
    chosen.add(p);
    pages.push({ label, url: p, lang });
  };
  const listed = new Map(atlas.pages.map((page) => [toPath(page.url), page]));
  const hasEnglish = atlas.pages.some((page) => langOf(page) === 'en');
  add('home page', '/', 'de');
  if (hasEnglish) add('home page (English)', '/en/', 'en');
  const firstUnits = firstUnitsByLevel(atlas);
  for (const level of atlas.levels) {
    const first = firstUnits.find((f) => f.level === level.id);
    if (!first) {
      missing.push(`no unit of level ${level.id} in atlas.json`);
      continue;
    }
    add(`unit page (${level.id})`, first.unit.url, 'de');
    if (!hasEnglish) continue;
    if (listed.has(first.englishUrl) || existing.has(first.englishUrl))
      add(`unit page (${level.id}, English)`, first.englishUrl, 'en');
    else
      missing.push(
        `no English page for unit ${first.unit.id} (${level.id}): ${first.englishUrl} is neither in atlas.json pages nor served`,
      );
  }
  for (const lang of ['de', 'en'] as const) {
    const types = [...new Set(atlas.pages.map((page) => page.type))];
    for (const type of types) {
      const candidates = atlas.pages.filter((page) => page.type === type && langOf(page) === lang);
      const page = candidates.find((c) => !chosen.has(toPath(c.url)));
      if (page) add(lang === 'en' ? `${type} page (English)` : `${type} page`, page.url, lang);
    }
  }
  return { pages, missing };
}
