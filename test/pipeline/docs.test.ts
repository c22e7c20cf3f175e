/**
 * docs/atlas-folder.md against the code: every key the config schema defines is documented, and the complete
 * minimal example in section 12 (the files marked `<!-- beispiel: path -->`) builds without any problem.
 */
import { mkdir, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { formatProblemLog } from '../../src/lib/problems.ts';
import { runPipeline } from '../../src/pipeline/build.ts';
import {
  AtlasConfigSchema,
  CrsSchema,
  DEFAULT_MARKERS,
  IndicatorTypeSchema,
  CellStatusSchema,
} from '../../src/schemas/atlasConfig.ts';

const ROOT = resolve(import.meta.dirname, '../..');
const DOC = join(ROOT, 'docs/atlas-folder.md');

/** The parts of zod 4's internal definition this walk needs. */
interface Def {
  type: string;
  shape?: Record<string, Walkable>;
  innerType?: Walkable;
  element?: Walkable;
  valueType?: Walkable;
  in?: Walkable;
  out?: Walkable;
  options?: Walkable[];
  entries?: Record<string, string>;
}
interface Walkable {
  _zod: { def: Def };
}

/** Every object key anywhere in a schema, with its path (record keys are data, not config keys). */
function schemaKeys(schema: Walkable, path = '', out = new Map<string, string>()): Map<string, string> {
  const def = schema._zod.def;
  if (def.type === 'object' && def.shape) {
    for (const [k, v] of Object.entries(def.shape)) {
      const p = path ? `${path}.${k}` : k;
      out.set(p, k);
      schemaKeys(v, p, out);
    }
  }
  for (const child of [def.innerType, def.element, def.valueType, def.in, def.out, ...(def.options ?? [])]) {
    if (child) schemaKeys(child, def.type === 'array' ? `${path}[]` : path, out);
  }
  return out;
}

function enumValues(schema: Walkable): string[] {
  return Object.values(schema._zod.def.entries ?? {});
}

let tmp = '';
afterAll(async () => {
  if (tmp) await rm(tmp, { recursive: true, force: true });
});

describe('docs/atlas-folder.md', () => {
  it('documents every key of the config schema (as `key`)', async () => {
    const doc = await readFile(DOC, 'utf8');
    const keys = schemaKeys(AtlasConfigSchema as unknown as Walkable);
    expect(keys.size).toBeGreaterThan(80);
    // As `key` or at the end of a documented path such as `assume[].status`.
    const missing = [...keys].filter(([, k]) => !doc.includes(`\`${k}\``) && !doc.includes(`.${k}\``)).map(([p]) => p);
    expect(missing).toEqual([]);
  });

  it('names every allowed value of the enumerations (CRS, types, statuses) and the default markers', async () => {
    const doc = await readFile(DOC, 'utf8');
    for (const s of [CrsSchema, IndicatorTypeSchema, CellStatusSchema]) {
      for (const v of enumValues(s as unknown as Walkable)) expect(doc, v).toContain(`\`${v}\``);
    }
    for (const [marker, status] of Object.entries(DEFAULT_MARKERS)) {
      if (marker === '') continue; // the empty cell is described in words
      expect(doc).toMatch(
        new RegExp(`\\| \`${marker.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}\`[^|]*\\| \`${status}\``),
      );
    }
  });

  it('has a complete minimal example that builds without errors or warnings', async () => {
    const doc = await readFile(DOC, 'utf8');
    const files = [...doc.matchAll(/<!-- beispiel: (\S+) -->\n```\w*\n([\s\S]*?)\n```/g)].map((m) => ({
      path: m[1] as string,
      text: `${m[2]}\n`,
    }));
    expect(files.map((f) => f.path).sort()).toEqual([
      'atlas.yml',
      'content/legal/barrierefreiheit.md',
      'content/legal/datenschutz.md',
      'content/legal/impressum.md',
      'content/legal/leichte-sprache.md',
      'data/einwohner.csv',
      'data/stadtbezirke.geojson',
    ]);
    tmp = await mkdtemp(join(tmpdir(), 'atlas-doc-example-'));
    const atlasDir = join(tmp, 'beispielstadt');
    for (const f of files) {
      await mkdir(dirname(join(atlasDir, f.path)), { recursive: true });
      await writeFile(join(atlasDir, f.path), f.text);
    }
    const cacheDir = join(tmp, 'cache');
    const r = await runPipeline({ atlasDir, cacheDir, log: () => {} });
    expect(r.log.problems, formatProblemLog(r.log)).toEqual([]);
    expect(r.pages).toBe(2);
    expect((await readdir(join(cacheDir, 'public/data/units'))).sort()).toEqual([
      '01.csv',
      '01.json',
      '02.csv',
      '02.json',
    ]);
    const values = await readFile(join(cacheDir, 'public/data/values.csv'), 'utf8');
    expect(values).toContain('01,einwohner,2023,2023-12-31,12480,value,published');
    expect(values).toContain('*,einwohner,2023,2023-12-31,21790,value,sum');
  });
});
