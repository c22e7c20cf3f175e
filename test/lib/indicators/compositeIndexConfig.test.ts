/**
 * checkIndexConfig() on raw, MADE-UP config values (indicator and index ids invented): the cross-field and reference
 * checks of `indices:`. Lines are checked in test/pipeline/indexErrors.test.ts; here the fields and messages.
 */
import { describe, expect, it } from 'vitest';
import { checkIndexConfig, checkIndexConfigText } from '../../../src/lib/indicators/compositeIndexConfig.ts';
import { ProblemLog } from '../../../src/lib/problems.ts';

const base = {
  levels: [{ id: 'teil' }, { id: 'bezirk' }],
  sources: [{ id: 'amt' }],
  indicators: [
    { id: 'a', type: 'rate' },
    { id: 'b', type: 'value' },
    { id: 'k', type: 'class', classes: [{ value: 1 }, { value: 2 }] },
    {
      id: 'd',
      type: 'class',
      classes: [
        { value: 1, code: '+' },
        { value: 2, code: '-' },
      ],
    },
    {
      id: 'kd',
      type: 'class',
      classes: [
        { value: 1, code: '1+' },
        { value: 2, code: '1-' },
        { value: 3, code: '2+' },
      ],
    },
  ],
};
const computed = (over: Record<string, unknown> = {}) => ({
  id: 'x',
  level: 'teil',
  thresholds: [0],
  atThreshold: 'above',
  classes: [{ label: { de: 'niedrig' } }, { label: { de: 'hoch' } }],
  editions: [{ year: 2020, inputs: [{ indicator: 'a' }, { indicator: 'b' }] }],
  ...over,
});

function problems(indices: unknown[]): { field: string | undefined; message: string }[] {
  const log = new ProblemLog();
  checkIndexConfig({ ...base, indices }, log);
  return log.problems.map((p) => ({ field: p.field, message: p.message }));
}

