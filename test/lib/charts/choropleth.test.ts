import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { SCHEMES, renderChoropleth, renderSwatch, type ChoroplethInput } from '../../../src/lib/charts/choropleth.ts';
import type { MapFrame } from '../../../src/lib/charts/mapFrame.ts';
import { expectSvgSnapshot } from '../../snapshot.ts';

/** A fixed 30 × 10 frame; the paths below are already in its coordinates. */
const FRAME: MapFrame = { width: 30, height: 10, path: () => '', point: () => [0, 0] };
const COLORS = SCHEMES.negative.slice(0, 3);

function input(o: Partial<ChoroplethInput> = {}): ChoroplethInput {
  return {
    frame: FRAME,
    colors: COLORS,
    label: 'Arbeitslose, Bezirke, 2019',
    idPrefix: 'home-de',
    units: [
      { id: '01', path: 'M0,0L10,0L10,10L0,10Z', classIndex: 0, label: 'Mitte: 4,1 %', href: '/bezirk/01/' },
      {
        id: '02',
        path: 'M10,0L20,0L20,10L10,10Z',
        classIndex: 2,
        label: 'Süd & "Nord": 9,9 %',
        href: '/bezirk/02/?a=1&b=2',
      },
      {
        id: '03',
        path: 'M20,0L30,0L30,10L20,10Z',
        classIndex: undefined,
        label: 'Ost: geheim gehalten',
        href: '/bezirk/03/',
      },
    ],
    ...o,
  };
}

function parse(svg: string) {
  const { document } = parseHTML(`<!doctype html><html><body>${svg}</body></html>`);
  const root = document.querySelector('svg');
  if (!root) throw new Error('no svg');
  return root;
}

describe('renderChoropleth', () => {
  it('renderChoropleth(input) names the map as a group', () => {
    const root = parse(renderChoropleth(input()));
    expect(root.getAttribute('role')).toBe('group');
    expect(root.getAttribute('aria-label')).toBe('Arbeitslose, Bezirke, 2019');
    expect(root.getAttribute('viewBox')).toBe('0 0 30 10');
  });

  it('renderChoropleth(input) makes every unit a link with its accessible name and a title', () => {
    const root = parse(renderChoropleth(input()));
    const links = Array.from(root.querySelectorAll('a'));
    expect(links.map((a) => a.getAttribute('href'))).toEqual(['/bezirk/01/', '/bezirk/02/?a=1&b=2', '/bezirk/03/']);
    expect(links.map((a) => a.getAttribute('aria-label'))).toEqual([
      'Mitte: 4,1 %',
      'Süd & "Nord": 9,9 %',
      'Ost: geheim gehalten',
    ]);
    expect(links.map((a) => a.querySelector('title')?.textContent)).toEqual([
      'Mitte: 4,1 %',
      'Süd & "Nord": 9,9 %',
      'Ost: geheim gehalten',
    ]);
    for (const a of links) expect(a.querySelectorAll('path').length).toBe(1);
  });

  it('renderChoropleth(input) escapes labels and hrefs in the markup', () => {
    const svg = renderChoropleth(input());
    expect(svg).toContain('aria-label="Süd &amp; &quot;Nord&quot;: 9,9 %"');
    expect(svg).toContain('href="/bezirk/02/?a=1&amp;b=2"');
    expect(svg).toContain('<title>Süd &amp; "Nord": 9,9 %</title>');
  });

  it('renderChoropleth(input) fills units with the colour of their class', () => {
    const fills = Array.from(parse(renderChoropleth(input())).querySelectorAll('a path')).map((p) =>
      p.getAttribute('fill'),
    );
    expect(fills[0]).toBe(COLORS[0]);
    expect(fills[1]).toBe(COLORS[2]);
  });

  it('renderChoropleth(unit without data) hatches it with the pattern, never a colour of the scale', () => {
    const root = parse(renderChoropleth(input()));
    const fill = root.querySelectorAll('a path')[2]?.getAttribute('fill');
    expect(fill).toBe('url(#home-de-nodata)');
    for (const scheme of Object.values(SCHEMES)) expect(scheme).not.toContain(fill);
    const pattern = root.querySelector('defs pattern');
    expect(pattern?.getAttribute('id')).toBe('home-de-nodata');
    expect(pattern?.querySelector('line')).not.toBeNull();
  });

  it('renderChoropleth(idPrefix) keeps pattern ids unique per map', () => {
    const a = renderChoropleth(input({ idPrefix: 'home-de' }));
    const b = renderChoropleth(input({ idPrefix: 'home-en' }));
    expect(a).toContain('id="home-de-nodata"');
    expect(b).toContain('id="home-en-nodata"');
    expect(b).not.toContain('home-de');
  });

  it('renderChoropleth(overlayPaths) draws borders on top, hidden from assistive technology and not links', () => {
    const root = parse(renderChoropleth(input({ overlayPaths: ['M0,0L30,0', 'M0,10L30,10'] })));
    const g = root.querySelector('g.choropleth-borders');
    expect(g?.getAttribute('aria-hidden')).toBe('true');
    expect(g?.getAttribute('fill')).toBe('none');
    expect(g?.querySelectorAll('path').length).toBe(2);
    expect(g?.closest('a')).toBeNull();
    expect(root.lastElementChild).toBe(g);
  });

  it('renderChoropleth() without overlays draws no border group', () => {
    expect(renderChoropleth(input())).not.toContain('choropleth-borders');
  });

  it('renderChoropleth() writes no style attribute and no <style>', () => {
    expect(renderChoropleth(input({ overlayPaths: ['M0,0L30,0'] }))).not.toMatch(/<style|\sstyle=/);
  });

  it('renderChoropleth(input) matches the snapshot', async () => {
    await expectSvgSnapshot(
      renderChoropleth(input({ overlayPaths: ['M0,0L30,0L30,10L0,10Z'] })),
      'choropleth-three-units',
    );
  });
});

describe('renderSwatch', () => {
  it('renderSwatch(colour) is a decorative square in that colour', () => {
    const root = parse(renderSwatch('#fc8d59', 'legend'));
    expect(root.getAttribute('aria-hidden')).toBe('true');
    expect(root.querySelector('rect')?.getAttribute('fill')).toBe('#fc8d59');
    expect(root.querySelector('pattern')).toBeNull();
  });

  it('renderSwatch("nodata") shows the same hatch as the map, with its own pattern id', () => {
    const root = parse(renderSwatch('nodata', 'legend-de'));
    expect(root.querySelector('pattern')?.getAttribute('id')).toBe('legend-de-sw');
    expect(root.querySelector('rect[stroke]')?.getAttribute('fill')).toBe('url(#legend-de-sw)');
    expect(root.querySelector('pattern line')?.getAttribute('stroke')).toBe('#767676');
  });
});
