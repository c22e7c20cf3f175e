/**
 * The change report: compares the atlas at a git ref with the working tree.
 * Usage: npm run diff -- <git-ref> [--json]   ·   ATLAS_DIR=../meine-stadt npm run diff -- origin/main
 * Prints Markdown (for a pull-request comment or a CI job summary) or, with --json, the report as JSON.
 * Exit code 2 for an unknown ref, 1 when either state of the atlas is invalid.
 */
import { resolve } from 'node:path';
import { formatDiffMarkdown } from '../src/lib/diff/formatDiff.ts';
import { AtlasError } from '../src/lib/problems.ts';
import { runDiff } from '../src/pipeline/diff.ts';
import { PROJECT_ROOT } from '../src/pipeline/site.ts';

const args = process.argv.slice(2);
const json = args.includes('--json');
const ref = args.find((a) => !a.startsWith('--'));
if (!ref) {
  console.error('Aufruf: npm run diff -- <git-ref> [--json]   (z. B. npm run diff -- origin/main)');
  process.exit(2);
}
try {
  const diff = await runDiff({ atlasDir: resolve(process.env.ATLAS_DIR ?? PROJECT_ROOT), ref });
  console.log(json ? JSON.stringify(diff, null, 1) : formatDiffMarkdown(diff, ref));
} catch (e) {
  if (e instanceof AtlasError) {
    console.error(`FEHLER: ${e.message}`);
    process.exit(e.exitCode);
  }
  throw e;
}
