import { UnitIdSchema } from '../../schemas/common.ts';
import type { RawFeature } from './extractFeatures.ts';

/** Receives one finding about the feature being read; the caller adds file and location. */
export type ReportField = (p: { severity: 'error' | 'warning'; field: string; message: string; hint: string }) => void;

/**
 * Reads a unit id from the property `field` (for `field: id` also the feature's own `id` member, where TopoJSON
 * and some GeoJSON exports keep it). Reports and returns undefined for a number (leading zeros may be lost),
 * a missing or empty value and characters that cannot appear in a web address.
 */
export function readUnitId(item: RawFeature, field: string, report: ReportField): string | undefined {
  const value = item.properties[field] ?? (field === 'id' ? item.id : undefined);
  if (typeof value === 'number') {
    report({
      severity: 'error',
      field,
      message: `Die Id ist als Zahl gespeichert (${value}); führende Nullen können dabei verloren gegangen sein.`,
      hint: 'Ids in der Quelldatei als Text speichern (in Anführungszeichen, z. B. "01011101") oder den Export korrigieren (Feldtyp Text).',
    });
    return undefined;
  }
  if (typeof value !== 'string' || value.trim() === '') {
    const keys = Object.keys(item.properties).join(', ') || 'keine';
    report({
      severity: 'error',
      field,
      message:
        value === undefined || value === null
          ? 'Die Id fehlt.'
          : `Die Id ist leer oder kein Text (${JSON.stringify(value)}).`,
      hint: `Jedes Gebiet braucht eine Id in der Eigenschaft "${field}" (vorhandene Eigenschaften: ${keys}); sonst idField in atlas.yml anpassen.`,
    });
    return undefined;
  }
  if (!UnitIdSchema.safeParse(value).success) {
    report({
      severity: 'error',
      field,
      message: `Die Id "${value}" enthält andere Zeichen als Buchstaben, Ziffern, "-" und "_".`,
      hint: 'Ids erscheinen in Adressen der Website: in der Quelldatei bereinigen oder per fixes umbenennen.',
    });
    return undefined;
  }
  return value;
}

/** Reads a unit name from the property `field` (a number is taken as text); reports a missing or empty one. */
export function readUnitName(item: RawFeature, field: string, report: ReportField): string | undefined {
  const value = item.properties[field];
  if (typeof value === 'string' && value.trim() !== '') return value.trim();
  if (typeof value === 'number') return String(value);
  report({
    severity: 'error',
    field,
    message:
      value === undefined || value === null
        ? 'Der Name fehlt.'
        : `Der Name ist leer oder kein Text (${JSON.stringify(value)}).`,
    hint: `Jedes Gebiet braucht einen Namen in der Eigenschaft "${field}"; sonst nameField in atlas.yml anpassen oder per fixes setName ergänzen.`,
  });
  return undefined;
}
