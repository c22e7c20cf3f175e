/**
 * Frictionless Table Schemas (Data Package v2, https://datapackage.org/standard/table-schema/) of every CSV and of
 * the feature properties of every GeoJSON download. The writers take their column order from here
 * (`fieldNames(schema)`), so a file's header and its schema cannot drift apart; `test/pipeline/dataPackage.test.ts`
 * reads the written files back to prove it. Pure.
 */

/** A Table Schema field; `unit` and `x-` keys are allowed additions (the profile permits further properties). */
export interface TableField {
  name: string;
  type: 'string' | 'number' | 'integer' | 'boolean' | 'date' | 'object' | 'array';
  title?: string;
  description: string;
  /** Display unit where the column has one fixed unit (e.g. "m", "ha"). */
  unit?: string;
  format?: string;
  constraints?: { required?: boolean; enum?: string[]; minimum?: number; maximum?: number };
}

export interface TableSchema {
  fields: TableField[];
  /** Cells that mean "no value"; the `status` column says which kind (missing, suppressed, not applicable). */
  missingValues: string[];
  primaryKey?: string[];
}

/** Names of a schema's fields, in order: the header of its CSV. */
export function fieldNames(schema: TableSchema): string[] {
  return schema.fields.map((f) => f.name);
}

const STATUS: TableField = {
  name: 'status',
  type: 'string',
  description:
    'Status of the value (DIN 55301): value, zero, missing ("keine Angabe"), suppressed ("geheim gehalten"), notApplicable ("nicht sinnvoll"). `value` is empty unless status is value or zero.',
  constraints: { required: true, enum: ['value', 'zero', 'missing', 'suppressed', 'notApplicable'] },
};

/** `/data/units/<id>.csv`: one unit's series, one row per indicator and year. */
export function unitCsvSchema(): TableSchema {
  return {
    fields: [
      {
        name: 'unit_id',
        type: 'string',
        description: 'Id of the unit (leading zeros matter).',
        constraints: { required: true },
      },
      { name: 'unit_name', type: 'string', description: 'Name of the unit.' },
      { name: 'level', type: 'string', description: 'Level id of the unit (see atlas.json → levels).' },
      {
        name: 'indicator_id',
        type: 'string',
        description: 'Indicator id (see atlas.json → indicators).',
        constraints: { required: true },
      },
      { name: 'indicator', type: 'string', description: 'Indicator label (German).' },
      {
        name: 'year',
        type: 'integer',
        description: 'Data year (the edition; see `date` for the reference date).',
        constraints: { required: true },
      },
      {
        name: 'date',
        type: 'date',
        description: 'Reference date (Stichtag) of the value; empty when the source declares none.',
      },
      {
        name: 'value',
        type: 'number',
        description: 'The value in the unit of the column `unit` (empty when not published: see `status`).',
      },
      STATUS,
      SYMBOL,
      STATUS_REASON,
      {
        name: 'unit',
        type: 'string',
        description: 'Unit of the value, e.g. "%" or "Personen" (empty for indices and classes).',
      },
      {
        name: 'break_before',
        type: 'string',
        description:
          'A series break between the previous row of this indicator and this one (German text); empty when none. Values across a break are not comparable.',
      },
      {
        name: 'break_kind',
        type: 'string',
        description: 'Kind of that break: definition, method, boundary or source; empty when none.',
        constraints: { enum: ['definition', 'method', 'boundary', 'source'] },
      },
      {
        name: 'parent_value',
        type: 'number',
        description: 'The same indicator for the parent unit, same year (empty when none is published or computed).',
      },
      {
        name: 'city_value',
        type: 'number',
        description: 'The same indicator for the whole city, same year (empty when none).',
      },
      { name: 'source', type: 'string', description: 'Publisher of the source.' },
      { name: 'licence', type: 'string', description: 'Licence of the source.' },
    ],
    missingValues: [''],
    primaryKey: ['unit_id', 'indicator_id', 'year'],
  };
}

/** DIN 55301 symbol of a value without a number. */
const SYMBOL: TableField = {
  name: 'symbol',
  type: 'string',
  description:
    'DIN 55301 symbol where there is no number: "." suppressed or not available, "-" zero, "x" not applicable, "/" not shown (too few for a meaningful rate); empty for a number.',
};

/** Who suppressed a value and why. */
const STATUS_REASON: TableField = {
  name: 'status_reason',
  type: 'string',
  description:
    'For status "suppressed": source (by the publisher), min_count (the atlas: small count), secondary (the atlas: would reveal a small count), numerator_suppressed, min_denominator; empty otherwise.',
};

