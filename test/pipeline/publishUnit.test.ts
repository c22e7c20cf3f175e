/**
 * A unit's page model file is written from the core's JSON text as the stage cache keeps it
 * (src/pipeline/stages/publishUnit.ts `unitModelJson`): the bytes must be those of serialising the whole model. The
 * cores here are small and made up; the pipeline tests compare the written files of real atlases.
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { UnitPageData } from '../../src/lib/pages/model.ts';
import { StageCache } from '../../src/pipeline/stageCache.ts';
import { unitModelJson, type UnitSections } from '../../src/pipeline/stages/publishUnit.ts';

const core = {
  unit: { id: '0101', name: 'Nord "Mitte"', level: 'bezirk', areaKm2: 1.5 },
  ancestors: [],
  series: [{ indicator: 'alq', svg: { de: '<svg>ä</svg>', en: '<svg/>' }, rows: [{ year: 2020, value: -0 }] }],
  subUnitMap: undefined,
  text: { de: { lede: 'Zeile\nzwei' } },
} as unknown as UnitPageData;

const facilities = { count: 2, items: [{ id: 'a', name: 'Kita' }] } as unknown as UnitSections['facilities'];
const assessments = { count: 0, latest: '', earliest: '', topics: [] } as UnitSections['assessments'];

const cases: [string, UnitSections][] = [
  ['without sections', { facilities: undefined, assessments: undefined }],
  ['with facilities', { facilities, assessments: undefined }],
  ['with assessments', { facilities: undefined, assessments }],
  ['with both', { facilities, assessments }],
];

describe('unitModelJson', () => {
  for (const [name, sections] of cases)
    it(`equals JSON.stringify of the whole model (${name})`, () => {
      const whole = JSON.stringify({ ...core, ...sections });
      expect(unitModelJson(core, JSON.stringify(core), sections)).toBe(whole);
      expect(JSON.parse(whole)).toEqual(JSON.parse(JSON.stringify({ ...core, ...sections })));
    });

  it('serialises a core that has a section key already whole (the spread keeps that key in its place)', () => {
    const withKey = { unit: core.unit, assessments: undefined, series: [] } as unknown as UnitPageData;
    const sections = { facilities, assessments };
    const got = unitModelJson(withKey, JSON.stringify(withKey), sections);
    expect(got).toBe(JSON.stringify({ ...withKey, ...sections }));
    expect(Object.keys(JSON.parse(got) as object)).toEqual(['unit', 'assessments', 'series', 'facilities']);
  });

  it('appends to an empty core without a stray comma', () => {
    const empty = {} as UnitPageData;
    expect(unitModelJson(empty, '{}', { facilities, assessments: undefined })).toBe(JSON.stringify({ facilities }));
  });
});

describe('StageCache JSON text', () => {
  it('put(key, value, json) stores the text given, and getWithJson gives value and text back', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'sa-cache-json-'));
    try {
      const c = new StageCache(dir, 'units');
      const json = JSON.stringify(core);
      await c.put('k', core, json);
      expect(await readFile(join(dir, 'units', 'k.json'), 'utf8')).toBe(json);
      const got = await c.getWithJson<UnitPageData>('k');
      expect(got?.json).toBe(json);
      expect(got?.value).toEqual(JSON.parse(json));
      expect(await c.getWithJson('missing')).toBeUndefined();
      expect([c.hits, c.misses]).toEqual([1, 1]);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
