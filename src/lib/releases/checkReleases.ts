import type { Release } from '../../schemas/atlasConfig.ts';
import type { ProblemLog } from '../problems.ts';

/**
 * The releases' references: every unit id in `units` and every facility id in `facilities` exists. One problem per
 * unknown id, naming the release by its date and the field (`releases[2].units[0]`).
 */
export function checkReleases(
  releases: readonly Release[],
  units: readonly { id: string }[],
  facilities: { facilities: readonly { facility: { id: string } }[] } | undefined,
  log: ProblemLog,
  file = 'releases.yml',
): void {
  const unitIds = new Set(units.map((u) => u.id));
  const facilityIds = new Set((facilities?.facilities ?? []).map((f) => f.facility.id));
  releases.forEach((r, i) => {
    (r.units ?? []).forEach((id, j) => {
      if (!unitIds.has(id))
        log.error({
          file,
          field: `releases[${i}].units[${j}]`,
          message: `Gebiet "${id}" (Veröffentlichung vom ${r.date}) gibt es nicht.`,
          hint: 'Kennung des Gebiets aus der Adresse seiner Seite übernehmen (/<ebene>/<kennung>/).',
        });
    });
    (r.facilities ?? []).forEach((id, j) => {
      if (facilities && !facilityIds.has(id))
        log.error({
          file,
          field: `releases[${i}].facilities[${j}]`,
          message: `Einrichtung "${id}" (Veröffentlichung vom ${r.date}) gibt es nicht.`,
          hint: 'Kennung = Dateiname in content/facilities/ ohne .md.',
        });
    });
  });
}
