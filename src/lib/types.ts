import type { CellStatus } from '../schemas/atlasConfig.ts';

/** Where a value came from, for error messages and the data report. */
export interface Origin {
  /** Path relative to the atlas folder. */
  file: string;
  /** 1-based line in the file (header = line 1). */
  line: number;
  /** Column name in the file. */
  column: string;
}

/**
 * One indicator value of one unit in one year, with an explicit status (RELIABILITY 3.3):
 * a missing or suppressed cell is never 0 and never dropped.
 */
export interface Cell {
  unit: string;
  indicator: string;
  year: number;
  status: CellStatus;
  /** Set when status is "value" (or "zero", then 0). */
  value?: number | undefined;
  /** The text as it stood in the file, e.g. "12,5" or "-". */
  raw: string;
  /** Reference date (Stichtag) of the value, YYYY-MM-DD, from the table's `date` or `dateRule`; undefined if none. */
  date?: string | undefined;
  origin: Origin;
}

/** A spatial unit (district, region…), as read from its level's boundary file. */
export interface Unit {
  id: string;
  name: string;
  /** Level id from the config, e.g. "bezirk". */
  level: string;
  /** Parent unit id (on the parent level), undefined on the top level. */
  parent?: string | undefined;
  /** Area in m² (spherical, from the simplified-before geometry). */
  areaM2: number;
  /** [west, south, east, north] in WGS84 degrees. */
  bbox: [number, number, number, number];
  /** A point guaranteed inside the unit, [lon, lat]. */
  interiorPoint: [number, number];
}
