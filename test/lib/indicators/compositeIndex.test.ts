/**
 * The composite index computation on tiny MADE-UP inputs (units u1…u5, values invented for the arithmetic; they
 * describe no real place). Expected figures are worked out by hand in the comments.
 */
import { describe, expect, it } from 'vitest';
import {
  classify,
  combineScores,
  compareClasses,
  computeEdition,
  crossClass,
  indexOutputIds,
  meanAndSd,
  resolveEditions,
  zScores,
  type InputCell,
  type ResolvedEdition,
} from '../../../src/lib/indicators/compositeIndex.ts';
import { CompositeIndexSchema } from '../../../src/schemas/compositeIndex.ts';

const close = (a: readonly number[], b: readonly number[]) =>
  a.forEach((x, i) => expect(x).toBeCloseTo(b[i] as number, 12));

describe('meanAndSd() and zScores()', () => {
  it('meanAndSd([2, 4, 4, 4, 5, 5, 7, 9]) is mean 5, population sd 2, sample sd √(32/7)', () => {
    expect(meanAndSd([2, 4, 4, 4, 5, 5, 7, 9])).toEqual({ mean: 5, sd: 2 });
    expect(meanAndSd([2, 4, 4, 4, 5, 5, 7, 9], 'sample')?.sd).toBeCloseTo(Math.sqrt(32 / 7), 12);
  });

  it('zScores([1, 2, 3]) divides by the population sd √(2/3): every unit counts once, unweighted', () => {
    const s = Math.sqrt(2 / 3);
    close(zScores([1, 2, 3]) ?? [], [-1 / s, 0, 1 / s]);
    // sample sd 1: z = −1, 0, 1
    close(zScores([1, 2, 3], 'sample') ?? [], [-1, 0, 1]);
  });

  it('zScores() is undefined without spread or with fewer than two values (no division by 0)', () => {
    expect(zScores([4, 4, 4])).toBeUndefined();
    expect(zScores([4])).toBeUndefined();
    expect(meanAndSd([])).toBeUndefined();
  });
});

describe('combineScores()', () => {
  it('equal weights give the plain mean of the z-scores per unit', () => {
    close(
      combineScores(
        [
          [1, -1, 0],
          [3, 1, 0],
        ],
        [1, 1],
      ),
      [2, 0, 0],
    );
  });

  it('weights give Σ w·z / Σ w: (3·1 + 1·3) / 4 = 1.5', () => {
    close(combineScores([[1], [3]], [3, 1]), [1.5]);
  });
});

describe('classify() at the thresholds', () => {
  const t = [-1, 1, 1.5];
  it('values between thresholds fall in the class between them (0-based)', () => {
    expect([-2, -0.5, 1.2, 3].map((z) => classify(z, t, ['above', 'above', 'above']))).toEqual([0, 1, 2, 3]);
  });

  it('a value exactly at a threshold goes up with "above" and stays below with "below"', () => {
    expect(classify(-1, t, ['above', 'below', 'below'])).toBe(1);
    expect(classify(-1, t, ['below', 'below', 'below'])).toBe(0);
    expect(classify(1, t, ['above', 'below', 'below'])).toBe(1);
    expect(classify(1, t, ['above', 'above', 'below'])).toBe(2);
    expect(classify(1.5, t, ['above', 'below', 'below'])).toBe(2);
    expect(classify(1.5, t, ['above', 'below', 'above'])).toBe(3);
  });

  it('values a hair off a threshold are not moved by the rule', () => {
    expect(classify(-1.0004, t, ['above', 'below', 'below'])).toBe(0);
    expect(classify(1.0004, t, ['above', 'below', 'below'])).toBe(2);
  });
});

/** Made-up cells: indicator → unit → cell. */
function lookupOf(cells: Record<string, Record<string, InputCell>>) {
  return (indicator: string, unit: string) => cells[indicator]?.[unit];
}
const v = (value: number): InputCell => ({ status: 'value', value });
const edition = (over: Partial<ResolvedEdition> = {}): ResolvedEdition => ({
  year: 2023,
  inputs: [
    { indicator: 'a', weight: 1, invert: false },
    { indicator: 'b', weight: 1, invert: false },
  ],
  combine: 'mean',
  restandardise: true,
  standardDeviation: 'population',
  thresholds: [-1, 1],
  rules: ['above', 'below'],
  ...over,
});

