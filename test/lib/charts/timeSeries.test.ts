import { parseHTML } from 'linkedom';
import { randomLcg } from 'd3';
import { describe, expect, it } from 'vitest';
import {
  CHART_FONT_SIZE,
  CHART_WIDTH,
  drawTimeSeries,
  renderTimeSeries,
  drawLocalizedChart,
  timeOf,
  timeSeriesLayout,
  type ChartBreak,
  type ChartLine,
  type LineRole,
  type SeriesPoint,
  type TimeSeriesOptions,
} from '../../../src/lib/charts/timeSeries.ts';
import { drawingIn } from '../../../src/lib/charts/svg.ts';
import { expectSvgSnapshot } from '../../snapshot.ts';
import { plotTimeSeries } from './timeSeriesPlot.ts';

function options(o: Partial<TimeSeriesOptions> = {}): TimeSeriesOptions {
  return {
    label: { de: 'Arbeitslose: Mitte und Berlin, 2015–2018', en: 'Unemployed: Mitte and Berlin, 2015–2018' },
    unit: '%',
    decimals: 1,
    ...o,
  };
}

/** Parses rendered SVG markup back into a DOM for assertions. */
function parse(svg: string) {
  const { document } = parseHTML(`<!doctype html><html><body>${svg}</body></html>`);
  const root = document.querySelector('svg');
  if (!root) throw new Error(`no <svg> in ${svg.slice(0, 80)}`);
  return root;
}

/** The y-axis tick labels: texts of the group with tabular numbers and end anchor. */
function yTicks(svg: string): string[] {
  return Array.from(parse(svg).querySelectorAll('g[text-anchor="end"][font-variant="tabular-nums"] text')).map(
    (t) => t.textContent ?? '',
  );
}

/** The `d` of the line(s) drawn in `stroke` (one path per segment), joined. */
function lineOf(svg: string, stroke: string): string {
  return Array.from(parse(svg).querySelectorAll(`g[stroke="${stroke}"][fill="none"] path`))
    .map((p) => p.getAttribute('d') ?? '')
    .join('');
}

/** The x positions of the unit's dots (circles), in drawing order. */
function dotsX(svg: string): number[] {
  return Array.from(parse(svg).querySelectorAll('circle')).map((c) => Number(c.getAttribute('cx')));
}

const UNIT_COLOR = '#0b4f8a';
const CITY_COLOR = '#1a1a1a';

/** Yearly values on 31 December. */
const yearly = (values: (number | undefined)[], from = 2015): SeriesPoint[] =>
  values.map((value, i) => ({ t: timeOf(`${from + i}-12-31`, from + i), value }));

const unit: ChartLine = { role: 'unit', points: yearly([12.5, undefined, 13.25, 14]) };
const city: ChartLine = { role: 'city', points: yearly([10.1, 10.4, 10.9, 11.2]) };

describe('timeOf', () => {
  it('timeOf(date) is a decimal year at the end of that day: 31.12.2018 is 2019.0', () => {
    expect(timeOf('2018-12-31', 2019)).toBe(2019);
    expect(timeOf('2019-06-30', 2019)).toBeCloseTo(2019 + 181 / 365, 10);
    expect(timeOf('2020-06-30', 2020)).toBeCloseTo(2020 + 182 / 366, 10);
  });

  it('timeOf(no date, year) is the middle of the year', () => {
    expect(timeOf(undefined, 2019)).toBe(2019.5);
  });
});

