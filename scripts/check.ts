/**
 * Validates an atlas folder without building the site: config, boundaries, tables, derived values.
 * Lists every problem as `file:line: Feld "x": message` with a hint, and exits 1 when there are errors.
 * Usage: npm run check   ·   ATLAS_DIR=../meine-stadt npm run check   ·   npm run check -- --production
 *   --production  also fails on what must be filled in before a public deployment (placeholders, example siteUrl)
 *   --json        the problems as JSON (for CI and editors' tools)
 *   --github      GitHub Actions annotations (`::error file=…,line=…::…`) as well, so a pull request shows each problem
 *                 at its line; ATLAS_PATH (the atlas folder in the repository, e.g. "atlas/") prefixes the file names.
 */
import { resolve } from 'node:path';
import { githubAnnotations, problemsJson } from '../src/lib/ciAnnotations.ts';
import { formatProblem, formatProblemLog } from '../src/lib/problems.ts';
import { runPipeline } from '../src/pipeline/build.ts';
import { defaultDirs, PROJECT_ROOT } from '../src/pipeline/site.ts';

const args = process.argv.slice(2);
const production = args.includes('--production') || process.env['SOZIALATLAS_PRODUCTION'] === '1';
const atlasDir = resolve(process.env.ATLAS_DIR ?? PROJECT_ROOT);
const { cacheDir } = defaultDirs(atlasDir, { cacheDir: process.env.CACHE_DIR });
const r = await runPipeline({ atlasDir, cacheDir, validateOnly: true, production });
const differing = (r.checks ?? []).filter((c) => Math.abs(c.diff) > 1e-9);
if (args.includes('--json')) {
  console.log(
    problemsJson(r.log.problems, {
      atlas: atlasDir,
      units: r.pages,
      compared: r.checks?.length ?? 0,
      differing: differing.length,
    }),
  );
} else {
  console.log(`Geprüft: ${atlasDir}`);
  console.log(formatProblemLog(r.log));
  if (!production && (r.release?.length ?? 0) > 0) {
    console.log('Vor einer Veröffentlichung auszufüllen (npm run build -- --production bricht sonst ab):');
    for (const p of r.release ?? []) console.log(formatProblem(p));
  }
  if (r.checks?.length)
    console.log(
      `Abgleich mit veröffentlichten Tabellen: ${r.checks.length} Werte verglichen, ${differing.length} abweichend.`,
    );
  if (!r.log.hasErrors) console.log(`In Ordnung: ${r.pages} Gebiete.`);
}
if (args.includes('--github'))
  for (const line of githubAnnotations(r.log.problems, process.env.ATLAS_PATH ?? '')) console.log(line);
process.exit(r.log.hasErrors ? 1 : 0);
