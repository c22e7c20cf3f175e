import { describe, expect, it } from 'vitest';
import { buildBreakList } from '../../../src/lib/pages/breakList.ts';
import { IndicatorSchema, SeriesBreakSchema } from '../../../src/schemas/atlasConfig.ts';

/** Made-up indicators and breaks. */
const ind = (id: string, extra: Record<string, unknown> = {}) =>
  IndicatorSchema.parse({
    id,
    label: { de: `Merkmal ${id}`, en: `Indicator ${id}` },
    definition: { de: 'x' },
    source: 'amt',
    polarity: 'neutral',
    decimals: 1,
    type: 'value',
    ...extra,
  });
const text = { de: 'geändert', en: 'changed' };
const config = {
  indicators: [
    ind('q', { comparableChange: 'd', breaks: [{ year: 2019, kind: 'definition', text, levels: ['teil'] }] }),
    ind('d'),
  ],
  breaks: [SeriesBreakSchema.parse({ year: 2017, kind: 'boundary', text, units: ['11', '99'] })],
  levels: [{ id: 'teil', label: { de: 'Teil' }, labelPlural: { de: 'Teile', en: 'Parts' } }] as never,
};
const units = new Map([['11', { id: '11', name: 'Am Kanal', level: 'teil' }]]);

describe('buildBreakList', () => {
  it('buildBreakList(config) lists every break by year with kind, text, indicators and areas', () => {
    const list = buildBreakList(config, units, (u) => `/${u.level}/${u.id}/`);
    expect(list.de.none).toBeUndefined();
    expect(list.de.rows).toEqual([
      {
        year: '2017',
        kind: 'Gebietszuschnitt',
        text: 'geändert',
        indicators: [
          { label: 'Merkmal q', href: '#merkmal-q', comparable: 'vergleichbare Veränderung: Merkmal d' },
          { label: 'Merkmal d', href: '#merkmal-d', comparable: undefined },
        ],
        scope: [{ label: 'Am Kanal (11)', href: '/teil/11/' }, { label: '99' }],
      },
      {
        year: '2019',
        kind: 'Definition',
        text: 'geändert',
        indicators: [{ label: 'Merkmal q', href: '#merkmal-q', comparable: 'vergleichbare Veränderung: Merkmal d' }],
        scope: [{ label: 'Teile' }],
      },
    ]);
    expect(list.en.rows[0]?.scope[0]).toEqual({ label: 'Am Kanal (11)', href: '/en/teil/11/' });
    expect(list.en.rows[1]?.scope).toEqual([{ label: 'Parts' }]);
  });

  it('buildBreakList(no breaks) says so', () => {
    const list = buildBreakList({ ...config, indicators: [ind('d')], breaks: [] }, units, () => '/');
    expect(list.de.rows).toEqual([]);
    expect(list.de.none).toBe('Für diesen Atlas sind keine Brüche angegeben.');
  });
});