describe('computeEdition()', () => {
  // a: 1, 2, 3 and b: 10, 20, 30 over u1–u3 give identical z-scores (±1.2247, 0); the mean is the same and
  // re-standardising it changes nothing. u4 lacks b (missing), u5 lacks a (suppressed), u6 does not exist in 2023.
  const cells = {
    a: {
      u1: v(1),
      u2: v(2),
      u3: v(3),
      u4: v(9),
      u5: { status: 'suppressed' as const },
      u6: { status: 'notApplicable' as const },
    },
    b: { u1: v(10), u2: v(20), u3: v(30), u5: v(1), u6: { status: 'notApplicable' as const } },
  };
  const units = ['u1', 'u2', 'u3', 'u4', 'u5', 'u6'];
  const r = computeEdition(units, lookupOf(cells), edition());
  const s = Math.sqrt(2 / 3);

  it('standardises over the units with every input only: u4 (9 in a) does not move the mean or sd', () => {
    expect(r.universe).toEqual(['u1', 'u2', 'u3']);
    expect(r.inputStats).toEqual([
      { indicator: 'a', mean: 2, sd: s },
      { indicator: 'b', mean: 20, sd: 10 * s },
    ]);
    close(
      r.classified.map((c) => c.z),
      [-1 / s, 0, 1 / s],
    );
    expect(r.classified.map((c) => c.cls)).toEqual([0, 1, 2]);
    expect(r.classCounts).toEqual([1, 1, 1]);
  });

  it('never classifies on partial data: the rest are unclassified with their status and the inputs they lack', () => {
    expect(r.unclassified).toEqual([
      { unit: 'u4', status: 'missing', lacking: [{ indicator: 'b', status: 'absent' }] },
      { unit: 'u5', status: 'suppressed', lacking: [{ indicator: 'a', status: 'suppressed' }] },
      {
        unit: 'u6',
        status: 'notApplicable',
        lacking: [
          { indicator: 'a', status: 'notApplicable' },
          { indicator: 'b', status: 'notApplicable' },
        ],
      },
    ]);
  });

  it('reports how close the nearest value came to a threshold: u1 at −1.2247, 0.2247 below −1 (u3 ties, first wins)', () => {
    expect(r.nearest?.unit).toBe('u1');
    expect(r.nearest?.threshold).toBe(-1);
    expect((r.nearest?.threshold ?? 0) - (r.nearest?.z ?? 0)).toBeCloseTo(1 / s - 1, 12);
  });

  it('re-standardisation rescales the mean of z-scores to sd 1; without it the mean is the index value', () => {
    // a: 1, 2, 3; b: 3, 1, 2 → z_a = (−k, 0, k), z_b = (k, −k, 0), k = 1/√(2/3); mean = (0, −k/2, k/2).
    const c2 = { a: { u1: v(1), u2: v(2), u3: v(3) }, b: { u1: v(3), u2: v(1), u3: v(2) } };
    const k = 1 / s;
    const plain = computeEdition(['u1', 'u2', 'u3'], lookupOf(c2), edition({ restandardise: false }));
    close(
      plain.classified.map((c) => c.z),
      [0, -k / 2, k / 2],
    );
    const again = computeEdition(['u1', 'u2', 'u3'], lookupOf(c2), edition());
    // (0, −k/2, k/2) has mean 0 and sd (k/2)·√(2/3) = 1/2 → z = (0, −k, k)
    close(
      again.classified.map((c) => c.z),
      [0, -k, k],
    );
  });

  it('invert turns the sign of one input before combining; weights weigh it', () => {
    const c3 = { a: { u1: v(1), u2: v(2), u3: v(3) }, b: { u1: v(1), u2: v(2), u3: v(3) } };
    const inverted = computeEdition(
      ['u1', 'u2', 'u3'],
      lookupOf(c3),
      edition({
        restandardise: false,
        inputs: [
          { indicator: 'a', weight: 1, invert: false },
          { indicator: 'b', weight: 1, invert: true },
        ],
      }),
    );
    close(
      inverted.classified.map((c) => c.z),
      [0, 0, 0],
    );
    const weighted = computeEdition(
      ['u1', 'u2', 'u3'],
      lookupOf(c3),
      edition({
        restandardise: false,
        combine: 'weightedMean',
        inputs: [
          { indicator: 'a', weight: 3, invert: false },
          { indicator: 'b', weight: 1, invert: true },
        ],
      }),
    );
    // (3·z − z) / 4 = z / 2
    close(
      weighted.classified.map((c) => c.z),
      [-1 / s / 2, 0, 1 / s / 2],
    );
  });

  it('fails rather than classify when fewer than two units have every input, or an input has no spread', () => {
    expect(computeEdition(['u1'], lookupOf(cells), edition()).failure).toEqual({ reason: 'tooFewUnits' });
    const flat = { a: { u1: v(5), u2: v(5) }, b: { u1: v(1), u2: v(2) } };
    const f = computeEdition(['u1', 'u2'], lookupOf(flat), edition());
    expect(f.failure).toEqual({ reason: 'noSpread', indicator: 'a' });
    expect(f.classified).toEqual([]);
  });
});

