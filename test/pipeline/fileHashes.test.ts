import { mkdtemp, rm, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { contentHash, FileHashes } from '../../src/pipeline/fileHashes.ts';

// Made-up files in a temporary folder; times are set into the past so the store may keep them.
let dir: string;
let store: string;
const past = new Date(Date.now() - 60_000);
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'file-hashes-'));
  store = join(dir, 'stages', 'file-hashes.json');
});
afterEach(() => rm(dir, { recursive: true, force: true }));

/** Writes `text` to `name`; `time`: its modification time (null: now). */
async function put(name: string, text: string, time: Date | null = past): Promise<string> {
  const file = join(dir, name);
  await writeFile(file, text);
  if (time) await utimes(file, time, time);
  return file;
}

describe('FileHashes', () => {
  it('gives the content hash, and takes it from the store for a file unchanged since', async () => {
    const a = await put('a.json', '{"a":1}');
    const first = await FileHashes.open(store);
    expect(await first.hash(a)).toBe(contentHash(new TextEncoder().encode('{"a":1}')));
    await first.save();
    const second = await FileHashes.open(store);
    expect(await second.hash(a)).toBe(contentHash(new TextEncoder().encode('{"a":1}')));
    expect([second.reused, second.hashed]).toEqual([1, 0]);
  });

  it('reads a file again when its content changed, even at the same size', async () => {
    const a = await put('a.json', '{"a":1}');
    const first = await FileHashes.open(store);
    await first.hash(a);
    await first.save();
    await put('a.json', '{"a":2}', new Date(past.getTime() + 1000));
    const second = await FileHashes.open(store);
    expect(await second.hash(a)).toBe(contentHash(new TextEncoder().encode('{"a":2}')));
    expect([second.reused, second.hashed]).toEqual([0, 1]);
  });

  it('does not keep the hash of a file written just now (it could change within the same time stamp)', async () => {
    const a = await put('a.json', '{"a":1}', null);
    const first = await FileHashes.open(store);
    await first.hash(a);
    await first.save();
    const second = await FileHashes.open(store);
    await second.hash(a);
    expect([second.reused, second.hashed]).toEqual([0, 1]);
  });

  it('without a store, or with an unreadable one, reads every file', async () => {
    const a = await put('a.json', 'x');
    const none = await FileHashes.open(undefined);
    await none.hash(a);
    await none.save();
    expect([none.reused, none.hashed]).toEqual([0, 1]);
    await put('broken.json', '{');
    const broken = await FileHashes.open(join(dir, 'broken.json'));
    expect(await broken.hash(a)).toBe(contentHash(new TextEncoder().encode('x')));
    expect(broken.hashed).toBe(1);
  });
});
