import type { CellStatus, Indicator } from '../../schemas/atlasConfig.ts';
import type { UnitAssessmentsData } from './unitAssessments.ts';
import type { LocalizedText } from '../../schemas/common.ts';
import type { Method } from '../indicators/store.ts';
import type { UnitFacilities } from './facilityModel.ts';
import type { SubUnitMapData } from '../charts/subUnitMap.ts';

/** Artifact shapes handed from the pipeline to the pages (JSON in the build cache). */

export interface UnitRef {
  id: string;
  name: string;
  level: string;
  /** Path without language prefix, e.g. "/bezirksregion/010111/". */
  url: string;
}

export interface KeyFigure {
  indicator: string;
  year: number;
  status: CellStatus;
  value?: number | undefined;
  method: Method;
  note?: string | undefined;
  city?: { status: CellStatus; value?: number | undefined } | undefined;
  rank?: number | undefined;
  rankOf?: number | undefined;
  change?: { fromYear: number; delta: number } | undefined;
}

export interface SeriesRow {
  year: number;
  status: CellStatus;
  value?: number | undefined;
  cityStatus?: CellStatus | undefined;
  city?: number | undefined;
}

export interface SeriesBlock {
  indicator: string;
  rows: SeriesRow[];
  /** SVG per language; "" when the indicator is not charted (classes, single year). */
  svg: { de: string; en: string };
  summary: { de: string; en: string };
}

export interface UnitPageData {
  unit: UnitRef & { areaKm2: number };
  ancestors: UnitRef[];
  children: UnitRef[];
  locator: { de: string; en: string };
  keyFigures: KeyFigure[];
  series: SeriesBlock[];
  /** Source ids used on the page. */
  sources: string[];
  /** The unit's entries in the facility directory; undefined when the atlas has none. */
  facilities?: UnitFacilities | undefined;
  /** Provider assessments of the unit (not official statistics); undefined when it has none. */
  assessments?: UnitAssessmentsData | undefined;
  /** The map of the unit's sub-units (see UnitChildren.astro); undefined without sub-units. */
  subUnitMap?: SubUnitMapData | undefined;
}

export interface IndicatorMeta extends Indicator {
  years: number[];
  levels: string[];
}

export interface LevelMeta {
  id: string;
  label: LocalizedText;
  labelPlural: LocalizedText;
  parent?: string | undefined;
  count: number;
}
