/**
 * Validates an atlas folder without building the site: config, boundaries, tables, derived values.
 * Lists every problem as `file:line: Feld "x": message` with a hint, and exits 1 when there are errors.
 * Usage: npm run check   ·   ATLAS_DIR=../meine-stadt npm run check
 *   --json     the problems as JSON (for CI and editors' tools)
 *   --github   GitHub Actions annotations (`::error file=…,line=…::…`) as well, so a pull request shows each problem
 *              at its line; ATLAS_PATH (the atlas folder in the repository, e.g. "atlas/") prefixes the file names.
 */
import { resolve } from 'node:path';
import { githubAnnotations, problemsJson } from '../src/lib/ciAnnotations.ts';
import { formatProblemLog } from '../src/lib/problems.ts';
import { runPipeline } from '../src/pipeline/build.ts';
import { PROJECT_ROOT } from '../src/pipeline/site.ts';

const args = process.argv.slice(2);
const atlasDir = resolve(process.env.ATLAS_DIR ?? PROJECT_ROOT);
const r = await runPipeline({ atlasDir, cacheDir: resolve(PROJECT_ROOT, '.atlas'), validateOnly: true });
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
  if (r.checks?.length)
    console.log(
      `Abgleich mit veröffentlichten Tabellen: ${r.checks.length} Werte verglichen, ${differing.length} abweichend.`,
    );
  if (!r.log.hasErrors) console.log(`In Ordnung: ${r.pages} Gebiete.`);
}
if (args.includes('--github'))
  for (const line of githubAnnotations(r.log.problems, process.env.ATLAS_PATH ?? '')) console.log(line);
process.exit(r.log.hasErrors ? 1 : 0);
