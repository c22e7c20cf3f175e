/**
 * Writes the registry of published addresses (`published-urls.txt` in the atlas folder) from a built site.
 * Usage: npm run build && npm run urls   ·   ATLAS_DIR=../meine-stadt OUT_DIR=dist npm run urls
 * Commit the file: a later build fails when one of its addresses disappears without a redirect.
 */
import { join, resolve } from 'node:path';
import { PROJECT_ROOT } from '../src/pipeline/site.ts';
import { writeUrlRegistry } from '../src/pipeline/urlRegistry.ts';

const atlasDir = resolve(process.env.ATLAS_DIR ?? PROJECT_ROOT);
const outDir = resolve(process.env.OUT_DIR ?? join(PROJECT_ROOT, 'dist'));
const n = await writeUrlRegistry(atlasDir, outDir);
console.log(`${n} Adressen aus ${outDir} in ${join(atlasDir, 'published-urls.txt')} geschrieben.`);