describe('drawLocalizedChart', () => {
  it('draws once for both languages: the drawing holds no text of either, each language fills in its own', () => {
    const chart = drawLocalizedChart(
      [unit, city],
      [{ t: 2017.5, label: { de: 'Bruch: Methode', en: 'Break: method' } }],
      { ...options(), unit: { de: 'Anteil & Quote', en: 'Share & rate' } },
    );
    if (!chart) throw new Error('no chart');
    for (const text of ['Bruch', 'Break', 'Anteil', 'Share', options().label.de, options().label.en, '10,0'])
      expect(chart.svg).not.toContain(text);
    const de = drawingIn(chart, 'de');
    const en = drawingIn(chart, 'en');
    expect(de).not.toMatch(/\u2063/);
    expect(parse(de).getAttribute('aria-label')).toBe(options().label.de);
    expect(parse(en).getAttribute('aria-label')).toBe(options().label.en);
    expect(yTicks(de)).toEqual(['10,0', '11,0', '12,0', '13,0', '14,0']);
    expect(yTicks(en)).toEqual(['10.0', '11.0', '12.0', '13.0', '14.0']);
    expect(de).toContain('>Bruch: Methode<');
    expect(en).toContain('>Break: method<');
    // Texts are escaped once, in the language's list.
    expect(de).toContain('Anteil &amp; Quote');
    expect(en).toContain('Share &amp; rate');
  });

  it('drawLocalizedChart(no value) draws nothing', () => {
    expect(drawLocalizedChart([{ role: 'unit', points: yearly([undefined, undefined]) }], [], options())).toBe(
      undefined,
    );
  });
});

