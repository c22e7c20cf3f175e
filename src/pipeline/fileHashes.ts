/**
 * Content hashes of files, remembered between builds by each file's size, modification time (ns) and inode, as
 * git's index does. An incremental build hashes the artifacts (449 MB in the demo, see incremental.ts); most of
 * them are unchanged or hard links of unchanged files (outputReuse.ts), and need not be read again.
 *
 * A file whose modification time lies within {@link RACY_MS} of the moment its hash was taken is not remembered
 * (it could still change within the same time stamp, git's "racy" case): it is read again by the next build.
 */
import { createHash } from 'node:crypto';
import { statSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';

/** A modification time this close to "now" is not trusted as a key. */
export const RACY_MS = 2000;

interface Entry {
  /** `size:mtimeNs:ino` of the file when it was hashed. */
  key: string;
  hash: string;
}

/** SHA-1 (base64) of bytes: the hash every caller of {@link FileHashes} gets. */
export function contentHash(bytes: Uint8Array): string {
  return createHash('sha1').update(bytes).digest('base64');
}

export class FileHashes {
  /** Files whose hash was read from the store, and files read and hashed, in this build. */
  reused = 0;
  hashed = 0;
  private readonly next = new Map<string, Entry>();

  private readonly file: string | undefined;
  private readonly known: ReadonlyMap<string, Entry>;

  private constructor(file: string | undefined, known: ReadonlyMap<string, Entry>) {
    this.file = file;
    this.known = known;
  }

  /** The store in `file` (none: nothing is remembered, every file is read). An unreadable store counts as empty. */
  static async open(file: string | undefined): Promise<FileHashes> {
    if (!file) return new FileHashes(undefined, new Map());
    try {
      const data = JSON.parse(await readFile(file, 'utf8')) as Record<string, Entry>;
      return new FileHashes(file, new Map(Object.entries(data)));
    } catch {
      return new FileHashes(file, new Map());
    }
  }

  /**
   * The content hash of the file at `path` (absolute); from the store when the file's size, time and inode are as
   * they were, else read.
   */
  async hash(path: string): Promise<string> {
    // Synchronously: most files are known, and a promise per stat cost more than the stat (incremental.ts).
    const s = statSync(path, { bigint: true });
    const key = `${s.size}:${s.mtimeNs}:${s.ino}`;
    const known = this.known.get(path);
    let hash: string;
    if (known?.key === key) {
      hash = known.hash;
      this.reused++;
    } else {
      hash = contentHash(await readFile(path));
      this.hashed++;
    }
    if (Date.now() - Number(s.mtimeMs) > RACY_MS) this.next.set(path, { key, hash });
    return hash;
  }

  /** Writes the hashes taken in this build (only those: files no longer asked for are forgotten). */
  async save(): Promise<void> {
    if (!this.file) return;
    await mkdir(dirname(this.file), { recursive: true });
    await writeFile(this.file, JSON.stringify(Object.fromEntries(this.next)));
  }
}
