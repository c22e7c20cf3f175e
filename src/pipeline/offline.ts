/**
 * Post-Astro step of the site build: writes the offline bundle into the built site (README "Offline use").
 *
 * - `/data/offline/manifest-de.json`, `-en.json`: what the worker precaches per language, with size and version,
 * - `/sw.js`: the service worker (`src/client/serviceWorker.js`) with the build's version in its first line, so
 *   browsers see a new worker whenever a bundled file changed.
 *
 * Nothing is written for an atlas without a facility directory (the save button lives on the directory pages).
 */
import { createHash } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { listFiles } from './listFiles.ts';
import { contentHash } from './fileHashes.ts';
import { fileURLToPath } from 'node:url';
import {
  bundleManifest,
  manifestUrl,
  selectBundleFiles,
  type BuiltFile,
  type OfflineManifest,
} from '../lib/offline/bundle.ts';
import type { SiteData } from './stages/publish.ts';
import type { EditorsMeta } from './stages/publishEditors.ts';
import { mapLimit } from '../lib/mapLimit.ts';

/** The worker's source; `__SOZIALATLAS_OFFLINE_VERSION__` is replaced by the build's version. */
export const SERVICE_WORKER_SOURCE = fileURLToPath(new URL('../client/serviceWorker.js', import.meta.url));
const VERSION_PLACEHOLDER = '__SOZIALATLAS_OFFLINE_VERSION__';

/** What the step wrote, for the build log. */
export interface OfflineBundleResult {
  manifests: OfflineManifest[];
  /** The files the step wrote, relative to the output, with forward slashes. */
  written: string[];
}

/**
 * Writes the offline files into `outDir` (the built site); returns undefined without a facility directory.
 * @param o.gzipSizes a JSON file that keeps each bundled file's gzip size by content hash between builds (the
 *   download estimate gzips ~35 MB otherwise); none: every file is compressed.
 * @param o.files the files of `outDir` (relative, forward slashes) if already listed; else they are listed.
 */
export async function writeOfflineBundle(
  outDir: string,
  cacheDir: string,
  o: { gzipSizes?: string | undefined; files?: readonly string[] | undefined } = {},
): Promise<OfflineBundleResult | undefined> {
  const site = JSON.parse(await readFile(join(cacheDir, 'build', 'site.json'), 'utf8')) as SiteData;
  if (!site.facilities) return undefined;
  // The saved state the offline pages name: the facility data's date (latest confirmation or retrieval), not the
  // statistics' Stichtag.
  const meta = (await readFile(join(cacheDir, 'build', 'editors', 'meta.json'), 'utf8').then(
    (t) => JSON.parse(t) as EditorsMeta,
    () => undefined,
  )) satisfies EditorsMeta | undefined;
  const dataDate = meta?.facilitiesDataDate ?? site.atlas.dataDate;
  await mkdir(join(outDir, 'data', 'offline'), { recursive: true });
  const written: string[] = [];
  const listed = new Set(o.files ?? (await listFiles(outDir)));
  // Each file of either language's bundle read once, many at a time (one after another, twice, they took half a
  // second in the demo); its size is that of its bytes.
  const paths = selectedPaths(listed);
  const contents = await readContents(outDir, paths);
  const files: BuiltFile[] = paths.map((path) => ({ path, bytes: contents.get(path)?.bytes.length ?? 0 }));
  const manifests: OfflineManifest[] = [];
  const sizes = o.gzipSizes ? await readSizes(o.gzipSizes) : new Map<string, number>();
  const used = new Map<string, number>();
  for (const lang of ['de', 'en'] as const) {
    const selected = selectBundleFiles(files, lang);
    const { hash, gzipBytes } = hashAndCompress(contents, selected, sizes, used);
    const manifest = bundleManifest(selected, lang, dataDate, hash, gzipBytes);
    manifests.push(manifest);
    await writeNew(join(outDir, manifestUrl(lang).slice(1)), JSON.stringify(manifest, null, 1));
    written.push(manifestUrl(lang).slice(1));
  }
  const source = await readFile(SERVICE_WORKER_SOURCE, 'utf8');
  const version = createHash('sha256')
    .update(manifests.map((m) => m.version).join('\n'))
    .update(source)
    .digest('hex')
    .slice(0, 12);
  await writeNew(join(outDir, 'sw.js'), source.replace(VERSION_PLACEHOLDER, version));
  written.push('sw.js');
  if (o.gzipSizes) {
    await mkdir(dirname(o.gzipSizes), { recursive: true });
    await writeFile(o.gzipSizes, JSON.stringify(Object.fromEntries(used)));
  }
  return { manifests, written };
}

/**
 * Writes a new file at `path`: one of the same name (a file of public/, linked into the output) is unlinked first,
 * so the write never reaches the file it shares with the cache folder.
 */
async function writeNew(path: string, data: string): Promise<void> {
  await rm(path, { force: true });
  await writeFile(path, data);
}

/** The files of either language's bundle among `files` (the selection goes by path alone). */
function selectedPaths(files: ReadonlySet<string>): string[] {
  const all = [...files].map((path) => ({ path, bytes: 0 }));
  return [...new Set((['de', 'en'] as const).flatMap((lang) => selectBundleFiles(all, lang).map((f) => f.path)))];
}

/** The bytes of `paths` (relative to `root`) with their content hashes, read {@link READ_WIDTH} at a time. */
async function readContents(
  root: string,
  paths: readonly string[],
): Promise<Map<string, { bytes: Uint8Array; content: string }>> {
  const read = await mapLimit(paths, READ_WIDTH, async (path) => {
    const bytes = await readFile(join(root, path));
    return { bytes, content: contentHash(bytes) };
  });
  return new Map(paths.map((path, i) => [path, read[i] as { bytes: Uint8Array; content: string }]));
}

/** Files read at once by {@link readContents}. */
const READ_WIDTH = 16;

/**
 * A short hash over the urls and contents of the selected files, and their gzip size (the download estimate). A
 * file's gzip size is taken from `known` by the hash of its content when there, else computed; `used` collects them.
 */
function hashAndCompress(
  contents: ReadonlyMap<string, { bytes: Uint8Array; content: string }>,
  files: readonly BuiltFile[],
  known: ReadonlyMap<string, number>,
  used: Map<string, number>,
): { hash: string; gzipBytes: number } {
  const h = createHash('sha256');
  let gzipBytes = 0;
  for (const f of files) {
    const { bytes, content } = contents.get(f.path) as { bytes: Uint8Array; content: string };
    h.update(f.path).update('\0').update(bytes).update('\0');
    const size = used.get(content) ?? known.get(content) ?? gzipSync(bytes, { level: 6 }).length;
    used.set(content, size);
    gzipBytes += size;
  }
  return { hash: h.digest('hex').slice(0, 12), gzipBytes };
}

/** The gzip sizes kept by an earlier build (none when the file is missing or unreadable). */
async function readSizes(file: string): Promise<Map<string, number>> {
  try {
    return new Map(Object.entries(JSON.parse(await readFile(file, 'utf8')) as Record<string, number>));
  } catch {
    return new Map();
  }
}
