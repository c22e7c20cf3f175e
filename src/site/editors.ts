import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Lang } from '../lib/format.ts';
import type { ContactGaps } from '../lib/pages/contactGaps.ts';
import type { ReleaseItem } from '../lib/releases/releases.ts';
import type { EditorsMeta } from '../pipeline/stages/publishEditors.ts';

/** Read access for pages to the editors' artifacts (`build/editors/`, written by `publishEditors`). */
const CACHE = process.env.SOZIALATLAS_CACHE ?? '.atlas';

function readEditors<T>(name: string): T {
  return JSON.parse(readFileSync(join(CACHE, 'build', 'editors', name), 'utf8')) as T;
}

let meta: EditorsMeta | undefined;

/** Number of releases and the date of the facility data. */
export function getEditorsMeta(): EditorsMeta {
  meta ??= readEditors<EditorsMeta>('meta.json');
  return meta;
}

/** The releases in one language, newest first. */
export function getReleases(lang: Lang): ReleaseItem[] {
  return readEditors<Record<Lang, ReleaseItem[]>>('releases.json')[lang];
}

/** The directory's contact gaps; undefined without a directory. */
export function getContactGaps(): ContactGaps | undefined {
  return getEditorsMeta().facilitiesDataDate === undefined ? undefined : readEditors<ContactGaps>('gaps.json');
}
