import { describe, expect, it } from 'vitest';
import { overlayPagesKey } from '../../src/pipeline/build.ts';
import type { FacilitiesResult } from '../../src/pipeline/stages/facilities.ts';
import type { OverlaysResult } from '../../src/pipeline/stages/overlays.ts';

// Made-up entries: only the fields the key reads are filled in.
const entry = (id: string, lastConfirmed: string, html = '') => ({
  facility: { id, lastConfirmed, sources: [{ retrieved: '2024-01-01' }] },
  html,
});
const facilities = (...entries: ReturnType<typeof entry>[]) => ({ facilities: entries }) as unknown as FacilitiesResult;
/** One layer; `inside`: the facility ids of each area. */
const overlays = (...inside: string[][]) =>
  ({ layers: [{ areas: inside.map((facilities) => ({ facilities })) }] }) as unknown as OverlaysResult;

describe('overlayPagesKey', () => {
  const base = overlayPagesKey('salt', overlays(['a']), facilities(entry('a', '2024-03-01'), entry('b', '2024-03-01')));

  it('stays the same when a facility outside every area changes (but not the data date)', () => {
    const edited = facilities(entry('a', '2024-03-01'), entry('b', '2024-02-01', '<p>neu</p>'));
    expect(overlayPagesKey('salt', overlays(['a']), edited)).toBe(base);
  });

  it('changes when a facility inside an area changes', () => {
    const edited = facilities(entry('a', '2024-03-01', '<p>neu</p>'), entry('b', '2024-03-01'));
    expect(overlayPagesKey('salt', overlays(['a']), edited)).not.toBe(base);
  });

  it('changes when another facility comes to lie inside an area, or the salt changes', () => {
    const both = facilities(entry('a', '2024-03-01'), entry('b', '2024-03-01'));
    expect(overlayPagesKey('salt', overlays(['a', 'b']), both)).not.toBe(base);
    expect(overlayPagesKey('salt', overlays(['a'], ['b']), both)).not.toBe(base);
    expect(overlayPagesKey('other', overlays(['a']), both)).not.toBe(base);
  });

  it('changes with the directory data date, which the area pages show, even from a facility outside', () => {
    const later = facilities(entry('a', '2024-03-01'), entry('b', '2024-04-01'));
    expect(overlayPagesKey('salt', overlays(['a']), later)).not.toBe(base);
  });
});
