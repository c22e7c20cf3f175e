import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import {
  MARKER_RADIUS,
  SCHEMES,
  TINY_UNIT_SIZE,
  bordersId,
  hatchPattern,
  renderChoropleth,
  renderGeometryFile,
  renderSwatch,
  schemeColors,
  tinyUnitMarkers,
  type ChoroplethInput,
} from '../../../src/lib/charts/choropleth.ts';
import { NON_VALUE_STATUSES } from '../../../src/lib/indicators/classify.ts';
import { expectSvgSnapshot } from '../../snapshot.ts';

const COLORS = SCHEMES.negative.slice(0, 3);
const GEO = '/data/maps/bezirk-0123456789.svg';

function input(o: Partial<ChoroplethInput> = {}): ChoroplethInput {
  return {
    width: 30,
    height: 10,
    geometryUrl: GEO,
    label: 'Arbeitslose, Bezirke, 2019',
    idPrefix: 'm-de',
    units: [
      { id: '01', fill: { color: COLORS[0] as string }, label: 'Mitte: 4,1 %', href: '/bezirk/01/' },
      {
        id: '02',
        fill: { color: COLORS[2] as string },
        label: 'Süd & "Nord": 9,9 %',
        href: '/bezirk/02/?a=1&b=2',
      },
      { id: '03', fill: { status: 'suppressed' }, label: 'Ost: geheim gehalten', href: '/bezirk/03/' },
      { id: '04', fill: { status: 'missing' }, label: 'West: keine Angabe', href: '/bezirk/04/' },
      { id: '05', fill: { status: 'notApplicable' }, label: 'Hafen: nicht sinnvoll', href: '/bezirk/05/' },
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

describe('schemeColors', () => {
  it('schemeColors(polarity, 5) is the five-class ColorBrewer scheme of SCHEMES', () => {
    expect(schemeColors('negative', 5)).toEqual([...SCHEMES.negative]);
    expect(schemeColors('positive', 5)).toEqual([...SCHEMES.positive]);
    expect(schemeColors('neutral', 5)).toEqual([...SCHEMES.neutral]);
  });

  it('schemeColors(polarity, k) gives k distinct colours for k = 1 … 12', () => {
    for (let k = 1; k <= 12; k++) {
      const c = schemeColors('negative', k);
      expect(c.length, `k=${k}`).toBe(k);
      expect(new Set(c).size, `k=${k}`).toBe(k);
    }
  });
});

describe('renderChoropleth', () => {
  it('renderChoropleth(input) names the map as a group', () => {
    const root = parse(renderChoropleth(input()));
    expect(root.getAttribute('role')).toBe('group');
    expect(root.getAttribute('aria-label')).toBe('Arbeitslose, Bezirke, 2019');
    expect(root.getAttribute('viewBox')).toBe('0 0 30 10');
  });

  it('renderChoropleth(input) makes every unit a link with its accessible name, a title and its shared shape', () => {
    const root = parse(renderChoropleth(input()));
    const links = Array.from(root.querySelectorAll('a'));
    expect(links.map((a) => a.getAttribute('href'))).toEqual([
      '/bezirk/01/',
      '/bezirk/02/?a=1&b=2',
      '/bezirk/03/',
      '/bezirk/04/',
      '/bezirk/05/',
    ]);
    expect(links.map((a) => a.getAttribute('aria-label'))).toEqual([
      'Mitte: 4,1 %',
      'Süd & "Nord": 9,9 %',
      'Ost: geheim gehalten',
      'West: keine Angabe',
      'Hafen: nicht sinnvoll',
    ]);
    expect(links.map((a) => a.querySelector('title')?.textContent)).toEqual(
      links.map((a) => a.getAttribute('aria-label')),
    );
    expect(links.map((a) => a.querySelector('use')?.getAttribute('href'))).toEqual(
      ['01', '02', '03', '04', '05'].map((id) => `${GEO}#u-${id}`),
    );
  });

  it('renderChoropleth(input) escapes labels and hrefs in the markup', () => {
    const svg = renderChoropleth(input());
    expect(svg).toContain('aria-label="Süd &amp; &quot;Nord&quot;: 9,9 %"');
    expect(svg).toContain('href="/bezirk/02/?a=1&amp;b=2"');
    expect(svg).toContain('<title>Süd &amp; "Nord": 9,9 %</title>');
  });

  it('renderChoropleth(input) fills units with the colour of their class', () => {
    const fills = Array.from(parse(renderChoropleth(input())).querySelectorAll('a use')).map((p) =>
      p.getAttribute('fill'),
    );
    expect(fills.slice(0, 2)).toEqual([COLORS[0], COLORS[2]]);
  });

  it('renderChoropleth(units without a number) hatches each status with its own pattern, never a scale colour', () => {
    const root = parse(renderChoropleth(input()));
    const fills = Array.from(root.querySelectorAll('a use')).map((p) => p.getAttribute('fill'));
    expect(fills.slice(2)).toEqual(['url(#m-de-suppressed)', 'url(#m-de-missing)', 'url(#m-de-notApplicable)']);
    for (const fill of fills.slice(2))
      for (const k of [3, 5, 9]) expect(schemeColors('negative', k)).not.toContain(fill);
    const patterns = Array.from(root.querySelectorAll('defs pattern'));
    expect(patterns.map((p) => p.getAttribute('id')).sort()).toEqual([
      'm-de-missing',
      'm-de-notApplicable',
      'm-de-suppressed',
    ]);
    // Three different drawings, none of them a plain fill.
    const bodies = patterns.map((p) => p.innerHTML.replace(/id="[^"]*"/, ''));
    expect(new Set(bodies).size).toBe(3);
    for (const p of patterns) expect(p.querySelector('path, circle')).not.toBeNull();
  });

  it('renderChoropleth(only values) writes no patterns', () => {
    const svg = renderChoropleth(input({ units: input().units.slice(0, 2) }));
    expect(svg).not.toContain('<pattern');
  });

  it('renderChoropleth(idPrefix) keeps pattern ids unique per map', () => {
    const a = renderChoropleth(input({ idPrefix: 'm-de' }));
    const b = renderChoropleth(input({ idPrefix: 'm-en' }));
    expect(a).toContain('id="m-de-suppressed"');
    expect(b).toContain('id="m-en-suppressed"');
    expect(b).not.toContain('m-de');
  });

  it('renderChoropleth(borders) draws the parent (and top) level borders on top, hidden and not links', () => {
    const root = parse(
      renderChoropleth(
        input({
          borders: [
            { id: bordersId('bezirksregion'), weight: 'parent' },
            { id: bordersId('bezirk'), weight: 'top' },
          ],
        }),
      ),
    );
    const g = root.querySelector('g.choropleth-borders');
    expect(g?.getAttribute('aria-hidden')).toBe('true');
    expect(g?.closest('a')).toBeNull();
    expect(root.lastElementChild).toBe(g);
    expect(
      Array.from(g?.querySelectorAll('use') ?? []).map((u) => [u.getAttribute('href'), u.getAttribute('class')]),
    ).toEqual([
      [`${GEO}#grenzen-bezirksregion`, 'border-parent'],
      [`${GEO}#grenzen-bezirk`, 'border-top'],
    ]);
  });

  it('renderChoropleth() without borders draws no border group', () => {
    expect(renderChoropleth(input())).not.toContain('choropleth-borders');
  });

  it('renderChoropleth(tiny unit) adds a marker in its link, drawn after all other units', () => {
    const units = input().units.map((u) => (u.id === '01' ? { ...u, marker: [3, 4] as [number, number] } : u));
    const root = parse(renderChoropleth(input({ units })));
    const links = Array.from(root.querySelectorAll('a'));
    const last = links[links.length - 1];
    expect(last?.getAttribute('href')).toBe('/bezirk/01/');
    const circle = last?.querySelector('circle.marker');
    expect([circle?.getAttribute('cx'), circle?.getAttribute('cy'), circle?.getAttribute('r')]).toEqual([
      '3',
      '4',
      String(MARKER_RADIUS),
    ]);
    expect(circle?.getAttribute('fill')).toBe(COLORS[0]);
    expect(root.querySelectorAll('circle.marker').length).toBe(1);
  });

  it('renderChoropleth() writes no style attribute and no <style>', () => {
    expect(renderChoropleth(input({ borders: [{ id: 'grenzen-x', weight: 'parent' }] }))).not.toMatch(
      /<style|\sstyle=/,
    );
  });

  it('renderChoropleth(input) matches the snapshot', async () => {
    await expectSvgSnapshot(
      renderChoropleth(input({ borders: [{ id: bordersId('bezirk'), weight: 'parent' }] })),
      'choropleth-five-units',
    );
  });
});

describe('renderGeometryFile', () => {
  it('renderGeometryFile() holds one path per unit (no fill or stroke of its own) and the border meshes', () => {
    const root = parse(
      renderGeometryFile(30, 10, [{ id: '01', d: 'M0,0h10v10h-10z' }], [{ id: 'grenzen-bezirk', d: 'M0,0h30' }]),
    );
    expect(root.getAttribute('viewBox')).toBe('0 0 30 10');
    const unit = root.querySelector('#u-01');
    expect(unit?.getAttribute('d')).toBe('M0,0h10v10h-10z');
    expect(unit?.hasAttribute('fill')).toBe(false);
    expect(unit?.hasAttribute('stroke')).toBe(false);
    expect(root.querySelector('#grenzen-bezirk')?.getAttribute('fill')).toBe('none');
  });
});

describe('tinyUnitMarkers', () => {
  // A frame of 1 unit per 0.01 degree, y down from 53° N.
  const frame = { point: ([lon, lat]: [number, number]): [number, number] => [lon * 100, (53 - lat) * 100] };

  it('tinyUnitMarkers(units) marks units smaller than TINY_UNIT_SIZE both ways, at their interior point', () => {
    const units = [
      {
        id: 'big',
        bbox: [13, 52, 13.5, 52.5] as [number, number, number, number],
        interiorPoint: [13.2, 52.2] as [number, number],
      },
      {
        id: 'tiny',
        bbox: [13, 52, 13.05, 52.05] as [number, number, number, number],
        interiorPoint: [13.02, 52.03] as [number, number],
      },
      // Thin but long: findable along its length, no marker.
      {
        id: 'long',
        bbox: [13, 52, 13.5, 52.02] as [number, number, number, number],
        interiorPoint: [13.2, 52.01] as [number, number],
      },
    ];
    const m = tinyUnitMarkers(frame, units);
    expect([...m.keys()]).toEqual(['tiny']);
    expect(m.get('tiny')?.map((x) => Math.round(x))).toEqual([1302, 97]);
    expect(TINY_UNIT_SIZE).toBeGreaterThan(5);
  });
});

describe('renderSwatch', () => {
  it('renderSwatch({ color }) is a decorative square in that colour', () => {
    const root = parse(renderSwatch({ color: '#fc8d59' }, 'legend'));
    expect(root.getAttribute('aria-hidden')).toBe('true');
    expect(root.querySelector('rect')?.getAttribute('fill')).toBe('#fc8d59');
    expect(root.querySelector('pattern')).toBeNull();
  });

  it('renderSwatch({ status }) shows the same hatching as the map, with its own pattern id', () => {
    for (const status of NON_VALUE_STATUSES) {
      const root = parse(renderSwatch({ status }, `lg-${status}`));
      const pattern = root.querySelector('pattern');
      expect(pattern?.getAttribute('id')).toBe(`lg-${status}-sw`);
      expect(root.querySelector('rect[stroke]')?.getAttribute('fill')).toBe(`url(#lg-${status}-sw)`);
      const map = parse(`<svg>${hatchPattern(`lg-${status}-sw`, status)}</svg>`).querySelector('pattern');
      expect(pattern?.outerHTML).toBe(map?.outerHTML);
    }
  });

  it('renderSwatch({ marker }) shows the circle of tiny units', () => {
    expect(parse(renderSwatch({ marker: true }, 'lg')).querySelector('circle')).not.toBeNull();
  });
});
