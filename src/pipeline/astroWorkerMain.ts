/**
 * The Astro build thread (started by astroBuild.ts through tsWorker.mjs). Bundles the site at once, then waits
 * before its first page for the main thread's {@link AstroGenerate} (or {@link AstroStop}); generates the pages in the
 * render scope that message describes, posts each page's url as it is rendered ({@link AstroPage}), and at the end
 * what the scope recorded ({@link AstroDone}) or the error that stopped the build ({@link AstroFailed}).
 */
import { parentPort, workerData } from 'node:worker_threads';
import { PAGE_COUNTER, type PageCounterHost } from '../lib/progress.ts';
import { RENDER_SCOPE, type RenderScopeHost } from '../lib/renderScope.ts';
import type { AstroBuildData, AstroFromThread, AstroToThread } from './astroBuild.ts';
import { createRenderScope } from './incremental.ts';

const d = workerData as AstroBuildData;
const post = (m: AstroFromThread) => parentPort?.postMessage(m);

/** What the render scope recorded, once the main thread has sent it (the gate is open). */
let recorded: ReturnType<typeof createRenderScope>['record'] | undefined;
const gate = new Promise<void>((resolve, reject) => {
  parentPort?.once('message', (m: AstroToThread) => {
    if (m.kind === 'stop') {
      reject(new Error('Die Datenstufen sind fehlgeschlagen.'));
      return;
    }
    // In an incremental build, a page the previous build did not publish is rendered, and so is each page whose
    // artifacts changed; every other page is taken over from the published site (site.ts).
    const previous = m.previous && new Set(m.previous);
    const render = new Set(m.render);
    const { scope, record } = createRenderScope(previous ? (url) => !previous.has(url) || render.has(url) : undefined);
    (globalThis as RenderScopeHost)[RENDER_SCOPE] = scope;
    (globalThis as PageCounterHost)[PAGE_COUNTER] = (url) => {
      if (url !== undefined) post({ kind: 'page', url });
    };
    recorded = record;
    resolve();
  });
});
gate.catch(() => undefined); // a stop before Astro reaches the hook is reported by the build below

try {
  Object.assign(process.env, d.env);
  const { build } = await import('astro');
  await build({
    root: d.root,
    outDir: d.out,
    logLevel: 'warn',
    publicDir: `${d.astroCacheDir}/no-public`,
    cacheDir: d.astroCacheDir,
    vite: { plugins: [{ name: 'sozialatlas:hold-before-pages', buildApp: { order: 'post', handler: () => gate } }] },
  });
  post({ kind: 'done', reads: recorded?.reads ?? new Map(), offered: recorded?.offered ?? new Set() });
} catch (e) {
  post({
    kind: 'failed',
    message: e instanceof Error ? e.message : String(e),
    stack: e instanceof Error ? e.stack : undefined,
  });
}