describe('renderTimeSeries', () => {
  it('renderTimeSeries(lines) labels the chart as one image in each language', () => {
    const out = renderTimeSeries([unit, city], [], options());
    for (const lang of ['de', 'en'] as const) {
      const svg = parse(out[lang]);
      expect(svg.getAttribute('role')).toBe('img');
      expect(svg.getAttribute('aria-label')).toBe(options().label[lang]);
    }
  });

  it('renderTimeSeries() output passes a strict CSP: no <style> element, no style attribute', () => {
    const out = renderTimeSeries([unit, city], [], options());
    for (const svg of [out.de, out.en]) {
      expect(svg).not.toMatch(/<style/i);
      expect(svg).not.toMatch(/\sstyle=/i);
      expect(parse(svg).querySelectorAll('[style]').length).toBe(0);
    }
  });

  it('renderTimeSeries() puts no aria-label on any <g> (axe aria-prohibited-attr)', () => {
    const root = parse(renderTimeSeries([unit, city], [], options()).de);
    expect(root.querySelectorAll('g').length).toBeGreaterThan(3);
    expect(root.querySelectorAll('g[aria-label]').length).toBe(0);
  });

  it('renderTimeSeries() draws on a phone-wide canvas with the font size as an attribute', () => {
    const root = parse(renderTimeSeries([unit, city], [], options()).de);
    expect(root.getAttribute('viewBox')).toBe(`0 0 ${CHART_WIDTH} 220`);
    expect(root.getAttribute('font-size')).toBe(String(CHART_FONT_SIZE));
    expect(CHART_FONT_SIZE * (358 / CHART_WIDTH)).toBeGreaterThanOrEqual(11);
  });

  it('renderTimeSeries() writes tick labels with decimal commas in de and decimal points in en', () => {
    const out = renderTimeSeries([unit, city], [], options());
    expect(yTicks(out.de)).toEqual(['10,0', '11,0', '12,0', '13,0', '14,0']);
    expect(yTicks(out.en)).toEqual(['10.0', '11.0', '12.0', '13.0', '14.0']);
  });

  it('renderTimeSeries(large counts) writes thousands separators per language and no decimals', () => {
    const out = renderTimeSeries(
      [{ role: 'unit', points: yearly([1200, 15000]) }],
      [],
      options({ decimals: 0, unit: undefined }),
    );
    expect(yTicks(out.de)).toEqual(['5.000', '10.000', '15.000']);
    expect(yTicks(out.en)).toEqual(['5,000', '10,000', '15,000']);
  });

  it('renderTimeSeries(small range) gives every tick a distinct label', () => {
    const out = renderTimeSeries(
      [{ role: 'unit', points: yearly([0.25, 0.31, 0.35]) }],
      [],
      options({ decimals: 2, unit: undefined }),
    );
    const ticks = yTicks(out.de);
    expect(ticks.length).toBeGreaterThan(2);
    expect(new Set(ticks).size).toBe(ticks.length);
    expect(ticks).toContain('0,30');
  });

  it('renderTimeSeries(unit with an undefined year) leaves a gap in the unit line', () => {
    const out = renderTimeSeries([unit, city], [], options());
    // A gap starts a new subpath: two "M" commands for the unit, one for the unbroken city line.
    expect(lineOf(out.de, UNIT_COLOR).match(/M/g)).toHaveLength(2);
    expect(lineOf(out.de, CITY_COLOR).match(/M/g)).toHaveLength(1);
  });

  it('renderTimeSeries(points in two segments) does not join them, and marks the break with a rule and its label', () => {
    const broken: ChartLine = {
      role: 'unit',
      points: yearly([10, 11, 12, 13]).map((p, i) => ({ ...p, segment: i < 2 ? 0 : 1 })),
    };
    const out = renderTimeSeries(
      [broken],
      [{ t: 2017.5, label: { de: 'Bruch: Methode', en: 'Break: method' } }],
      options(),
    );
    expect(lineOf(out.de, UNIT_COLOR).match(/M/g)).toHaveLength(2);
    const root = parse(out.de);
    const rule = root.querySelector('g[stroke-dasharray="3,2"] line');
    expect(rule).not.toBeNull();
    const xs = dotsX(out.de);
    // The rule lies halfway between the second and third dot (31.12.2016 and 31.12.2017).
    expect(Number(rule?.getAttribute('x1'))).toBeCloseTo(((xs[1] as number) + (xs[2] as number)) / 2, 1);
    expect(Array.from(root.querySelectorAll('text')).map((t) => t.textContent)).toContain('Bruch: Methode');
    expect(out.en).toContain('>Break: method<');
    expect(out.en).not.toContain('Bruch');
  });

  it('renderTimeSeries(editions 2013, 2015, 2019) places them at their real distances on the time axis', () => {
    const points = [2013, 2015, 2019].map((y, i) => ({ t: timeOf(`${y - 1}-12-31`, y), value: [5, 6, 4][i] }));
    const xs = dotsX(renderTimeSeries([{ role: 'unit', points }], [], options()).de);
    expect(xs).toHaveLength(3);
    const [a, b, c] = xs as [number, number, number];
    expect(c - b).toBeCloseTo(2 * (b - a), 1);
    expect(b - a).toBeGreaterThan(20);
  });

  it('renderTimeSeries() labels each year once as a band, the Stichtag 31.12. at the end of its year', () => {
    const out = renderTimeSeries([unit], [], options());
    const labels = Array.from(parse(out.de).querySelectorAll('text'))
      .map((t) => t.textContent ?? '')
      .filter((s) => /^\d{4}$/.test(s));
    expect(labels).toEqual(['2015', '2016', '2017', '2018']);
    // No empty tick labels are left over from the year boundaries.
    expect(out.de).not.toMatch(/<text[^>]*\/>|<text[^>]*><\/text>/);
  });

  it('renderTimeSeries(long range) thins the year labels so they do not overlap', () => {
    const points = yearly(
      [...Array(15).keys()].map((i) => i + 1),
      2010,
    );
    const labels = Array.from(
      parse(renderTimeSeries([{ role: 'unit', points }], [], options()).de).querySelectorAll('text'),
    )
      .map((t) => t.textContent ?? '')
      .filter((s) => /^\d{4}$/.test(s));
    expect(labels).toEqual(['2010', '2012', '2014', '2016', '2018', '2020', '2022', '2024']);
  });

  it('renderTimeSeries() draws a dot for each unit year with a value, and symbols for the comparison lines', () => {
    const out = renderTimeSeries([unit, city], [], options());
    expect(parse(out.de).querySelectorAll('circle').length).toBe(3);
    // The city's four points are diamonds (paths), in its own colour.
    expect(parse(out.de).querySelectorAll(`g[stroke="${CITY_COLOR}"][fill="white"] path`).length).toBe(4);
  });

  it("renderTimeSeries(unit per language) writes each language's text into its chart, escaped", () => {
    const out = renderTimeSeries([unit, city], [], options({ unit: { de: 'Personen & mehr', en: 'persons' } }));
    const texts = (svg: string) => Array.from(parse(svg).querySelectorAll('text')).map((t) => t.textContent);
    expect(texts(out.de)).toEqual(expect.arrayContaining(['↑ Personen & mehr']));
    expect(texts(out.en)).toEqual(expect.arrayContaining(['↑ persons']));
    expect(out.de).toContain('Personen &amp; mehr');
    expect(out.de).not.toMatch(/[\u2063\u2064]/);
  });

  it('renderTimeSeries(no value anywhere) returns empty strings', () => {
    const none: ChartLine = { role: 'unit', points: [{ t: 2019.5, value: undefined }] };
    expect(renderTimeSeries([none, none], [], options())).toEqual({ de: '', en: '' });
  });

  it('renderTimeSeries(unit, city) matches the snapshots', async () => {
    const out = renderTimeSeries(
      [unit, city],
      [{ t: 2017.5, label: { de: 'Bruch: Gebiet', en: 'Break: area' } }],
      options(),
    );
    await expectSvgSnapshot(out.de, 'timeSeries-gap-de');
    await expectSvgSnapshot(out.en, 'timeSeries-gap-en');
  });
});

