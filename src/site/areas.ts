import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { AreaIndexData, AreaLayerData, AreaLink, AreaLinks, AreaPageData } from '../lib/areas/areaModel.ts';

/**
 * Read access for the area pages to the overlays' artifacts (`build/areas/` in the cache folder, written by
 * `publishOverlays`). Like `data.ts`: pages render these and compute nothing.
 */
const CACHE = process.env.SOZIALATLAS_CACHE ?? '.atlas';
const DIR = join(CACHE, 'build', 'areas');

let index: AreaIndexData | undefined | null = null;
let links: AreaLinks | undefined | null = null;

function read<T>(...path: string[]): T {
  return JSON.parse(readFileSync(join(DIR, ...path), 'utf8')) as T;
}

/** The layers with counts; undefined when the atlas has no overlays. */
export function getAreaIndex(): AreaIndexData | undefined {
  if (index === null) index = existsSync(join(DIR, 'index.json')) ? read<AreaIndexData>('index.json') : undefined;
  return index;
}

/** One layer's list of areas. */
export function getAreaLayer(layer: string): AreaLayerData {
  return read<AreaLayerData>(layer, 'index.json');
}

/** One area's page model. */
export function getAreaPage(layer: string, id: string): AreaPageData {
  return read<AreaPageData>(layer, 'areas', `${id}.json`);
}

/** Every area page as route parameters. */
export function areaRoutes(): { layer: string; area: string }[] {
  return (getAreaIndex()?.layers ?? []).flatMap((l) =>
    getAreaLayer(l.layer.id).areas.map((a) => ({ layer: l.layer.id, area: a.id })),
  );
}

function getLinks(): AreaLinks | undefined {
  if (links === null) links = existsSync(join(DIR, 'links.json')) ? read<AreaLinks>('links.json') : undefined;
  return links;
}

/** The areas a facility lies in, with their layer's label; [] without overlays. */
export function areasOfFacility(
  id: string,
): (AreaLink & { layerLabel: AreaLinks['layers'][number]['label'] | undefined })[] {
  const l = getLinks();
  return (l?.byFacility[id] ?? []).map((a) => ({ ...a, layerLabel: l?.layers.find((x) => x.id === a.layer)?.label }));
}

/** The areas touching a unit, with their layer's label and the share of the unit covered; [] without overlays. */
export function areasOfUnit(
  id: string,
): (AreaLink & { shareOfUnit: number; layerLabel: AreaLinks['layers'][number]['label'] | undefined })[] {
  const l = getLinks();
  return (l?.byUnit[id] ?? []).map((a) => ({ ...a, layerLabel: l?.layers.find((x) => x.id === a.layer)?.label }));
}
