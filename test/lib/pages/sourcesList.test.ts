import { describe, expect, it } from 'vitest';
import { sourcesListView, sourcesWithId } from '../../../src/lib/pages/sourcesList.ts';

/** Made-up sources. */
const SOURCES = [
  {
    id: 'amt',
    title: { de: 'Gebiete', en: 'Areas' },
    publisher: 'Amt für Beispiele',
    licence: 'CC BY 4.0',
    licenceUrl: 'https://example.org/licence',
    attribution: '© Amt für Beispiele',
    accessed: '2025-11-03',
    note: { de: 'Lizenz nicht bestätigt' },
  },
  { id: 'osm', title: { de: 'OpenStreetMap' }, publisher: 'OSM', licence: 'ODbL', attribution: '© OSM' },
];

describe('sourcesListView(sources, lang)', () => {
  it('picks the texts and formats the access date for the language', () => {
    const [a, b] = sourcesListView(SOURCES, 'en');
    expect(a).toMatchObject({
      title: 'Areas',
      licenceUrl: 'https://example.org/licence',
      accessed: { iso: '2025-11-03', text: '3 November 2025' },
      note: 'Lizenz nicht bestätigt',
    });
    expect(b).toMatchObject({ title: 'OpenStreetMap', accessed: undefined, note: undefined, url: undefined });
    expect(sourcesListView(SOURCES, 'de')[0]?.accessed?.text).toBe('03.11.2025');
  });
});

describe('sourcesWithId(sources, id)', () => {
  it('keeps only the source with the id', () => {
    expect(sourcesWithId(SOURCES, 'osm').map((s) => s.id)).toEqual(['osm']);
    expect(sourcesWithId(SOURCES, 'keine')).toEqual([]);
  });
});
