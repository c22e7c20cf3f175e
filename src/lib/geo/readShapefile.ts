import { read } from 'shapefile';
import { DBF_ENCODINGS } from '../../schemas/atlasConfig.ts';
import type { ProblemLog } from '../problems.ts';

/**
 * ESRI shapefiles: geometry (`.shp`), attributes (`.dbf`), coordinate system (`.prj`, WKT) and the code page of the
 * attributes (`.cpg`), read through the `shapefile` package (Mike Bostock; pure JavaScript). Values in, values out:
 * the pipeline reads the files.
 */

/** The files of one shapefile, as read from the atlas folder. */
export interface ShapefileParts {
  /** Path of the .shp relative to the atlas folder, for messages. */
  file: string;
  shp: Uint8Array;
  /** The .dbf; without it features have no properties (and so no ids). */
  dbf?: Uint8Array | undefined;
  /** Text of the .prj (WKT), if present. */
  prj?: string | undefined;
  /** Text of the .cpg (code page of the .dbf), if present. */
  cpg?: string | undefined;
}

export { DBF_ENCODINGS };
export type DbfEncoding = (typeof DBF_ENCODINGS)[number];

/** True if the bytes start like a shapefile's main file (file code 9994, big-endian). */
export function isShapefile(bytes: Uint8Array): boolean {
  return bytes.length >= 100 && bytes[0] === 0 && bytes[1] === 0 && bytes[2] === 0x27 && bytes[3] === 0x0a;
}

/**
 * The encoding a `.cpg` names ("UTF-8", "1252", "ANSI 1252", "ISO-8859-1", "88591", "65001"…), or undefined when it
 * names none this reader knows.
 */
export function encodingFromCpg(text: string): DbfEncoding | undefined {
  const t = text
    .trim()
    .toUpperCase()
    .replace(/^ANSI\s*/, '')
    .replace(/[\s_]/g, '');
  if (/^(UTF-?8|65001)$/.test(t)) return 'utf-8';
  if (/^(CP|WINDOWS-?)?1252$/.test(t)) return 'windows-1252';
  if (/^(ISO-?8859-?1|88591|LATIN-?1|28591)$/.test(t)) return 'iso-8859-1';
  if (/^(ISO-?8859-?15|885915|LATIN-?9|28605)$/.test(t)) return 'iso-8859-15';
  return undefined;
}

/**
 * Guesses the encoding of a .dbf without `.cpg`: its records are UTF-8 if they decode as UTF-8 without error
 * (plain ASCII does too, and reads the same either way), else Windows-1252 (Latin-1 plus „“–€), which older
 * GIS exports in Germany write.
 */
export function detectDbfEncoding(dbf: Uint8Array): DbfEncoding {
  const headerLength = dbf.length >= 10 ? dbf[8]! | (dbf[9]! << 8) : 0;
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(dbf.subarray(Math.min(headerLength, dbf.length)));
    return 'utf-8';
  } catch {
    return 'windows-1252';
  }
}

/** Result of {@link readShapefile}: a FeatureCollection, the WKT of the .prj, and the encoding used for the .dbf. */
export interface ShapefileResult {
  json: { type: 'FeatureCollection'; features: unknown[] };
  prj: string | undefined;
  encoding: DbfEncoding;
  /** Where the encoding came from, for the data report: "boundaries.encoding", ".cpg" or "erkannt". */
  encodingFrom: string;
}

/**
 * Reads a shapefile into a GeoJSON FeatureCollection. The .dbf encoding: `encoding` (atlas.yml), else the .cpg,
 * else detected (see `detectDbfEncoding`). A numeric `idField` (DBF type N) is turned into text (DBF numbers never
 * keep leading zeros; a table that has them is told so by the id check). Problems go to `log` with the file named;
 * undefined when the shapefile cannot be read.
 */
export async function readShapefile(
  parts: ShapefileParts,
  options: { encoding?: DbfEncoding | undefined; idField: string },
  log: ProblemLog,
): Promise<ShapefileResult | undefined> {
  const { file } = parts;
  const dbfFile = file.replace(/\.shp$/i, '.dbf');
  if (!isShapefile(parts.shp)) {
    log.error({
      file,
      message: 'Die Datei ist keine Shapefile-Hauptdatei (.shp): der Dateikopf fehlt oder ist beschädigt.',
      hint: 'Die .shp-Datei neu aus dem GIS exportieren; ZIP-Archive vorher entpacken.',
    });
    return undefined;
  }
  if (parts.dbf === undefined) {
    log.error({
      file: dbfFile,
      message: 'Zur .shp-Datei fehlt die .dbf-Datei (Sachdaten mit Id und Name der Gebiete).',
      hint: 'Alle Dateien des Shapefiles (.shp, .dbf, .prj, .cpg) mit gleichem Namen in denselben Ordner legen.',
    });
    return undefined;
  }
  let encoding = options.encoding;
  let encodingFrom = 'boundaries.encoding';
  if (encoding === undefined && parts.cpg !== undefined) {
    encoding = encodingFromCpg(parts.cpg);
    encodingFrom = '.cpg';
    if (encoding === undefined) {
      log.error({
        file: file.replace(/\.shp$/i, '.cpg'),
        message: `Die .cpg-Datei nennt die Zeichenkodierung "${parts.cpg.trim().slice(0, 40)}", die nicht unterstützt wird.`,
        hint: `In atlas.yml bei boundaries encoding angeben (${DBF_ENCODINGS.join(', ')}).`,
      });
      return undefined;
    }
  }
  if (encoding === undefined) {
    encoding = detectDbfEncoding(parts.dbf);
    encodingFrom = 'erkannt';
  }
  try {
    const collection = await read(parts.shp, parts.dbf, { encoding });
    const features = collection.features.map((f) => {
      const props = (f.properties ?? {}) as Record<string, unknown>;
      const id = props[options.idField];
      if (typeof id === 'number' && Number.isInteger(id)) props[options.idField] = String(id);
      return { ...f, properties: props };
    });
    return { json: { type: 'FeatureCollection', features }, prj: parts.prj, encoding, encodingFrom };
  } catch (e) {
    log.error({
      file,
      message: `Das Shapefile ist nicht lesbar: ${e instanceof Error ? e.message : String(e)}.`,
      hint: 'Die Dateien (.shp, .dbf) neu aus dem GIS exportieren; sie müssen zusammengehören (gleicher Export).',
    });
    return undefined;
  }
}
