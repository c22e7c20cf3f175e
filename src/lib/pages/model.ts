import type { CellStatus, Indicator } from '../../schemas/atlasConfig.ts';
import type { UnitAssessmentsData } from './unitAssessments.ts';
import type { LocalizedText } from '../../schemas/common.ts';
import type { Method } from '../indicators/store.ts';
import type { BreakKind } from '../indicators/breaks.ts';
import type { UnitFacilities } from './facilityModel.ts';
import type { SubUnitMapData } from '../charts/subUnitMap.ts';
import type { LineRole } from '../charts/timeSeries.ts';
import type { LocalizedDrawing } from '../charts/svg.ts';
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

/** A comparison beside the unit's own values: a parent unit (nearest first) or the city. */
export interface ComparisonColumn {
  /** Unit id, or "*" for the city. */
  id: string;
  name: { de: string; en: string };
  /** The level of a parent unit; undefined for the city. */
  level?: string | undefined;
  /** How its line is drawn in charts. */
  role: 'parent' | 'grand' | 'city';
  url?: string | undefined;
}

/** A value of a comparison column in the same year; undefined where the source publishes none. */
export interface ComparisonValue {
  status: CellStatus;
  value?: number | undefined;
  method: Method;
  date?: string | undefined;
  /** For `suppressed`: by whom and why (suppress.ts). */
  suppression?: SuppressionReason | undefined;
}

/** A break as shown on a page: year, kind and text. */
export interface BreakRef {
  year: number;
  kind: BreakKind;
  text: LocalizedText;
}

/**
 * The change of a key figure, never across a break: a plain difference to the previous value; the source's own
 * comparable change (`comparableChange`) where a break lies between; or the break that makes them not comparable.
 */
export type KeyFigureChange =
  | { kind: 'difference'; fromYear: number; fromDate?: string | undefined; delta: number }
  | {
      kind: 'source';
      /** The indicator holding the source's change. */
      indicator: string;
      delta: number;
      fromDate?: string | undefined;
      toDate?: string | undefined;
    }
  | { kind: 'notComparable'; fromYear: number; breakYear: number; breakKind: BreakKind };

/** A table cell as shown: its text and an optional note in smaller type (how the value came about). */
export interface CellText {
  text: string;
  note?: string | undefined;
}

/** A key figure's texts in one language, ready to show. */
export interface KeyFigureText {
  label: string;
  value: CellText;
  /** "31.12.2018", with the edition as note where it differs ("Ausgabe 2019"). */
  date: CellText;
  /** One entry per comparison of the page (parent, its parent, city), named: "Reuterstraße: 39,0 % (veröffentlicht)". */
  comparison: (CellText & { name: string })[];
  rank: string;
  change: string;
}

export interface KeyFigure {
  indicator: string;
  /** The edition (year) of the value. */
  year: number;
  /** Its reference date (Stichtag), YYYY-MM-DD. */
  date?: string | undefined;
  status: CellStatus;
  value?: number | undefined;
  method: Method;
  note?: string | undefined;
  /** For `suppressed`: by whom and why (suppress.ts). */
  suppression?: SuppressionReason | undefined;
  /** The comparison values in the same year, aligned with `UnitPageData.comparison`. */
  comparison: (ComparisonValue | undefined)[];
  rank?: number | undefined;
  rankOf?: number | undefined;
  change?: KeyFigureChange | undefined;
  text: { de: KeyFigureText; en: KeyFigureText };
}

export interface SeriesRow {
  year: number;
  date?: string | undefined;
  status: CellStatus;
  value?: number | undefined;
  /** For `suppressed`: by whom and why (suppress.ts). */
  suppression?: SuppressionReason | undefined;
  /** Values of the block's comparison columns (`SeriesBlock.comparison`) in this year. */
  comparison: (ComparisonValue | undefined)[];
  /** The break between the previous row and this one, if any. */
  breakBefore?: BreakRef | undefined;
}

