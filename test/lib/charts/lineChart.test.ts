import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import {
  lineSegments,
  placeLabels,
  renderLegendSample,
  renderLineChart,
  thinTicks,
  wrapLabel,
  type LineChartInput,
  type LineSeries,
} from '../../../src/lib/charts/lineChart.ts';
import { svgToDom, svgToString } from '../../../src/lib/charts/svgNode.ts';

// Made-up values; the years are uneven on purpose (2013, 2015, 2019: a proportional axis).
const A: LineSeries = {
  key: 'a',
  label: 'Reuterkiez',
  style: { color: '#0b4f8a', marker: 'circle', width: 2.5, strong: true },
  points: [
    { year: 2013, value: 10 },
    { year: 2015, value: 12 },
    { year: 2019, value: 11 },
  ],
};
const CITY: LineSeries = {
  key: '*',
  label: 'Berlin',
  style: { color: '#1a1a1a', marker: 'cross', width: 2, dash: '2 3' },
  points: [
    { year: 2013, value: 8 },
    { year: 2015, value: undefined },
    { year: 2019, value: 9 },
  ],
};

function input(o: Partial<LineChartInput> = {}): LineChartInput {
  return {
    series: [A, CITY],
    width: 500,
    formatTicks: (v) => v.map((x) => x.toFixed(0)),
    unit: '%',
    title: 'Arbeitslosigkeit, 2013–2019',
    ...o,
  };
}

function dom(o: Partial<LineChartInput> = {}) {
  const { document } = parseHTML('<!doctype html><html><body></body></html>');
  return svgToDom(renderLineChart(input(o)), document as unknown as Document);
}

/** The x coordinate of each marker of a series group (circles: cx). */
function markerXs(svg: Element, k: number): number[] {
  const g = svg.querySelectorAll('g.series')[k];
  return [...(g?.querySelectorAll('circle') ?? [])].map((c) => Number(c.getAttribute('cx')));
}

describe('renderLineChart', () => {
  it('renderLineChart(input) is one image named by its title, drawn at the given width', () => {
    const svg = dom();
    expect(svg.getAttribute('role')).toBe('img');
    expect(svg.getAttribute('aria-label')).toBe('Arbeitslosigkeit, 2013–2019');
    expect(svg.querySelector('title')?.textContent).toBe('Arbeitslosigkeit, 2013–2019');
    expect(svg.getAttribute('viewBox')).toBe('0 0 500 260');
  });

  it('renderLineChart() spaces years in proportion to time: 2015→2019 is twice 2013→2015', () => {
    const [x13, x15, x19] = markerXs(dom(), 0) as [number, number, number];
    expect(x19 - x15).toBeCloseTo(2 * (x15 - x13), 0);
  });

  it('renderLineChart() leaves a gap where a year has no value: the city line has no segment, only two markers', () => {
    const svg = dom();
    const city = svg.querySelectorAll('g.series')[1] as Element;
    expect(city.querySelector('path[stroke-dasharray="2 3"]')).toBeNull();
    expect(city.querySelectorAll('path').length).toBe(2); // two crosses, no line
    const unit = svg.querySelectorAll('g.series')[0] as Element;
    expect(unit.querySelector('path')?.getAttribute('d')?.match(/[ML]/g)).toEqual(['M', 'L', 'L']);
  });

  it('renderLineChart(breaks) does not draw a line across a break', () => {
    const d = dom({ breaks: [2019], breakLabel: 'Bruch' });
    const line = (d.querySelectorAll('g.series')[0] as Element).querySelector('path')?.getAttribute('d') ?? '';
    expect(line.match(/[ML]/g)).toEqual(['M', 'L']);
    expect(d.querySelector('g.break text')?.textContent).toBe('Bruch');
  });

  it('renderLineChart() labels each line with its name in its colour; markers differ by shape', () => {
    const svg = dom();
    const labels = [...svg.querySelectorAll('g.label text')];
    expect(labels.map((l) => l.textContent)).toEqual(['Reuterkiez', 'Berlin']);
    expect(labels.map((l) => l.getAttribute('fill'))).toEqual(['#0b4f8a', '#1a1a1a']);
    expect(svg.querySelectorAll('g.series')[0]?.querySelectorAll('circle').length).toBe(3);
  });

  it('renderLineChart() writes the value ticks through formatTicks and the unit above the axis', () => {
    const svg = dom({ formatTicks: (v) => v.map((x) => `${x} u`) });
    const ticks = [...svg.querySelectorAll('g.y-ticks text')].map((t) => t.textContent);
    expect(ticks.length).toBeGreaterThanOrEqual(2);
    expect(ticks.every((t) => t?.endsWith(' u'))).toBe(true);
    expect([...svg.querySelectorAll('text')].some((t) => t.textContent === '%')).toBe(true);
  });

  it('renderLineChart(narrow) keeps every text at least 11 px and inside the width', () => {
    const svg = dom({ width: 340, series: [{ ...A, label: 'Neuköllner Mitte/Zentrum' }, CITY] });
    for (const t of svg.querySelectorAll('text'))
      expect(Number(t.getAttribute('font-size') ?? 12)).toBeGreaterThanOrEqual(11);
    const label = [...svg.querySelectorAll('g.label text')][0] as Element;
    expect([...label.querySelectorAll('tspan')].length).toBeGreaterThan(1);
  });

  it('renderLineChart(a line ending early) labels it beside its last point, not at the right edge', () => {
    const early: LineSeries = { ...A, key: 'b', label: 'Früh', points: [A.points[0]!, A.points[1]!] };
    const svg = dom({ series: [A, early] });
    const [late, soon] = [...svg.querySelectorAll('g.label text')];
    expect(Number(soon?.getAttribute('x'))).toBeLessThan(Number(late?.getAttribute('x')));
  });

  it('svgToString(renderLineChart()) escapes names', () => {
    const s = svgToString(renderLineChart(input({ series: [{ ...A, label: 'A & <B>' }], title: 'x "y"' })));
    expect(s).toContain('A &amp; &lt;B&gt;');
    expect(s).toContain('aria-label="x &quot;y&quot;"');
    expect(s).not.toContain('<B>');
  });
});

