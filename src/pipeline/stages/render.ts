import type { Feature, FeatureCollection } from 'geojson';
import { mesh } from 'topojson-client';
import type { GeometryCollection } from 'topojson-specification';
import type { AtlasConfig } from '../../schemas/atlasConfig.ts';
import { createMapFrame, fittedHeight, type MapFrame } from '../../lib/charts/mapFrame.ts';
import { buildTopology, topologyFeatures, type AtlasTopology } from '../../lib/geo/topology.ts';
import type { ValueStore } from '../../lib/indicators/store.ts';
import { buildUnitPage, createRanker, type UnitPageContext } from '../../lib/pages/unitPage.ts';
import { createBreakIndex } from '../../lib/indicators/breaks.ts';
import type { UnitPageData } from '../../lib/pages/model.ts';
import { compactPath, createAreaMaps } from '../../lib/charts/facilityLocator.ts';
import { buildDirectory, type Directory } from '../../lib/pages/directory.ts';
import type { FacilityPageData } from '../../lib/pages/facilityModel.ts';
import { buildFacilityPage, type FacilityPageContext, type PlacedFacility } from '../../lib/pages/facilityPage.ts';
import type { Unit } from '../../lib/types.ts';
import type { BoundariesResult } from './boundaries.ts';
import type { FacilitiesResult } from './facilities.ts';
import type { AssessmentsResult } from './assessments.ts';
import { buildUnitAssessments } from '../../lib/pages/unitAssessments.ts';
import { createSubUnitMaps } from '../../lib/charts/subUnitMap.ts';
import type { SchemeLinks } from '../../lib/schemes/links.ts';
import type { Memo } from '../memoStore.ts';
import { mainLevels } from '../../lib/schemes/levels.ts';

/** Map width in SVG units; pages scale it with CSS. */
export const MAP_WIDTH = 600;
/** Share of boundary points kept for locator maps. */
export const THUMB_SIMPLIFY = 0.03;

/** Url of a unit page without language prefix: stable, from level and id (names change, ids don't). */
export function unitUrl(u: Pick<Unit, 'level' | 'id'>): string {
  return `/${u.level}/${encodeURIComponent(u.id)}/`;
}

/**
 * Gives the topology called `name`, made by `make` unless it is known: the pipeline keeps the topologies of a build in
 * the stage cache under the hash of every input but the facilities, since they depend on boundaries and settings only.
 */
export type TopologyMemo = Memo<AtlasTopology>;

export interface RenderResult {
  topology: ReturnType<typeof buildTopology>;
  frame: MapFrame;
  /**
   * One unit's page model without its facilities section: the part that depends on config, boundaries and tables
   * only, which the stage cache keeps between builds (see publish). A unit's page = core + `unitFacilities` +
   * `unitAssessments`.
   */
  unitPageCore(unit: Unit): UnitPageData;
  /** The facilities section of a unit's page (undefined without a directory). */
  unitFacilities(unitId: string): UnitPageData['facilities'];
  /** The provider assessments section of a unit's page (undefined when the unit has none). */
  unitAssessments(unitId: string): UnitPageData['assessments'];
  /** The facility directory's page models (index, types, areas), when the atlas has a directory. */
  directory?: Directory | undefined;
  /** The page model of one facility of the directory (the maps it needs are made at the first call). */
  facilityPage(e: PlacedFacility): FacilityPageData;
}

/**
 * Stage 5: simplifies the boundaries into one topology, fits one map frame for the whole atlas, and
 * prepares the page models (locator maps, charts, key figures); with a facility
 * directory also its pages, each facility on a map of its top-level unit.
 */
