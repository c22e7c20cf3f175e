/**
 * Global setup of the browser tests (vitest.e2e.config.ts): builds the site once, serves it on a random port and
 * hands the base url to the tests (`inject('sozialatlasBaseUrl')`).
 *
 * - `SOZIALATLAS_SKIP_BUILD=1`: do not run `npm run build` (use an existing build).
 * - `SOZIALATLAS_DIST=<folder>`: serve this folder instead of `dist/` (e.g. `test/fixtures/site`).
 */
import { spawn } from 'node:child_process';
import { access } from 'node:fs/promises';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { startStaticServer } from '../src/pipeline/staticServer.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Origin of the served site, without a trailing slash, e.g. `http://127.0.0.1:43127`. */
    sozialatlasBaseUrl: string;
    /** Absolute path of the served folder. */
    sozialatlasDist: string;
  }
}

function run(command: string, args: string[]): Promise<number> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: 'inherit' });
    child.once('error', reject);
    child.once('exit', (code, signal) => resolve(code ?? (signal ? 128 : 1)));
  });
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  if (process.env['SOZIALATLAS_SKIP_BUILD'] !== '1') {
    const code = await run(process.platform === 'win32' ? 'npm.cmd' : 'npm', ['run', 'build']);
    if (code !== 0) throw new Error(`npm run build failed with exit code ${code}; the browser tests need a build (or SOZIALATLAS_SKIP_BUILD=1)`);
  }
  const dist = path.resolve(process.env['SOZIALATLAS_DIST'] ?? 'dist');
  try {
    await access(path.join(dist, 'data', 'atlas.json'));
  } catch {
    throw new Error(`${path.join(dist, 'data', 'atlas.json')} is missing: build the site, or set SOZIALATLAS_DIST to a built site`);
  }
  const server = await startStaticServer({ root: dist, port: 0 });
  console.log(`[e2e] serving ${path.relative(process.cwd(), dist) || '.'} at ${server.url}`);
  project.provide('sozialatlasBaseUrl', server.url);
  project.provide('sozialatlasDist', dist);
  return () => server.close();
}
