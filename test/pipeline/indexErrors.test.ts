/**
 * Bad composite index configs, in the style of errors.test.ts: each test copies the made-up test atlas
 * "Musterstadt" (test/fixtures/atlas-mini), appends an `indices:` block (a made-up index over its Stadtteile),
 * breaks it, runs the whole pipeline and checks that the problem is an error naming atlas.yml, the line and the
 * field, and that nothing is written. One test breaks four things at once and expects all four in one run.
 */
import { cp, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatProblemLog, type Problem } from '../../src/lib/problems.ts';
import { runPipeline, type PipelineResult } from '../../src/pipeline/build.ts';

const MINI = resolve(import.meta.dirname, '../fixtures/atlas-mini');
const CONFIG = 'atlas.yml';
const SENTINEL = 'previous-build.txt';

/** A made-up index over the made-up Stadtteile; compared with the made-up published Sozialindex A–D. */
const INDEX = `
indices:
  - id: belastung
    label: { de: Belastungsindex (erfunden), en: Strain index (made up) }
    description: { de: Erfundener Testindex aus Arbeitslosenquote und SGB-II-Quote. }
    polarity: negative
    level: stadtteil
    thresholds: [-1, 0, 1]
    atThreshold: above
    compareWith: sozialindex
    classes:
      - { code: "A", label: { de: gering } }
      - { code: "B", label: { de: mittel } }
      - { code: "C", label: { de: hoch } }
      - { code: "D", label: { de: sehr hoch } }
    editions:
      - year: 2023
        inputs:
          - { indicator: arbeitslosenquote }
          - { indicator: sgb2_quote }
`;

let root = '';
let n = 0;
beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'atlas-mini-indices-'));
});
afterAll(async () => {
  if (root) await rm(root, { recursive: true, force: true });
});

/** A copy of atlas-mini whose atlas.yml ends with `block` after `edit`; returns the final text for line lookups. */
async function atlasWith(edit: (block: string) => string): Promise<{ dir: string; cacheDir: string; text: string }> {
  const base = join(root, String(++n));
  const dir = join(base, 'atlas');
  const cacheDir = join(base, 'cache');
  await cp(MINI, dir, { recursive: true });
  await cp(join(MINI, 'README.md'), join(cacheDir, SENTINEL));
  const text = (await readFile(join(MINI, CONFIG), 'utf8')) + edit(INDEX);
  await writeFile(join(dir, CONFIG), text);
  return { dir, cacheDir, text };
}

/** Replaces `from` (exactly once) in the block. */
function replace(block: string, from: string, to: string): string {
  if (block.split(from).length !== 2) throw new Error(`"${from}" is not in the block exactly once`);
  return block.replace(from, to);
}

/** 1-based line of the last line containing `needle` (the block sits at the end of atlas.yml). */
function lineIn(text: string, needle: string): number {
  const lines = text.split('\n');
  for (let i = lines.length - 1; i >= 0; i--) if (lines[i]?.includes(needle)) return i + 1;
  throw new Error(`"${needle}" not found`);
}

async function run(dir: string, cacheDir: string): Promise<PipelineResult> {
  const r = await runPipeline({ atlasDir: dir, cacheDir, log: () => {} });
  expect(r.log.hasErrors, 'the broken atlas must fail').toBe(true);
  expect(r.pages).toBe(0);
  expect(await readdir(cacheDir), 'cache folder must be unchanged').toEqual([SENTINEL]);
  return r;
}

function expectError(r: PipelineResult, p: Partial<Record<keyof Problem, unknown>>): Problem {
  const found = r.log.errors.find((e) => expect.objectContaining(p).asymmetricMatch(e));
  expect(found, `expected an error like ${JSON.stringify(p)}; got:\n${formatProblemLog(r.log)}`).toBeDefined();
  return found as Problem;
}