/**
 * Made-up charts from a seeded generator: one to four lines over 1 to 14 years, with dates on 31 December, on 30 June
 * or without a day; gaps, stretches (segments), constant and negative values, values from 0.001 to 100,000; up to two
 * breaks; with and without an axis unit.
 */
function randomCharts(seed: number, n: number): { lines: ChartLine[]; breaks: ChartBreak[]; unit?: string }[] {
  const rnd = randomLcg(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)] as T;
  const roles: LineRole[] = ['unit', 'parent', 'grand', 'city'];
  return Array.from({ length: n }, () => {
    const years = 1 + Math.floor(rnd() * 14);
    const from = 2005 + Math.floor(rnd() * 10);
    const scale = pick([0.01, 1, 10, 1000, 100_000]);
    const constant = rnd() < 0.15 ? pick([0, 5, -2.5, 1e-9]) : undefined;
    const shift = rnd() < 0.3 ? 0.5 : 0;
    const value = () => (rnd() < 0.2 ? undefined : (constant ?? Math.round((rnd() - shift) * scale * 1000) / 1000));
    const lines = roles.slice(0, 1 + Math.floor(rnd() * 4)).map((role) => ({
      role,
      points: Array.from({ length: years }, (_, i) => ({
        t: rnd() < 0.2 ? timeOf(undefined, from + i) : timeOf(`${from + i}-${pick(['12-31', '06-30'])}`, from + i),
        value: value(),
        segment: rnd() < 0.15 ? 1 + Math.floor(rnd() * 2) : undefined,
      })),
    }));
    const breaks = Array.from({ length: rnd() < 0.3 ? Math.floor(rnd() * 3) : 0 }, (_, i) => ({
      t: from + Math.floor(rnd() * years) + 0.5,
      label: { de: `Bruch ${i}`, en: `Break ${i}` },
    }));
    return rnd() < 0.8 ? { lines, breaks, unit: '%' } : { lines, breaks };
  });
}

describe('drawTimeSeries', () => {
  it('drawTimeSeries(layout) writes byte for byte the markup Observable Plot draws for the same chart', () => {
    let compared = 0;
    for (const chart of randomCharts(20261207, 600)) {
      const layout = timeSeriesLayout(chart.lines, chart.breaks, { unit: chart.unit });
      if (!layout) continue;
      const ours = drawTimeSeries(layout);
      const plot = plotTimeSeries(layout);
      expect(ours.template).toBe(plot.template);
      expect(ours.ticks).toEqual(plot.ticks);
      compared++;
    }
    expect(compared).toBeGreaterThan(500);
  });

  it('drawTimeSeries(layout) matches Plot for a line without any number, one year and a constant series', () => {
    const empty: ChartLine = { role: 'parent', points: yearly([undefined, undefined]) };
    const one: ChartLine = { role: 'unit', points: yearly([7]) };
    const flat: ChartLine = { role: 'city', points: yearly([3, 3, 3]) };
    for (const lines of [[one, empty], [flat], [one, flat, empty]]) {
      const layout = timeSeriesLayout(lines, [{ t: 2016.5, label: { de: 'Bruch', en: 'Break' } }], {});
      if (!layout) throw new Error('no layout');
      expect(drawTimeSeries(layout).template).toBe(plotTimeSeries(layout).template);
    }
  });
});
