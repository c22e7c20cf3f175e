import type { MultiPolygon, Polygon, Position } from 'geojson';
import type { Severity } from '../problems.ts';
import type { ResolvedCrs } from './crs.ts';
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

/** True if a [west, south, east, north] box lies inside Germany's extent. */
export function isInGermany([w, s, e, n]: readonly number[]): boolean {
  const [gw, gs, ge, gn] = GERMANY_BBOX;
  return [w, s, e, n].every((v) => Number.isFinite(v)) && w! >= gw && e! <= ge && s! >= gs && n! <= gn;
}

/**
 * Compares the coordinates as read (`raw`) and after reprojection to WGS84 (`lonLat`) with Germany's extent:
 * catches metres declared (or assumed) as lon/lat, lon/lat declared as metres, swapped lat/lon, and anything else
 * that lands outside Germany (a wrong EPSG code, a zone-prefixed easting).
 */
export function classifyRange(
  raw: Polygon | MultiPolygon,
  lonLat: Polygon | MultiPolygon,
  crs: Pick<ResolvedCrs, 'isGeographic'>,
): RangeVerdict {
  const [w, s, e, n] = bbox(lonLat);
  const [rw, rs, re, rn] = bbox(raw);
  const rawLooksLikeDegrees = rw >= -180 && re <= 180 && rs >= -90 && rn <= 90;
  if (![w, s, e, n].every(Number.isFinite) || w < -180 || e > 180 || s < -90 || n > 90) {
    return crs.isGeographic && !rawLooksLikeDegrees ? 'metresAsDegrees' : 'outOfRange';
  }
  if (isInGermany([w, s, e, n])) return 'ok';
  const [gw, gs, ge, gn] = GERMANY_BBOX;
  if (crs.isGeographic && w >= gs && e <= gn && s >= gw && n <= ge) return 'swapped';
  if (!crs.isGeographic && rawLooksLikeDegrees) return 'degreesAsMetres';
  return 'outsideGermany';
}

/**
 * Coordinate systems a German city's data is commonly in, tried when the declared one puts a level outside Germany
 * (the likely cause for the message). Web Mercator and lon/lat come last: they accept almost any small number.
 */
export const LIKELY_CRS = [
  'EPSG:25832',
  'EPSG:25833',
  'EPSG:4647',
  'EPSG:5650',
  'EPSG:31466',
  'EPSG:31467',
  'EPSG:31468',
  'EPSG:31469',
  'EPSG:3857',
  'EPSG:4326',
] as const;

/**
 * The likely cause of a level outside Germany, in German, from its raw extent [west, south, east, north] and a
 * reprojection function: a zone-prefixed easting (eastings of 32,xxx,xxx read as plain UTM), swapped axes
 * (northing first), or another common CRS (`LIKELY_CRS`) under which the level would lie in Germany.
 * @param project converts a position from a candidate CRS (an EPSG code of LIKELY_CRS) to WGS84 lon/lat
 */
export function likelyCrsCause(
  rawBox: readonly [number, number, number, number],
  declared: string,
  project: (p: [number, number], crs: string) => [number, number],
): string {
  const [rw, rs, re, rn] = rawBox;
  const fits = (box: [number, number, number, number], crs: string) => {
    const [a, b] = [project([box[0], box[1]], crs), project([box[2], box[3]], crs)];
    return isInGermany([Math.min(a[0], b[0]), Math.min(a[1], b[1]), Math.max(a[0], b[0]), Math.max(a[1], b[1])]);
  };
  const candidates = (box: [number, number, number, number]) =>
    LIKELY_CRS.filter((c) => c !== declared && fits(box, c));
  if (rw >= 1e7 && re < 1e8) {
    const zone = Math.floor(rw / 1e6);
    const code = zone === 32 ? 'EPSG:4647' : zone === 33 ? 'EPSG:5650' : undefined;
    return (
      `Die Ostwerte beginnen mit der Zonenziffer ${zone} (z. B. ${Math.round(rw)}): UTM mit vorangestellter Zone. ` +
      (code
        ? `crs: ${code} angeben (ETRS89 / UTM zone ${zone}N mit Zonenziffer) oder die .prj-Datei mitliefern.`
        : 'Die .prj-Datei mitliefern oder eine proj-Zeichenkette mit +x_0=<Zone>500000 angeben.')
    );
  }
  const swapped = candidates([rs, rw, rn, re]);
  const direct = candidates([rw, rs, re, rn]);
  if (direct.length > 0)
    return `Wahrscheinlich ein falscher EPSG-Code: mit ${direct.slice(0, 3).join(' oder ')} lägen die Flächen in Deutschland. Die crs-Angabe (bzw. die .prj-Datei) prüfen.`;
  if (swapped.length > 0)
    return `Wahrscheinlich vertauschte Achsen (Nordwert zuerst): vertauscht und als ${swapped[0]} gelesen lägen die Flächen in Deutschland. Export mit der Achsenreihenfolge Ost, Nord (x, y) wiederholen.`;
  return 'Die crs-Angabe in atlas.yml bzw. die .prj-Datei prüfen (EPSG-Code, Achsenreihenfolge, Ostwert mit Zonenziffer); bei Daten im Ausland ist das Gebiet nicht unterstützt.';
}

/** Message and hint for `count` features with one range verdict; every verdict is an error (nothing is drawn). */
export function describeRange(
  verdict: RangeVerdict,
  count: number,
  sample: string,
  crs: string,
  likelyCause = '',
): { severity: Severity; message: string; hint: string } {
  const n = `${count} ${count === 1 ? 'Feature' : 'Features'}`;
  const error = (message: string, hint: string) => ({ severity: 'error' as const, message, hint });
  switch (verdict) {
    case 'metresAsDegrees':
      return error(
        `${n}: Koordinaten liegen außerhalb von Länge/Breite (z. B. ${sample}); das sind offenbar Meter, gelesen als ${crs}.`,
        'In atlas.yml bei boundaries crs: EPSG:25832 oder EPSG:25833 angeben (UTM in Metern; Berlin: EPSG:25833; Gauß-Krüger: EPSG:31466–31469), oder die .prj-Datei neben die .shp legen.' +
          (likelyCause ? ` ${likelyCause}` : ''),
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
      return error(
        `${n} ${count === 1 ? 'liegt' : 'liegen'} außerhalb Deutschlands (z. B. ${sample}, gelesen als ${crs}).`,
        likelyCause || 'Die crs-Angabe prüfen.',
      );
    default:
      return error(
        `${n}: Koordinaten ergeben nach Umrechnung aus ${crs} keine gültige Länge/Breite (z. B. ${sample}).`,
        likelyCause || 'Die crs-Angabe in atlas.yml oder in der Datei prüfen.',
      );
  }
}

/** An example position of a geometry, for messages ("392000, 5820000"). */
export function samplePosition(g: Polygon | MultiPolygon): string {
  const p = g.type === 'Polygon' ? g.coordinates[0]?.[0] : g.coordinates[0]?.[0]?.[0];
  return p ? `${p[0]}, ${p[1]}` : '?';
}
