import { rm } from 'node:fs/promises';
import type { RenderRecord } from './incremental.ts';
import { startTsWorker } from './threads.ts';

/** An `astro build` started ahead of the pages it generates: see {@link startAstroBuild}. */
export interface AstroBuild {
  /**
   * Lets Astro generate the pages (the artifacts are ready) and waits for the build's end: every page in a full
   * build; in an incremental build (`previous`: the urls the published site holds) those not published before and
   * those in `render`. `onPage` hears each page's url once it is rendered. Resolves with what the pages read.
   */
  generate(o: {
    previous?: readonly string[] | undefined;
    render?: readonly string[];
    onPage: (url: string) => void;
  }): Promise<RenderRecord>;
  /** Stops the build before it generates a page (the data stages failed) and waits until it has stopped. */
  abort(): Promise<void>;
}

/** What the Astro build thread is started with (astroWorkerMain.ts). */
export interface AstroBuildData {
  root: string;
  out: string;
  astroCacheDir: string;
  env: Record<string, string>;
}
/** Main thread → Astro thread: generate the pages (in this scope), or stop before the first. */
export type AstroToThread =
  | { kind: 'generate'; previous?: readonly string[] | undefined; render?: readonly string[] | undefined }
  | { kind: 'stop' };
export type AstroPage = { kind: 'page'; url: string };
export type AstroDone = { kind: 'done' } & RenderRecord;
/** The error that stopped the build, with the thread's stack (where in Astro or in which page). */
export type AstroFailed = { kind: 'failed'; message: string; stack?: string | undefined };
/** Astro thread → main thread, in this order: pages as they are rendered, then done or failed. */
export type AstroFromThread = AstroPage | AstroDone | AstroFailed;

/**
 * Starts `astro build` of the site at `root` into `out` now, in a thread of its own, and holds it before its first
 * page.
 *
 * Bundling the site (Vite and Rolldown: the server and the client build) does not read the pipeline's artifacts; only
 * generating pages does. So the build starts beside the data stages: in its own thread, Astro's import, its
 * compiler and the bundler's plugins run on the second core while the main thread reads and derives (on two cores
 * this was most of a rebuild's Astro step, and it slowed the data stages beside it). A Vite plugin holds the build
 * between bundling and generating (its `buildApp` hook runs after the environments are built and before Astro's own,
 * which generates the pages) until {@link AstroBuild.generate} sends the render scope (astroWorkerMain.ts).
 *
 * Astro is given folders the pipeline does not replace while it runs: a public folder that does not exist (the site
 * build links the pipeline's public folder into the output afterwards) and its own cache folder `astroCacheDir`.
 * `env` (the cache folder and the output for astro.config.mjs and the pages) is set in the thread before Astro reads
 * its config. An aborted build leaves no `out` behind.
 */
export function startAstroBuild(o: AstroBuildData): AstroBuild {
  const ready = rm(o.out, { recursive: true, force: true });
  const thread = ready.then(() => startTsWorker(new URL('./astroWorkerMain.ts', import.meta.url), o));
  let onPage: (url: string) => void = () => undefined;
  const done = thread.then(
    (w) =>
      new Promise<RenderRecord>((resolve, reject) => {
        let settled = false;
        w.on('message', (m: AstroFromThread) => {
          if (m.kind === 'page') onPage(m.url);
          else if (m.kind === 'done') {
            settled = true;
            resolve({ reads: m.reads, offered: m.offered });
          } else {
            settled = true;
            reject(Object.assign(new Error(m.message), m.stack ? { stack: m.stack } : {}));
          }
        });
        w.once('error', reject);
        w.once('exit', (code) => {
          if (!settled) reject(new Error(`Der Astro-Build endete ohne Ergebnis (Code ${code}).`));
        });
      }),
  );
  // Awaited by generate or abort; until then a failure must not count as unhandled.
  done.catch(() => undefined);
  const send = async (m: AstroToThread) => (await thread).postMessage(m);
  // The thread ends once the build has ended (done or failed): Astro may leave handles open that would keep it alive.
  const ended = () =>
    done.then(
      async () => void (await (await thread).terminate()),
      async () => void (await thread.then((w) => w.terminate()).catch(() => undefined)),
    );
  return {
    async generate(g) {
      onPage = g.onPage;
      await send({ kind: 'generate', previous: g.previous, render: g.render });
      try {
        return await done;
      } finally {
        await ended();
      }
    },
    async abort() {
      await send({ kind: 'stop' }).catch(() => undefined);
      // The data stages' errors are reported; a bundling error as well would only hide them.
      await ended();
      await rm(o.out, { recursive: true, force: true });
    },
  };
}
