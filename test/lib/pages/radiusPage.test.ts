import { describe, expect, it } from 'vitest';
import { buildRadiusPageView, type RadiusPageInput } from '../../../src/lib/pages/radiusPage.ts';

// Made up: two levels, poles out of name order, a directory of two areas and two types.
const INPUT: RadiusPageInput = {
  levels: [
    { id: 'bezirk', labelPlural: { de: 'Bezirke', en: 'Districts' } },
    { id: 'raum', labelPlural: { de: 'Räume' } },
  ],
  types: [{ id: 'kita', label: { de: 'Kita', en: 'Day care' } }],
  directory: {
    areas: [
      {
        unit: { id: 'w', name: 'West', level: 'bezirk', url: '/bezirk/w/' },
        count: 1234,
        url: '/einrichtungen/gebiet/w/',
      },
    ],
    types: [
      { type: 'kita', count: 3, url: '/einrichtungen/typ/kita/' },
      { type: 'ohne-label', count: 1, url: '/einrichtungen/typ/ohne-label/' },
    ],
  },
  poles: [
    { id: 'r2', name: 'Zentrum', level: 'raum', lat: 52.5, lon: 13.4 },
    { id: 'o', name: 'Ost', level: 'bezirk', lat: 52.4, lon: 13.5 },
    { id: 'r1', name: 'Äußere Heide', level: 'raum', lat: 52.6, lon: 13.3 },
    { id: 'w', name: 'West', level: 'bezirk', lat: 52.45, lon: 13.2 },
  ],
  dataDate: '2024-05-31',
};

describe('buildRadiusPageView', () => {
  it('groups the poles by level (top first), by name within (umlauts with their base letter)', () => {
    const v = buildRadiusPageView(INPUT, 'de');
    expect(v.poleGroups).toEqual([
      {
        label: 'Bezirke',
        items: [
          { name: 'Ost', value: '52.4,13.5' },
          { name: 'West', value: '52.45,13.2' },
        ],
      },
      {
        label: 'Räume',
        items: [
          { name: 'Äußere Heide', value: '52.6,13.3' },
          { name: 'Zentrum', value: '52.5,13.4' },
        ],
      },
    ]);
  });

  it('formats counts, presets and the data date; type labels fall back to the id', () => {
    const v = buildRadiusPageView(INPUT, 'de');
    expect(v.dataDate).toEqual({ iso: '2024-05-31', text: '31.05.2024' });
    expect(v.areas).toEqual([{ name: 'West', href: '/einrichtungen/gebiet/w/', count: '1.234' }]);
    expect(v.types.map((x) => [x.label, x.href])).toEqual([
      ['Kita', '/einrichtungen/typ/kita/'],
      ['ohne-label', '/einrichtungen/typ/ohne-label/'],
    ]);
    expect(v.presets.map((p) => [p.text, p.checked])).toEqual([
      ['250 m', false],
      ['500 m', true],
      ['1.000 m', false],
      ['2.000 m', false],
    ]);
  });

  it('English: en-GB numbers and dates, links under /en', () => {
    const v = buildRadiusPageView(INPUT, 'en');
    expect(v.dataDate.text).toBe('31 May 2024');
    expect(v.areas[0]).toEqual({ name: 'West', href: '/en/einrichtungen/gebiet/w/', count: '1,234' });
    expect(v.types[0]?.label).toBe('Day care');
    expect(v.presets[2]?.text).toBe('1,000 m');
    expect(v.poleGroups[1]?.label).toBe('Räume');
  });
});
