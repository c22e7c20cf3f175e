/**
 * The change report of `npm run diff`: what differs between two states of an atlas (a git ref and the working tree),
 * computed from the validated stages' results, not from file text. Pure: values in, report out.
 */

/** What the report compares of one state of the atlas. */
export interface AtlasSnapshot {
  units: { id: string; name: string; level: string }[];
  indicators: {
    id: string;
    label: string;
    type: string;
    decimals: number;
    classes?: { value: number; label: string }[] | undefined;
  }[];
  /** Every value of every unit (city included as "_city"), indicator and year. */
  values: { unit: string; indicator: string; year: number; status: string; value?: number | undefined }[];
  /** Facility id → its fields as validated (front matter), plus `description` (the rendered body). */
  facilities: Record<string, Record<string, unknown>>;
}

export interface ValueChange {
  unit: string;
  unitName: string;
  indicator: string;
  indicatorLabel: string;
  year: number;
  before: { status: string; value?: number | undefined };
  after: { status: string; value?: number | undefined };
  /** |after − before| / |before|; Infinity when before is 0; undefined for status changes. */
  relative?: number | undefined;
}

export interface AtlasDiff {
  units: {
    added: { id: string; name: string; level: string }[];
    removed: { id: string; name: string; level: string }[];
    renamed: { id: string; level: string; before: string; after: string }[];
  };
  indicators: { added: { id: string; label: string }[]; removed: { id: string; label: string }[] };
  /** Per indicator, the years that have values now and had none before. */
  yearsAdded: { indicator: string; label: string; years: number[] }[];
  /** Values in both states that differ, largest relative change first (at most `limit`). */
  largestChanges: ValueChange[];
  /** Total number of changed values (of which `largestChanges` shows the largest). */
  changedValues: number;
  /** Values whose status changed (e.g. a value became suppressed), all of them. */
  statusChanges: ValueChange[];
  /** Every change of a `class` indicator's value (e.g. an MSS status class). */
  classChanges: (ValueChange & { classBefore: string; classAfter: string })[];
  facilities: {
    added: { id: string; name: string }[];
    removed: { id: string; name: string }[];
    changed: { id: string; name: string; fields: { field: string; before: string; after: string }[] }[];
  };
  /** Entries without phone and e-mail: gaps that appeared (changed or new entries) or were closed. */
  contactGaps: { opened: { id: string; name: string }[]; closed: { id: string; name: string }[] };
}

function key(v: { unit: string; indicator: string; year: number }): string {
  return `${v.unit}\u0000${v.indicator}\u0000${v.year}`;
}

function isGap(f: Record<string, unknown> | undefined): boolean {
  return f !== undefined && !f['phone'] && !f['email'];
}

function show(v: unknown): string {
  if (v === undefined || v === null) return '–';
  return typeof v === 'string' ? v : JSON.stringify(v);
}

