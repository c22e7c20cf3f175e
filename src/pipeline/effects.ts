import { cp, mkdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { listFiles } from './listFiles.ts';

/**
 * All I/O of the pipeline goes through effects (as in Observable Framework's BuildEffects),
 * so stages can be tested in memory and the build writes only where it means to.
 */
export interface Effects {
  /** Reads a file of the atlas folder (path relative to it). */
  readBytes(path: string): Promise<Uint8Array>;
  readText(path: string): Promise<string>;
  exists(path: string): Promise<boolean>;
  /** Files below a folder of the atlas, relative paths, sorted. */
  list(path: string): Promise<string[]>;
  /** Writes an artifact (path relative to the output folder). */
  write(path: string, data: string | Uint8Array): Promise<void>;
  /** Removes a file or folder below the output folder (`''`: the output folder itself); nothing when missing. */
  remove(path: string): Promise<void>;
  /** Creates a folder below the output folder (`''`: the output folder itself), with its parents. */
  makeDir(path: string): Promise<void>;
  /** Copies the folder `from` (of the project, outside the atlas folder) to `to` below the output folder. */
  copyDir(from: string, to: string): Promise<void>;
  /** Moves the finished output folder to `target`, replacing what was there (the build becomes visible at once). */
  moveOutput(target: string): Promise<void>;
  log(message: string): void;
}

/** Effects on the real file system: reads from `atlasDir`, writes below `outDir`. */
export class FileEffects implements Effects {
  readonly atlasDir: string;
  readonly outDir: string;
  private readonly logger: (m: string) => void;

  constructor(atlasDir: string, outDir: string, logger: (m: string) => void = (m) => process.stderr.write(`${m}\n`)) {
    this.atlasDir = atlasDir;
    this.outDir = outDir;
    this.logger = logger;
  }

  async readBytes(path: string): Promise<Uint8Array> {
    return new Uint8Array(await readFile(join(this.atlasDir, path)));
  }

  async readText(path: string): Promise<string> {
    return readFile(join(this.atlasDir, path), 'utf8');
  }

  async exists(path: string): Promise<boolean> {
    try {
      await stat(join(this.atlasDir, path));
      return true;
    } catch {
      return false;
    }
  }

  async list(path: string): Promise<string[]> {
    if (!(await this.exists(path))) return [];
    return (await listFiles(join(this.atlasDir, path))).map((f) => join(path, f));
  }

  /** Folders this object created and has not removed since: a build writes ~20,000 files into a few hundred. */
  private readonly made = new Set<string>();

  async write(path: string, data: string | Uint8Array): Promise<void> {
    const full = resolve(this.outDir, path);
    const folder = dirname(full);
    if (!this.made.has(folder)) {
      await mkdir(folder, { recursive: true });
      this.made.add(folder);
    }
    await writeFile(full, data);
  }

  async remove(path: string): Promise<void> {
    this.made.clear();
    await rm(resolve(this.outDir, path), { recursive: true, force: true });
  }

  async makeDir(path: string): Promise<void> {
    await mkdir(resolve(this.outDir, path), { recursive: true });
  }

  async copyDir(from: string, to: string): Promise<void> {
    await cp(from, resolve(this.outDir, to), { recursive: true });
  }

  async moveOutput(target: string): Promise<void> {
    this.made.clear();
    await rm(target, { recursive: true, force: true });
    await rename(this.outDir, target);
  }

  log(message: string): void {
    this.logger(message);
  }
}

/**
 * In-memory effects for tests: `files` are the atlas folder (and the folders `copyDir` copies from), `written`
 * collects artifacts, `movedTo` is where `moveOutput` moved them.
 */
export class MemoryEffects implements Effects {
  readonly written = new Map<string, string | Uint8Array>();
  readonly messages: string[] = [];
  movedTo: string | undefined;

  readonly files: Map<string, string | Uint8Array>;

  constructor(files: Map<string, string | Uint8Array>) {
    this.files = files;
  }

  async readBytes(path: string): Promise<Uint8Array> {
    const f = this.files.get(path);
    if (f === undefined) throw Object.assign(new Error(`ENOENT: ${path}`), { code: 'ENOENT' });
    return typeof f === 'string' ? new TextEncoder().encode(f) : f;
  }

  async readText(path: string): Promise<string> {
    return new TextDecoder().decode(await this.readBytes(path));
  }

  async exists(path: string): Promise<boolean> {
    return this.files.has(path) || [...this.files.keys()].some((k) => k.startsWith(`${path}/`));
  }

  async list(path: string): Promise<string[]> {
    return [...this.files.keys()].filter((k) => k.startsWith(`${path}/`)).sort();
  }

  async write(path: string, data: string | Uint8Array): Promise<void> {
    this.written.set(path, data);
  }

  async remove(path: string): Promise<void> {
    for (const k of [...this.written.keys()])
      if (path === '' || k === path || k.startsWith(`${path}/`)) this.written.delete(k);
  }

  async makeDir(): Promise<void> {
    // Folders exist implicitly in memory.
  }

  async copyDir(from: string, to: string): Promise<void> {
    for (const [k, v] of this.files)
      if (k.startsWith(`${from}/`)) this.written.set(`${to}/${k.slice(from.length + 1)}`, v);
  }

  async moveOutput(target: string): Promise<void> {
    this.movedTo = target;
  }

  log(message: string): void {
    this.messages.push(message);
  }
}

/**
 * Replaces folder `target` by `fresh` with two renames, so a reader never sees a half-written folder. The replaced
 * folder is removed, or with `keepOld` left as `<target>.old` (the site build removes it at its next start, beside
 * the data stages, instead of waiting for it).
 */
export async function swapDirectory(fresh: string, target: string, o: { keepOld?: boolean } = {}): Promise<void> {
  const old = `${target}.old`;
  await rm(old, { recursive: true, force: true });
  try {
    await rename(target, old);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
  }
  await rename(fresh, target);
  if (!o.keepOld) await rm(old, { recursive: true, force: true });
}
