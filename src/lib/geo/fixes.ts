import type { z } from 'zod';
import type { ProblemLog } from '../problems.ts';
import type { BoundaryFixSchema } from '../../schemas/atlasConfig.ts';
import { interiorPoint } from './measure.ts';
import type { BoundaryFeature } from './readBoundaries.ts';

/** A documented correction of a boundary file, as in atlas.yml (`levels[].fixes[]`). */
export type BoundaryFix = z.infer<typeof BoundaryFixSchema>;

/**
 * Finds the parent unit containing a point. The level is `within.level` of the fix; a lookup built for one
 * parent level only may ignore it (a two-argument function fits this type).
 */
export type ParentLookup = (lon: number, lat: number, level: string) => string | undefined;

/** One fix applied to one feature, for the data notes. */
export interface AppliedFix {
  /** Position of the fix in the `fixes` list (0-based). */
  fix: number;
  /** 0-based index of the feature in the boundary file. */
  index: number;
  /** Id and name before the fix. */
  id: string;
  name: string;
  newId?: string | undefined;
  newName?: string | undefined;
  reason: string;
}

/**
 * Applies explicit fixes: each matches the features with its `id` (as read from the file), narrowed by
 * `within` (the feature's interior point lies in that parent unit), and sets id and/or name. A fix that matches
 * nothing is an error (stale fixes must be noticed), as is a `setId` matching several features (it would
 * recreate a duplicate). Returns new feature objects; the input is not changed.
 * @param file the file named in problems (where the fixes are written, usually the atlas config)
 */
export function applyBoundaryFixes(
  features: readonly BoundaryFeature[],
  fixes: readonly BoundaryFix[],
  parentLookup: ParentLookup | undefined,
  file: string,
  log: ProblemLog,
): { features: BoundaryFeature[]; applied: AppliedFix[] } {
  const out = features.map((f) => ({ ...f }));
  const applied: AppliedFix[] = [];
  fixes.forEach((fix, n) => {
    const at = { file, location: `Korrektur ${n} (Index ab 0 in fixes), id ${fix.id}`, field: `fixes[${n}]` };
    const sameId = features.flatMap((f, i) => (f.id === fix.id ? [i] : []));
    let matches = sameId;
    const whereFound: string[] = [];
    if (fix.within) {
      const { level, id } = fix.within;
      if (!parentLookup) {
        log.error({
          ...at,
          field: `${at.field}.within`,
          message: `"within" verweist auf die Ebene ${level}, für die keine Grenzen vorliegen.`,
          hint: 'Die Ebene muss eine übergeordnete Ebene mit eigener Grenzdatei sein.',
        });
        return;
      }
      matches = sameId.filter((i) => {
        const f = features[i] as BoundaryFeature;
        const parent = parentLookup(...interiorPoint(f.geometry), level);
        whereFound.push(`Feature ${f.index} liegt in ${parent ?? 'keiner Einheit'}`);
        return parent === id;
      });
    }
    if (matches.length === 0) {
      const found =
        sameId.length === 0
          ? `Kein Feature hat die Id ${fix.id}`
          : `${whereFound.join(', ')}, nicht in ${fix.within?.level} ${fix.within?.id}`;
      log.error({
        ...at,
        message: `Die Korrektur passt auf kein Feature (${found}).`,
        hint: 'Ist die Grenzdatei schon korrigiert? Dann die Korrektur entfernen; sonst id und within prüfen.',
      });
      return;
    }
    if (fix.setId !== undefined && matches.length > 1) {
      const list = matches.map((i) => `Feature ${features[i]?.index}`).join(', ');
      log.error({
        ...at,
        message: `Die Korrektur passt auf ${matches.length} Features (${list}, Index ab 0) und würde allen die Id ${fix.setId} geben.`,
        hint: 'Mit within: { level, id } auf ein Feature eingrenzen.',
      });
      return;
    }
    for (const i of matches) {
      const { id, name, index } = features[i] as BoundaryFeature;
      const target = out[i] as BoundaryFeature;
      if (fix.setId !== undefined) target.id = fix.setId;
      if (fix.setName !== undefined) target.name = fix.setName;
      applied.push({ fix: n, index, id, name, newId: fix.setId, newName: fix.setName, reason: fix.reason });
    }
  });
  return { features: out, applied };
}

/** Features sharing an id, with their 0-based indices in the file. */
export interface DuplicateId {
  id: string;
  indices: number[];
}

/**
 * Reports every id used by more than one feature, naming all their indices. Duplicates are not resolved here:
 * the editor decides with an explicit `fixes` entry, which the data notes then document.
 */
export function findDuplicateIds(features: readonly BoundaryFeature[], file: string, log: ProblemLog): DuplicateId[] {
  const byId = new Map<string, BoundaryFeature[]>();
  for (const f of features) byId.set(f.id, [...(byId.get(f.id) ?? []), f]);
  const duplicates: DuplicateId[] = [];
  for (const [id, group] of byId) {
    if (group.length < 2) continue;
    const indices = group.map((f) => f.index);
    const names = [...new Set(group.map((f) => f.name))].join('", "');
    duplicates.push({ id, indices });
    const example = `{ id: "${id}", within: { level: <Elternebene>, id: <Eltern-Id> }, setId: <richtige Id>, reason: <Begründung> }`;
    log.error({
      file,
      location: indices.map((i) => `Feature ${i}`).join(', '),
      field: 'id',
      message: `Die Id ${id} kommt ${group.length}-mal vor: ${indices.map((i) => `Feature ${i}`).join(' und ')} (Index ab 0 in der Datei; Name "${names}").`,
      hint: `In atlas.yml unter fixes der Ebene eine Korrektur ergänzen, z. B. ${example}.`,
    });
  }
  return duplicates;
}
