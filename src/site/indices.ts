import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Lang } from '../lib/format.ts';
import type { IndexMethodPage, IndexOverviewPage } from '../lib/pages/indexMethod.ts';

/**
 * Read access for the method pages to the indices' artifacts (`build/indices/` in the cache folder, written by
 * `publishIndices`). Like `data.ts`: pages render these and compute nothing.
 */
const CACHE = process.env.SOZIALATLAS_CACHE ?? '.atlas';
const DIR = join(CACHE, 'build', 'indices');

type Both<T> = Record<Lang, T>;
let overview: Both<IndexOverviewPage> | undefined | null = null;

function read<T>(file: string): T {
  return JSON.parse(readFileSync(join(DIR, file), 'utf8')) as T;
}

/** The overview of all indices in both languages; undefined when the atlas has none. */
export function getIndexOverview(): Both<IndexOverviewPage> | undefined {
  if (overview === null)
    overview = existsSync(join(DIR, 'index.json')) ? read<Both<IndexOverviewPage>>('index.json') : undefined;
  return overview;
}

/** Ids of the indices that have a method page (in the order of the config). */
export function indexIds(): string[] {
  return getIndexOverview()?.de.ids ?? [];
}

/** The method page of one index in both languages. */
export function getIndexMethodPage(id: string): Both<IndexMethodPage> {
  return read(`${id}.json`);
}