describe('checkIndexConfig()', () => {
  it('accepts a well-formed computed index and a pair (no problems)', () => {
    const dyn = computed({
      id: 'y',
      classes: [
        { code: '+', label: { de: 'p' } },
        { code: '-', label: { de: 'n' } },
      ],
      compareWith: 'd',
    });
    expect(problems([computed({ compareWith: 'k' }), dyn, { id: 'xy', pair: ['x', 'y'] }])).toEqual([]);
  });

  it('reports unknown level, source and input indicator, and a class indicator as input', () => {
    expect(
      problems([
        computed({
          level: 'kiez',
          source: 'nirgends',
          editions: [{ year: 2020, inputs: [{ indicator: 'zz' }, { indicator: 'k' }, { indicator: 'k' }] }],
        }),
      ]),
    ).toEqual([
      { field: 'indices[0].level', message: 'Unbekannte Ebene "kiez".' },
      { field: 'indices[0].source', message: 'Unbekannte Quelle "nirgends".' },
      { field: 'indices[0].editions[0].inputs[0].indicator', message: 'Unbekanntes Merkmal "zz".' },
      {
        field: 'indices[0].editions[0].inputs[1].indicator',
        message: '"k" ist ein Klassen-Merkmal; ein Index braucht Messwerte.',
      },
      {
        field: 'indices[0].editions[0].inputs[2].indicator',
        message: '"k" ist ein Klassen-Merkmal; ein Index braucht Messwerte.',
      },
      { field: 'indices[0].editions[0].inputs[2].indicator', message: 'Merkmal "k" steht zweimal in dieser Ausgabe.' },
    ]);
  });

  it('reports thresholds that are not strictly increasing (also equal ones), at the index and in an edition', () => {
    const p = problems([
      computed({
        thresholds: [1, 1],
        classes: [{ label: { de: '1' } }, { label: { de: '2' } }, { label: { de: '3' } }],
        editions: [{ year: 2020, inputs: [{ indicator: 'a' }], thresholds: [2, -2] }],
      }),
    ]);
    expect(p).toEqual([
      { field: 'indices[0].thresholds', message: 'Die Grenzen müssen streng steigen; 1 folgt auf 1.' },
      { field: 'indices[0].editions[0].thresholds', message: 'Die Grenzen müssen streng steigen; -2 folgt auf 2.' },
    ]);
  });

  it('reports missing thresholds and a missing rule at a threshold per edition, and a rule list of the wrong length', () => {
    expect(problems([computed({ thresholds: undefined, atThreshold: undefined })]).map((p) => p.message)).toEqual([
      'Keine Klassengrenzen: thresholds fehlt beim Index und in dieser Ausgabe.',
      'Keine Regel für Werte genau auf einer Grenze: atThreshold fehlt beim Index und in dieser Ausgabe.',
    ]);
    expect(problems([computed({ atThreshold: ['above', 'below'] })])).toEqual([
      { field: 'indices[0].atThreshold', message: '2 Regeln für 1 Grenzen.' },
    ]);
  });

  it('reports a weight with combine: mean, but not with weightedMean (index-level or edition-level)', () => {
    const weighted = [{ indicator: 'a', weight: 2 }, { indicator: 'b' }];
    expect(problems([computed({ editions: [{ year: 2020, inputs: weighted }] })])).toEqual([
      {
        field: 'indices[0].editions[0].inputs[0].weight',
        message:
          'Ein Gewicht gilt nur mit combine: weightedMean; mit combine: mean zählen alle Eingangsmerkmale gleich.',
      },
    ]);
    expect(problems([computed({ combine: 'weightedMean', editions: [{ year: 2020, inputs: weighted }] })])).toEqual([]);
    expect(problems([computed({ editions: [{ year: 2020, combine: 'weightedMean', inputs: weighted }] })])).toEqual([]);
  });

  it('reports a year twice, a code twice, and compareWith without the index codes', () => {
    const p = problems([
      computed({
        classes: [
          { code: '+', label: { de: 'p' } },
          { code: '+', label: { de: 'q' } },
        ],
        compareWith: 'k',
        editions: [
          { year: 2020, inputs: [{ indicator: 'a' }] },
          { year: 2020, inputs: [{ indicator: 'a' }] },
        ],
      }),
    ]);
    expect(p).toEqual([
      { field: 'indices[0].classes', message: 'Klassen-Code "+" ist doppelt.' },
      {
        field: 'indices[0].compareWith',
        message: 'Die Klassen "+", "+" des Index kommen in "k" nicht vor (dort: "1", "2").',
      },
      { field: 'indices[0].editions[1].year', message: 'Ausgabe 2020 ist doppelt.' },
    ]);
  });

  it('reports a duplicate index id and an index that is both computed and a pair, or neither', () => {
    expect(problems([computed(), computed(), { id: 'z', editions: [], pair: ['x', 'x'] }, { id: 'w' }])).toEqual([
      { field: 'indices[1].id', message: 'Index "x" ist doppelt.' },
      {
        field: 'indices[2]',
        message: 'Ein Index hat entweder editions (berechnet) oder pair (Paar aus zwei Indizes), nicht beides.',
      },
      {
        field: 'indices[3]',
        message: 'Ein Index braucht editions (Ausgaben mit Eingangsmerkmalen) oder pair (zwei Indizes).',
      },
    ]);
  });

  it('reports a pair of unknown, non-computed, equal or differently levelled indices, and settings it does not take', () => {
    const p = problems([
      computed(),
      computed({ id: 'y', level: 'bezirk' }),
      { id: 'p1', pair: ['x', 'nix'], thresholds: [0] },
      { id: 'p2', pair: ['x', 'x'] },
      { id: 'p3', pair: ['x', 'y'] },
      { id: 'p4', pair: ['x', 'p3'] },
    ]);
    expect(p).toEqual([
      { field: 'indices[2].thresholds', message: 'thresholds gilt nicht für ein Paar (pair).' },
      { field: 'indices[2].pair[1]', message: 'Unbekannter Index "nix".' },
      { field: 'indices[3].pair', message: 'Ein Paar braucht zwei verschiedene Indizes.' },
      { field: 'indices[4].pair', message: 'Die Indizes liegen auf verschiedenen Ebenen (teil, bezirk).' },
      { field: 'indices[5].pair[1]', message: '"p3" ist kein berechneter Index.' },
    ]);
  });

  it('checks a pair’s compareWith against the crossed codes ("1" + "+" = "1+")', () => {
    const x = computed({ classes: [{ label: { de: 'a' } }, { label: { de: 'b' } }] });
    const y = computed({
      id: 'y',
      classes: [
        { code: '+', label: { de: 'p' } },
        { code: '-', label: { de: 'n' } },
      ],
    });
    expect(problems([x, y, { id: 'xy', pair: ['x', 'y'], compareWith: 'kd' }])).toEqual([
      {
        field: 'indices[2].compareWith',
        message: 'Die Klassen "2-" des Index kommen in "kd" nicht vor (dort: "1+", "1-", "2+").',
      },
    ]);
  });

  it('checkIndexConfigText() maps each problem to its line, and leaves YAML syntax errors to the schema', () => {
    const log = new ProblemLog();
    const yaml = [
      'levels: [{ id: teil }]',
      'indicators: [{ id: a, type: rate }]',
      'indices:',
      '  - id: x',
      '    level: teil',
      '    thresholds: [1, 0]',
      '    atThreshold: below',
      '    classes: [{ label: { de: a } }, { label: { de: b } }, { label: { de: c } }]',
      '    editions:',
      '      - year: 2020',
      '        inputs:',
      '          - { indicator: q }',
    ].join('\n');
    checkIndexConfigText(yaml, log);
    expect(log.problems.map((p) => [p.line, p.field])).toEqual([
      [6, 'indices[0].thresholds'],
      [12, 'indices[0].editions[0].inputs[0].indicator'],
    ]);
    const broken = new ProblemLog();
    checkIndexConfigText('indices: [ { id: x', broken);
    expect(broken.problems).toEqual([]);
  });
});
