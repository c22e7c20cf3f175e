import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { ProblemLog } from '../../../src/lib/problems.ts';
import { applyBoundaryFixes, findDuplicateIds } from '../../../src/lib/geo/fixes.ts';
import { createPolygonIndex } from '../../../src/lib/geo/pointIndex.ts';
import { readBoundaries, type BoundaryFeature } from '../../../src/lib/geo/readBoundaries.ts';

/** Reads a boundary file; problems go to `log` (fixtures are valid: readBoundaries.test.ts checks that). */
function read(path: string | URL, file: string, log = new ProblemLog()): BoundaryFeature[] {
  return readBoundaries(
    { json: JSON.parse(readFileSync(path, 'utf8')), source: { file, idField: 'id', nameField: 'name' }, file },
    log,
  );
}
const fixture = (name: string) => read(new URL(`../../fixtures/geo/${name}`, import.meta.url), name);

const parents = createPolygonIndex(fixture('parents.geojson'));
const children = fixture('duplicate-ids.geojson');

describe('findDuplicateIds', () => {
  test('names both feature indices, with a hint to add a fix', () => {
    const log = new ProblemLog();
    expect(findDuplicateIds(children, 'duplicate-ids.geojson', log)).toEqual([{ id: '0102', indices: [1, 2] }]);
    expect(log.errors).toHaveLength(1);
    const [e] = log.errors;
    expect(e?.location).toBe('Feature 1, Feature 2');
    expect(e?.message).toContain('Die Id 0102 kommt 2-mal vor: Feature 1 und Feature 2');
    expect(e?.hint).toContain('fixes');
  });
});

describe('applyBoundaryFixes', () => {
  test('a within fix renames only the feature inside the given parent', () => {
    const log = new ProblemLog();
    const fix = { id: '0102', within: { level: 'bezirk', id: '02' }, setId: '0201', reason: 'Id doppelt vergeben' };
    const { features, applied } = applyBoundaryFixes(children, [fix], parents.find, 'atlas.yml', log);
    expect(log.problems).toEqual([]);
    expect(features.map((f) => f.id)).toEqual(['0101', '0102', '0201']);
    expect(applied).toEqual([
      {
        fix: 0,
        index: 2,
        id: '0102',
        name: 'Mühlenweg',
        newId: '0201',
        newName: undefined,
        reason: 'Id doppelt vergeben',
      },
    ]);
    expect(findDuplicateIds(features, 'x', new ProblemLog())).toEqual([]);
    expect(children[2]?.id).toBe('0102'); // input unchanged
  });

  test('the lookup receives the level named in within', () => {
    const levels: string[] = [];
    const lookup = (lon: number, lat: number, level: string) => (levels.push(level), parents.find(lon, lat));
    applyBoundaryFixes(
      children,
      [{ id: '0102', within: { level: 'bezirk', id: '01' }, setName: 'Alter Mühlenweg', reason: 'r' }],
      lookup,
      'atlas.yml',
      new ProblemLog(),
    );
    expect(levels).toEqual(['bezirk', 'bezirk']);
  });

  test('a fix that matches nothing is an error (stale fixes are noticed)', () => {
    const log = new ProblemLog();
    const fixes = [
      { id: '0999', setName: 'X', reason: 'veraltet' },
      { id: '0101', within: { level: 'bezirk', id: '02' }, setId: '0202', reason: 'falsche Elterneinheit' },
    ];
    const { features, applied } = applyBoundaryFixes(children, fixes, parents.find, 'atlas.yml', log);
    expect(applied).toEqual([]);
    expect(features.map((f) => f.id)).toEqual(['0101', '0102', '0102']);
    expect(log.errors.map((e) => [e.field, e.message])).toEqual([
      ['fixes[0]', 'Die Korrektur passt auf kein Feature (Kein Feature hat die Id 0999).'],
      ['fixes[1]', 'Die Korrektur passt auf kein Feature (Feature 0 liegt in 01, nicht in bezirk 02).'],
    ]);
  });

  test('setId on several features without within is refused; setName alone renames all', () => {
    const log = new ProblemLog();
    const { features } = applyBoundaryFixes(
      children,
      [
        { id: '0102', setId: '0103', reason: 'r' },
        { id: '0102', setName: 'Mühlenweg (geteilt)', reason: 'r' },
      ],
      undefined,
      'atlas.yml',
      log,
    );
    expect(log.errors.map((e) => e.message)).toEqual([
      expect.stringContaining('passt auf 2 Features (Feature 1, Feature 2'),
    ]);
    expect(features.map((f) => [f.id, f.name])).toEqual([
      ['0101', 'Am Anger'],
      ['0102', 'Mühlenweg (geteilt)'],
      ['0102', 'Mühlenweg (geteilt)'],
    ]);
  });

  test('within without a parent lookup is an error', () => {
    const log = new ProblemLog();
    applyBoundaryFixes(
      children,
      [{ id: '0102', within: { level: 'bezirk', id: '02' }, setId: '0201', reason: 'r' }],
      undefined,
      'atlas.yml',
      log,
    );
    expect(log.errors.map((e) => e.field)).toEqual(['fixes[0].within']);
  });
});

describe('real Berlin LOR planning areas (until 2020)', () => {
  const dir = new URL('../../../data/berlin/geometry/', import.meta.url).pathname;

  test('448 features; the duplicate 06010102 is found and the documented fix resolves it', () => {
    const readLog = new ProblemLog();
    const planning = read(`${dir}berlin-lor-planning-areas-until-2020.geojson`, 'planning-areas.geojson', readLog);
    const districts = createPolygonIndex(read(`${dir}berlin-lor-districts.geojson`, 'districts.geojson', readLog));
    expect(readLog.problems).toEqual([]);
    expect(planning).toHaveLength(448);
    const log = new ProblemLog();
    const duplicates = findDuplicateIds(planning, 'planning-areas.geojson', log);
    expect(duplicates).toEqual([{ id: '06010102', indices: [123, 204] }]);
    const fix = {
      id: '06010102',
      within: { level: 'bezirk', id: '04' },
      setId: '04030417',
      reason: 'Id doppelt; das Gebiet in Charlottenburg ist 04030417 Schloßstraße',
    };
    const fixed = applyBoundaryFixes(planning, [fix], districts.find, 'atlas.yml', log);
    expect(log.errors).toHaveLength(1); // only the duplicate itself, reported before the fix
    expect(fixed.applied).toEqual([
      {
        fix: 0,
        index: 123,
        id: '06010102',
        name: 'Schloßstraße',
        newId: '04030417',
        newName: undefined,
        reason: fix.reason,
      },
    ]);
    expect(new Set(fixed.features.map((f) => f.id)).size).toBe(448);
    expect(findDuplicateIds(fixed.features, 'x', new ProblemLog())).toEqual([]);
  });
});
