/**
 * Artifacts taken over from the previous build instead of being written again (README "Incremental builds").
 *
 * A stage that knows a key for some of its output files (a hash of everything they are made from) notes the files
 * under that key; the build leaves the notes, with each file's size and time as published in the cache folder, in
 * `<cache>-stages/outputs/<name>.json`. The next build with the same key for the same files links them from the
 * previous output into the new one, if every one is still there as noted (same size and time); else the stage
 * writes them as usual. Unit page models (290 MB in the demo) were parsed from the stage cache and written again
 * after every facility edit; now only the units whose facility section changed are.
 */
import { statSync } from 'node:fs';
import { link, mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { Effects } from './effects.ts';
import type { StageCache } from './stageCache.ts';

interface Noted {
  key: string;
  size: number;
  mtimeMs: number;
}

export class OutputReuse {
  private readonly noted = new Map<string, string>();
  /** Folders of the next output made so far. */
  private readonly made = new Set<string>();
  /** Files taken over in this build (for the build log). */
  taken = 0;

  private readonly previous: Readonly<Record<string, Noted>>;
  /** The previous build's output (the cache folder), still in place while the pipeline writes the next. */
  private readonly previousDir: string;
  /** The output being written (the staging folder). */
  private readonly nextDir: string;
  private readonly file: string | undefined;

  private constructor(
    previous: Readonly<Record<string, Noted>>,
    previousDir: string,
    nextDir: string,
    file: string | undefined,
  ) {
    this.previous = previous;
    this.previousDir = previousDir;
    this.nextDir = nextDir;
    this.file = file;
  }

  /** The notes of the previous build named `name`; without a stage cache folder nothing is reused or noted. */
  static async open(o: {
    stagesDir: string | undefined;
    name: string;
    previousDir: string;
    nextDir: string;
  }): Promise<OutputReuse> {
    const file = o.stagesDir ? join(o.stagesDir, 'outputs', `${o.name}.json`) : undefined;
    const previous = file
      ? await readFile(file, 'utf8').then(
          (t) => JSON.parse(t) as Record<string, Noted>,
          () => ({}),
        )
      : {};
    return new OutputReuse(previous, o.previousDir, o.nextDir, file);
  }

  /**
   * Links `paths` (relative to the output) from the previous build when each was noted there under `key` and is
   * unchanged since; notes them again. False (and nothing linked) when any is not: the caller writes them.
   */
  async take(paths: readonly string[], key: string): Promise<boolean> {
    if (!this.file) return false;
    for (const path of paths) {
      const before = this.previous[path];
      if (before?.key !== key) return false;
      const s = statSync(join(this.previousDir, path), { throwIfNoEntry: false });
      if (s?.size !== before.size || s.mtimeMs !== before.mtimeMs) return false;
    }
    for (const path of paths) {
      const folder = dirname(join(this.nextDir, path));
      if (!this.made.has(folder)) {
        await mkdir(folder, { recursive: true });
        this.made.add(folder);
      }
      await link(join(this.previousDir, path), join(this.nextDir, path));
    }
    this.note(paths, key);
    this.taken += paths.length;
    return true;
  }

  /** Takes every file the previous build noted, when all were noted under `key` (a whole stage's output). */
  async takeAll(key: string): Promise<boolean> {
    const paths = Object.keys(this.previous);
    return paths.length > 0 && this.take(paths, key);
  }

  /** Notes files the stage wrote (or took) under `key`. */
  note(paths: readonly string[], key: string): void {
    if (!this.file) return;
    for (const path of paths) this.noted.set(path, key);
  }

  /** Writes the notes, with each file's size and time in `outputDir` (the published output). */
  async save(outputDir: string): Promise<void> {
    if (!this.file) return;
    const paths = [...this.noted.keys()].sort();
    // Synchronously: a promise per file cost more than the stat itself (see readPublished in incremental.ts).
    const stats = paths.map((p) => statSync(join(outputDir, p), { throwIfNoEntry: false }));
    const out: Record<string, Noted> = {};
    paths.forEach((p, i) => {
      const s = stats[i];
      if (s) out[p] = { key: this.noted.get(p) as string, size: s.size, mtimeMs: s.mtimeMs };
    });
    await mkdir(dirname(this.file), { recursive: true });
    await writeFile(this.file, JSON.stringify(out));
  }
}

/** Effects that pass everything on to `fx` and keep the paths written (for {@link OutputReuse.note}). */
export class RecordingEffects implements Effects {
  readonly written: string[] = [];

  private readonly fx: Effects;

  constructor(fx: Effects) {
    this.fx = fx;
  }

  readBytes = (path: string) => this.fx.readBytes(path);
  readText = (path: string) => this.fx.readText(path);
  exists = (path: string) => this.fx.exists(path);
  list = (path: string) => this.fx.list(path);
  remove = (path: string) => this.fx.remove(path);
  makeDir = (path: string) => this.fx.makeDir(path);
  copyDir = (from: string, to: string) => this.fx.copyDir(from, to);
  moveOutput = (target: string) => this.fx.moveOutput(target);
  log = (message: string) => this.fx.log(message);

  write(path: string, data: string | Uint8Array): Promise<void> {
    this.written.push(path);
    return this.fx.write(path, data);
  }
}

/**
 * A stage's whole output under `key`: its result from `cache` and its files taken from the previous build when both
 * are there; else `make` runs on effects that record what it writes, and result and files are noted under `key`.
 * An undefined result (nothing to publish) is neither stored nor noted.
 */
export async function takeOrMake<T>(
  o: { reuse: OutputReuse | undefined; cache: StageCache | undefined; key: string; fx: Effects },
  make: (fx: Effects) => Promise<T>,
): Promise<T> {
  const stored = o.reuse && (await o.cache?.get<NonNullable<T>>(o.key));
  if (stored && (await o.reuse?.takeAll(o.key))) return stored;
  if (stored) o.cache?.countAsComputed(1); // the files were not there to take
  const recorded = new RecordingEffects(o.fx);
  const result = await make(recorded);
  if (result !== undefined) {
    o.reuse?.note(recorded.written, o.key);
    await o.cache?.put(o.key, result);
  }
  return result;
}