describe('compareClasses()', () => {
  it('counts units with both classes, equal codes (spaces ignored), and lists every difference with both values', () => {
    const computed = new Map([
      ['u1', '1'],
      ['u2', '+/-'],
      ['u3', '2'],
      ['u4', '3'],
    ]);
    const published = new Map([
      ['u1', '1'],
      ['u2', ' +/- '],
      ['u3', '3'],
      ['u5', '2'],
    ]);
    const c = compareClasses(computed, published);
    expect(c.compared).toBe(3);
    expect(c.equal).toBe(2);
    expect(c.share).toBeCloseTo(2 / 3, 12);
    expect(c.disagreements).toEqual([{ unit: 'u3', computed: '2', published: '3' }]);
    expect(c.computedOnly).toEqual([{ unit: 'u4', computed: '3' }]);
    expect(c.publishedOnly).toEqual([{ unit: 'u5', published: '2' }]);
    // the share is (compared − disagreements) / compared
    expect(c.share).toBe((c.compared - c.disagreements.length) / c.compared);
  });

  it('has no share when nothing was compared', () => {
    expect(compareClasses(new Map(), new Map([['u1', '1']])).share).toBeUndefined();
  });
});

describe('crossClass(), indexOutputIds(), resolveEditions()', () => {
  it('crossClass(a, b, 3) numbers status × dynamics classes row by row: (1, 2) → 5 of 0…11', () => {
    expect(crossClass(0, 0, 3)).toBe(0);
    expect(crossClass(1, 2, 3)).toBe(5);
    expect(crossClass(3, 2, 3)).toBe(11);
  });

  it('indexOutputIds() names <id>-wert and <id>-klasse; a pair has only a class', () => {
    expect(indexOutputIds({ id: 'x' })).toEqual({ value: 'x-wert', class: 'x-klasse' });
    expect(indexOutputIds({ id: 'p', pair: ['a', 'b'] })).toEqual({ value: undefined, class: 'p-klasse' });
  });

  it('resolveEditions() fills in index-level settings and defaults, lets an edition override them, sorts by year', () => {
    const index = CompositeIndexSchema.parse({
      id: 'x',
      label: { de: 'X' },
      description: { de: 'erfunden' },
      polarity: 'negative',
      level: 'l',
      thresholds: [0],
      atThreshold: 'below',
      compareWith: 'pub',
      classes: [{ label: { de: 'a' } }, { label: { de: 'b' } }],
      editions: [
        {
          year: 2021,
          inputs: [{ indicator: 'a', weight: 2 }],
          combine: 'weightedMean',
          thresholds: [0.5],
          atThreshold: ['above'],
        },
        { year: 2019, inputs: [{ indicator: 'a' }, { indicator: 'b', invert: true }] },
      ],
    });
    const [e2019, e2021] = resolveEditions(index);
    expect(e2019).toEqual({
      year: 2019,
      inputs: [
        { indicator: 'a', weight: 1, invert: false },
        { indicator: 'b', weight: 1, invert: true },
      ],
      combine: 'mean',
      restandardise: true,
      standardDeviation: 'population',
      thresholds: [0],
      rules: ['below'],
      compareWith: 'pub',
      note: undefined,
    });
    expect(e2021?.combine).toBe('weightedMean');
    expect(e2021?.inputs[0]?.weight).toBe(2);
    expect(e2021?.thresholds).toEqual([0.5]);
    expect(e2021?.rules).toEqual(['above']);
  });
});
