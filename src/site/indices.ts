import type { Lang } from '../lib/format.ts';
import type { IndexMethodPage, IndexOverviewPage } from '../lib/pages/indexMethod.ts';
import { readArtifact, readOptionalArtifact } from './artifacts.ts';

/**
 * Read access for the method pages to the indices' artifacts (`build/indices/` in the cache folder, written by
 * `publishIndices`). Like `data.ts`: pages render these and compute nothing.
 */

type Both<T> = Record<Lang, T>;

function read<T>(file: string): T {
  return readArtifact<T>(`indices/${file}`);
}

/** The overview of all indices in both languages; undefined when the atlas has none. */
export function getIndexOverview(): Both<IndexOverviewPage> | undefined {
  return readOptionalArtifact<Both<IndexOverviewPage>>('indices/index.json', { keep: true });
}

/** Ids of the indices that have a method page (in the order of the config). */
export function indexIds(): string[] {
  return getIndexOverview()?.de.ids ?? [];
}

/** The method page of one index in both languages. */
export function getIndexMethodPage(id: string): Both<IndexMethodPage> {
  return read(`${id}.json`);
}
