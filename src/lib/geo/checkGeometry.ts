import type { MultiPolygon, Polygon, Position } from 'geojson';
import type { Severity } from '../problems.ts';
import type { Crs } from '../../schemas/atlasConfig.ts';
import { bbox } from './measure.ts';

/** Receives one finding about the geometry of the feature being checked; the caller adds file and location. */
export type ReportGeometry = (p: { severity: Severity; message: string; hint: string }) => void;

/** Germany's extent in WGS84 degrees [west, south, east, north] (RELIABILITY 2.5). */
export const GERMANY_BBOX: readonly [number, number, number, number] = [5.8, 47.2, 15.1, 55.1];

/**
 * Checks the structure of a feature's geometry and returns it as a Polygon or MultiPolygon with 2-D positions,
 * or undefined after reporting why it cannot be used (null, another type, non-numeric or too few positions).
 * Unclosed rings are closed with a warning: d3-geo drops a ring's last position, taking it for the closing one.
 */
export function normalizeGeometry(raw: unknown, report: ReportGeometry): Polygon | MultiPolygon | undefined {
  const g = (raw ?? {}) as { type?: unknown; coordinates?: unknown };
  if (raw === null || raw === undefined || (g.type !== 'Polygon' && g.type !== 'MultiPolygon')) {
    report({
      severity: 'error',
      message:
        raw === null || raw === undefined
          ? 'Das Feature hat keine Geometrie (null).'
          : `Geometrietyp ${JSON.stringify(g.type)} statt Polygon oder MultiPolygon.`,
      hint: 'Gebietsgrenzen müssen Flächen sein: im GIS Fläche zeichnen bzw. Punkte und Linien umwandeln; GeometryCollection als MultiPolygon exportieren.',
    });
    return undefined;
  }
  const problems: string[] = [];
  const isPolygon = g.type === 'Polygon';
  const polygons = isPolygon ? [g.coordinates] : Array.isArray(g.coordinates) ? g.coordinates : [undefined];
  const parts = polygons.map((p, i) => readPolygon(p, isPolygon ? '' : `Teil ${i}, `, problems, report));
  if (parts.length === 0) problems.push('MultiPolygon ohne Teile');
  if (problems.length > 0) {
    const more = problems.length > 3 ? ` und ${problems.length - 3} weitere` : '';
    report({
      severity: 'error',
      message: `Ungültige Koordinaten: ${problems.slice(0, 3).join('; ')}${more}.`,
      hint: 'Geometrie im GIS prüfen und reparieren (z. B. QGIS „Geometrien reparieren“) und neu exportieren.',
    });
    return undefined;
  }
  const valid = parts as Position[][][];
  return isPolygon ? { type: 'Polygon', coordinates: valid[0] ?? [] } : { type: 'MultiPolygon', coordinates: valid };
}

function readPolygon(
  raw: unknown,
  prefix: string,
  problems: string[],
  report: ReportGeometry,
): Position[][] | undefined {
  if (!Array.isArray(raw) || raw.length === 0) return void problems.push(`${prefix}keine Ringe`);
  const rings = raw.map((ring: unknown, r) => {
    const where = `${prefix}Ring ${r}`;
    if (!Array.isArray(ring)) return void problems.push(`${where} ist keine Liste`);
    const positions: Position[] = [];
    for (const [i, p] of ring.entries()) {
      const [x, y] = Array.isArray(p) ? p : [];
      if (typeof x !== 'number' || typeof y !== 'number' || !Number.isFinite(x) || !Number.isFinite(y)) {
        return void problems.push(`${where}, Punkt ${i}: ${JSON.stringify(p)} ist kein Zahlenpaar`);
      }
      positions.push([x, y]); // heights dropped: boundaries are drawn in 2-D
    }
    const [first, last] = [positions[0], positions.at(-1)];
    if (first && last && (first[0] !== last[0] || first[1] !== last[1])) {
      positions.push([first[0] ?? NaN, first[1] ?? NaN]);
      report({
        severity: 'warning',
        message: `${where} ist nicht geschlossen; der erste Punkt wurde am Ende ergänzt.`,
        hint: 'Geometrie im GIS prüfen.',
      });
    }
    if (positions.length < 4) return void problems.push(`${where} hat weniger als 3 Eckpunkte`);
    return positions;
  });
  return rings.every((ring) => ring !== undefined) ? rings : undefined;
}

