/**
 * The demo atlas's import configuration (imports.yml) for tests of the importer: its sources by id, its match
 * pairs, and a mapping context in which "inside the atlas" is Berlin's rough extent (the tests use made-up records,
 * not the boundaries).
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parse } from 'yaml';
import { resolveCrs } from '../../src/lib/geo/crs.ts';
import type { MatchPair } from '../../src/lib/facilities/clusterRecords.ts';
import type { MapContext } from '../../src/lib/facilities/mapSourceRecord.ts';
import { matchPairsOf } from '../../src/lib/facilities/planImport.ts';
import { ImportsConfigSchema, type ImportSource } from '../../src/schemas/imports.ts';

export const DEMO_IMPORTS = ImportsConfigSchema.parse(
  parse(readFileSync(resolve(import.meta.dirname, '../../imports.yml'), 'utf8')),
);

/** A source of the demo's imports.yml by id ("geoportal-kitas", "osm-doctors", …). */
export function demoSource(id: string): ImportSource {
  const s = DEMO_IMPORTS.sources.find((x) => x.id === id);
  if (!s) throw new Error(`no source ${id} in imports.yml`);
  return s;
}

/** The demo's match pairs as planImport takes them. */
export const DEMO_MATCH: MatchPair[] = matchPairsOf(DEMO_IMPORTS.match);

/** Berlin's rough extent [west, south, east, north] (generous by a few kilometres), standing in for the boundaries. */
const BERLIN_BOX = [13.0, 52.3, 13.85, 52.7] as const;

/** The mapping context of a demo source. */
export function demoContext(source: ImportSource, osmTypes?: ReadonlyMap<string, string>): MapContext {
  const crs = resolveCrs(source.crs);
  if ('error' in crs) throw new Error(crs.error);
  return {
    crs: crs.crs,
    city: DEMO_IMPORTS.city,
    areaCode: DEMO_IMPORTS.areaCode,
    retrieved: DEMO_IMPORTS.retrieved,
    inside: (p) => p.lon >= BERLIN_BOX[0] && p.lon <= BERLIN_BOX[2] && p.lat >= BERLIN_BOX[1] && p.lat <= BERLIN_BOX[3],
    osmTypes,
  };
}
