import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listFiles } from '../../src/pipeline/listFiles.ts';

// A made-up folder: nested pages, an empty folder and a symbolic link.
let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'list-files-'));
  for (const f of ['index.html', 'a/index.html', 'a/b/c/index.html', 'en/a/index.html', 'data/x.csv', 'Z.txt']) {
    await mkdir(join(dir, f, '..'), { recursive: true });
    await writeFile(join(dir, f), f);
  }
  await mkdir(join(dir, 'empty'));
  await symlink(join(dir, 'index.html'), join(dir, 'link.html'));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

describe('listFiles', () => {
  it('lists every file below the folder, relative, with forward slashes, sorted; no folders or links', async () => {
    expect(await listFiles(dir)).toEqual([
      'Z.txt',
      'a/b/c/index.html',
      'a/index.html',
      'data/x.csv',
      'en/a/index.html',
      'index.html',
    ]);
  });

  it('fails for a folder that does not exist', async () => {
    await expect(listFiles(join(dir, 'missing'))).rejects.toMatchObject({ code: 'ENOENT' });
  });
});