/** What the coordinate ranges say about the declared CRS. */
export type RangeVerdict = 'ok' | 'metresAsDegrees' | 'outOfRange' | 'swapped' | 'degreesAsMetres' | 'outsideGermany';

/**
 * Compares the coordinates as read (`raw`) and after reprojection to WGS84 (`lonLat`) with Germany's extent:
 * catches metres declared (or assumed) as EPSG:4326, lon/lat declared as metres, and swapped lat/lon.
 */
export function classifyRange(raw: Polygon | MultiPolygon, lonLat: Polygon | MultiPolygon, crs: Crs): RangeVerdict {
  const [w, s, e, n] = bbox(lonLat);
  const [rw, rs, re, rn] = bbox(raw);
  const rawLooksLikeDegrees = rw >= -180 && re <= 180 && rs >= -90 && rn <= 90;
  if (![w, s, e, n].every(Number.isFinite) || w < -180 || e > 180 || s < -90 || n > 90) {
    return crs === 'EPSG:4326' && !rawLooksLikeDegrees ? 'metresAsDegrees' : 'outOfRange';
  }
  const [gw, gs, ge, gn] = GERMANY_BBOX;
  if (w >= gw && e <= ge && s >= gs && n <= gn) return 'ok';
  if (crs === 'EPSG:4326' && w >= gs && e <= gn && s >= gw && n <= ge) return 'swapped';
  if (crs !== 'EPSG:4326' && rawLooksLikeDegrees) return 'degreesAsMetres';
  return 'outsideGermany';
}

/** Message and hint for `count` features with one range verdict; only "outside Germany" is a mere warning. */
export function describeRange(
  verdict: RangeVerdict,
  count: number,
  sample: string,
  crs: Crs,
): { severity: Severity; message: string; hint: string } {
  const n = `${count} ${count === 1 ? 'Feature' : 'Features'}`;
  const error = (message: string, hint: string) => ({ severity: 'error' as const, message, hint });
  switch (verdict) {
    case 'metresAsDegrees':
      return error(
        `${n}: Koordinaten liegen außerhalb von Länge/Breite (z. B. ${sample}); das sind offenbar Meter, gelesen als ${crs}.`,
        'In atlas.yml bei boundaries crs: EPSG:25832 oder EPSG:25833 angeben (UTM in Metern; Berlin: EPSG:25833; Gauß-Krüger: EPSG:31466–31469).',
      );
    case 'swapped':
      return error(
        `${n}: Länge und Breite sind offenbar vertauscht (z. B. ${sample}); GeoJSON erwartet [Länge, Breite].`,
        'Export mit der Achsenreihenfolge Länge, Breite (x = Ost) wiederholen.',
      );
    case 'degreesAsMetres':
      return error(
        `${n}: Die Koordinaten sehen nach Länge/Breite aus (z. B. ${sample}), gelesen wurden sie als ${crs} (Meter).`,
        'crs: EPSG:4326 angeben oder die crs-Angabe entfernen.',
      );
    case 'outsideGermany':
      return {
        severity: 'warning',
        message: `${n} liegen außerhalb Deutschlands (z. B. ${sample}, gelesen als ${crs}).`,
        hint: 'Die crs-Angabe prüfen; bei Absicht ignorieren.',
      };
    default:
      return error(
        `${n}: Koordinaten ergeben nach Umrechnung aus ${crs} keine gültige Länge/Breite (z. B. ${sample}).`,
        'Die crs-Angabe in atlas.yml oder in der Datei prüfen.',
      );
  }
}

/** An example position of a geometry, for messages ("392000, 5820000"). */
export function samplePosition(g: Polygon | MultiPolygon): string {
  const p = g.type === 'Polygon' ? g.coordinates[0]?.[0] : g.coordinates[0]?.[0]?.[0];
  return p ? `${p[0]}, ${p[1]}` : '?';
}
