import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MemoStore } from '../../src/pipeline/memoStore.ts';
import { StageCache } from '../../src/pipeline/stageCache.ts';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'memo-store-'));
});
afterEach(() => rm(dir, { recursive: true, force: true }));

/** A memo over made-up values that counts how often `make` ran. */
async function open(key = 'k') {
  const cache = new StageCache(dir, 'maps');
  const store = await MemoStore.open<string>(cache, key);
  let made = 0;
  const get = (name: string) =>
    store.memo(name, () => {
      made++;
      return `value of ${name}`;
    });
  return { store, get, made: () => made, cache };
}

describe('MemoStore', () => {
  it('makes a value once per build, and takes it from the cache in the next build under the same key', async () => {
    const first = await open();
    expect([first.get('a'), first.get('a'), first.get('b')]).toEqual(['value of a', 'value of a', 'value of b']);
    expect(first.made()).toBe(2);
    await first.store.save();
    const second = await open();
    expect([second.get('a'), second.get('b')]).toEqual(['value of a', 'value of b']);
    expect(second.made()).toBe(0);
    expect(second.cache.hits).toBe(1);
  });

  it('keeps only the values a build asked for, and makes everything anew under another key', async () => {
    const first = await open();
    first.get('a');
    first.get('old');
    await first.store.save();
    const second = await open();
    second.get('a');
    await second.store.save();
    const third = await open();
    third.get('old');
    expect(third.made()).toBe(1);
    const other = await open('other');
    other.get('a');
    expect(other.made()).toBe(1);
  });

  it('writes nothing when every value was known and asked for, and nothing without a cache', async () => {
    const first = await open();
    first.get('a');
    await first.store.save();
    const second = await open();
    second.get('a');
    await rm(join(dir, 'maps'), { recursive: true });
    await second.store.save();
    expect(await readdir(dir)).toEqual([]);
    const none = await MemoStore.open<string>(undefined, 'k');
    expect(none.memo('a', () => 'x')).toBe('x');
    await none.save();
    expect(await readdir(dir)).toEqual([]);
  });
});
