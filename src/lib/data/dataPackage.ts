import type { Source } from '../../schemas/atlasConfig.ts';
import { CSV_DIALECT } from '../csv/writeCsv.ts';
import {
  areaCsvSchema,
  facilitiesCsvSchema,
  facilitiesGeoJsonSchema,
  schemeLinksCsvSchema,
  unitCsvSchema,
  valuesCsvSchema,
  type TableSchema,
} from './tableSchemas.ts';

/**
 * `/data/datapackage.json`: the site's downloads as a Frictionless Data Package (v2,
 * https://datapackage.org/standard/data-package/): every CSV and GeoJSON as a resource with its Table Schema (field
 * names, types, units, missing-value markers), the one CSV dialect of the project, licences, sources, attribution and
 * Stichtag (custom property `stichtag` per resource). Paths are relative to `/data/`; the schemas shared by many
 * files (one CSV per unit) are separate files under `/data/schemas/`. Pure: the pipeline writes the result.
 */

/** Address of the package. */
export const DATA_PACKAGE_URL = '/data/datapackage.json';
/** Profile the package declares (and the tests validate it against). */
export const DATA_PACKAGE_PROFILE = 'https://datapackage.org/profiles/2.0/datapackage.json';

/** The dialect of every CSV, as a Table Dialect (v2). */
export const TABLE_DIALECT = {
  header: CSV_DIALECT.header,
  delimiter: CSV_DIALECT.delimiter,
  lineTerminator: CSV_DIALECT.lineTerminator,
  quoteChar: CSV_DIALECT.quoteChar,
  doubleQuote: CSV_DIALECT.doubleQuote,
};

/** What the package describes. */
export interface DataPackageInput {
  atlas: {
    id: string;
    title: string;
    description: string;
    siteUrl: string;
    publisher: string;
    dataDate: string;
    licence: string;
  };
  /** Sources of the indicators (all of `atlas.yml`). */
  sources: readonly Source[];
  /** Level ids, top first. */
  levels: readonly string[];
  units: readonly { id: string; name: string }[];
  /** True when the build writes `/data/scheme-links.csv` (successors across boundary schemes). */
  schemeLinks?: boolean | undefined;
  /** Per source id: the reference dates of its tables (latest is the Stichtag of the values). */
  facilities?: { referenceDate: string; licence: string; odbl: boolean } | undefined;
  overlays: readonly {
    id: string;
    label: string;
    dataDate?: string | undefined;
    source?: Source | undefined;
    areas: readonly { id: string; name: string }[];
  }[];
}

type License = { name: string; title: string; path?: string };
/** A resource of the package (the v2 properties used here, plus `stichtag`). */
export interface DataResource {
  name: string;
  type?: 'table';
  path: string;
  title: string;
  description?: string;
  format: string;
  mediatype: string;
  encoding: 'utf-8';
  dialect?: typeof TABLE_DIALECT;
  schema?: string | TableSchema;
  licenses?: License[];
  sources?: { title: string; path?: string }[];
  /** Reference date (Stichtag) of the data in the file, ISO. */
  stichtag?: string;
}

/** A licence text as a Data Package licence: `name` must be a token ("CC BY 4.0" → "CC-BY-4.0"). */
export function licenseOf(text: string, url?: string): License {
  const name = text.replace(/[^-a-zA-Z0-9._]+/g, '-').replace(/^-+|-+$/g, '') || 'other';
  return url ? { name, title: text, path: url } : { name, title: text };
}

function sourceRef(s: Source): { title: string; path?: string } {
  return s.url
    ? { title: `${s.title.de} (${s.publisher}; ${s.attribution})`, path: s.url }
    : { title: `${s.title.de} (${s.publisher}; ${s.attribution})` };
}

/** A resource name: lower case, digits, `-`, `.`, `_` (ids may contain upper case letters). */
function resourceName(...parts: string[]): string {
  return parts
    .join('-')
    .toLowerCase()
    .replace(/[^a-z0-9._-]+/g, '-');
}

const CSV = { format: 'csv', mediatype: 'text/csv', encoding: 'utf-8' as const, type: 'table' as const };
const GEOJSON = { format: 'geojson', mediatype: 'application/geo+json', encoding: 'utf-8' as const };

/** Schema files shared by many resources, path (below /data/) → schema. */
export const SHARED_SCHEMAS = {
  unit: 'schemas/unit-values.json',
  area: 'schemas/area-facilities.json',
} as const;

