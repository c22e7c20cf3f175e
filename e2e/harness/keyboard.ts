/**
 * Gate check `keyboard` (WCAG 2.1.1, 2.4.3, 2.4.7): every control reachable with Tab, in DOM order, with visible focus.
 *
 * In-page code is written as plain JavaScript strings, not TypeScript functions: a transpiler (tsx/esbuild with
 * keepNames) may wrap nested functions in a `__name()` helper that does not exist in the page.
 */
import type { Page } from 'playwright-core';
import type { GateCheck } from './audit.ts';

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

export const keyboardCheck: GateCheck = {
  id: 'keyboard',
  sentence: 'can be used with the keyboard alone (all controls reached in order, focus visible)',
  problems: (a) => a.keyboard.problems,
};
