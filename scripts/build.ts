/**
 * Builds the atlas in ATLAS_DIR (default: the bundled demo atlas) into its dist/.
 * Usage: npm run build   ·   ATLAS_DIR=../meine-stadt npm run build   ·   npm run build -- --production
 * OUT_DIR (default: dist/ in the atlas folder) and CACHE_DIR (default: .atlas/ in the atlas folder; the stage cache
 * beside it in .atlas-stages/) let two builds run side by side.
 * --production (or SOZIALATLAS_PRODUCTION=1): placeholders of the templates ([… eintragen]) and the example
 * siteUrl are errors; a normal build lists them as warnings.
 * Exit code 1 with every problem listed when the input is invalid; dist/ is then left unchanged.
 */
import { AtlasError } from '../src/lib/problems.ts';
import { buildSite } from '../src/pipeline/site.ts';
import { createProgress } from '../src/pipeline/progress.ts';

const production = process.argv.includes('--production') || process.env['SOZIALATLAS_PRODUCTION'] === '1';
const t0 = performance.now();
// On a terminal one self-rewriting line (stage, n of N); in CI or a log file plain lines.
const progress = createProgress();
try {
  const r = await buildSite({
    atlasDir: process.env.ATLAS_DIR,
    outDir: process.env.OUT_DIR,
    cacheDir: process.env.CACHE_DIR,
    production,
    progress,
  });
  const s = (performance.now() - t0) / 1000;
  const stages = Object.entries(r.timings)
    .map(([k, v]) => `${k} ${v.toFixed(1)} s`)
    .join(', ');
  console.log(`Fertig in ${s.toFixed(1)} s (${stages})${production ? '; Produktions-Build' : ''}.`);
} catch (e) {
  progress.end();
  if (e instanceof AtlasError) {
    console.error(`\nFEHLER: ${e.message}`);
    process.exit(e.exitCode);
  }
  throw e;
}
