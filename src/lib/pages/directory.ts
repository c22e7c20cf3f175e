import type { Unit } from '../types.ts';
import type {
  DirectoryAreaData,
  DirectoryIndexData,
  DirectoryTypeData,
  FacilityIndex,
  FacilityTypeGroup,
  FreshnessReport,
  UnitFacilities,
  VocabularyEntry,
} from './facilityModel.ts';
import { facilityUrl, isOdbl, listItem, type PlacedFacility } from './facilityPage.ts';
import type { UnitRef } from './model.ts';

/**
 * The facility directory's page models, all computed here so the pages only render: the index, one page per type,
 * one page per unit of the top two levels, the facilities section of every unit page, the compact index for
 * site.json and the freshness report.
 */

/** A type page lists its entries when it has at most this many (about 80 KB of HTML); bigger types link to the area pages. */
export const TYPE_LIST_LIMIT = 500;

/** Path of the directory page of a type, without language prefix. */
export function directoryTypeUrl(type: string): string {
  return `/einrichtungen/typ/${encodeURIComponent(type)}/`;
}

/** Path of the directory page of a unit, without language prefix. */
export function directoryAreaUrl(unitId: string): string {
  return `/einrichtungen/gebiet/${encodeURIComponent(unitId)}/`;
}

/** Anchor id of a type's section on area and unit pages, e.g. "typ-kita". */
export function typeAnchor(type: string): string {
  return `typ-${type}`;
}

/** The atlas as the directory sees it: levels, units, vocabulary and the staleness rule. */
export interface DirectoryContext {
  /** Level ids from the top down. */
  levels: readonly string[];
  /** Every unit, level by level (the boundaries stage's order). */
  units: readonly Unit[];
  urlOf(unit: Unit): string;
  types: readonly VocabularyEntry[];
  targetGroups: readonly VocabularyEntry[];
  staleAfterDays: number;
  referenceDate: string;
}

/** Every page model of the directory (see {@link buildDirectory}). */
export interface Directory {
  index: DirectoryIndexData;
  types: DirectoryTypeData[];
  areas: DirectoryAreaData[];
  /** The facilities section of each unit page, by unit id (every unit, also those without entries). */
  unitFacilities: Map<string, UnitFacilities>;
  siteIndex: FacilityIndex;
  freshness: FreshnessReport;
}

const collator = new Intl.Collator('de');
const byName = (a: { facility: { name: string; id: string } }, b: { facility: { name: string; id: string } }) =>
  collator.compare(a.facility.name, b.facility.name) || (a.facility.id < b.facility.id ? -1 : 1);

