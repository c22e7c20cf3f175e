/**
 * A shapefile made from the demo's Berlin district boundaries (LOR Bezirke; Amt für Statistik Berlin-Brandenburg,
 * CC BY 3.0 DE, prepared by Open Data Product, CC BY 4.0; see data/SOURCES.md): reprojected to ETRS89 / UTM zone 33N
 * with the zone written before the easting (false easting 33,500,000), attributes in a Latin-1 .dbf without .cpg,
 * and an ESRI .prj. Written at test time (nothing binary is committed).
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import proj4 from 'proj4';
import type { Feature, FeatureCollection, MultiPolygon, Polygon, Position } from 'geojson';
import { UTM33_ZONE_PREFIXED, UTM33_ZONE_PREFIXED_PRJ, writeShapefile } from './shapefile.ts';

const ROOT = resolve(import.meta.dirname, '../..');
export const BERLIN_DISTRICTS = join(ROOT, 'data/berlin/geometry/berlin-lor-districts.geojson');

/** The demo's district GeoJSON as published (lon/lat). */
export async function readBerlinDistricts(): Promise<FeatureCollection<Polygon | MultiPolygon>> {
  return JSON.parse(await readFile(BERLIN_DISTRICTS, 'utf8')) as FeatureCollection<Polygon | MultiPolygon>;
}

/**
 * Writes `<base>.shp/.shx/.dbf/.prj` (no .cpg) with the fields SCHLUESSEL (id) and BEZ_NAME (name).
 * @returns the features as written (projected), for comparisons
 */
export async function writeBerlinShapefile(base: string): Promise<Feature<Polygon | MultiPolygon>[]> {
  const source = await readBerlinDistricts();
  const forward = proj4('EPSG:4326', UTM33_ZONE_PREFIXED);
  const project = (p: Position): Position => forward.forward([p[0]!, p[1]!]);
  const features = source.features.map((f) => {
    const g = f.geometry;
    const geometry: Polygon | MultiPolygon =
      g.type === 'Polygon'
        ? { type: 'Polygon', coordinates: g.coordinates.map((r) => r.map(project)) }
        : { type: 'MultiPolygon', coordinates: g.coordinates.map((p) => p.map((r) => r.map(project))) };
    const props = f.properties as { id: string; name: string };
    return { geometry, properties: { SCHLUESSEL: props.id, BEZ_NAME: props.name } };
  });
  const files = writeShapefile(features);
  await mkdir(dirname(base), { recursive: true });
  await writeFile(`${base}.shp`, files.shp);
  await writeFile(`${base}.shx`, files.shx);
  await writeFile(`${base}.dbf`, files.dbf);
  await writeFile(`${base}.prj`, UTM33_ZONE_PREFIXED_PRJ);
  return features.map((f) => ({ type: 'Feature', properties: f.properties, geometry: f.geometry }));
}
