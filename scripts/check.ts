/**
 * Validates an atlas folder without building the site: config, boundaries, tables, derived values.
 * Lists every problem as `file:line: Feld "x": message` with a hint, and exits 1 when there are errors.
 * Usage: npm run check   ·   ATLAS_DIR=../meine-stadt npm run check   ·   npm run check -- --production
 */
import { resolve } from 'node:path';
import { formatProblem, formatProblemLog } from '../src/lib/problems.ts';
import { runPipeline } from '../src/pipeline/build.ts';
import { defaultDirs, PROJECT_ROOT } from '../src/pipeline/site.ts';

const production = process.argv.includes('--production') || process.env['SOZIALATLAS_PRODUCTION'] === '1';
const atlasDir = resolve(process.env.ATLAS_DIR ?? PROJECT_ROOT);
const { cacheDir } = defaultDirs(atlasDir, { cacheDir: process.env.CACHE_DIR });
const r = await runPipeline({ atlasDir, cacheDir, validateOnly: true, production });
console.log(`Geprüft: ${atlasDir}`);
console.log(formatProblemLog(r.log));
if (!production && (r.release?.length ?? 0) > 0) {
  console.log('Vor einer Veröffentlichung auszufüllen (npm run build -- --production bricht sonst ab):');
  for (const p of r.release ?? []) console.log(formatProblem(p));
}
const differing = (r.checks ?? []).filter((c) => Math.abs(c.diff) > 1e-9);
if (r.checks?.length)
  console.log(
    `Abgleich mit veröffentlichten Tabellen: ${r.checks.length} Werte verglichen, ${differing.length} abweichend.`,
  );
if (!r.log.hasErrors) console.log(`In Ordnung: ${r.pages} Gebiete.`);
process.exit(r.log.hasErrors ? 1 : 0);
