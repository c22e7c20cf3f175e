/** What {@link unitRelations} gives: each unit by id and each unit's sub-units, in the list's order. */
export interface UnitRelations<U> {
  byId: ReadonlyMap<string, U>;
  childrenOf: ReadonlyMap<string, readonly U[]>;
}

const known = new WeakMap<readonly object[], UnitRelations<object>>();

/**
 * The units of `units` by id (the first of an id) and by parent, made once per list (the site's list is never
 * changed): every unit page asks for its sub-units, siblings and parent, and scanning every unit of the atlas for
 * them on every page made a page cost more the larger the atlas.
 */
export function unitRelations<U extends { id: string; parent?: string | undefined }>(
  units: readonly U[],
): UnitRelations<U> {
  const hit = known.get(units) as UnitRelations<U> | undefined;
  if (hit) return hit;
  const byId = new Map<string, U>();
  const childrenOf = new Map<string, U[]>();
  for (const u of units) {
    if (!byId.has(u.id)) byId.set(u.id, u);
    if (u.parent) (childrenOf.get(u.parent) ?? childrenOf.set(u.parent, []).get(u.parent))?.push(u);
  }
  const made: UnitRelations<U> = { byId, childrenOf };
  known.set(units, made);
  return made;
}
