/**
 * patches/linkedom+0.18.15.patch (applied by `patch-package` on `npm ci`): linkedom gave every node it created an
 * entry in one module-wide WeakMap for its event listeners. Charts are drawn with Plot on a linkedom document, about
 * 1,500 nodes per chart; the WeakMap grew to millions of dead entries between major GCs, and at 5,000 units rendering a
 * unit page took 20 to 110 ms instead of 16 (scale bench). The patch creates the map on the first addEventListener.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { parseHTML } from 'linkedom';

afterEach(() => vi.restoreAllMocks());

describe('linkedom as patched for chart rendering', () => {
  it('creates nodes without registering each of them in a WeakMap', () => {
    const { document } = parseHTML('<!doctype html><html><body></body></html>');
    const set = vi.spyOn(WeakMap.prototype, 'set');
    for (let i = 0; i < 500; i++)
      document.createElementNS('http://www.w3.org/2000/svg', 'path').setAttribute('d', `M${i},0h1`);
    // Without the patch: one call per node (500 or more).
    expect(set.mock.calls.length).toBeLessThan(10);
  });

  it('still dispatches to listeners, honours once and removes listeners', () => {
    const { document, Event } = parseHTML('<!doctype html><html><body><button>b</button></body></html>');
    const button = document.querySelector('button');
    if (!button) throw new Error('no button');
    const seen: string[] = [];
    const persistent = () => seen.push('persistent');
    button.addEventListener('click', persistent);
    button.addEventListener('click', () => seen.push('once'), { once: true });
    button.dispatchEvent(new Event('click'));
    button.dispatchEvent(new Event('click'));
    button.removeEventListener('click', persistent);
    button.dispatchEvent(new Event('click'));
    // Removing a listener from a node that never had one must not throw (the map is created lazily).
    expect(() => document.createElement('span').removeEventListener('click', persistent)).not.toThrow();
    expect(seen).toEqual(['persistent', 'once', 'persistent']);
  });
});