describe('chart helpers', () => {
  it('lineSegments(years, values) connects only neighbouring years that both have a value', () => {
    const v = new Map<number, number | undefined>([
      [2013, 1],
      [2015, 2],
      [2017, undefined],
      [2019, 3],
      [2020, 4],
    ]);
    expect(lineSegments([2013, 2015, 2017, 2019, 2020], v)).toEqual([
      [2013, 2015],
      [2019, 2020],
    ]);
    expect(lineSegments([2013, 2015, 2017, 2019, 2020], v, [2015])).toEqual([[2019, 2020]]);
  });

  it('thinTicks(ticks, gap) keeps the last tick and drops those too close to the next kept one', () => {
    const t = [0, 10, 20, 100].map((x) => ({ x }));
    expect(thinTicks(t, 25).map((k) => k.x)).toEqual([20, 100]);
  });

  it('placeLabels(items) keeps labels apart and inside the box', () => {
    const tops = placeLabels(
      [
        { y: 50, size: 14 },
        { y: 52, size: 14 },
        { y: 195, size: 28 },
      ],
      10,
      200,
      2,
    );
    expect(tops[1]! - tops[0]!).toBeGreaterThanOrEqual(16);
    expect(tops[2]! + 28).toBeLessThanOrEqual(200);
  });

  it('wrapLabel(text, n) breaks at spaces, hyphens and slashes', () => {
    expect(wrapLabel('Neuköllner Mitte/Zentrum', 12)).toEqual(['Neuköllner', 'Mitte/', 'Zentrum']);
    expect(wrapLabel('Alt-Treptow', 20)).toEqual(['Alt-Treptow']);
    expect(wrapLabel('Alt-Treptow', 6)).toEqual(['Alt-', 'Treptow']);
  });

  it('renderLegendSample(style) is a hidden 36 × 16 sample with the line and the marker', () => {
    const s = svgToString(
      renderLegendSample({ color: '#a63603', marker: 'square', width: 2, dash: '7 4', hollow: true }),
    );
    expect(s).toContain('aria-hidden="true"');
    expect(s).toContain('stroke-dasharray="7 4"');
    expect(s).toContain('<rect');
    expect(s).toContain('fill="#fff"');
  });
});
