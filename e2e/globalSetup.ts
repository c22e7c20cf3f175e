/**
 * Global setup of the browser tests (vitest.e2e.config.ts): builds the site once, serves it on a random port and
 * hands the base url to the tests (`inject('sozialatlasBaseUrl')`).
 *
 * - `SOZIALATLAS_SKIP_BUILD=1`: do not run `npm run build` (use an existing build).
 * - `SOZIALATLAS_DIST=<folder>`: serve this folder instead of `dist/` (e.g. `test/fixtures/site`).
 * - The made-up fixture atlas test/fixtures/atlas-mini is built into `.atlas-e2e/mini-dist` (about 5 s) and served too
 *   (`inject('sozialatlasMiniUrl')`), for tests that check exact entries; `SOZIALATLAS_MINI_DIST` serves another
 *   build of it, and with `SOZIALATLAS_SKIP_BUILD=1` an existing build is reused.
 */
import { spawn } from 'node:child_process';
import { access } from 'node:fs/promises';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { startStaticServer } from './harness/server.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Origin of the served site, without a trailing slash, e.g. `http://127.0.0.1:43127`. */
    sozialatlasBaseUrl: string;
    /** Absolute path of the served folder. */
    sozialatlasDist: string;
    /** Origin of the served build of the made-up fixture atlas test/fixtures/atlas-mini (known figures and entries). */
    sozialatlasMiniUrl: string;
    /** Absolute path of that build. */
    sozialatlasMiniDist: string;
  }
}

function run(command: string, args: string[], env: NodeJS.ProcessEnv = process.env): Promise<number> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: 'inherit', env });
    child.once('error', reject);
    child.once('exit', (code, signal) => resolve(code ?? (signal ? 128 : 1)));
  });
}

/** Where the made-up fixture atlas (test/fixtures/atlas-mini) is built for the tests that need known figures. */
const MINI_DIST = path.resolve('.atlas-e2e', 'mini-dist');

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  if (process.env['SOZIALATLAS_SKIP_BUILD'] !== '1') {
    const code = await run(npm, ['run', 'build']);
    if (code !== 0)
      throw new Error(
        `npm run build failed with exit code ${code}; the browser tests need a build (or SOZIALATLAS_SKIP_BUILD=1)`,
      );
  }
  const miniDist = path.resolve(process.env['SOZIALATLAS_MINI_DIST'] ?? MINI_DIST);
  if (process.env['SOZIALATLAS_SKIP_BUILD'] !== '1' || !(await exists(path.join(miniDist, 'data', 'atlas.json')))) {
    const env = {
      ...process.env,
      ATLAS_DIR: path.resolve('test/fixtures/atlas-mini'),
      OUT_DIR: miniDist,
      CACHE_DIR: path.resolve('.atlas-e2e', 'mini-cache'),
    };
    const code = await run(npm, ['run', 'build'], env);
    if (code !== 0) throw new Error(`the build of test/fixtures/atlas-mini failed with exit code ${code}`);
  }
  const dist = path.resolve(process.env['SOZIALATLAS_DIST'] ?? 'dist');
  if (!(await exists(path.join(dist, 'data', 'atlas.json')))) {
    throw new Error(
      `${path.join(dist, 'data', 'atlas.json')} is missing: build the site, or set SOZIALATLAS_DIST to a built site`,
    );
  }
  const server = await startStaticServer({ root: dist, port: 0 });
  const mini = await startStaticServer({ root: miniDist, port: 0 });
  console.log(
    `[e2e] serving ${path.relative(process.cwd(), dist) || '.'} at ${server.url}, the fixture atlas at ${mini.url}`,
  );
  project.provide('sozialatlasBaseUrl', server.url);
  project.provide('sozialatlasDist', dist);
  project.provide('sozialatlasMiniUrl', mini.url);
  project.provide('sozialatlasMiniDist', miniDist);
  return async () => {
    await server.close();
    await mini.close();
  };
}

async function exists(file: string): Promise<boolean> {
  try {
    await access(file);
    return true;
  } catch {
    return false;
  }
}
