/**
 * `npm run check:links [dist]`: offline link check of the built site (RELIABILITY.md §6.1). Exit code 1 on broken
 * internal links or anchors; external links are only listed in .atlas/external-links.txt.
 */
import { availableParallelism } from 'node:os';
import path from 'node:path';
import { checkSiteLinks, writeExternalLinksReport } from '../src/pipeline/siteLinks.ts';

async function main(): Promise<number> {
  const distDir = process.argv[2] ?? 'dist';
  const { broken, external } = await checkSiteLinks(distDir, { workers: availableParallelism() });
  const reportFile = await writeExternalLinksReport(distDir, external);
  const externalUrls = new Set(external.map((link) => link.href)).size;
  console.log(`${externalUrls} external urls listed in ${path.relative(process.cwd(), reportFile)} (not checked).`);
  if (broken.length === 0) {
    console.log(`No broken internal links or anchors in ${distDir}/.`);
    return 0;
  }
  console.error(`${broken.length} broken internal links or anchors in ${distDir}/:`);
  for (const link of broken) console.error(`  ${link.page}: ${link.element ?? ''} "${link.href}" – ${link.reason}`);
  return 1;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(2);
  },
);