/** The package descriptor and the shared schema files to write beside it. */
export function buildDataPackage(i: DataPackageInput): {
  descriptor: Record<string, unknown>;
  files: Record<string, unknown>;
} {
  const atlasLicense = licenseOf(i.atlas.licence);
  const indicatorSources = i.sources.map(sourceRef);
  const sourceLicenses = dedupe(i.sources.map((s) => licenseOf(s.licence, s.licenceUrl)));
  const resources: DataResource[] = [
    {
      ...CSV,
      name: 'values',
      path: 'values.csv',
      title: 'All values: unit × indicator × year',
      dialect: TABLE_DIALECT,
      schema: valuesCsvSchema(),
      licenses: sourceLicenses,
      sources: indicatorSources,
      stichtag: i.atlas.dataDate,
    },
    ...i.units.map((u): DataResource => ({
      ...CSV,
      name: resourceName('unit', u.id),
      path: `units/${encodeURIComponent(u.id)}.csv`,
      title: `${u.name}: values`,
      dialect: TABLE_DIALECT,
      schema: SHARED_SCHEMAS.unit,
      licenses: sourceLicenses,
      stichtag: i.atlas.dataDate,
    })),
  ];
  if (i.facilities) {
    const lic = [
      licenseOf(
        i.facilities.odbl ? 'ODbL-1.0' : 'see sources column',
        i.facilities.odbl ? 'https://opendatacommons.org/licenses/odbl/1-0/' : undefined,
      ),
    ];
    resources.push(
      {
        ...CSV,
        name: 'facilities',
        path: 'facilities.csv',
        title: 'Facility directory',
        description: i.facilities.licence,
        dialect: TABLE_DIALECT,
        schema: facilitiesCsvSchema(i.levels),
        licenses: lic,
        stichtag: i.facilities.referenceDate,
      },
      {
        ...GEOJSON,
        name: 'facilities-geojson',
        path: 'facilities.geojson',
        title: 'Facility directory (GeoJSON points, WGS84; schema: feature properties)',
        description: i.facilities.licence,
        schema: facilitiesGeoJsonSchema(i.levels),
        licenses: lic,
        stichtag: i.facilities.referenceDate,
      },
    );
  }
  for (const o of i.overlays) {
    const meta = {
      licenses: o.source ? [licenseOf(o.source.licence, o.source.licenceUrl)] : [atlasLicense],
      sources: o.source ? [sourceRef(o.source)] : [],
      ...(o.dataDate ? { stichtag: o.dataDate } : {}),
    };
    const files = [
      { id: undefined as string | undefined, name: o.label },
      ...o.areas.map((a) => ({ id: a.id, name: a.name })),
    ];
    for (const f of files) {
      const base = f.id === undefined ? `gebiete/${o.id}` : `gebiete/${o.id}/${encodeURIComponent(f.id)}`;
      const name = f.id === undefined ? resourceName('area', o.id) : resourceName('area', o.id, f.id);
      resources.push(
        {
          ...CSV,
          name,
          path: `${base}.csv`,
          title: `${f.name}: facilities inside`,
          dialect: TABLE_DIALECT,
          schema: SHARED_SCHEMAS.area,
          ...meta,
        },
        {
          ...GEOJSON,
          name: `${name}-geojson`,
          path: `${base}.geojson`,
          title: `${f.name}: area polygons and facilities inside (GeoJSON, WGS84)`,
          ...meta,
        },
      );
    }
  }
  if (i.schemeLinks)
    resources.push({
      ...CSV,
      name: 'scheme-links',
      path: 'scheme-links.csv',
      title: 'Successors and predecessors across boundary schemes (shares by area)',
      dialect: TABLE_DIALECT,
      schema: schemeLinksCsvSchema(),
      licenses: sourceLicenses,
    });
  resources.push({
    name: 'boundaries',
    path: 'boundaries.topojson',
    title: 'Boundaries of every level (TopoJSON, WGS84, simplified for the web)',
    format: 'topojson',
    mediatype: 'application/json',
    encoding: 'utf-8',
    licenses: sourceLicenses,
  });
  const descriptor = {
    $schema: DATA_PACKAGE_PROFILE,
    name: resourceName(i.atlas.id),
    title: i.atlas.title,
    description: `${i.atlas.description} Published by ${i.atlas.publisher}. Every CSV: UTF-8 with byte order mark, comma-separated, decimal point, CRLF, header row; empty cell = no value (the status column says why); text cells starting with = + - @ carry a leading ' (spreadsheet formula protection). Stichtag per resource in "stichtag".`,
    homepage: i.atlas.siteUrl,
    licenses: [atlasLicense],
    sources: indicatorSources,
    stichtag: i.atlas.dataDate,
    resources,
  };
  return {
    descriptor,
    files: {
      [SHARED_SCHEMAS.unit]: unitCsvSchema(),
      [SHARED_SCHEMAS.area]: areaCsvSchema(i.levels),
    },
  };
}

function dedupe(list: License[]): License[] {
  const seen = new Set<string>();
  return list.filter((l) => {
    const k = JSON.stringify(l);
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}
