import { execFile } from 'node:child_process';
import { mkdtemp, realpath, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { promisify } from 'node:util';
import { diffAtlas, type AtlasDiff, type AtlasSnapshot } from '../lib/diff/atlasDiff.ts';
import { pick } from '../lib/i18n.ts';
import { deriveValues } from '../lib/indicators/derive.ts';
import { AtlasError, ProblemLog, formatProblemLog } from '../lib/problems.ts';
import { FileEffects } from './effects.ts';
import { readLevels } from './stages/boundaries.ts';
import { FACILITIES_FILE, RELEASES_FILE, loadConfig } from './stages/config.ts';
import { readFacilities } from './stages/facilities.ts';
import { readTables } from './stages/tables.ts';

const run = promisify(execFile);

/**
 * `npm run diff -- <git-ref>`: reads the atlas at a git ref (through `git archive`, into a temporary folder) and in the
 * working tree, runs the validating stages on both (config, boundaries, tables, facilities, derivation) and compares
 * the results ({@link diffAtlas}).
 */

/** One state of the atlas folder, validated; the problems when it is not valid. */
export async function readSnapshot(atlasDir: string): Promise<{ snapshot?: AtlasSnapshot; log: ProblemLog }> {
  const log = new ProblemLog();
  const fx = new FileEffects(atlasDir, join(tmpdir(), 'sozialatlas-diff-unused'));
  const config = await loadConfig(fx, log);
  if (!config) return { log };
  const b = await readLevels(config, fx, log);
  const tables = await readTables(config, b.units, fx, log);
  const facilities = await readFacilities(config, b, fx, log, { locate: !log.hasErrors, today: config.dataDate });
  if (log.hasErrors) return { log };
  const { store } = deriveValues({
    cells: tables.cells,
    checkCells: tables.checkCells,
    units: b.units,
    levelOrder: config.levels.map((l) => l.id),
    indicators: config.indicators,
  });
  return {
    log,
    snapshot: {
      units: b.units.map((u) => ({ id: u.id, name: u.name, level: u.level })),
      indicators: config.indicators.map((i) => ({
        id: i.id,
        label: pick(i.label, 'de'),
        type: i.type,
        decimals: i.decimals,
        classes: i.classes?.map((c) => ({ value: c.value, label: pick(c.label, 'de') })),
      })),
      values: [...store.values()].map((v) => ({
        unit: v.unit,
        indicator: v.indicator,
        year: v.year,
        status: v.status,
        value: v.value,
      })),
      facilities: Object.fromEntries(
        (facilities?.facilities ?? []).map((f) => [f.facility.id, { ...f.facility, description: f.html }]),
      ),
    },
  };
}

async function git(cwd: string, args: string[]): Promise<string> {
  const { stdout } = await run('git', args, { cwd, maxBuffer: 1 << 30, encoding: 'utf8' });
  return stdout;
}

/**
 * Compares the atlas at `ref` with the working tree. Throws AtlasError (exit code 2) for an unknown ref or a folder
 * outside a git repository, and (exit code 1, with the problems) when either state is not valid.
 */
export async function runDiff(o: { atlasDir: string; ref: string }): Promise<AtlasDiff> {
  const atlasDir = await realpath(o.atlasDir);
  let top: string;
  try {
    top = (await git(atlasDir, ['rev-parse', '--show-toplevel'])).trim();
  } catch {
    throw new AtlasError(`${atlasDir} liegt in keinem Git-Repository; npm run diff vergleicht mit einem Git-Stand.`, {
      exitCode: 2,
    });
  }
  try {
    await git(top, ['rev-parse', '--verify', '--quiet', `${o.ref}^{commit}`]);
  } catch {
    throw new AtlasError(
      `Unbekannte Git-Referenz „${o.ref}“: kein Commit, Zweig oder Tag dieses Namens in ${top}. Hinweis: git log --oneline zeigt die Commits; bei einem flachen Klon (CI) zuerst git fetch.`,
      { exitCode: 2 },
    );
  }
  const rel = relative(top, atlasDir).split('\\').join('/');
  const tmp = await mkdtemp(join(tmpdir(), 'sozialatlas-diff-'));
  try {
    const inFolder = (p: string) => (rel ? `${rel}/${p}` : p);
    const listed = (
      await git(top, [
        'ls-tree',
        '--name-only',
        o.ref,
        '--',
        ...['atlas.yml', FACILITIES_FILE, RELEASES_FILE, 'data', 'content'].map(inFolder),
      ])
    )
      .split('\n')
      .filter(Boolean);
    if (!listed.includes(inFolder('atlas.yml')))
      throw new AtlasError(
        `Der Stand „${o.ref}“ hat keine ${inFolder('atlas.yml')}: dort gab es den Atlas noch nicht.`,
        {
          exitCode: 2,
        },
      );
    const tar = join(tmp, 'ref.tar');
    await git(top, ['archive', '--format=tar', '-o', tar, o.ref, '--', ...listed]);
    await run('tar', ['-xf', tar, '-C', tmp]);
    const before = await readSnapshot(join(tmp, rel));
    const after = await readSnapshot(atlasDir);
    for (const [name, s] of [
      [o.ref, before],
      ['Arbeitsstand', after],
    ] as const) {
      if (!s.snapshot)
        throw new AtlasError(`Der Atlas im Stand „${name}“ ist ungültig:\n${formatProblemLog(s.log)}`, {
          exitCode: 1,
          log: s.log,
        });
    }
    return diffAtlas(before.snapshot as AtlasSnapshot, after.snapshot as AtlasSnapshot);
  } finally {
    await rm(tmp, { recursive: true, force: true });
  }
}
