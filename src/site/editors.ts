import type { Lang } from '../lib/format.ts';
import type { ContactGaps } from '../lib/pages/contactGaps.ts';
import type { ReleaseItem } from '../lib/releases/releases.ts';
import type { EditorsMeta } from '../pipeline/stages/publishEditors.ts';
import { readArtifact } from './artifacts.ts';

function readEditors<T>(name: string): T {
  return readArtifact<T>(`editors/${name}`);
}

/** Number of releases and the date of the facility data. */
export function getEditorsMeta(): EditorsMeta {
  return readArtifact<EditorsMeta>('editors/meta.json', { keep: true });
}

/** The releases in one language, newest first. */
export function getReleases(lang: Lang): ReleaseItem[] {
  return readEditors<Record<Lang, ReleaseItem[]>>('releases.json')[lang];
}

/** The directory's contact gaps; undefined without a directory. */
export function getContactGaps(): ContactGaps | undefined {
  return getEditorsMeta().facilitiesDataDate === undefined ? undefined : readEditors<ContactGaps>('gaps.json');
}
