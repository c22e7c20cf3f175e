import * as Plot from '@observablehq/plot';
import { parseHTML } from 'linkedom';
import {
  CHART_FONT_SIZE,
  LINE_STYLES,
  UNIT_TOKEN,
  type TimeSeriesLayout,
  type TimeSeriesTemplate,
} from '../../../src/lib/charts/timeSeries.ts';

/**
 * The reference for `drawTimeSeries`: the same chart drawn by Observable Plot (server side, on a linkedom document),
 * as the site drew it before the charts were drawn without a DOM. Its markup after the same clean-up (no style
 * element or attribute, no empty texts, the font size of the chart) is what `drawTimeSeries` must return, byte for
 * byte; test/lib/charts/timeSeries.test.ts compares the two on many charts.
 */
export function plotTimeSeries(l: TimeSeriesLayout): TimeSeriesTemplate {
  const { document } = parseHTML('<!doctype html><html><body></body></html>');
  const { breakRows, rowHeight, first, last } = l;
  const ticks: number[] = [];
  const fmt = (v: number) => `\u2063${ticks.push(v) - 1}\u2063`;
  const marks: Plot.Markish[] = [
    Plot.gridY({ ticks: 4, stroke: '#c8c8c8', strokeOpacity: 1 }),
    Plot.axisY({ ticks: 4, tickFormat: fmt, label: l.unitLabel ? UNIT_TOKEN : null, labelArrow: 'up', tickSize: 0 }),
    Plot.axisX({ ticks: l.boundaries, tickFormat: () => '', tickSize: 5, label: null }),
    Plot.axisX({ ticks: l.labelled, tickFormat: (d: number) => String(Math.floor(d)), tickSize: 0, label: null }),
    Plot.ruleX(breakRows, { x: 't', stroke: '#1a1a1a', strokeDasharray: '3,2', strokeWidth: 1.5 }),
    ...breakRows.map((b) => {
      const right = b.t > (first + last) / 2;
      return Plot.text([b], {
        x: 't',
        text: 'token',
        frameAnchor: 'top',
        dy: 2 + CHART_FONT_SIZE / 2 + b.row * rowHeight,
        dx: right ? -4 : 4,
        textAnchor: right ? 'end' : 'start',
        fill: '#1a1a1a',
        stroke: 'white',
        strokeWidth: 4,
        paintOrder: 'stroke',
      });
    }),
  ];
  for (const line of [...l.lines].reverse()) {
    const s = LINE_STYLES[line.role];
    const data = line.points.map((p) => ({ ...p, z: p.segment ?? 0 }));
    marks.push(
      Plot.lineY(data, {
        x: 't',
        y: 'value',
        z: 'z',
        stroke: s.stroke,
        strokeWidth: s.width,
        ...(s.dash ? { strokeDasharray: s.dash } : {}),
      }),
      Plot.dot(
        data.filter((p) => p.value !== undefined),
        { x: 't', y: 'value', symbol: s.symbol, fill: s.fill, stroke: s.stroke, strokeWidth: 1.5, r: s.r },
      ),
    );
  }
  const svg = Plot.plot({
    document: document as unknown as Document,
    width: l.width,
    height: l.height,
    marginLeft: l.marginLeft,
    marginRight: l.marginRight,
    marginTop: l.marginTop,
    marginBottom: l.marginBottom,
    x: { type: 'linear', domain: [first, last] },
    y: { nice: true, zero: false, insetTop: breakRows.length > 0 ? breakRows.length * rowHeight + 4 : 4 },
    marks,
  });
  const template = svg.outerHTML
    .replace(/<style>[\s\S]*?<\/style>/g, '')
    .replace(/\sstyle="[^"]*"/g, '')
    .replace(/<text[^>]*\/>|<text[^>]*><\/text>/g, '')
    .replace(/(<svg[^>]*?)\sfont-size="[^"]*"/, `$1 font-size="${CHART_FONT_SIZE}"`)
    .replace(/<g([^>]*?)\saria-label="[^"]*"/g, '<g$1');
  return { template, ticks };
}
