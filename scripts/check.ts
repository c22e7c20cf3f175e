/**
 * Validates an atlas folder without building the site: config, boundaries, tables, derived values.
 * Lists every problem as `file:line: Feld "x": message` with a hint, and exits 1 when there are errors.
 * Usage: npm run check   ·   ATLAS_DIR=../meine-stadt npm run check
 */
import { resolve } from 'node:path';
import { formatProblemLog } from '../src/lib/problems.ts';
import { runPipeline } from '../src/pipeline/build.ts';
import { PROJECT_ROOT } from '../src/pipeline/site.ts';

const atlasDir = resolve(process.env.ATLAS_DIR ?? PROJECT_ROOT);
const r = await runPipeline({ atlasDir, cacheDir: resolve(PROJECT_ROOT, '.atlas'), validateOnly: true });
console.log(`Geprüft: ${atlasDir}`);
console.log(formatProblemLog(r.log));
const differing = (r.checks ?? []).filter((c) => Math.abs(c.diff) > 1e-9);
if (r.checks?.length)
  console.log(
    `Abgleich mit veröffentlichten Tabellen: ${r.checks.length} Werte verglichen, ${differing.length} abweichend.`,
  );
if (!r.log.hasErrors) console.log(`In Ordnung: ${r.pages} Gebiete.`);
process.exit(r.log.hasErrors ? 1 : 0);