/** `/data/scheme-links.csv`: successors and predecessors across boundary schemes. */
export function schemeLinksCsvSchema(): TableSchema {
  return {
    fields: [
      {
        name: 'from_id',
        type: 'string',
        description: 'Id of the unit of the older scheme.',
        constraints: { required: true },
      },
      { name: 'from_name', type: 'string', description: 'Its name.' },
      { name: 'from_level', type: 'string', description: 'Its level id.' },
      {
        name: 'to_id',
        type: 'string',
        description: 'Id of the unit of the newer scheme.',
        constraints: { required: true },
      },
      { name: 'to_name', type: 'string', description: 'Its name.' },
      { name: 'to_level', type: 'string', description: 'Its level id.' },
      {
        name: 'share_of_from',
        type: 'number',
        description: "Share of the older unit's area inside the newer one (0–1).",
      },
      {
        name: 'share_of_to',
        type: 'number',
        description: "Share of the newer unit's area inside the older one (0–1).",
      },
      {
        name: 'basis',
        type: 'string',
        description: 'crosswalk: named by the published crosswalk; geometry: found from the boundaries only.',
      },
    ],
    missingValues: [''],
    primaryKey: ['from_id', 'to_id'],
  };
}

/** `/data/values.csv`: every value of every unit, indicator and year. */
export function valuesCsvSchema(): TableSchema {
  return {
    fields: [
      {
        name: 'unit_id',
        type: 'string',
        description: 'Id of the unit; "*" for the whole city.',
        constraints: { required: true },
      },
      {
        name: 'indicator_id',
        type: 'string',
        description: 'Indicator id (see atlas.json → indicators).',
        constraints: { required: true },
      },
      { name: 'year', type: 'integer', description: 'Data year (the edition).', constraints: { required: true } },
      {
        name: 'date',
        type: 'date',
        description: 'Reference date (Stichtag) of the value; empty when the source declares none.',
      },
      {
        name: 'value',
        type: 'number',
        description: 'The value in the indicator’s unit (see atlas.json); empty when not published.',
      },
      STATUS,
      {
        name: 'method',
        type: 'string',
        description:
          'How the value came about: published as read, or derived (sum of counts, Σ numerators / Σ denominators).',
      },
      SYMBOL,
      STATUS_REASON,
    ],
    missingValues: [''],
    primaryKey: ['unit_id', 'indicator_id', 'year'],
  };
}

/** The directory's columns (facilities.csv, and the facility part of area CSVs). */
export function facilityFields(levels: readonly string[]): TableField[] {
  return [
    {
      name: 'id',
      type: 'string',
      description: 'Stable id of the entry (file name of content/facilities/<id>.md).',
      constraints: { required: true },
    },
    { name: 'name', type: 'string', description: 'Name as shown to the public.' },
    { name: 'provider', type: 'string', description: 'Operator (Träger).' },
    {
      name: 'provider_address',
      type: 'string',
      description: 'The operator’s postal address as the source gives it (fallback contact).',
    },
    { name: 'provider_phone', type: 'string', description: 'The operator’s phone, international form.' },
    { name: 'provider_email', type: 'string', description: 'The operator’s e-mail address.' },
    { name: 'types', type: 'string', description: 'Facility type ids, separated by "; " (see facilities.yml).' },
    { name: 'target_groups', type: 'string', description: 'Target group ids, separated by "; ".' },
    { name: 'street', type: 'string', description: 'Street and house number.' },
    { name: 'postcode', type: 'string', description: 'Five-digit postcode.' },
    { name: 'city', type: 'string', description: 'City.' },
    { name: 'address', type: 'string', description: 'Street, postcode and city in one line.' },
    { name: 'lat', type: 'number', description: 'Latitude, WGS84.', unit: '°' },
    { name: 'lon', type: 'number', description: 'Longitude, WGS84.', unit: '°' },
    {
      name: 'phone',
      type: 'string',
      description:
        'Phone, international form ("+49 30 1234567"); a leading "+" is written as "\'+" (spreadsheet formula protection).',
    },
    { name: 'email', type: 'string', description: 'E-mail address.' },
    { name: 'website', type: 'string', description: 'Website (http or https).' },
    { name: 'opening_hours', type: 'string', description: 'Opening hours as written by the provider.' },
    { name: 'languages', type: 'string', description: 'ISO 639-1 codes, separated by "; ".' },
    {
      name: 'wheelchair',
      type: 'string',
      description: 'Wheelchair access.',
      constraints: { enum: ['yes', 'limited', 'no', 'unknown'] },
    },
    { name: 'accessibility_notes', type: 'string', description: 'Notes on access.' },
    { name: 'places', type: 'integer', description: 'Places (Kita, care home…).' },
    { name: 'capacity_note', type: 'string', description: 'Note on the places.' },
    ...levels.map((l): TableField => ({
      name: `unit_${l}`,
      type: 'string',
      description: `Id of the unit of level "${l}" the entry lies in.`,
    })),
    { name: 'url', type: 'string', format: 'uri', description: 'The entry’s page.' },
    { name: 'last_confirmed', type: 'date', description: 'Day the information was last confirmed.' },
    { name: 'stale', type: 'boolean', description: 'True when not confirmed within the atlas’s staleAfterDays.' },
    {
      name: 'sources',
      type: 'string',
      description: 'Source records, "source:record (licence; attribution)", separated by " | ".',
    },
    { name: 'licences', type: 'string', description: 'Licences of the entry’s sources, separated by " | ".' },
    { name: 'odbl', type: 'boolean', description: 'True when a source is OpenStreetMap (ODbL, share-alike).' },
  ];
}

