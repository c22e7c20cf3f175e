/**
 * The assessments stage on the fictional test atlas "Musterstadt" (test/fixtures/atlas-mini, made-up notes in
 * content/districts/) and with the made-up broken files of test/fixtures/assessments-broken copied in: every
 * defect is reported with file and field (and line where the file has one), the build fails, the good notes reach
 * the unit page models apart from the statistics.
 */
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { UnitPageData } from '../../src/lib/pages/model.ts';
import { ProblemLog, type Problem } from '../../src/lib/problems.ts';
import { runPipeline } from '../../src/pipeline/build.ts';
import { FileEffects } from '../../src/pipeline/effects.ts';
import { ASSESSMENTS_DIR, readAssessments } from '../../src/pipeline/stages/assessments.ts';

const MINI = resolve(import.meta.dirname, '../fixtures/atlas-mini');
const BROKEN = resolve(import.meta.dirname, '../fixtures/assessments-broken');
/** The unit ids of atlas-mini (see its README). */
const units = ['1', '2', '3', '05', '11', '12', '17', '23', '31', '34', '40'].map((id) => ({ id }));

let root = '';
let n = 0;
beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'atlas-mini-assessments-'));
});
afterAll(async () => {
  if (root) await rm(root, { recursive: true, force: true });
});

async function copyAtlas(withBroken: boolean): Promise<string> {
  const dir = join(root, String(++n), 'atlas');
  await cp(MINI, dir, { recursive: true });
  if (withBroken)
    await cp(BROKEN, join(dir, ASSESSMENTS_DIR), { recursive: true, filter: (src) => !src.endsWith('README.md') });
  return dir;
}

async function stage(dir: string) {
  const log = new ProblemLog();
  const result = await readAssessments(units, new FileEffects(dir, join(dir, '..', 'out'), () => undefined), log);
  return { log, result };
}

const errorFor = (log: ProblemLog, name: string): Problem[] => log.errors.filter((p) => p.file.endsWith(name));

describe('readAssessments on atlas-mini', () => {
  it('readAssessments(units, fx, log) reads the three made-up notes without a problem, newest first per unit', async () => {
    const { log, result } = await stage(MINI);
    expect(log.problems).toEqual([]);
    expect(
      result?.assessments.map((a) => [
        a.unit,
        a.assessment.date,
        a.assessment.topic,
        a.assessment.question,
        a.assessment.lang,
      ]),
    ).toEqual([
      ['1', '2023-12-01', 'jugend', 'strengths', 'en'],
      ['11', '2023-11-20', 'kinder-familie', 'missing', 'de'],
      ['11', '2023-10-02', 'alter-pflege', 'changed', 'de'],
    ]);
    expect(result?.assessments[1]?.html).toContain('<strong>Kitaplätze für unter Dreijährige</strong>');
    expect(result?.topics.map((t) => t.id)).toContain('migration-teilhabe');
  });

  it('readAssessments(units, fx, log) is undefined for an atlas without content/districts', async () => {
    const dir = await copyAtlas(false);
    await rm(join(dir, ASSESSMENTS_DIR), { recursive: true });
    expect((await stage(dir)).result).toBeUndefined();
  });

  it('readAssessments(units, fx, log) takes the topics from assessments.yml when there is one', async () => {
    const dir = await copyAtlas(false);
    await writeFile(join(dir, 'assessments.yml'), 'topics:\n  - id: jugend\n    label: { de: Jugend }\n');
    const { log, result } = await stage(dir);
    expect(result?.topics).toEqual([{ id: 'jugend', label: { de: 'Jugend' } }]);
    expect(log.errors.map((p) => [p.file.split('/').pop(), p.field])).toEqual([
      ['2023-10-02-pflegedienst-muster-ggmbh.md', 'topic'],
      ['2023-11-20-nachbarschaftshaus-am-kanal-e-v.md', 'topic'],
    ]);
  });
});

