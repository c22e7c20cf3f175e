/**
 * The output before last made into the next output (README "Incremental builds").
 *
 * An incremental build publishes a folder that shares most files with the published one by hard link. Linking
 * 17,000 pages into a new folder, and removing the folder before last (35,000 entries) beside the data stages, cost a
 * demo rebuild 2 to 3 s of waiting for the file system. The folder before last already holds most of those links: a
 * file that is still the same file (inode) as the one to share is kept, every other entry is removed, the missing
 * links are made, and the files written for this build are moved in.
 *
 * Nothing here writes into a file: it only removes, links, renames and makes folders. A kept file is the very file
 * of the published site (or of the public folder), so the published site is never touched, whatever state the
 * folder before last is in (also after a build that failed halfway through this step).
 */
import { lstatSync, type Stats } from 'node:fs';
import { mkdir, readdir, rename, rm, rmdir } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { mapLimit } from '../lib/mapLimit.ts';
import { linkFiles } from './incremental.ts';

/** File operations under way at once. */
const FS_WIDTH = 64;

export interface RecycleCounts {
  /** Files already shared, left as they were. */
  kept: number;
  /** Entries removed (stale files and folders, links no longer shared). */
  removed: number;
  /** Links made. */
  linked: number;
  /** Files moved in from the fresh folder. */
  moved: number;
}

/**
 * Makes `tree` (missing, empty or the output before last) hold exactly: every file of `shared` as a hard link of the
 * same path in the folder named there, and every file of `freshFiles` moved from `fresh`. A path in both is the
 * caller's error (checked before). Empty folders left behind are removed.
 */
export async function recycleTree(o: {
  tree: string;
  /** Relative path (forward slashes) → the folder holding the file to share. */
  shared: ReadonlyMap<string, string>;
  fresh: string;
  /** Files of `fresh` (relative, forward slashes). */
  freshFiles: readonly string[];
}): Promise<RecycleCounts> {
  const { entries, folders: walked } = await walk(o.tree);
  const wanted = new Set([...o.shared.keys(), ...o.freshFiles]);
  const kept = new Set<string>();
  const stale: string[] = [];
  /** Folders that may be empty once the stale entries are gone. */
  const emptied = new Set<string>(walked.filter((f) => f.entries === 0).map((f) => f.path));
  for (const { path, dir } of entries) {
    const from = o.shared.get(path);
    if (!dir && from !== undefined && sameFile(lstatOf(join(o.tree, path)), lstatOf(join(from, path)))) {
      kept.add(path);
      continue;
    }
    // A folder is stale when a file takes its place; its content is walked (and judged) on its own otherwise.
    if (dir && !wanted.has(path)) continue;
    stale.push(path);
  }
  // Removed before anything is made: a stale file may stand where a folder is needed, and the other way round.
  await mapLimit(stale, FS_WIDTH, async (path) => {
    await rm(join(o.tree, path), { recursive: true, force: true });
    emptied.add(parentOf(path));
  });

  // The missing links, by the folder they share a file with (linkFiles makes the folders, and copies across devices).
  const toLink = new Map<string, string[]>();
  for (const [path, from] of o.shared)
    if (!kept.has(path)) (toLink.get(from) ?? toLink.set(from, []).get(from))?.push(path);
  for (const [from, paths] of toLink) await linkFiles(from, o.tree, paths);
  const folders = new Set(o.freshFiles.map((path) => dirname(join(o.tree, path))));
  await mapLimit([...folders], FS_WIDTH, (folder) => mkdir(folder, { recursive: true }));
  await mapLimit(o.freshFiles, FS_WIDTH, (path) => rename(join(o.fresh, path), join(o.tree, path)));

  await removeEmptyFolders(o.tree, emptied);
  return { kept: kept.size, removed: stale.length, linked: o.shared.size - kept.size, moved: o.freshFiles.length };
}

function parentOf(path: string): string {
  const i = path.lastIndexOf('/');
  return i < 0 ? '' : path.slice(0, i);
}

function lstatOf(path: string): Stats | undefined {
  return lstatSync(path, { throwIfNoEntry: false });
}

function sameFile(a: Stats | undefined, b: Stats | undefined): boolean {
  return !!a && !!b && a.isFile() && a.ino === b.ino && a.dev === b.dev;
}

/**
 * Every entry below `dir` (files, links and other entries, and folders), relative with forward slashes; and each
 * folder's number of entries. A missing `dir` is made (and is empty).
 */
async function walk(dir: string): Promise<{
  entries: { path: string; dir: boolean }[];
  folders: { path: string; entries: number }[];
}> {
  // Whatever stands there that is not a folder (a file, a link) is not an output to recycle.
  if (lstatOf(dir)?.isDirectory() === false) await rm(dir, { force: true });
  await mkdir(dir, { recursive: true });
  const entries: { path: string; dir: boolean }[] = [];
  const folders: { path: string; entries: number }[] = [];
  let level = [''];
  while (level.length > 0) {
    const listed = await mapLimit(level, FS_WIDTH, (rel) =>
      readdir(rel ? join(dir, rel) : dir, { withFileTypes: true }),
    );
    const next: string[] = [];
    level.forEach((rel, i) => {
      const found = listed[i] ?? [];
      if (rel) folders.push({ path: rel, entries: found.length });
      for (const e of found) {
        const path = rel ? `${rel}/${e.name}` : e.name;
        const isDir = e.isDirectory();
        entries.push({ path, dir: isDir });
        if (isDir) next.push(path);
      }
    });
    level = next;
  }
  return { entries, folders };
}

/** Removes each folder of `candidates` (and then its parents) that is empty; never the tree itself. */
async function removeEmptyFolders(tree: string, candidates: ReadonlySet<string>): Promise<void> {
  let level = [...candidates].filter(Boolean);
  while (level.length > 0) {
    const removed = await mapLimit(level, FS_WIDTH, (path) =>
      rmdir(join(tree, path)).then(
        () => true,
        (e: NodeJS.ErrnoException) => {
          if (['ENOTEMPTY', 'EEXIST', 'ENOENT', 'ENOTDIR'].includes(e.code ?? '')) return false;
          throw e;
        },
      ),
    );
    level = [...new Set(level.filter((_, i) => removed[i]).map(parentOf))].filter(Boolean);
  }
}
