import { DEFAULT_MARKERS, type Indicator, type Table } from '../../schemas/atlasConfig.ts';
import { createCellReader } from '../csv/classCodes.ts';
import { resolveColumn } from '../csv/columns.ts';
import { parseLocaleNumber, type Classified, type NumberFormat } from '../csv/number.ts';
import { parseCsv } from '../csv/parse.ts';
import { createUnitIdChecker } from '../csv/unitIds.ts';
import { createUnitNameMatcher, normalizeUnitName } from '../csv/unitNames.ts';

/** A row's unit: its id, or why it has none. */
type UnitIdCheck = { ok: true; id: string } | { ok: false; error: string; hint: string };
import type { ProblemLog } from '../problems.ts';
import type { Cell } from '../types.ts';

/** Input of {@link readIndicatorTable}. */
export interface ReadTableInput {
  /** Decoded file content (see `decodeText`). */
  text: string;
  /** The table's config entry (parsed by `TableSchema`, so defaults are filled in). */
  table: Table;
  /** Path relative to the atlas folder, used in problems and cell origins. */
  file: string;
  /** The indicator catalogue by id. */
  indicators: ReadonlyMap<string, Indicator>;
  /** Ids of the table's level; when given, every row's id must be one of them. */
  unitIds?: ReadonlySet<string>;
  /**
   * The units of every level by level id (replaces `unitIds`): needed to join by name and to route rows of other
   * levels (`route`). A level with `failed` set is not checked: its rows are counted in `skipped`.
   */
  levels?: ReadonlyMap<string, LevelUnits>;
}

/** The units of one level that a table's rows can name. */
export interface LevelUnits {
  ids: ReadonlySet<string>;
  /** Id and name of every unit (for `join: name`). */
  units?: readonly { id: string; name: string }[];
  /** Why the level's boundaries could not be used; its rows are then not checked. */
  failed?: string | undefined;
  /** Ids of features rejected in the boundary file (each reported there): rows naming them are not checked. */
  rejected?: ReadonlySet<string> | undefined;
}

/** Rows not checked against the units because the level's boundaries failed, or the unit's feature was rejected. */
export interface SkippedRows {
  level: string;
  reason: string;
  lines: number[];
}

/** A row left out by the table's `exclude` rules, for the data notes. */
export interface ExcludedRow {
  line: number;
  /** The row's id cell, trimmed ("" if the id column is missing). */
  id: string;
  reason: string;
}

/** Result of {@link readIndicatorTable}. */
export interface ReadTableResult {
  /** One cell per (unit, indicator, year), in file order; only for known units and indicators. */
  cells: Cell[];
  /** Unit id → name from `nameColumn` (trimmed, inner whitespace collapsed; first occurrence wins). */
  names: Map<string, string>;
  /** Rows matched by `exclude`: not read, but never silently dropped. */
  excluded: ExcludedRow[];
  /** Data rows read (not blank, not excluded, not rejected by the CSV parser as ragged). */
  rows: number;
  /** Rows whose unit could not be checked (see {@link SkippedRows}): read, but no cells. */
  skipped: SkippedRows[];
  /** Data rows per level (routed rows count for their level). */
  rowsByLevel: Map<string, number>;
}

/** One value column to read (wide) or the value column of a long table. */
interface ValueColumn {
  indicator: string;
  /** The column reference as written in the config, e.g. "inhabitants#1". */
  ref: string;
  index: number;
  read: (raw: string) => Classified;
}

/** Collapses whitespace runs in names ("Alt-  Hohenschönhausen " → "Alt- Hohenschönhausen"). */
function cleanName(s: string): string {
  return s.trim().replace(/\s+/g, ' ');
}

/**
 * Hint for a cell that is neither number nor marker: names the likely config fix. A cell with digits is a value
 * in a format the table's settings do not cover: the hint is about the format, never about marking it missing
 * (that would drop a real value).
 */
function valueHint(raw: string, format: NumberFormat, isClass: boolean): string {
  if (isClass)
    return 'Die Codes unter classes[].code des Indikators prüfen, oder ein Kennzeichen für fehlende Werte unter markers der Tabelle eintragen.';
  const other = format.decimal === '.' ? ',' : '.';
  if (!Number.isNaN(parseLocaleNumber(raw, { decimal: other, thousands: format.decimal }))) {
    return `Die Zahl ist mit "${other}" als Dezimaltrennzeichen geschrieben, konfiguriert ist format.decimal: "${format.decimal}". format.decimal (und ggf. format.thousands) anpassen.`;
  }
  if (/\d/.test(raw)) {
    return `Die Zelle enthält Ziffern, ist aber keine Zahl im Format der Tabelle (Dezimaltrennzeichen "${format.decimal}"${format.thousands ? `, Tausendertrennzeichen "${format.thousands}"` : ', ohne Tausendertrennzeichen'}). Die Zelle in der Quelle prüfen und korrigieren, oder format.decimal/format.thousands anpassen; den Wert nicht als fehlend markieren.`;
  }
  return `Ist "${raw.trim()}" ein Kennzeichen für einen fehlenden oder geheim gehaltenen Wert, es unter markers der Tabelle eintragen, z. B. "${raw.trim()}": missing; sonst die Zelle in der Quelle korrigieren.`;
}

