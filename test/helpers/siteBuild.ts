import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { listFiles } from '../../src/pipeline/listFiles.ts';

const run = promisify(execFile);
const ROOT = resolve(import.meta.dirname, '../..');

/**
 * Builds `atlasDir` with `npm run build`'s script (a child process, as CI runs it) into `<work>/<name>/dist`, with
 * its caches beside it (a second build with the same name reuses them); resolves with exit code and output.
 */
export async function buildAtlas(
  atlasDir: string,
  work: string,
  name: string,
): Promise<{ code: number; out: string; dist: string }> {
  const dist = join(work, name, 'dist');
  const env = {
    ...process.env,
    ATLAS_DIR: atlasDir,
    OUT_DIR: dist,
    CACHE_DIR: join(work, name, 'cache'),
    // Same build day for every build, whenever the test runs (see buildDate()).
    SOURCE_DATE_EPOCH: '1733443200',
  };
  // The Node running the tests (22 through the `node` package under `npm test`) strips the types itself.
  return run(process.execPath, ['scripts/build.ts'], { cwd: ROOT, env, maxBuffer: 1 << 26 }).then(
    (r) => ({ code: 0, out: r.stdout + r.stderr, dist }),
    (e: { code: number; stdout: string; stderr: string }) => ({ code: e.code, out: e.stdout + e.stderr, dist }),
  );
}

/** SHA-256 of every file below `dir`, by relative path. */
export async function fileHashes(dir: string): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  for (const f of await listFiles(dir))
    out.set(
      f,
      createHash('sha256')
        .update(await readFile(join(dir, f)))
        .digest('hex'),
    );
  return out;
}
