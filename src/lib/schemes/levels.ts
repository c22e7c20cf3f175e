import type { Level } from '../../schemas/atlasConfig.ts';

/**
 * The levels of the atlas's main hierarchy: the first level and every following level whose parent is the level
 * just before it, up to the first level that hangs elsewhere (a level of another boundary scheme, e.g. Berlin's
 * Prognoseräume of 2021 below the Bezirke, beside the Bezirksregionen and Planungsräume until 2020). Facility
 * placement, overlays and the directory follow this chain; every level gets unit pages.
 */
export function mainLevels<L extends Pick<Level, 'id' | 'parent'>>(levels: readonly L[]): L[] {
  const out: L[] = [];
  for (const l of levels) {
    const above = out.at(-1);
    if (above !== undefined && l.parent?.level !== above.id) break;
    out.push(l);
  }
  return out;
}
