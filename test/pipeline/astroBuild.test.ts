/**
 * The Astro build in its own thread (src/pipeline/astroBuild.ts, astroWorkerMain.ts): held after bundling until the
 * main thread sends the render scope, it renders only the pages the scope keeps, reports each page, returns what
 * each page read; a page that throws fails the build with its message; a stopped build leaves no output.
 * A made-up Astro project of two pages in a temporary folder, whose middleware and route play the parts of the
 * site's (src/middleware.ts, src/site/routes.ts, src/site/artifacts.ts). The folder lies in the project's test-results/
 * (as the site builds' do): Astro writes its server chunks below the output only when that lies below the working
 * folder, else into the working folder's .astro/, where builds running at once would share them.
 */
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PAGE_COUNTER } from '../../src/lib/progress.ts';
import { RENDER_SCOPE } from '../../src/lib/renderScope.ts';
import { startAstroBuild } from '../../src/pipeline/astroBuild.ts';
import { PROJECT_ROOT } from '../../src/pipeline/site.ts';

let root = '';

beforeAll(async () => {
  await mkdir(join(PROJECT_ROOT, 'test-results'), { recursive: true });
  root = await mkdtemp(join(PROJECT_ROOT, 'test-results', 'astro-thread-'));
  await mkdir(join(root, 'src', 'pages', 'p'), { recursive: true });
  await writeFile(join(root, 'astro.config.mjs'), "export default { trailingSlash: 'always' };\n");
  await writeFile(
    join(root, 'src', 'middleware.js'),
    `export const onRequest = async (context, next) => {
  const scope = globalThis[${JSON.stringify(RENDER_SCOPE)}];
  const url = context.url.pathname;
  const response = scope ? await scope.page(url, next) : await next();
  globalThis[${JSON.stringify(PAGE_COUNTER)}]?.(url);
  return response;
};
`,
  );
  await writeFile(
    join(root, 'src', 'pages', 'p', '[id].astro'),
    `---
export function getStaticPaths() {
  const scope = globalThis[${JSON.stringify(RENDER_SCOPE)}];
  return ['a', 'b'].filter((id) => scope?.keep('/p/' + id + '/') ?? true).map((id) => ({ params: { id } }));
}
const { id } = Astro.params;
if (process.env.BREAK_PAGE === id) throw new Error('Seite ' + id + ' kaputt');
globalThis[${JSON.stringify(RENDER_SCOPE)}]?.read('p/' + id + '.json');
---
<p>Seite {id}</p>
`,
  );
});

afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

const start = (name: string, env: Record<string, string> = {}) =>
  startAstroBuild({
    root,
    out: join(root, name),
    astroCacheDir: join(root, `${name}-astro`),
    env: { ASTRO_TELEMETRY_DISABLED: '1', ...env },
  });

describe('startAstroBuild (Astro in a thread of its own)', () => {
  it('renders the pages the scope keeps, reports each, and returns every offered url and each page’s reads', async () => {
    const pages: string[] = [];
    const record = await start('out-b').generate({
      previous: ['/p/a/', '/p/b/'],
      render: ['/p/b/'],
      onPage: (url) => pages.push(url),
    });
    expect(pages).toEqual(['/p/b/']);
    expect([...record.offered].sort()).toEqual(['/p/a/', '/p/b/']);
    expect([...record.reads].map(([url, reads]) => [url, [...reads]])).toEqual([['/p/b/', ['p/b.json']]]);
    expect(await readFile(join(root, 'out-b', 'p', 'b', 'index.html'), 'utf8')).toContain('<p>Seite b</p>');
    expect(existsSync(join(root, 'out-b', 'p', 'a'))).toBe(false);
  }, 120_000);

  it('renders every page without a previous build', async () => {
    const pages: string[] = [];
    const record = await start('out-all').generate({ onPage: (url) => pages.push(url) });
    expect(pages.sort()).toEqual(['/p/a/', '/p/b/']);
    expect([...record.reads.keys()].sort()).toEqual(['/p/a/', '/p/b/']);
  }, 120_000);

  it('fails with the message of a page that throws', async () => {
    const build = start('out-broken', { BREAK_PAGE: 'a' });
    await expect(build.generate({ onPage: () => undefined })).rejects.toThrow('Seite a kaputt');
  }, 120_000);

  it('stops before the first page when told to, and leaves no output', async () => {
    const build = start('out-stopped');
    await build.abort();
    expect(existsSync(join(root, 'out-stopped'))).toBe(false);
  }, 120_000);
});
