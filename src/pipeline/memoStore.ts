import type { StageCache } from './stageCache.ts';

/** Gives the value called `name`, made by `make` unless it is known. */
export type Memo<T> = (name: string, make: () => T) => T;

/**
 * Values a build makes, by name, kept between builds in one stage cache entry under `key` (a hash of every input
 * that fixes them, e.g. all but the facilities). A name must say everything else its value depends on (e.g. a hash
 * of the facility points on a map). The entry keeps only the values this build asked for.
 */
export class MemoStore<T> {
  private readonly used = new Map<string, T>();
  private made = 0;

  private readonly cache: StageCache | undefined;
  private readonly key: string;
  private readonly known: Readonly<Record<string, T>>;

  private constructor(cache: StageCache | undefined, key: string, known: Readonly<Record<string, T>>) {
    this.cache = cache;
    this.key = key;
    this.known = known;
  }

  /** The store under `key` in `cache` (none: every value is made). */
  static async open<T>(cache: StageCache | undefined, key: string): Promise<MemoStore<T>> {
    return new MemoStore<T>(cache, key, (await cache?.get<Record<string, T>>(key)) ?? {});
  }

  readonly memo: Memo<T> = (name, make) => {
    const had = this.used.get(name);
    if (had !== undefined) return had;
    let value = this.known[name];
    if (value === undefined) {
      value = make();
      this.made++;
    }
    this.used.set(name, value);
    return value;
  };

  /** Stores the values asked for, when one was made or a known one was not asked for (else the entry is as it was). */
  async save(): Promise<void> {
    if (!this.cache) return;
    if (this.made === 0 && this.used.size === Object.keys(this.known).length) return;
    await this.cache.put(this.key, Object.fromEntries(this.used));
  }
}
