import type { LocalizedText } from '../../schemas/common.ts';
import type { FacilityLocator } from '../charts/facilityLocator.ts';
import type { UnitRef } from '../pages/model.ts';
import type { AreaFieldValue } from './areaFields.ts';

/** Artifact shapes of the area overlays (`build/areas/…`), handed from the pipeline to the pages. */

/** A declared further field with its label, for the pages. */
export interface AreaFieldMeta {
  field: string;
  label: LocalizedText;
  type: 'text' | 'date' | 'number';
  unit?: LocalizedText | undefined;
}

/** The downloads of an area or a layer (paths without host). */
export interface AreaDownloads {
  csv: string;
  geojson: string;
}

/** A facility in an area's list: enough to call it and to find it. */
export interface AreaFacility {
  /**
   * Its number on the area map and in the tables: 1, 2, … in the order listed, most vulnerable first (printed, a
   * marker is found from the table and back).
   */
  no: number;
  id: string;
  name: string;
  /** Path without language prefix. */
  url: string;
  types: string[];
  /** 0–3, the highest of its types. */
  vulnerability: number;
  address: string;
  phone?: string | undefined;
  email?: string | undefined;
  stale?: true | undefined;
  /** Places (care home, Kita…), if known. */
  places?: number | undefined;
  /** Operator (Träger). */
  provider?: string | undefined;
  /** The operator's contact, only when the facility has neither phone nor e-mail (shown labelled as the operator's). */
  operatorContact?:
    { phone?: string | undefined; email?: string | undefined; address?: string | undefined } | undefined;
}

/** A unit an area touches. */
export interface AreaUnit extends UnitRef {
  /** Share of the unit covered by the area, 0–1. */
  shareOfUnit: number;
  /** Share of the area lying in the unit, 0–1. */
  shareOfArea: number;
}

/** The layer as every page of it needs it. */
export interface AreaLayerMeta {
  id: string;
  label: LocalizedText;
  description?: LocalizedText | undefined;
  /** Path without language prefix: `/gebiete/<layer>/`. */
  url: string;
  /** Source id (see `SiteData.sources`). */
  source: string;
  /** Datenstand of the layer (ISO date), if the config or the source gives one. */
  dataDate?: string | undefined;
  /** The latest value of the layer's date fields (e.g. the last area to come into force): a lower bound of its currency. */
  latestDate?: { field: string; date: string } | undefined;
  fields: AreaFieldMeta[];
  /** Path of the boundary file in the atlas folder, for editors. */
  file: string;
}

/** `/gebiete/<layer>/<area>/` (`build/areas/<layer>/<area>.json`). */
export interface AreaPageData {
  layer: AreaLayerMeta;
  id: string;
  name: string;
  url: string;
  /** Field → value (dates ISO); fields without a value are left out. */
  fields: Record<string, AreaFieldValue>;
  /** Area in hectares, computed from the polygon. */
  hectares: number;
  /** The area over the sub-units around it, with its facilities as points; labelled by the page. */
  map?: FacilityLocator | undefined;
  /** The area's position in the city (small). */
  locator?: FacilityLocator | undefined;
  /** Facilities inside, most vulnerable first, then by name. */
  facilities: AreaFacility[];
  /** Units touched, by level from the top, each level by share of the area (largest first). */
  units: AreaUnit[];
  downloads: AreaDownloads;
  /** Reference date of the facility directory (its `lastConfirmed` staleness is measured against it). */
  facilitiesDate?: string | undefined;
  /** True when a facility listed has OpenStreetMap (ODbL) data: the downloads are under the ODbL. */
  odbl: boolean;
}

/** One area in a layer list. */
export interface AreaListItem {
  id: string;
  name: string;
  url: string;
  fields: Record<string, AreaFieldValue>;
  hectares: number;
  facilities: number;
  /** Facilities with vulnerability ≥ 2 (care homes, hospitals, Kitas, schools). */
  vulnerable: number;
}

/** `/gebiete/<layer>/` (`build/areas/<layer>/index.json`). */
export interface AreaLayerData {
  layer: AreaLayerMeta;
  areas: AreaListItem[];
  /** Overview map: the city's top-level units and every area of the layer. */
  map?: FacilityLocator | undefined;
  downloads: AreaDownloads;
  odbl: boolean;
}

/** `/gebiete/` (`build/areas/index.json`). */
export interface AreaIndexData {
  layers: { layer: AreaLayerMeta; areas: number; facilities: number; downloads: AreaDownloads }[];
}

/** A link to an area, for facility and unit pages (`build/areas/links.json`). */
export interface AreaLink {
  layer: string;
  id: string;
  name: string;
  url: string;
}

/** `build/areas/links.json`: facility id → areas it lies in; unit id → areas touching it. */
export interface AreaLinks {
  layers: { id: string; label: LocalizedText }[];
  byFacility: Record<string, AreaLink[]>;
  byUnit: Record<string, (AreaLink & { shareOfUnit: number })[]>;
}

/** Url of a layer page without language prefix. */
export function areaLayerUrl(layer: string): string {
  return `/gebiete/${encodeURIComponent(layer)}/`;
}

/** Url of an area page without language prefix. */
export function areaUrl(layer: string, id: string): string {
  return `/gebiete/${encodeURIComponent(layer)}/${encodeURIComponent(id)}/`;
}

/** Download paths of a layer. */
export function layerDownloads(layer: string): AreaDownloads {
  return { csv: `/data/gebiete/${layer}.csv`, geojson: `/data/gebiete/${layer}.geojson` };
}

/** Download paths of an area. */
export function areaDownloads(layer: string, id: string): AreaDownloads {
  return { csv: `/data/gebiete/${layer}/${id}.csv`, geojson: `/data/gebiete/${layer}/${id}.geojson` };
}