/** The report between `before` (the git ref) and `after` (the working tree). `limit`: how many largest changes. */
export function diffAtlas(before: AtlasSnapshot, after: AtlasSnapshot, limit = 10): AtlasDiff {
  const ub = new Map(before.units.map((u) => [u.id, u]));
  const ua = new Map(after.units.map((u) => [u.id, u]));
  const unitName = (id: string) => ua.get(id)?.name ?? ub.get(id)?.name ?? id;
  const ib = new Map(before.indicators.map((i) => [i.id, i]));
  const ia = new Map(after.indicators.map((i) => [i.id, i]));
  const label = (id: string) => ia.get(id)?.label ?? ib.get(id)?.label ?? id;

  const years = (vals: AtlasSnapshot['values']) => {
    const m = new Map<string, Set<number>>();
    for (const v of vals)
      if (v.status === 'value' || v.status === 'zero')
        (m.get(v.indicator) ?? m.set(v.indicator, new Set()).get(v.indicator))?.add(v.year);
    return m;
  };
  const yb = years(before.values);
  const ya = years(after.values);

  const vb = new Map(before.values.map((v) => [key(v), v]));
  const changes: ValueChange[] = [];
  const statusChanges: ValueChange[] = [];
  const classChanges: AtlasDiff['classChanges'] = [];
  for (const a of after.values) {
    const b = vb.get(key(a));
    if (!b) continue;
    if (b.status === a.status && b.value === a.value) continue;
    const c: ValueChange = {
      unit: a.unit,
      unitName: unitName(a.unit),
      indicator: a.indicator,
      indicatorLabel: label(a.indicator),
      year: a.year,
      before: { status: b.status, value: b.value },
      after: { status: a.status, value: a.value },
    };
    const ind = ia.get(a.indicator);
    if (ind?.type === 'class') {
      const cl = (x: number | undefined) => ind.classes?.find((k) => k.value === x)?.label ?? show(x);
      classChanges.push({
        ...c,
        classBefore: b.status === 'value' ? cl(b.value) : b.status,
        classAfter: a.status === 'value' ? cl(a.value) : a.status,
      });
    } else if (b.value !== undefined && a.value !== undefined && b.status === a.status) {
      changes.push({ ...c, relative: b.value === 0 ? Infinity : Math.abs(a.value - b.value) / Math.abs(b.value) });
    } else statusChanges.push(c);
  }
  const byOrder = (x: ValueChange, y: ValueChange) =>
    x.indicator.localeCompare(y.indicator) || x.year - y.year || x.unit.localeCompare(y.unit);
  changes.sort((x, y) => (y.relative ?? 0) - (x.relative ?? 0) || byOrder(x, y));
  statusChanges.sort(byOrder);
  classChanges.sort(byOrder);

  const fb = before.facilities;
  const fa = after.facilities;
  const fname = (f: Record<string, unknown> | undefined, id: string) =>
    typeof f?.['name'] === 'string' ? f['name'] : id;
  const changed: AtlasDiff['facilities']['changed'] = [];
  for (const [id, a] of Object.entries(fa)) {
    const b = fb[id];
    if (!b) continue;
    const fields = [...new Set([...Object.keys(b), ...Object.keys(a)])]
      .sort()
      .filter((k) => JSON.stringify(b[k]) !== JSON.stringify(a[k]))
      .map((k) => ({ field: k, before: show(b[k]), after: show(a[k]) }));
    if (fields.length) changed.push({ id, name: fname(a, id), fields });
  }
  const ids = (o: Record<string, unknown>) => Object.keys(o).sort();
  return {
    units: {
      added: after.units.filter((u) => !ub.has(u.id)),
      removed: before.units.filter((u) => !ua.has(u.id)),
      renamed: after.units.flatMap((u) => {
        const b = ub.get(u.id);
        return b && b.name !== u.name ? [{ id: u.id, level: u.level, before: b.name, after: u.name }] : [];
      }),
    },
    indicators: {
      added: after.indicators.filter((i) => !ib.has(i.id)).map((i) => ({ id: i.id, label: i.label })),
      removed: before.indicators.filter((i) => !ia.has(i.id)).map((i) => ({ id: i.id, label: i.label })),
    },
    yearsAdded: [...ya.entries()].flatMap(([ind, ys]) => {
      const added = [...ys].filter((y) => !yb.get(ind)?.has(y)).sort((x, y) => x - y);
      return added.length && ib.has(ind) ? [{ indicator: ind, label: label(ind), years: added }] : [];
    }),
    largestChanges: changes.slice(0, limit),
    changedValues: changes.length,
    statusChanges,
    classChanges,
    facilities: {
      added: ids(fa)
        .filter((id) => !fb[id])
        .map((id) => ({ id, name: fname(fa[id], id) })),
      removed: ids(fb)
        .filter((id) => !fa[id])
        .map((id) => ({ id, name: fname(fb[id], id) })),
      changed,
    },
    contactGaps: {
      opened: ids(fa)
        .filter((id) => isGap(fa[id]) && !isGap(fb[id]))
        .map((id) => ({ id, name: fname(fa[id], id) })),
      closed: ids(fb)
        .filter((id) => isGap(fb[id]) && fa[id] !== undefined && !isGap(fa[id]))
        .map((id) => ({ id, name: fname(fa[id], id) })),
    },
  };
}

/** True when the report found nothing. */
export function isEmptyDiff(d: AtlasDiff): boolean {
  return (
    d.units.added.length +
      d.units.removed.length +
      d.units.renamed.length +
      d.indicators.added.length +
      d.indicators.removed.length +
      d.yearsAdded.length +
      d.changedValues +
      d.statusChanges.length +
      d.classChanges.length +
      d.facilities.added.length +
      d.facilities.removed.length +
      d.facilities.changed.length +
      d.contactGaps.opened.length +
      d.contactGaps.closed.length ===
    0
  );
}