/** `/data/facilities.csv`: one row per entry. */
export function facilitiesCsvSchema(levels: readonly string[]): TableSchema {
  return { fields: facilityFields(levels), missingValues: [''], primaryKey: ['id'] };
}

/** The columns an area CSV puts before the directory's. */
export const AREA_FIELDS: readonly TableField[] = [
  { name: 'area_layer', type: 'string', description: 'Id of the overlay layer.', constraints: { required: true } },
  { name: 'area_id', type: 'string', description: 'Id of the area.', constraints: { required: true } },
  { name: 'area_name', type: 'string', description: 'Name of the area.' },
  {
    name: 'no',
    type: 'integer',
    description: 'The facility’s number on the area’s map and page (most vulnerable first).',
  },
  {
    name: 'vulnerability',
    type: 'integer',
    description: '0–3: the highest vulnerability of the facility’s types (3: care homes…).',
    constraints: { minimum: 0, maximum: 3 },
  },
];

/** `/data/gebiete/<layer>.csv` and `/data/gebiete/<layer>/<id>.csv`: one row per area and facility inside. */
export function areaCsvSchema(levels: readonly string[]): TableSchema {
  return { fields: [...AREA_FIELDS, ...facilityFields(levels)], missingValues: [''], primaryKey: ['area_id', 'id'] };
}

/** Feature properties of `/data/facilities.geojson` (described; nested values are objects or arrays). */
export function facilitiesGeoJsonSchema(levels: readonly string[]): TableSchema {
  return {
    fields: [
      { name: 'id', type: 'string', description: 'Stable id of the entry.', constraints: { required: true } },
      { name: 'name', type: 'string', description: 'Name.' },
      { name: 'provider', type: 'string', description: 'Operator (Träger); null when unknown.' },
      {
        name: 'providerContact',
        type: 'object',
        description: 'The operator’s address, phone and e-mail as the source gives them; null when none.',
      },
      { name: 'types', type: 'array', description: 'Facility type ids.' },
      { name: 'targetGroups', type: 'array', description: 'Target group ids.' },
      { name: 'address', type: 'object', description: '{ street, postcode, city }.' },
      { name: 'phone', type: 'string', description: 'Phone, international form; null when none.' },
      { name: 'email', type: 'string', description: 'E-mail; null when none.' },
      { name: 'website', type: 'string', description: 'Website; null when none.' },
      { name: 'openingHours', type: 'string', description: 'Opening hours; null when none.' },
      { name: 'languages', type: 'array', description: 'ISO 639-1 codes.' },
      { name: 'accessibility', type: 'object', description: '{ wheelchair, notes }.' },
      { name: 'capacity', type: 'object', description: '{ places, note }; null when unknown.' },
      { name: 'units', type: 'object', description: `Level id → unit id (${levels.join(', ')}).` },
      { name: 'url', type: 'string', format: 'uri', description: 'The entry’s page (German).' },
      { name: 'urlEn', type: 'string', format: 'uri', description: 'The entry’s page (English).' },
      { name: 'lastConfirmed', type: 'date', description: 'Day last confirmed.' },
      { name: 'stale', type: 'boolean', description: 'Not confirmed within staleAfterDays.' },
      { name: 'odbl', type: 'boolean', description: 'A source is OpenStreetMap (ODbL).' },
      { name: 'sources', type: 'array', description: 'Source records with licence, attribution and retrieval date.' },
    ],
    missingValues: [''],
  };
}
