import { describe, expect, it } from 'vitest';
import { formatImportReport } from '../../../src/lib/facilities/formatImportReport.ts';
import type { ImportReport } from '../../../src/lib/facilities/planImport.ts';

// A made-up report.
const match = (a: string, b: string, distanceM: number, nameSimilarity: number) => ({
  a,
  b,
  distanceM,
  nameSimilarity,
  sameAddress: false,
  score: nameSimilarity,
  pair: 'geoportal-kitas ↔ osm-kindergartens',
  aName: `A ${a}`,
  bName: `B ${b}`,
});
const report: ImportReport = {
  perSource: [
    {
      label: 'Geoportal: Kindertagesstätten',
      file: 'k.geojson',
      features: 3,
      outside: 0,
      imported: 3,
      merged: 2,
      skipped: 0,
    },
    { label: 'OSM: Kindergärten', file: 'o.geojson', features: 4, outside: 0, imported: 2, merged: 2, skipped: 2 },
  ],
  matches: [match('g:1', 'o:1', 4, 0.9), match('g:2', 'o:2', 30, 0.5)],
  possibleDuplicates: [{ ...match('g:3', 'o:3', 8, 0.1), sameAddress: true }],
  skipped: [
    { source: 'OSM: Kindergärten', key: 'o.geojson#3', reason: 'kein Name' },
    { source: 'osm', key: 'osm:4', name: 'Kinderladen X', reason: 'keine Straße angegeben' },
  ],
  dropped: [{ key: 'g:1', message: 'Telefon "tba" nicht lesbar' }],
  providerEdits: [{ id: 'kita-a', fields: ['phone'], body: true }],
  goneFromSources: ['kita-alt'],
  facilities: 3,
};

describe('formatImportReport', () => {
  const text = formatImportReport(report);

  it('lists counts per source and in total', () => {
    expect(text).toMatch(
      /Geoportal: Kindertagesstätten\s+3 Datensätze,\s+3 übernommen \(\s*2 davon zusammengeführt\),\s+0 übersprungen/,
    );
    expect(text).toMatch(/zusammen\s+7 Datensätze,\s+5 übernommen → 3 Einrichtungen/);
  });

  it('summarises matches with distances and lists the least certain first', () => {
    expect(text).toContain('Zusammengeführt (gleiche Einrichtung in zwei Quellen): 2');
    expect(text).toContain('geoportal-kitas ↔ osm-kindergartens: 2 (Abstand Median 30 m');
    expect(text.indexOf('„A g:2“')).toBeLessThan(text.indexOf('„A g:1“'));
    expect(formatImportReport(report, { weakest: 1 })).not.toContain('„A g:1“');
    expect(formatImportReport(report, { verbose: true, weakest: 1 })).toContain('„A g:1“');
  });

  it('never leaves out a skipped record, a dropped value, an edit or a vanished record', () => {
    expect(text).toContain('Übersprungen: 2');
    expect(text).toContain('1 × kein Name');
    expect(text).toContain('OSM: Kindergärten: o.geojson#3: kein Name');
    expect(text).toContain('osm: osm:4 „Kinderladen X“: keine Straße angegeben');
    expect(text).toContain('g:1: Telefon "tba" nicht lesbar');
    expect(text).toContain('Mögliche Dubletten');
    expect(text).toContain('8 m, gleiche Adresse: „A g:3“ (g:3) / „B o:3“ (o:3)');
    expect(text).toContain('kita-a: phone, Text');
    expect(text).toContain('Nicht mehr in den Quellen');
    expect(text).toContain('    kita-alt');
  });
});
