import { describe, expect, it } from 'vitest';
import { findReleaseBlockers } from '../../src/lib/releaseChecks.ts';

describe('findReleaseBlockers', () => {
  const texts = [
    { file: 'content/legal/impressum.md', text: '# Impressum\n\n[Name der Stadt eintragen]<br>\n[Straße eintragen]\n' },
    { file: 'content/legal/datenschutz.md', text: '# Datenschutz\n\nAlles ausgefüllt [siehe oben].\n' },
  ];
  it('names each file with placeholders, their count, first line and text; and the example siteUrl', () => {
    const p = findReleaseBlockers({ siteUrl: 'https://sozialatlas.example/', configFile: 'atlas.yml', texts }, true);
    expect(p.map((x) => [x.severity, x.file, x.line, x.field])).toEqual([
      ['error', 'atlas.yml', undefined, 'siteUrl'],
      ['error', 'content/legal/impressum.md', 3, undefined],
    ]);
    expect(p[1]?.message).toBe(
      '2 Platzhalter sind noch nicht ausgefüllt: [Name der Stadt eintragen] (Zeile 3), [Straße eintragen] (Zeile 4).',
    );
  });
  it('a normal build gets warnings; a real address and filled texts give nothing', () => {
    const p = findReleaseBlockers({ siteUrl: 'https://sozialatlas.example/', configFile: 'atlas.yml', texts }, false);
    expect(p.every((x) => x.severity === 'warning')).toBe(true);
    expect(
      findReleaseBlockers(
        { siteUrl: 'https://sozialatlas.musterstadt.de/', configFile: 'atlas.yml', texts: [texts[1]!] },
        true,
      ),
    ).toEqual([]);
  });
});
