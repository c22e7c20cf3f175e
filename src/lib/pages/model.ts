import type { CellStatus, Indicator } from '../../schemas/atlasConfig.ts';
import type { UnitAssessmentsData } from './unitAssessments.ts';
import type { LocalizedText } from '../../schemas/common.ts';
import type { Method } from '../indicators/store.ts';
import type { UnitFacilities } from './facilityModel.ts';
import type { SuppressionReason } from '../indicators/suppress.ts';
import type { ChildGroup, UnitSchemesData } from './unitSchemes.ts';

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
  /** For `suppressed`: by whom and why (suppress.ts). */
  suppression?: SuppressionReason | undefined;
  city?: { status: CellStatus; value?: number | undefined; suppression?: SuppressionReason | undefined } | undefined;
  rank?: number | undefined;
  rankOf?: number | undefined;
  change?: { fromYear: number; delta: number } | undefined;
}

export interface SeriesRow {
  year: number;
  status: CellStatus;
  value?: number | undefined;
  /** For `suppressed`: by whom and why (suppress.ts). */
  suppression?: SuppressionReason | undefined;
  cityStatus?: CellStatus | undefined;
  city?: number | undefined;
  citySuppression?: SuppressionReason | undefined;
}

export interface SeriesBlock {
  indicator: string;
  rows: SeriesRow[];
  /** SVG per language; "" when the indicator is not charted (classes, single year). */
  svg: { de: string; en: string };
  summary: { de: string; en: string };
}

export interface UnitPageData {
  /** `areaText`: the area as shown, marked as computed from the geometry ("12,34 km² (aus der Geometrie berechnet)"). */
  unit: UnitRef & { areaKm2: number; areaText?: Record<'de' | 'en', string> | undefined };
  ancestors: UnitRef[];
  children: UnitRef[];
  /** The children grouped by level (and so by boundary scheme); one group when all are of one level. */
  childGroups?: ChildGroup[] | undefined;
  /** The unit's boundary scheme and its successors or predecessors in the other scheme; undefined without schemes. */
  schemes?: UnitSchemesData | undefined;
  locator: { de: string; en: string };
  keyFigures: KeyFigure[];
  series: SeriesBlock[];
  /** Source ids used on the page. */
  sources: string[];
  /** The unit's entries in the facility directory; undefined when the atlas has none. */
  facilities?: UnitFacilities | undefined;
  /** Provider assessments of the unit (not official statistics); undefined when it has none. */
  assessments?: UnitAssessmentsData | undefined;
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
  /** The level's boundary scheme id (`schemes` in site.json); undefined = the same in every scheme. */
  scheme?: string | undefined;
}
