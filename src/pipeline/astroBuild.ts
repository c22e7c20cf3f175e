import { rm } from 'node:fs/promises';

/** An `astro build` started ahead of the pages it generates: see {@link startAstroBuild}. */
export interface AstroBuild {
  /** Lets Astro generate the pages (the artifacts and the render scope are ready) and waits for the build's end. */
  generate(): Promise<void>;
  /** Stops the build before it generates a page (the data stages failed) and waits until it has stopped. */
  abort(): Promise<void>;
}

/**
 * Starts `astro build` of the site at `root` into `out` now, and holds it before its first page.
 *
 * Bundling the site (Vite and Rolldown: the server and the client build) does not read the pipeline's artifacts; only
 * generating pages does. So the build starts beside the data stages, and Rolldown's threads bundle while the
 * pipeline reads and derives (a second or two of each build, most of a rebuild's Astro step). A Vite plugin holds
 * the build between bundling and generating (its `buildApp` hook runs after the environments are built and before
 * Astro's own, which generates the pages) until {@link AstroBuild.generate} is called.
 *
 * Astro is given folders the pipeline does not replace while it runs: a public folder that does not exist (the site
 * build links the pipeline's public folder into the output afterwards) and its own cache folder `astroCacheDir`.
 * `env` (the cache folder and the output for astro.config.mjs and the pages) is set before Astro reads its config.
 * An aborted build leaves no `out` behind.
 */
export function startAstroBuild(o: {
  root: string;
  out: string;
  astroCacheDir: string;
  env: Record<string, string>;
}): AstroBuild {
  let open: () => void = () => undefined;
  let stop: (e: Error) => void = () => undefined;
  const gate = new Promise<void>((resolve, reject) => {
    open = resolve;
    stop = reject;
  });
  // Rejected by abort, maybe before Astro reaches the hook: handled there, or not at all.
  gate.catch(() => undefined);
  const done = (async () => {
    await rm(o.out, { recursive: true, force: true });
    Object.assign(process.env, o.env);
    const { build } = await import('astro');
    await build({
      root: o.root,
      outDir: o.out,
      logLevel: 'warn',
      publicDir: `${o.astroCacheDir}/no-public`,
      cacheDir: o.astroCacheDir,
      vite: { plugins: [{ name: 'sozialatlas:hold-before-pages', buildApp: { order: 'post', handler: () => gate } }] },
    });
  })();
  // Awaited by generate or abort; until then a failure must not count as unhandled.
  done.catch(() => undefined);
  return {
    async generate() {
      open();
      await done;
    },
    async abort() {
      stop(new Error('Die Datenstufen sind fehlgeschlagen.'));
      // The data stages' errors are reported; a bundling error as well would only hide them.
      await done.catch(() => undefined);
      await rm(o.out, { recursive: true, force: true });
    },
  };
}