/**
 * The reference date (Stichtag) of a table's values in `year`: the table's `date`, or its `dateRule` applied to the
 * row's year ("2018-12-31" for year 2019 and `{ day: 31, month: 12, yearOffset: -1 }`); undefined without either.
 */
export function referenceDate(table: Pick<Table, 'date' | 'dateRule'>, year: number): string | undefined {
  if (table.date !== undefined) return table.date;
  const r = table.dateRule;
  if (!r) return undefined;
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${String(year + r.yearOffset).padStart(4, '0')}-${pad(r.month)}-${pad(r.day)}`;
}

/** Reads an integer year 1900–2200 ("2019" or "2019.0"), else undefined. */
function parseYear(raw: string): number | undefined {
  const n = parseLocaleNumber(raw, { decimal: '.', thousands: '' });
  return Number.isInteger(n) && n >= 1900 && n <= 2200 ? n : undefined;
}

/**
 * Reads one indicator table (wide or long layout) into cells with explicit status.
 *
 * Every problem goes to `log` (file, line, field = column reference, German message, hint);
 * reading continues past problems so one run reports all of them. Checks: CSV structure,
 * referenced columns (missing, ambiguous duplicate names → use `name#n`), indicators not in the
 * catalogue, unit ids (unknown, lost leading zeros) when `unitIds` is given, year, every value
 * cell (numbers in the table's format, markers merged over DEFAULT_MARKERS, class codes),
 * unknown long-layout codes, duplicate (unit, indicator, year). Rows with an unknown unit are
 * checked but yield no cells; of duplicates the first row's cell is kept.
 * The year comes from `yearColumn` per row if set, else from `year`.
 *
 * @returns cells (origin: file, line, column reference), names, excluded rows and row count
 */
export function readIndicatorTable(input: ReadTableInput, log: ProblemLog): ReadTableResult {
  const { text, table, file, indicators } = input;
  const levels: ReadonlyMap<string, LevelUnits> | undefined =
    input.levels ?? (input.unitIds ? new Map([[table.level, { ids: input.unitIds }]]) : undefined);
  const result: ReadTableResult = {
    cells: [],
    names: new Map(),
    excluded: [],
    rows: 0,
    skipped: [],
    rowsByLevel: new Map(),
  };
  const { format } = table;
  const parsed = parseCsv(text, { delimiter: format.delimiter });
  for (const e of parsed.errors) log.error({ file, line: e.line, message: e.message, hint: e.hint });
  if (parsed.header.length === 0) {
    log.error({
      file,
      line: 1,
      message: 'Die Datei enthält keine Kopfzeile.',
      hint: 'Eine CSV-Datei mit Kopfzeile und Datenzeilen angeben.',
    });
    return result;
  }
  if (format.thousands !== '' && format.thousands === format.decimal) {
    log.error({
      file,
      field: 'format.thousands',
      message: `Tausender- und Dezimaltrennzeichen sind beide "${format.decimal}".`,
      hint: 'format.thousands weglassen oder ein anderes Zeichen angeben.',
    });
  }

  // Config references → column indexes; each missing or ambiguous reference is reported once.
  const column = (ref: string): number | undefined => {
    const r = resolveColumn(parsed.header, ref);
    if ('index' in r) return r.index;
    log.error({ file, line: parsed.headerLine, field: ref, message: r.error, hint: r.hint });
    return undefined;
  };
  const markers = { ...DEFAULT_MARKERS, ...table.markers };
  // The cell reader of a catalogued indicator; an indicator missing from the catalogue is reported once.
  const readerFor = (id: string, field: string): ValueColumn['read'] | undefined => {
    const indicator = indicators.get(id);
    if (indicator) return createCellReader(indicator, markers, format);
    log.error({
      file,
      field,
      message: `Der Indikator "${id}" ist nicht im Indikatorkatalog (indicators) definiert.`,
      hint: 'Den Indikator unter indicators in atlas.yml anlegen oder den Verweis in dieser Tabelle entfernen.',
    });
    return undefined;
  };

  const byName = table.join === 'name';
  const keyColumn = byName ? (table.nameColumn ?? table.idColumn) : table.idColumn;
  const nameIndex = table.nameColumn === undefined ? undefined : column(table.nameColumn);
  const idIndex = byName ? nameIndex : column(table.idColumn);
  const routes = table.route.flatMap((rule, n) => {
    const index = rule.column === undefined ? undefined : column(rule.column);
    if (rule.column !== undefined && index === undefined) return [];
    const equals = new Set(rule.equals === undefined ? [] : [rule.equals].flat().map((v) => v.trim()));
    const names = new Set((rule.names ?? []).map((v) => (byName ? normalizeUnitName(v) : v.trim())));
    const pattern = rule.pattern === undefined ? undefined : new RegExp(`^(?:${rule.pattern})$`);
    return [{ n, level: rule.level, index, equals, names, pattern }];
  });
  const yearIndex = table.yearColumn === undefined ? undefined : column(table.yearColumn);
  const excludeRules = table.exclude.flatMap((rule) => {
    const index = column(rule.column);
    return index === undefined ? [] : [{ ...rule, index }];
  });

  const valueColumns: ValueColumn[] = [];
  let longSetup:
    { codeIndex: number; valueIndex: number; ref: string; readers: Map<string, ValueColumn['read']> } | undefined;
  if (table.layout === 'long' && table.long) {
    const { indicatorColumn, valueColumn, codes } = table.long;
    const codeIndex = column(indicatorColumn);
    const valueIndex = column(valueColumn);
    const readers = new Map<string, ValueColumn['read']>();
    for (const id of new Set(Object.values(codes))) {
      const read = readerFor(id, 'long.codes');
      if (read) readers.set(id, read);
    }
    if (codeIndex !== undefined && valueIndex !== undefined)
      longSetup = { codeIndex, valueIndex, ref: valueColumn, readers };
  } else {
    for (const [id, ref] of Object.entries(table.columns)) {
      const index = column(ref);
      const read = readerFor(id, `columns.${id}`);
      if (read && index !== undefined) valueColumns.push({ indicator: id, ref, index, read });
    }
  }
  if (idIndex === undefined || (table.layout === 'long' && longSetup === undefined)) return result;
  if (table.year === undefined && table.yearColumn === undefined) {
    log.error({
      file,
      field: 'year',
      message: 'Für die Tabelle ist kein Jahr angegeben.',
      hint: 'year oder yearColumn in der Tabellenkonfiguration angeben.',
    });
    return result;
  }
  if (table.yearColumn !== undefined && yearIndex === undefined) return result;

  // One checker per level, made when a row of that level first appears.
  const checkers = new Map<string, (key: string) => UnitIdCheck>();
  const checkerFor = (level: string): ((key: string) => UnitIdCheck) | undefined => {
    const units = levels?.get(level);
    if (!units) return levels ? () => unknownLevel(level) : undefined;
    let check = checkers.get(level);
    if (!check) {
      const ids = createUnitIdChecker(units.ids);
      const names = createUnitNameMatcher(units.units ?? [], table.aliases);
      const aliasIds = new Map(Object.entries(table.aliases).map(([k, v]) => [k.trim(), v]));
      check = byName
        ? (key) => {
            const m = names(key);
            return m.ok ? { ok: true, id: m.id } : m;
          }
        : (key) => {
            const id = aliasIds.get(key) ?? key;
            const c = ids(id);
            return c.ok ? { ok: true, id } : c;
          };
      checkers.set(level, check);
    }
    return check;
  };
  const skippedBy = new Map<string, SkippedRows>();
  const skip = (level: string, reason: string, line: number) => {
    const key = `${level}\u0000${reason}`;
    const entry = skippedBy.get(key) ?? { level, reason, lines: [] };
    entry.lines.push(line);
    skippedBy.set(key, entry);
  };
  const routeOf = (cell: (i: number) => string, key: string): string => {
    for (const r of routes) {
      if (r.index !== undefined && r.equals.has(cell(r.index).trim())) return r.level;
      if (r.pattern?.test(key)) return r.level;
      if (r.names.has(byName ? normalizeUnitName(key) : key)) return r.level;
    }
    return table.level;
  };
  const ignoreCodes = new Set(table.long?.ignoreCodes ?? []);
  const firstLine = new Map<string, number>();

  for (const row of parsed.rows) {
    const { line } = row;
    const cell = (i: number): string => row.cells[i] ?? '';
    const key = cell(idIndex).trim();
    const rule = excludeRules.find((r) => cell(r.index).trim() === r.equals);
    if (rule) {
      result.excluded.push({ line, id: key, reason: rule.reason });
      continue;
    }
    result.rows++;
    if (key === '') {
      log.error({
        file,
        line,
        field: keyColumn,
        message: byName ? 'Die Zeile hat keinen Namen.' : 'Die Zeile hat keine Id.',
        hint: 'Id ergänzen oder die Zeile mit exclude und Begründung ausschließen.',
      });
      continue;
    }
    const year = yearIndex === undefined ? table.year : parseYear(cell(yearIndex));
    if (year === undefined) {
      log.error({
        file,
        line,
        field: table.yearColumn,
        message: `"${cell(yearIndex ?? 0)}" ist kein Jahr.`,
        hint: 'Das Jahr vierstellig angeben, z. B. 2019.',
      });
      continue;
    }
    const level = routeOf(cell, key);
    result.rowsByLevel.set(level, (result.rowsByLevel.get(level) ?? 0) + 1);
    const units = levels?.get(level);
    let idCheck: UnitIdCheck = { ok: true, id: key };
    if (units?.failed !== undefined) {
      skip(level, units.failed, line);
      idCheck = { ok: false, error: '', hint: '' };
    } else if (!byName && units?.rejected?.has(key)) {
      skip(level, `die Grenze des Gebiets ${key} in der Grenzdatei fehlerhaft ist`, line);
      idCheck = { ok: false, error: '', hint: '' };
    } else {
      idCheck = checkerFor(level)?.(key) ?? idCheck;
      if (!idCheck.ok) log.error({ file, line, field: keyColumn, message: idCheck.error, hint: idCheck.hint });
    }
    const id = idCheck.ok ? idCheck.id : key;

    if (nameIndex !== undefined && idCheck.ok && !byName) {
      const name = cleanName(cell(nameIndex));
      const known = result.names.get(id);
      if (known === undefined) result.names.set(id, name);
      else if (known !== name)
        log.warn({
          file,
          line,
          field: table.nameColumn,
          message: `Die Id "${id}" hat hier den Namen "${name}", weiter oben "${known}".`,
          hint: 'Namen vereinheitlichen; verwendet wird der erste.',
        });
    }

    let columns: ValueColumn[] = valueColumns;
    if (longSetup) {
      const code = cell(longSetup.codeIndex).trim();
      if (ignoreCodes.has(code)) continue;
      const indicator = table.long && Object.hasOwn(table.long.codes, code) ? table.long.codes[code] : undefined;
      if (indicator === undefined) {
        log.error({
          file,
          line,
          field: table.long?.indicatorColumn,
          message: `Unbekannter Indikator-Code "${code}" in Zeile ${line}.`,
          hint: 'Den Code unter long.codes einem Indikator zuordnen oder unter long.ignoreCodes aufführen.',
        });
        continue;
      }
      const read = longSetup.readers.get(indicator);
      if (read === undefined) continue; // indicator not in the catalogue: reported once above
      columns = [{ indicator, ref: longSetup.ref, index: longSetup.valueIndex, read }];
    }

    const duplicates = new Map<number, string[]>();
    for (const col of columns) {
      const raw = cell(col.index);
      const classified = col.read(raw);
      if ('error' in classified) {
        const isClass = indicators.get(col.indicator)?.type === 'class';
        log.error({ file, line, field: col.ref, message: classified.error, hint: valueHint(raw, format, isClass) });
        continue;
      }
      if (!idCheck.ok) continue;
      const key = `${id}\u0000${col.indicator}\u0000${year}`;
      const first = firstLine.get(key);
      if (first !== undefined) {
        duplicates.set(first, [...(duplicates.get(first) ?? []), col.indicator]);
        continue;
      }
      firstLine.set(key, line);
      result.cells.push({
        unit: id,
        indicator: col.indicator,
        year,
        status: classified.status,
        value: classified.value,
        raw,
        date: referenceDate(table, year),
        origin: { file, line, column: col.ref },
      });
    }
    for (const [first, ids] of duplicates) {
      log.error({
        file,
        line,
        field: keyColumn,
        message: byName
          ? `"${key}" (Gebiet ${id}) hat für ${year} schon in Zeile ${first} Werte (Zeilen ${first} und ${line}; Indikatoren: ${ids.join(', ')}).`
          : `Die Id "${id}" hat für ${year} schon in Zeile ${first} Werte (Zeilen ${first} und ${line}; Indikatoren: ${ids.join(', ')}).`,
        hint: 'Die doppelte Zeile löschen oder zusammenführen; verwendet wird die erste.',
      });
    }
  }
  result.skipped = [...skippedBy.values()];
  return result;
}

/** The check result for a row routed to a level the atlas does not have (reported for the config too). */
function unknownLevel(level: string): UnitIdCheck {
  return {
    ok: false,
    error: `Die Zeile gehört nach route zur Ebene "${level}", die es nicht gibt.`,
    hint: 'Die Ebene in tables[].route korrigieren.',
  };
}