/** A series block's texts in one language, ready to show. */
export interface SeriesText {
  label: string;
  unit: string;
  topic: string;
  caption: string;
  /** Column headers: year (Stichtag), the unit, then each comparison column. */
  headers: string[];
  /** One row per year; `breakNote` is set on the first row after a break (shown as a row of its own before it). */
  rows: { anchor: string; year: string; date?: string | undefined; breakNote?: string | undefined; cells: string[] }[];
  /** Chart legend: name, line description and the line's role (the page shows its sample, `LINE_SWATCHES`). */
  legend: { name: string; description: string; role: LineRole }[];
  /** Comparison columns left out because the source publishes nothing there: "Für Berlin nicht veröffentlicht." */
  notPublished: string[];
  /** The breaks in the years shown, each as a sentence with its text (also those only a comparison series has). */
  breakNotes: string[];
  definition: string;
  /** True when the definition is German on an English page. */
  definitionIsGerman: boolean;
}

export interface SeriesBlock {
  indicator: string;
  /** Ids of the comparison columns shown with this series (those with any value), nearest parent first. */
  comparison: string[];
  rows: SeriesRow[];
  /** The breaks in this unit's series. */
  breaks: BreakRef[];
  /** The chart in both languages (see `drawingIn`); absent when the indicator is not charted (classes, counts, single year). */
  chart?: LocalizedDrawing;
  summary: { de: string; en: string };
  text: { de: SeriesText; en: SeriesText };
}

/** Uncharted series (counts, classes) of one topic as one table: a row per indicator, a column per year. */
export interface SeriesMatrix {
  id: string;
  indicators: string[];
  text: {
    de: SeriesMatrixText;
    en: SeriesMatrixText;
  };
}

/** A matrix's texts in one language. */
export interface SeriesMatrixText {
  heading: string;
  caption: string;
  /**
   * One per year. `date` is the Stichtag as text; `dateParts` the same text split before the year ("31.12." and
   * "2015"), so a narrow column (ten years on A4) may break there and nowhere else.
   */
  columns: {
    year: string;
    date?: string | undefined;
    dateParts?: [string, string] | undefined;
    breakNote?: string | undefined;
    /** "neuer Gebietsstand": a newer boundary scheme began this year (no break for this unit; see `notes`). */
    schemeMark?: string | undefined;
  }[];
  rows: { anchor: string; label: string; cells: { anchor: string; text: string }[] }[];
  summaries: string[];
  notes: string[];
}

/** Texts of a unit page in one language that are not part of one key figure or series. */
export interface UnitPageText {
  keyFigureCaption: string;
  keyFigureHeaders: {
    indicator: string;
    value: string;
    date: string;
    comparison: string;
    rank: string;
    change: string;
  };
  keyFigureNote: string;
  /** Breaks declared for this unit itself (e.g. its boundary change), as sentences. */
  unitBreaks: string[];
  /** The reference dates of the values shown, for the citation: "Stand der Werte: 31.12.2018 (…); …". */
  citationDates: string;
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
  /** The locator map, drawn once for both languages (see `drawingIn`). */
  locator: LocalizedDrawing;
  /** What the unit's values are compared with: its parent, the parent's parent and the city. */
  comparison: ComparisonColumn[];
  keyFigures: KeyFigure[];
  series: SeriesBlock[];
  /** Charted series (indicator ids, in catalogue order) and the tables of the uncharted ones by topic. */
  matrices: SeriesMatrix[];
  /** Breaks declared for this unit itself. */
  unitBreaks: BreakRef[];
  /** The latest reference date of the values shown, per source id. */
  stichtage: { source: string; date?: string | undefined }[];
  text: { de: UnitPageText; en: UnitPageText };
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
  /** The level's boundary scheme id (`schemes` in site.json); undefined = the same in every scheme. */
  scheme?: string | undefined;
}
