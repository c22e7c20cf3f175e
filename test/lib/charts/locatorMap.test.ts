import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import type { MapFrame } from '../../../src/lib/charts/mapFrame.ts';
import { renderLocatorMap, type LocatorInput } from '../../../src/lib/charts/locatorMap.ts';
import { expectSvgSnapshot } from '../../snapshot.ts';

const FRAME: MapFrame = { width: 40, height: 20, path: () => '', point: () => [0, 0] };

function input(o: Partial<LocatorInput> = {}): LocatorInput {
  return {
    frame: FRAME,
    contextPaths: ['M0,0L20,0L20,20L0,20Z', 'M20,0L40,0L40,20L20,20Z'],
    parentPath: 'M0,0L20,0L20,20L0,20Z',
    unitPath: 'M2,2L10,2L10,10L2,10Z',
    label: 'Lage von Tiergarten Süd in Berlin',
    ...o,
  };
}

function parse(svg: string) {
  const { document } = parseHTML(`<!doctype html><html><body>${svg}</body></html>`);
  const root = document.querySelector('svg');
  if (!root) throw new Error('no svg');
  return root;
}

describe('renderLocatorMap', () => {
  it('renderLocatorMap(input) is one labelled image with a title', () => {
    const root = parse(renderLocatorMap(input()));
    expect(root.getAttribute('role')).toBe('img');
    expect(root.getAttribute('aria-label')).toBe('Lage von Tiergarten Süd in Berlin');
    expect(root.querySelector('title')?.textContent).toBe('Lage von Tiergarten Süd in Berlin');
    expect(root.getAttribute('viewBox')).toBe('0 0 40 20');
  });

  it('renderLocatorMap(input) draws the city, then the parent, then the unit on top with a black outline', () => {
    const root = parse(renderLocatorMap(input()));
    expect(root.querySelectorAll('g path').length).toBe(2);
    const paths = Array.from(root.children).filter((e) => e.tagName.toLowerCase() === 'path');
    expect(paths.map((p) => p.getAttribute('d'))).toEqual(['M0,0L20,0L20,20L0,20Z', 'M2,2L10,2L10,10L2,10Z']);
    expect(paths[1]?.getAttribute('stroke')).toBe('#000');
  });

  it('renderLocatorMap(no parent) draws only the city and the unit', () => {
    const root = parse(renderLocatorMap(input({ parentPath: undefined })));
    const paths = Array.from(root.children).filter((e) => e.tagName.toLowerCase() === 'path');
    expect(paths.map((p) => p.getAttribute('d'))).toEqual(['M2,2L10,2L10,10L2,10Z']);
  });

  it('renderLocatorMap(label with markup) escapes it', () => {
    const svg = renderLocatorMap(input({ label: 'Lage von "A & B" <x>' }));
    expect(svg).toContain('aria-label="Lage von &quot;A &amp; B&quot; &lt;x&gt;"');
    expect(svg).toContain('<title>Lage von "A &amp; B" &lt;x&gt;</title>');
  });

  it('renderLocatorMap(input) matches the snapshot', async () => {
    await expectSvgSnapshot(renderLocatorMap(input()), 'locatorMap-with-parent');
  });
});
