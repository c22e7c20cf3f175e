import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { DIST_WIDTH, renderDistribution } from '../../../src/lib/charts/distribution.ts';

function parse(svg: string) {
  const { document } = parseHTML(`<!doctype html><html><body>${svg}</body></html>`);
  const root = document.querySelector('svg');
  if (!root) throw new Error('no svg');
  return root;
}

const format = (x: number) => x.toFixed(1).replace('.', ',');

describe('renderDistribution (numbers)', () => {
  const values = [1, 2, 2.5, 3, 3.5, 4, 9];
  const svg = renderDistribution({
    kind: 'numeric',
    values,
    format,
    label: 'Verteilung: Quote, Planungsräume 2019',
    city: { value: 3.2, label: 'Musterstadt 3,2' },
    parents: [2.1, 5.5],
  });
  const root = parse(svg);

  it('renderDistribution() is an image with its accessible name, text at least 12 units on a 360-unit canvas', () => {
    expect(root.getAttribute('role')).toBe('img');
    expect(root.getAttribute('aria-label')).toBe('Verteilung: Quote, Planungsräume 2019');
    expect(root.getAttribute('viewBox')).toMatch(new RegExp(`^0 0 ${DIST_WIDTH} \\d+$`));
    expect(Number(root.getAttribute('font-size'))).toBeGreaterThanOrEqual(12);
  });

  it('renderDistribution() counts every value in exactly one bar', () => {
    const bars = Array.from(root.querySelectorAll('.bars rect'));
    expect(bars.length).toBeGreaterThan(1);
    // Bar heights are proportional to counts: the tallest bar reaches the top count label.
    const top = Number(
      Array.from(root.querySelectorAll('text.tick')).find((t) => t.getAttribute('text-anchor') === 'end')?.textContent,
    );
    const heights = bars.map((b) => Number(b.getAttribute('height')));
    const unit = Math.max(...heights) / top;
    expect(heights.reduce((a, h) => a + Math.round(h / unit), 0)).toBe(values.length);
  });

  it('renderDistribution() marks the city as a dashed line with its label, each parent value as a triangle', () => {
    expect(root.querySelector('.city')).not.toBeNull();
    expect(root.querySelector('.city-label')?.textContent).toBe('Musterstadt 3,2');
    expect(root.querySelectorAll('.parents path').length).toBe(2);
  });

  it('renderDistribution() labels the value axis with the given format', () => {
    const ticks = Array.from(root.querySelectorAll('text.tick')).map((t) => t.textContent);
    expect(ticks).toContain('4,0');
  });

  it('renderDistribution() without city or parents draws neither; one value still draws a bar', () => {
    const one = parse(renderDistribution({ kind: 'numeric', values: [7], format, label: 'x' }));
    expect(one.querySelector('.city')).toBeNull();
    expect(one.querySelector('.parents')).toBeNull();
    expect(one.querySelectorAll('.bars rect').length).toBe(1);
  });

  it('renderDistribution() writes no style attribute and no <style>', () => {
    expect(svg).not.toMatch(/<style|\sstyle=/);
  });
});

describe('renderDistribution (classes)', () => {
  it('renderDistribution(classes) draws one bar per class in its colour, with label and count', () => {
    const root = parse(
      renderDistribution({
        kind: 'classes',
        label: 'x',
        classes: [
          { label: 'hoch', color: '#fee8c8', count: 10 },
          { label: 'mittel', color: '#fdbb84', count: 0 },
          { label: 'niedrig', color: '#e34a33', count: 5 },
        ],
      }),
    );
    const rects = Array.from(root.querySelectorAll('rect'));
    expect(rects.map((r) => r.getAttribute('fill'))).toEqual(['#fee8c8', '#fdbb84', '#e34a33']);
    expect(Number(rects[0]?.getAttribute('width'))).toBe(2 * Number(rects[2]?.getAttribute('width')));
    expect(rects[1]?.getAttribute('width')).toBe('0');
    expect(Array.from(root.querySelectorAll('text')).map((t) => t.textContent)).toEqual([
      'hoch',
      '10',
      'mittel',
      '0',
      'niedrig',
      '5',
    ]);
  });
});
