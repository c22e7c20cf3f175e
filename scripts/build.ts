/**
 * Builds the atlas in ATLAS_DIR (default: the bundled demo atlas) into dist/.
 * Usage: npm run build   ·   ATLAS_DIR=../meine-stadt npm run build
 * OUT_DIR (default dist/) and CACHE_DIR (default .atlas/) let two builds run side by side.
 * Exit code 1 with every problem listed when the input is invalid; dist/ is then left unchanged.
 */
import { AtlasError } from '../src/lib/problems.ts';
import { buildSite } from '../src/pipeline/site.ts';

const t0 = performance.now();
try {
  const r = await buildSite({
    atlasDir: process.env.ATLAS_DIR,
    outDir: process.env.OUT_DIR,
    cacheDir: process.env.CACHE_DIR,
  });
  const s = (performance.now() - t0) / 1000;
  const stages = Object.entries(r.timings)
    .map(([k, v]) => `${k} ${v.toFixed(1)} s`)
    .join(', ');
  console.log(`Fertig in ${s.toFixed(1)} s (${stages}).`);
} catch (e) {
  if (e instanceof AtlasError) {
    console.error(`\nFEHLER: ${e.message}`);
    process.exit(e.exitCode);
  }
  throw e;
}