/** Builds every page model of the directory from the placed entries. */
export function buildDirectory(entries: readonly PlacedFacility[], ctx: DirectoryContext): Directory {
  const sorted = [...entries].sort(byName);
  const unitById = new Map(ctx.units.map((u) => [u.id, u]));
  const ref = (u: Unit): UnitRef => ({ id: u.id, name: u.name, level: u.level, url: ctx.urlOf(u) });
  const top = ctx.levels[0];
  const areaLevels = new Set(ctx.levels.slice(0, 2));
  const listLevel = ctx.levels.at(-1);
  const byUnit = new Map<string, PlacedFacility[]>();
  for (const e of sorted) for (const id of e.units) (byUnit.get(id) ?? byUnit.set(id, []).get(id))?.push(e);
  const typeOrder = ctx.types.map((t) => t.id);
  const groupsOf = (list: readonly PlacedFacility[], withItems: boolean): FacilityTypeGroup[] =>
    typeOrder.flatMap((type) => {
      const of = list.filter((e) => e.facility.types.includes(type));
      return of.length === 0 ? [] : [{ type, count: of.length, items: withItems ? of.map(listItem) : undefined }];
    });
  const children = new Map<string, Unit[]>();
  for (const u of ctx.units)
    if (u.parent) (children.get(u.parent) ?? children.set(u.parent, []).get(u.parent))?.push(u);
  const topUnits = ctx.units.filter((u) => u.level === top).sort((a, b) => collator.compare(a.name, b.name));

  const unitFacilities = new Map<string, UnitFacilities>();
  for (const u of ctx.units) {
    const list = byUnit.get(u.id) ?? [];
    unitFacilities.set(u.id, {
      total: list.length,
      byType: groupsOf(list, u.level === listLevel),
      directoryUrl: areaLevels.has(u.level) ? directoryAreaUrl(u.id) : undefined,
    });
  }

  const typeCounts = typeOrder
    .map((type) => ({ type, count: sorted.filter((e) => e.facility.types.includes(type)).length }))
    .filter((t) => t.count > 0);
  const types: DirectoryTypeData[] = typeCounts.map(({ type, count }) => {
    const listed = count <= TYPE_LIST_LIMIT;
    const groups = topUnits.flatMap((u) => {
      const of = (byUnit.get(u.id) ?? []).filter((e) => e.facility.types.includes(type));
      return of.length === 0
        ? []
        : [
            {
              unit: ref(u),
              count: of.length,
              url: `${directoryAreaUrl(u.id)}#${typeAnchor(type)}`,
              items: listed ? of.map(listItem) : undefined,
            },
          ];
    });
    return { type, count, url: directoryTypeUrl(type), listed, groups };
  });

  const areas: DirectoryAreaData[] = ctx.units
    .filter((u) => areaLevels.has(u.level))
    .map((u) => {
      const list = byUnit.get(u.id) ?? [];
      const ancestors: UnitRef[] = [];
      for (let p = u.parent ? unitById.get(u.parent) : undefined; p; p = p.parent ? unitById.get(p.parent) : undefined)
        ancestors.unshift(ref(p));
      const subs = [...(children.get(u.id) ?? [])].sort((a, b) => collator.compare(a.name, b.name));
      return {
        unit: ref(u),
        ancestors,
        url: directoryAreaUrl(u.id),
        count: list.length,
        byType: groupsOf(list, true),
        children: subs.map((c) => ({
          unit: ref(c),
          count: byUnit.get(c.id)?.length ?? 0,
          url: areaLevels.has(c.level) ? directoryAreaUrl(c.id) : `${ctx.urlOf(c)}#einrichtungen`,
        })),
      };
    });

  const stale = sorted.filter((e) => e.stale);
  const index: DirectoryIndexData = {
    total: sorted.length,
    stale: stale.length,
    odbl: sorted.filter((e) => e.facility.sources.some(isOdbl)).length,
    types: typeCounts.map((t) => ({ ...t, url: directoryTypeUrl(t.type) })),
    areas: topUnits.map((u) => ({ unit: ref(u), count: byUnit.get(u.id)?.length ?? 0, url: directoryAreaUrl(u.id) })),
  };

  const siteIndex: FacilityIndex = {
    types: [...ctx.types],
    targetGroups: [...ctx.targetGroups],
    staleAfterDays: ctx.staleAfterDays,
    referenceDate: ctx.referenceDate,
    total: sorted.length,
    stale: stale.length,
    typesUsed: typeCounts.map((t) => t.type),
    areas: areas.map((a) => a.unit.id),
    items: entries.map((e) => ({
      id: e.facility.id,
      name: e.facility.name,
      types: e.facility.types,
      units: e.units,
      lon: e.facility.location.lon,
      lat: e.facility.location.lat,
      stale: e.stale ? true : undefined,
    })),
  };

  const dates = new Map<string, number>();
  for (const e of entries) dates.set(e.facility.lastConfirmed, (dates.get(e.facility.lastConfirmed) ?? 0) + 1);
  const freshness: FreshnessReport = {
    referenceDate: ctx.referenceDate,
    staleAfterDays: ctx.staleAfterDays,
    total: sorted.length,
    stale: stale.length,
    byDate: [...dates]
      .sort(([a], [b]) => (a < b ? -1 : 1))
      .map(([date, count]) => ({
        date,
        count,
        stale: entries.find((e) => e.facility.lastConfirmed === date)?.stale ?? false,
      })),
    entries: [...stale]
      .sort((a, b) =>
        a.facility.lastConfirmed < b.facility.lastConfirmed
          ? -1
          : a.facility.lastConfirmed > b.facility.lastConfirmed
            ? 1
            : byName(a, b),
      )
      .map((e) => ({
        id: e.facility.id,
        name: e.facility.name,
        file: e.file,
        url: facilityUrl(e.facility.id),
        lastConfirmed: e.facility.lastConfirmed,
        ageDays: e.ageDays,
        confirmedBy: e.facility.confirmedBy,
        sources: e.facility.sources.map((s) => s.source),
      })),
  };
  return { index, types, areas, unitFacilities, siteIndex, freshness };
}
