import { describe, expect, it } from 'vitest';
import { type ImportState, parseImportState, serializeImportState } from '../../../src/lib/facilities/importState.ts';

const state: ImportState = {
  version: 1,
  facilities: {
    'b-kt-2': { keys: ['berlin-geoportal-kitas:2'], front: { name: 'B', id: 'b-kt-2' }, body: 'B.' },
    'a-kt-1': { keys: ['berlin-geoportal-kitas:1', 'osm:9'], front: { id: 'a-kt-1', name: 'A' }, body: 'A.' },
  },
};

describe('import state', () => {
  it('serialises one facility per line, sorted, with ordered front matter', () => {
    const text = serializeImportState(state);
    const lines = text.split('\n');
    expect(lines[3]).toBe(
      '    "a-kt-1": {"keys":["berlin-geoportal-kitas:1","osm:9"],"front":{"id":"a-kt-1","name":"A"},"body":"A."},',
    );
    expect(lines[4]).toBe(
      '    "b-kt-2": {"keys":["berlin-geoportal-kitas:2"],"front":{"id":"b-kt-2","name":"B"},"body":"B."}',
    );
    expect(parseImportState(text)).toEqual(state);
    expect(serializeImportState(parseImportState(text))).toBe(text);
  });

  it('serialises an empty state', () => {
    expect(parseImportState(serializeImportState({ version: 1, facilities: {} }))).toEqual({
      version: 1,
      facilities: {},
    });
  });

  it('refuses broken state files', () => {
    expect(() => parseImportState('{"version":2,"facilities":{}}')).toThrow('Version 1');
    expect(() => parseImportState('{"version":1}')).toThrow('facilities');
    expect(() => parseImportState('{"version":1,"facilities":{"a":{"keys":[]}}}')).toThrow('"a"');
    expect(() => parseImportState('kein json')).toThrow();
  });
});