export function render(
  config: AtlasConfig,
  b: BoundariesResult,
  store: ValueStore,
  facilities?: FacilitiesResult,
  assessments?: AssessmentsResult,
  links?: SchemeLinks,
  topologies: TopologyMemo = (_, make) => make(),
): RenderResult {
  const layers = Object.fromEntries(
    config.levels.map((l) => [
      l.id,
      (b.features.get(l.id) ?? []).map((f) => ({ id: f.id, name: f.name, geometry: f.geometry })),
    ]),
  );
  const topology = topologies('units', () => buildTopology(layers, { simplify: config.simplify }));
  const top = config.levels[0]?.id ?? '';
  const topFeatures = topologyFeatures(topology, top);
  // The frame fits every unit of every level: a unit outside the top level's outline (an island missing from a coarser
  // file) is still drawn; parts far from the rest are reported by the boundaries stage.
  const extent: FeatureCollection = {
    type: 'FeatureCollection',
    features: config.levels.flatMap((l) => topologyFeatures(topology, l.id)) as Feature[],
  };
  const frame = createMapFrame(extent, MAP_WIDTH, fittedHeight(extent, MAP_WIDTH));
  // Locator maps are small (about 350 px wide): a much coarser topology at whole-pixel precision keeps
  // each unit page light (the unit's own shape stays recognisable; every ring keeps three corners).
  const thumbTopology = topologies('thumbs', () =>
    buildTopology(layers, { simplify: Math.min(config.simplify, THUMB_SIMPLIFY) }),
  );
  const thumbFrame = createMapFrame(extent, MAP_WIDTH, frame.height, 4, 0);
  const thumbPaths = new Map<string, string>();
  for (const l of config.levels)
    // Relative and without zero-length segments: rounded to whole pixels, about half the points of a Berlin locator
    // map fall on the point before them (the drawing is the same, the path half as long).
    for (const f of topologyFeatures(thumbTopology, l.id))
      thumbPaths.set(String(f.id), compactPath(thumbFrame.path(f)));
  const contextPaths = topologyFeatures(thumbTopology, top).map((f) => thumbPaths.get(String(f.id)) ?? '');

  const units = new Map(b.units.map((u) => [u.id, u]));
  const children = new Map<string, string[]>();
  const unitsByLevel = new Map<string, string[]>();
  for (const u of b.units) {
    if (u.parent) (children.get(u.parent) ?? children.set(u.parent, []).get(u.parent))?.push(u.id);
    (unitsByLevel.get(u.level) ?? unitsByLevel.set(u.level, []).get(u.level))?.push(u.id);
  }
  const directory = facilities
    ? buildDirectory(facilities.facilities, {
        levels: mainLevels(config.levels).map((l) => l.id),
        units: b.units,
        urlOf: unitUrl,
        types: facilities.vocabulary.types,
        targetGroups: facilities.vocabulary.targetGroups,
        staleAfterDays: facilities.vocabulary.staleAfterDays,
        referenceDate: facilities.referenceDate,
      })
    : undefined;
  const ctx: UnitPageContext = {
    store,
    indicators: config.indicators,
    units,
    children,
    unitsByLevel,
    cityName: { de: config.city.de, en: config.city.en ?? config.city.de },
    frame: thumbFrame,
    paths: thumbPaths,
    contextPaths,
    urlOf: unitUrl,
    facilities: directory?.unitFacilities,
    breaks: createBreakIndex(config),
    levels: config.levels,
    sources: config.sources,
    schemes: {
      levels: config.levels,
      schemes: config.schemes,
      links: links ?? { successors: new Map(), predecessors: new Map(), report: emptyLinksReport() },
    },
  };
  const rank = createRanker(ctx);
  const subUnitMap = createSubUnitMaps(topology, units, children);
  const unitAssessments = assessments ? buildUnitAssessments(assessments.assessments, assessments.topics) : undefined;
  // Once an atlas has any assessment, a unit without one gets an empty section (a line inviting providers).
  const sectionOf = (id: string): UnitPageData['assessments'] =>
    unitAssessments && unitAssessments.size > 0
      ? (unitAssessments.get(id) ?? { count: 0, latest: '', earliest: '', topics: [] })
      : undefined;
  let facilityContext: FacilityPageContext | undefined;
  return {
    topology,
    frame,
    unitPageCore: (u) => {
      // Without the (undefined) facilities key, a fresh core has the keys of one read back from the stage cache.
      const { facilities: _, ...core } = buildUnitPage(u, { ...ctx, facilities: undefined }, rank);
      return { ...core, subUnitMap: subUnitMap(u.id) };
    },
    unitFacilities: (id) => ctx.facilities?.get(id),
    unitAssessments: sectionOf,
    directory,
    facilityPage: (e) => {
      facilityContext ??= facilityPageContext();
      return buildFacilityPage(e, facilityContext);
    },
  };

  function facilityPageContext(): FacilityPageContext {
    const second = mainLevels(config.levels)[1]?.id;
    const childFeatures = second ? topologyFeatures(topology, second) : [];
    const childrenOf = new Map<string, Feature[]>();
    for (const f of childFeatures) {
      const parent = units.get(String(f.id))?.parent;
      if (parent) (childrenOf.get(parent) ?? childrenOf.set(parent, []).get(parent))?.push(f as Feature);
    }
    const parentOf = (g: { id?: string | number | undefined }) => units.get(String(g.id))?.parent;
    const level2 = second ? (topology.objects[second] as GeometryCollection | undefined) : undefined;
    const bordersOf = (topId: string) =>
      level2 ? mesh(topology, level2, (a, b) => a !== b && parentOf(a) === topId && parentOf(b) === topId) : undefined;
    const areaMap = createAreaMaps(topFeatures as Feature[], (id) => childrenOf.get(id) ?? [], { bordersOf });
    return { units, urlOf: unitUrl, areaMap };
  }
}

function emptyLinksReport(): SchemeLinks['report'] {
  return { pairs: [], unconfirmed: [], failed: [], withoutSuccessor: [] };
}
