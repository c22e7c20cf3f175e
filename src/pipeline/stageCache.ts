import { createHash } from 'node:crypto';
import { access, mkdir, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { listFiles } from './listFiles.ts';

/**
 * A content-addressed cache of stage results between builds (the incremental part of `npm run build`).
 *
 * Results are stored under `<dir>/<namespace>/<key>.json`, where the key is a hash of everything the result depends
 * on: the input bytes and the code that computes it ({@link codeFingerprint}). A changed input gives a new key, so an
 * entry is never stale, only unused; {@link StageCache.prune} removes the unused ones at the end of a build. With
 * `dir` undefined the cache is off (every `get` misses, `put` does nothing).
 *
 * A *packed* namespace keeps all its entries in one file, `<dir>/<namespace>.pack.json`, read once when the first
 * entry is asked for and written by {@link StageCache.save}: for thousands of small entries (one per facility file),
 * whose reads one by one took a second of every rebuild of the demo. Keys and semantics are the same.
 */
export class StageCache {
  /** Entries read from the cache in this build. */
  hits = 0;
  /** Entries that had to be computed. */
  misses = 0;
  private readonly used = new Set<string>();
  private readonly made = new Set<string>();
  /** A packed namespace's entries (read on first use), whether this build added one, and how many it dropped. */
  private pack: Promise<Map<string, unknown>> | undefined;
  private packChanged = false;
  private packDropped = 0;

  readonly dir: string | undefined;
  readonly namespace: string;
  readonly packed: boolean;

  constructor(dir: string | undefined, namespace: string, packed = false) {
    this.dir = dir;
    this.namespace = namespace;
    this.packed = packed;
  }

  /** The stored value for `key`, or undefined (also when the cache is off or the entry unreadable). */
  async get<T>(key: string): Promise<T | undefined> {
    if (!this.dir) return undefined;
    this.used.add(key);
    if (this.packed) {
      const value = (await this.readPack()).get(key) as T | undefined;
      if (value === undefined) this.misses++;
      else this.hits++;
      return value;
    }
    return (await this.readEntry<T>(key))?.value;
  }

  /** True when an entry for `key` exists (counts neither as hit nor as miss). */
  async has(key: string): Promise<boolean> {
    if (!this.dir) return false;
    if (this.packed) return (await this.readPack()).has(key);
    try {
      await access(this.file(key));
      return true;
    } catch {
      return false;
    }
  }

  /**
   * Keeps the entry for `key` for later builds without reading it (its output was taken over whole, see
   * outputReuse.ts); counts as a hit when it exists.
   */
  async keep(key: string): Promise<void> {
    if (!(await this.has(key))) return;
    this.used.add(key);
    this.hits++;
  }

  /** Entries another thread computed in this build and this cache then read: count them as computed, not reused. */
  countAsComputed(n: number): void {
    this.hits -= n;
    this.misses += n;
  }

  /**
   * The stored value for `key` with its JSON text as stored (for a caller that writes the text on), or undefined.
   * A packed namespace keeps values, not texts: there the text is made anew.
   */
  async getWithJson<T>(key: string): Promise<{ value: T; json: string } | undefined> {
    if (!this.dir) return undefined;
    if (this.packed) {
      const value = await this.get<T>(key);
      return value === undefined ? undefined : { value, json: JSON.stringify(value) };
    }
    this.used.add(key);
    return this.readEntry<T>(key);
  }

  /** An unpacked entry's text and value, counted as hit or miss (a missing or unreadable entry is a miss). */
  private async readEntry<T>(key: string): Promise<{ value: T; json: string } | undefined> {
    try {
      const json = await readFile(this.file(key), 'utf8');
      const value = JSON.parse(json) as T;
      this.hits++;
      return { value, json };
    } catch {
      this.misses++;
      return undefined;
    }
  }

  /**
   * Stores `value` (JSON) under `key`.
   * @param json `JSON.stringify(value)` when the caller has it already (it is written as given).
   */
  async put(key: string, value: unknown, json?: string): Promise<void> {
    if (!this.dir) return;
    this.used.add(key);
    if (this.packed) {
      (await this.readPack()).set(key, value);
      this.packChanged = true;
      return;
    }
    const folder = join(this.dir, this.namespace);
    if (!this.made.has(folder)) {
      await mkdir(folder, { recursive: true });
      this.made.add(folder);
    }
    await writeFile(this.file(key), json ?? JSON.stringify(value));
  }

  /**
   * Writes a packed namespace's file with the entries this build read or wrote (so it is pruned as well), when it
   * added one or left one unused; a no-op for other namespaces. The file is written beside and renamed, so a build
   * that stops halfway leaves the previous pack.
   */
  async save(): Promise<void> {
    if (!this.dir || !this.packed || !this.pack) return;
    const pack = await this.pack;
    const kept = [...pack].filter(([key]) => this.used.has(key));
    if (!this.packChanged && kept.length === pack.size) return;
    const file = this.packFile();
    await mkdir(this.dir, { recursive: true });
    await writeFile(`${file}.tmp`, JSON.stringify(Object.fromEntries(kept)));
    await rename(`${file}.tmp`, file);
    this.pack = Promise.resolve(new Map(kept));
    this.packChanged = false;
    this.packDropped += pack.size - kept.length;
  }

  /** Deletes the entries of this namespace that this build neither read nor wrote. @returns how many. */
  async prune(): Promise<number> {
    if (!this.dir) return 0;
    if (this.packed) {
      await this.save();
      // Entries kept one by one (by an earlier version) are not read any more.
      await rm(join(this.dir, this.namespace), { recursive: true, force: true });
      return this.packDropped;
    }
    let names: string[];
    try {
      names = await readdir(join(this.dir, this.namespace));
    } catch {
      return 0;
    }
    const stale = names.filter((n) => n.endsWith('.json') && !this.used.has(n.slice(0, -5)));
    await Promise.all(stale.map((n) => rm(join(this.dir as string, this.namespace, n), { force: true })));
    return stale.length;
  }

  private file(key: string): string {
    return join(this.dir as string, this.namespace, `${key}.json`);
  }

  private packFile(): string {
    return join(this.dir as string, `${this.namespace}.pack.json`);
  }

  /** A packed namespace's entries, read once; empty when the file is missing or unreadable. */
  private readPack(): Promise<Map<string, unknown>> {
    this.pack ??= readFile(this.packFile(), 'utf8')
      .then((text) => new Map(Object.entries(JSON.parse(text) as Record<string, unknown>)))
      .catch(() => new Map<string, unknown>());
    return this.pack;
  }
}

/** SHA-256 (hex, 40 characters) over the parts, each length-prefixed so that ["ab","c"] ≠ ["a","bc"]. */
export function hashParts(parts: readonly (string | Uint8Array)[]): string {
  const h = createHash('sha256');
  for (const p of parts) {
    const bytes = typeof p === 'string' ? Buffer.from(p, 'utf8') : p;
    h.update(`${bytes.length}:`);
    h.update(bytes);
  }
  return h.digest('hex').slice(0, 40);
}

/**
 * A hash of the code that computes stage results: every file below `src/lib`, `src/i18n` (texts in page models), `src/pipeline` and `src/schemas` of
 * `projectRoot`, plus `package-lock.json` (a library update can change output). Any code change invalidates the cache.
 */
export async function codeFingerprint(projectRoot: string): Promise<string> {
  return filesFingerprint(projectRoot, ['src/lib', 'src/i18n', 'src/pipeline', 'src/schemas'], ['package-lock.json']);
}

/**
 * A hash of the code and settings that render pages (an incremental site build reuses a published page only while
 * it is unchanged): all of `src/`, the library patches, `astro.config.mjs`, `tsconfig.json` and `package-lock.json`.
 */
export async function siteCodeFingerprint(projectRoot: string): Promise<string> {
  return filesFingerprint(
    projectRoot,
    ['src', 'patches'],
    ['astro.config.mjs', 'tsconfig.json', 'package.json', 'package-lock.json'],
  );
}

/** A hash over the names and bytes of every file below `folders` and of `files` (a missing one counts as empty). */
async function filesFingerprint(
  projectRoot: string,
  folders: readonly string[],
  extra: readonly string[],
): Promise<string> {
  const files: string[] = [];
  for (const folder of folders)
    for (const f of await listFiles(join(projectRoot, folder)).catch(() => [])) files.push(`${folder}/${f}`);
  files.sort();
  files.push(...extra);
  const parts: (string | Uint8Array)[] = [];
  for (const f of files) {
    parts.push(f);
    try {
      parts.push(await readFile(join(projectRoot, f)));
    } catch {
      parts.push('');
    }
  }
  return hashParts(parts);
}
