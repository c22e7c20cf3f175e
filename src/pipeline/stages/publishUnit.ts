import { writeCsv } from '../../lib/csv/writeCsv.ts';
import { fieldNames, unitCsvSchema } from '../../lib/data/tableSchemas.ts';
import type { UnitPageData } from '../../lib/pages/model.ts';
import { unitDownloadRows } from '../../lib/pages/unitDownload.ts';
import { unitFileCity } from '../../lib/pages/comparePage.ts';
import type { AtlasConfig } from '../../schemas/atlasConfig.ts';
import type { Effects } from '../effects.ts';
import type { RenderResult } from './render.ts';

const UNIT_CSV_FIELDS = fieldNames(unitCsvSchema());

/** The sections of a unit page made from the facilities and assessments, beside its cached core. */
export type UnitSections = Pick<UnitPageData, 'facilities' | 'assessments'>;

/** The sections of a unit's page made from the facilities and assessments (the rest is its cached core). */
export function unitSections(
  rendered: Pick<RenderResult, 'unitFacilities' | 'unitAssessments'>,
  id: string,
): UnitSections {
  return { facilities: rendered.unitFacilities(id), assessments: rendered.unitAssessments(id) };
}

/** The three files of a unit, relative to the output: page model, CSV and JSON download. */
export function unitFilePaths(id: string): [string, string, string] {
  return [`build/units/${id}.json`, `public/data/units/${id}.csv`, `public/data/units/${id}.json`];
}

/**
 * `JSON.stringify({ ...core, facilities, assessments })` from `coreJson` (`JSON.stringify(core)`, as the stage cache
 * stores it) without serialising the core again: the sections are appended, as the spread appends keys the core lacks.
 * A core that has either key already (where the spread keeps its place) is serialised whole.
 */
export function unitModelJson(core: UnitPageData, coreJson: string, sections: UnitSections): string {
  if (Object.hasOwn(core, 'facilities') || Object.hasOwn(core, 'assessments'))
    return JSON.stringify({ ...core, facilities: sections.facilities, assessments: sections.assessments });
  let tail = '';
  if (sections.facilities !== undefined) tail += `,"facilities":${JSON.stringify(sections.facilities)}`;
  if (sections.assessments !== undefined) tail += `,"assessments":${JSON.stringify(sections.assessments)}`;
  if (tail === '') return coreJson;
  return coreJson === '{}' ? `{${tail.slice(1)}}` : `${coreJson.slice(0, -1)}${tail}}`;
}

/**
 * Writes a unit's page model (its core from the render stage with the sections added) and its two downloads. Used
 * by the publish stage and by the unit worker threads (unitWorkers.ts), so both write the same bytes.
 * @param coreJson `JSON.stringify(core)` when the caller has it (see {@link unitModelJson}).
 */
export async function writeUnitFiles(
  fx: Effects,
  config: AtlasConfig,
  core: UnitPageData,
  sections: UnitSections,
  coreJson: string = JSON.stringify(core),
): Promise<void> {
  const page: UnitPageData = { ...core, facilities: sections.facilities, assessments: sections.assessments };
  const [model, csv, json] = unitFilePaths(page.unit.id);
  await fx.write(model, unitModelJson(core, coreJson, sections));
  const rows = unitDownloadRows(
    page,
    new Map(config.indicators.map((i) => [i.id, i])),
    new Map(config.sources.map((s) => [s.id, s])),
  );
  await fx.write(csv, writeCsv(UNIT_CSV_FIELDS, rows));
  await fx.write(
    json,
    JSON.stringify(
      {
        atlas: config.title.de,
        dataDate: config.dataDate,
        licence: config.licence,
        unit: page.unit,
        parent: page.ancestors.at(-1)?.id,
        values: rows,
        city: unitFileCity(page.series),
      },
      null,
      1,
    ),
  );
}
