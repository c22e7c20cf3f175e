import type { AreaIndexData, AreaLayerData, AreaLink, AreaLinks, AreaPageData } from '../lib/areas/areaModel.ts';
import { readArtifact, readOptionalArtifact } from './artifacts.ts';

/**
 * Read access for the area pages to the overlays' artifacts (`build/areas/` in the cache folder, written by
 * `publishOverlays`). Like `data.ts`: pages render these and compute nothing.
 */
function read<T>(...path: string[]): T {
  return readArtifact<T>(['areas', ...path].join('/'));
}

/** The layers with counts; undefined when the atlas has no overlays. */
export function getAreaIndex(): AreaIndexData | undefined {
  return readOptionalArtifact<AreaIndexData>('areas/index.json', { keep: true });
}

/** One layer's list of areas. */
export function getAreaLayer(layer: string): AreaLayerData {
  return read<AreaLayerData>(layer, 'index.json');
}

/** One area's page model (read once for both languages, see `readArtifact`). */
export function getAreaPage(layer: string, id: string): AreaPageData {
  return readArtifact<AreaPageData>(`areas/${layer}/areas/${id}.json`, { recent: true });
}

/** Every area page as route parameters. */
export function areaRoutes(): { layer: string; area: string }[] {
  return (getAreaIndex()?.layers ?? []).flatMap((l) =>
    getAreaLayer(l.layer.id).areas.map((a) => ({ layer: l.layer.id, area: a.id })),
  );
}

function getLinks(): AreaLinks | undefined {
  return readOptionalArtifact<AreaLinks>('areas/links.json', { keep: true });
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
