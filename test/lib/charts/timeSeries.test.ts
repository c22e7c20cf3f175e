import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { renderTimeSeries, type SeriesPoint, type TimeSeriesOptions } from '../../../src/lib/charts/timeSeries.ts';
import { expectSvgSnapshot } from '../../snapshot.ts';

function newDocument(): Document {
  return parseHTML('<!doctype html><html><body></body></html>').document as unknown as Document;
}

function options(o: Partial<TimeSeriesOptions> = {}): TimeSeriesOptions {
  return {
    label: { de: 'Arbeitslose in Mitte und Berlin, 2015–2018', en: 'Unemployed in Mitte and Berlin, 2015–2018' },
    unitName: 'Mitte',
    cityName: 'Berlin',
    unit: '%',
    decimals: 1,
    document: newDocument(),
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

/** The y-axis tick labels: texts of the group with tabular numbers. */
function yTicks(svg: string): string[] {
  return Array.from(parse(svg).querySelectorAll('g[font-variant="tabular-nums"] text')).map((t) => t.textContent ?? '');
}

/** The `d` of the line drawn in `stroke`. */
function lineOf(svg: string, stroke: string): string {
  return parse(svg).querySelector(`g[stroke="${stroke}"] path`)?.getAttribute('d') ?? '';
}

const UNIT_COLOR = '#0b4f8a';
const CITY_COLOR = '#595959';

const unit: SeriesPoint[] = [
  { year: 2015, value: 12.5 },
  { year: 2016, value: undefined },
  { year: 2017, value: 13.25 },
  { year: 2018, value: 14 },
];
const city: SeriesPoint[] = [
  { year: 2015, value: 10.1 },
  { year: 2016, value: 10.4 },
  { year: 2017, value: 10.9 },
  { year: 2018, value: 11.2 },
];

describe('renderTimeSeries', () => {
  it('renderTimeSeries(unit, city) labels the chart as one image in each language', () => {
    const out = renderTimeSeries(unit, city, options());
    for (const lang of ['de', 'en'] as const) {
      const svg = parse(out[lang]);
      expect(svg.getAttribute('role')).toBe('img');
      expect(svg.getAttribute('aria-label')).toBe(options().label[lang]);
    }
  });

  it('renderTimeSeries() output passes a strict CSP: no <style> element, no style attribute', () => {
    const out = renderTimeSeries(unit, city, options());
    for (const svg of [out.de, out.en]) {
      expect(svg).not.toMatch(/<style/i);
      expect(svg).not.toMatch(/\sstyle=/i);
      expect(parse(svg).querySelectorAll('[style]').length).toBe(0);
    }
  });

  it('renderTimeSeries() puts no aria-label on any <g> (axe aria-prohibited-attr)', () => {
    const out = renderTimeSeries(unit, city, options());
    const root = parse(out.de);
    expect(root.querySelectorAll('g').length).toBeGreaterThan(3);
    expect(root.querySelectorAll('g[aria-label]').length).toBe(0);
  });

  it('renderTimeSeries() writes tick labels with decimal commas in de and decimal points in en', () => {
    const out = renderTimeSeries(unit, city, options());
    expect(yTicks(out.de)).toEqual(['10,0', '11,0', '12,0', '13,0', '14,0']);
    expect(yTicks(out.en)).toEqual(['10.0', '11.0', '12.0', '13.0', '14.0']);
  });

  it('renderTimeSeries(large counts) writes thousands separators per language and no decimals', () => {
    const out = renderTimeSeries(
      [
        { year: 2015, value: 1200 },
        { year: 2016, value: 15000 },
      ],
      [],
      options({ decimals: 0, unit: undefined }),
    );
    expect(yTicks(out.de)).toEqual(['5.000', '10.000', '15.000']);
    expect(yTicks(out.en)).toEqual(['5,000', '10,000', '15,000']);
  });

  it('renderTimeSeries(small range) gives every tick a distinct label', () => {
    const out = renderTimeSeries(
      [
        { year: 2015, value: 0.25 },
        { year: 2016, value: 0.31 },
        { year: 2017, value: 0.35 },
      ],
      [],
      options({ decimals: 2, unit: undefined }),
    );
    const ticks = yTicks(out.de);
    expect(ticks.length).toBeGreaterThan(2);
    expect(new Set(ticks).size).toBe(ticks.length);
    expect(ticks).toContain('0,30');
  });

  it('renderTimeSeries(unit with an undefined year) leaves a gap in the unit line', () => {
    const out = renderTimeSeries(unit, city, options());
    // A gap starts a new subpath: two "M" commands for the unit, one for the unbroken city line.
    expect(lineOf(out.de, UNIT_COLOR).match(/M/g)).toHaveLength(2);
    expect(lineOf(out.de, CITY_COLOR).match(/M/g)).toHaveLength(1);
  });

  it('renderTimeSeries() draws a dot for each unit year with a value only', () => {
    const out = renderTimeSeries(unit, city, options());
    expect(parse(out.de).querySelectorAll('circle').length).toBe(3);
  });

  it('renderTimeSeries() labels both lines at their last point and the years on the x axis', () => {
    const texts = Array.from(parse(renderTimeSeries(unit, city, options()).de).querySelectorAll('text')).map(
      (t) => t.textContent,
    );
    expect(texts).toEqual(expect.arrayContaining(['Mitte', 'Berlin', '2015', '2016', '2017', '2018', '↑ %']));
  });

  it("renderTimeSeries(city name and unit per language) writes each language's text into its chart, escaped", () => {
    const out = renderTimeSeries(
      unit,
      city,
      options({ cityName: { de: 'München & Umland', en: 'Munich' }, unit: { de: 'Personen', en: 'persons' } }),
    );
    const texts = (svg: string) => Array.from(parse(svg).querySelectorAll('text')).map((t) => t.textContent);
    expect(texts(out.de)).toEqual(expect.arrayContaining(['München & Umland', '↑ Personen']));
    expect(texts(out.en)).toEqual(expect.arrayContaining(['Munich', '↑ persons']));
    expect(out.de).toContain('München &amp; Umland');
    expect(out.en).not.toContain('München');
    expect(out.de).not.toMatch(/[\u2063\u2064]/);
  });

  it('renderTimeSeries(no value anywhere) returns empty strings', () => {
    const none = [{ year: 2019, value: undefined }];
    expect(renderTimeSeries(none, none, options())).toEqual({ de: '', en: '' });
  });

  it('renderTimeSeries(unit, city) matches the snapshots', async () => {
    const out = renderTimeSeries(unit, city, options());
    await expectSvgSnapshot(out.de, 'timeSeries-gap-de');
    await expectSvgSnapshot(out.en, 'timeSeries-gap-en');
  });
});