describe('composite indices: bad input is reported with file, line and field, and nothing is written', () => {
  it('the unbroken index builds without any problem (control), its method pages and results listed', async () => {
    const { dir, cacheDir } = await atlasWith((b) => b);
    const r = await runPipeline({ atlasDir: dir, cacheDir, log: () => {} });
    expect(r.log.problems, formatProblemLog(r.log)).toEqual([]);
    const atlas = JSON.parse(await readFile(join(cacheDir, 'public/data/atlas.json'), 'utf8')) as {
      indicators: { id: string; type: string }[];
      pages: { type: string; url: string }[];
      indices: {
        id: string;
        url: string;
        urlEn: string;
        editions: { year: number; compared: number; agreement: number; classified: number; unclassified: number }[];
      }[];
    };
    expect(atlas.indicators.filter((i) => i.id.startsWith('belastung-'))).toEqual([
      expect.objectContaining({ id: 'belastung-wert', type: 'value' }),
      expect.objectContaining({ id: 'belastung-klasse', type: 'class' }),
    ]);
    expect(atlas.pages.filter((p) => p.type.startsWith('index-')).map((p) => p.url)).toEqual([
      '/methoden/',
      '/en/methoden/',
      '/methoden/belastung/',
      '/en/methoden/belastung/',
    ]);
    const [index] = atlas.indices;
    expect(index?.url).toBe('/methoden/belastung/');
    // Arbeitslosenquote 2023 is suppressed in 17 and 40 (made-up fixture): 6 of 8 Stadtteile classified.
    expect(index?.editions.map((e) => [e.year, e.classified, e.unclassified])).toEqual([[2023, 6, 2]]);
    expect(index?.editions[0]?.compared).toBe(6);
    expect(index?.editions[0]?.agreement).toBeGreaterThanOrEqual(0);
    expect(index?.editions[0]?.agreement).toBeLessThanOrEqual(1);
  });

  it('an unknown input indicator: line and field of the input', async () => {
    const { dir, cacheDir, text } = await atlasWith((b) =>
      replace(b, '{ indicator: sgb2_quote }', '{ indicator: sgb2_qoute }'),
    );
    const r = await run(dir, cacheDir);
    const e = expectError(r, {
      file: CONFIG,
      line: lineIn(text, 'sgb2_qoute'),
      field: 'indices[0].editions[0].inputs[1].indicator',
      message: 'Unbekanntes Merkmal "sgb2_qoute".',
    });
    expect(e.hint).toContain('indicators');
  });

  it('thresholds not strictly increasing: line and field of the thresholds', async () => {
    const { dir, cacheDir, text } = await atlasWith((b) =>
      replace(b, 'thresholds: [-1, 0, 1]', 'thresholds: [-1, 1, 0]'),
    );
    const r = await run(dir, cacheDir);
    expectError(r, {
      file: CONFIG,
      line: lineIn(text, 'thresholds: [-1, 1, 0]'),
      field: 'indices[0].thresholds',
      message: expect.stringContaining('streng steigen; 0 folgt auf 1'),
    });
  });

  it('a weight that is not a number: line and field of the weight', async () => {
    const { dir, cacheDir, text } = await atlasWith((b) =>
      replace(
        replace(b, '{ indicator: sgb2_quote }', '{ indicator: sgb2_quote, weight: zwei }'),
        'atThreshold: above',
        'atThreshold: above\n    combine: weightedMean',
      ),
    );
    const r = await run(dir, cacheDir);
    expectError(r, {
      file: CONFIG,
      line: lineIn(text, 'weight: zwei'),
      field: 'indices[0].editions[0].inputs[1].weight',
      message: 'falscher Typ: erwartet number',
    });
  });

  it('a weight with combine: mean (default): line and field of the weight', async () => {
    const { dir, cacheDir, text } = await atlasWith((b) =>
      replace(b, '{ indicator: sgb2_quote }', '{ indicator: sgb2_quote, weight: 2 }'),
    );
    const r = await run(dir, cacheDir);
    expectError(r, {
      file: CONFIG,
      line: lineIn(text, 'weight: 2'),
      field: 'indices[0].editions[0].inputs[1].weight',
      message: expect.stringContaining('nur mit combine: weightedMean'),
    });
  });

  it('class labels not matching thresholds + 1: line and field of the classes', async () => {
    const { dir, cacheDir, text } = await atlasWith((b) => replace(b, 'thresholds: [-1, 0, 1]', 'thresholds: [-1, 1]'));
    const r = await run(dir, cacheDir);
    expectError(r, {
      file: CONFIG,
      line: lineIn(text, '    classes:'),
      field: 'indices[0].classes',
      message: '4 Klassen, aber 2 Grenzen: n Grenzen ergeben n + 1 Klassen.',
    });
  });

  it('an edition year without data for an input (an error: the index would classify no unit)', async () => {
    // sgb2_quote is published for 2023 only (made-up fixture); arbeitslosenquote has 2022 too.
    const { dir, cacheDir, text } = await atlasWith(
      (b) =>
        `${b}      - year: 2022\n        inputs:\n          - { indicator: arbeitslosenquote }\n          - { indicator: sgb2_quote }\n`,
    );
    const r = await run(dir, cacheDir);
    expect(r.log.errors).toHaveLength(1);
    expectError(r, {
      file: CONFIG,
      line: text.split('\n').length - 1,
      field: 'indices[0].editions[1].inputs[1].indicator',
      message: expect.stringContaining('"sgb2_quote" hat im Jahr 2022 auf der Ebene "stadtteil" keinen einzigen Wert'),
    });
  });

  it('an id whose result indicators clash with a configured indicator, and a compareWith that is no class', async () => {
    const { dir, cacheDir, text } = await atlasWith((b) =>
      replace(b, 'compareWith: sozialindex', 'compareWith: miete'),
    );
    const taken =
      '  - id: belastung-wert\n    label: { de: Schon vergeben }\n    definition: { de: erfunden }\n    source: statistik\n    polarity: neutral\n    decimals: 0\n    type: value\n\n';
    const clash = text.replace('indicators:\n', `indicators:\n${taken}`);
    await writeFile(join(dir, CONFIG), clash);
    const r = await run(dir, cacheDir);
    expectError(r, {
      file: CONFIG,
      line: lineIn(clash, '  - id: belastung'),
      field: 'indices[0].id',
      message: 'Der Index "belastung" ergibt das Merkmal "belastung-wert", das es unter indicators schon gibt.',
    });
    expectError(r, {
      file: CONFIG,
      line: lineIn(clash, 'compareWith: miete'),
      field: 'indices[0].compareWith',
      message: '"miete" ist kein Klassen-Merkmal (type: value).',
    });
  });

  it('four problems at once (unknown indicator, weight not a number, thresholds not increasing, class count) in one run', async () => {
    const { dir, cacheDir, text } = await atlasWith((b) =>
      replace(
        replace(
          replace(b, '{ indicator: arbeitslosenquote }', '{ indicator: arbeitslosenqoute, weight: viel }'),
          'thresholds: [-1, 0, 1]',
          'thresholds: [-1, 1, 0]',
        ),
        'inputs:',
        'thresholds: [0]\n        inputs:',
      ),
    );
    const r = await run(dir, cacheDir);
    expectError(r, {
      line: lineIn(text, 'arbeitslosenqoute'),
      field: 'indices[0].editions[0].inputs[0].indicator',
      message: 'Unbekanntes Merkmal "arbeitslosenqoute".',
    });
    expectError(r, {
      line: lineIn(text, 'arbeitslosenqoute'),
      field: 'indices[0].editions[0].inputs[0].weight',
      message: 'falscher Typ: erwartet number',
    });
    expectError(r, {
      line: lineIn(text, 'thresholds: [-1, 1, 0]'),
      field: 'indices[0].thresholds',
      message: expect.stringContaining('streng steigen'),
    });
    expectError(r, {
      line: lineIn(text, 'thresholds: [0]'),
      field: 'indices[0].editions[0].thresholds',
      message: '1 Grenzen, aber 4 Klassen: n Grenzen ergeben n + 1 Klassen.',
    });
    expect(r.log.errors.every((e) => e.file === CONFIG && typeof e.line === 'number')).toBe(true);
  });
});