describe('broken assessments (test/fixtures/assessments-broken)', () => {
  let log: ProblemLog;
  let dir = '';
  beforeAll(async () => {
    dir = await copyAtlas(true);
    log = (await stage(dir)).log;
  });

  it('an unknown unit folder names the file and the folder', () => {
    expect(errorFor(log, '99/2023-11-01-beispiel-ev.md')).toEqual([
      expect.objectContaining({ field: 'Ordner', message: expect.stringContaining('Unbekanntes Gebiet "99"') }),
    ]);
  });

  it('a missing organisation names the field', () => {
    expect(errorFor(log, '2023-11-02-ohne-organisation.md')).toEqual([
      expect.objectContaining({ field: 'organisation' }),
    ]);
  });

  it('a future date names the field and its line', () => {
    expect(errorFor(log, '2099-01-01-zukunft-ev.md')).toEqual([
      expect.objectContaining({ field: 'date', line: 3, message: expect.stringContaining('Zukunft') }),
    ]);
  });

  it('an unknown topic names the field, its line and the allowed topics', () => {
    expect(errorFor(log, '2023-11-03-thema-ev.md')).toEqual([
      expect.objectContaining({ field: 'topic', line: 4, message: expect.stringContaining('kinder-familie') }),
    ]);
  });

  it('an .mdx file is refused by name (MDX runs code)', () => {
    expect(errorFor(log, '2023-11-04-mdx-ev.mdx')).toEqual([
      expect.objectContaining({ message: expect.stringContaining('MDX') }),
    ]);
  });

  it('executable ---js front matter is refused at line 1 and never runs', () => {
    expect(errorFor(log, '2023-11-05-js-ev.md')).toEqual([
      expect.objectContaining({ line: 1, message: expect.stringContaining('"---js"') }),
    ]);
  });

  it('a file name that does not name the organisation says which name to use', () => {
    expect(errorFor(log, '2023-11-06-falscher-name.md')).toEqual([
      expect.objectContaining({
        field: 'organisation',
        line: 2,
        hint: expect.stringContaining('2023-11-06-richtiger-name-e-v.md'),
      }),
    ]);
  });

  it('every broken file is reported in one run, and the good notes are still read', () => {
    expect(new Set(log.errors.map((p) => p.file.replace(/^.*\//, ''))).size).toBe(7);
    expect(log.errors.every((p) => p.file.startsWith(`${ASSESSMENTS_DIR}/`))).toBe(true);
  });

  it('the build fails on them and writes nothing', async () => {
    const cacheDir = join(dir, '..', 'cache');
    const r = await runPipeline({ atlasDir: dir, cacheDir });
    expect(r.log.hasErrors).toBe(true);
    expect(r.log.errors.filter((p) => p.file.startsWith(ASSESSMENTS_DIR)).length).toBe(7);
    await expect(readFile(join(cacheDir, 'build', 'site.json'))).rejects.toThrow();
  });
});

describe('assessments in the unit page models', () => {
  it('runPipeline adds the notes to their unit pages and an empty section to the others', async () => {
    const dir = await copyAtlas(false);
    const cacheDir = join(dir, '..', 'cache');
    const r = await runPipeline({ atlasDir: dir, cacheDir });
    expect(r.log.errors).toEqual([]);
    const page = async (id: string) =>
      JSON.parse(await readFile(join(cacheDir, 'build', 'units', `${id}.json`), 'utf8')) as UnitPageData;
    const p11 = await page('11');
    expect(p11.assessments?.count).toBe(2);
    expect(p11.assessments?.latest).toBe('2023-11-20');
    expect(p11.assessments?.topics.map((t) => t.id)).toEqual(['kinder-familie', 'alter-pflege']);
    expect(p11.keyFigures.length).toBeGreaterThan(0);
    expect((await page('05')).assessments).toEqual({ count: 0, latest: '', earliest: '', topics: [] });
  });
});
