import type { AtlasConfig, Table } from '../../schemas/atlasConfig.ts';
import { decodeText } from '../../lib/csv/decode.ts';
import {
  readIndicatorTable,
  referenceDate,
  type ExcludedRow,
  type LevelUnits,
} from '../../lib/indicators/readTable.ts';
import type { ProblemLog } from '../../lib/problems.ts';
import type { Cell, Unit } from '../../lib/types.ts';
import type { Effects } from '../effects.ts';
import type { BoundariesResult } from './boundaries.ts';

export interface TablesResult {
  cells: Cell[];
  checkCells: Cell[];
  excluded: (ExcludedRow & { file: string })[];
  /** Cells assumed for units without a row (`tables[].assume`), for the data report. */
  assumed: { file: string; id: string; status: string; reason: string; cells: number }[];
  /** Rows read per file, for the data report. */
  rows: { file: string; rows: number; cells: number; role: string }[];
}

/** What the data report shows of the tables read. */
export type TableReport = Pick<TablesResult, 'excluded' | 'assumed' | 'rows'>;

/**
 * Stage 3: decodes and reads every indicator table into cells with an explicit status,
 * checking ids against the level's units and names against the boundary names (warnings).
 */
export async function readTables(
  config: AtlasConfig,
  units: readonly Unit[],
  fx: Effects,
  log: ProblemLog,
  boundaries: Pick<BoundariesResult, 'failed' | 'rejected'> = { failed: new Map(), rejected: new Map() },
): Promise<TablesResult> {
  const indicators = new Map(config.indicators.map((i) => [i.id, i]));
  const byLevel = new Map<string, Map<string, Unit>>();
  for (const l of config.levels) byLevel.set(l.id, new Map());
  for (const u of units) {
    let m = byLevel.get(u.level);
    if (!m) byLevel.set(u.level, (m = new Map()));
    m.set(u.id, u);
  }
  const allUnits = new Map(units.map((u) => [u.id, u]));
  const levels = new Map<string, LevelUnits>(
    [...byLevel].map(([id, m]) => [
      id,
      {
        ids: new Set(m.keys()),
        units: [...m.values()],
        failed: boundaries.failed.get(id),
        rejected: boundaries.rejected.get(id),
      },
    ]),
  );
  const out: TablesResult = { cells: [], checkCells: [], excluded: [], assumed: [], rows: [] };
  // Where each (unit, indicator, year) of the data tables was first read: a second table with the same value
  // would silently replace it.
  const firstCell = new Map<string, { cell: Cell; table: number }>();
  const clashes = new Map<string, { first: Cell; firstTable: number; second: Cell; table: number; count: number }>();
  for (const [t, table] of config.tables.entries()) {
    const file = table.file;
    let bytes: Uint8Array;
    try {
      bytes = await fx.readBytes(file);
    } catch {
      log.error({
        file,
        message: 'Tabelle nicht lesbar oder nicht vorhanden.',
        hint: 'Pfad in atlas.yml (tables[].file) prüfen.',
      });
      continue;
    }
    const decoded = decodeText(bytes, table.format.encoding);
    if ('error' in decoded) {
      log.error({ file, line: decoded.line, field: 'format.encoding', message: decoded.error, hint: decoded.hint });
      continue;
    }
    const levelUnits = byLevel.get(table.level) ?? new Map<string, Unit>();
    const read = readIndicatorTable({ text: decoded.text, table, file, indicators, levels }, log);
    for (const s of read.skipped) {
      const n = s.lines.length;
      log.skip({
        file,
        message: `${n} ${n === 1 ? 'Zeile' : 'Zeilen'} von ${file} (Ebene ${s.level}, ab Zeile ${s.lines[0]}) nicht gegen die Gebiete geprüft, weil ${s.reason}.`,
        group: { reason: s.reason, noun: 'Tabellenzeilen', count: n },
      });
    }
    for (const [id, name] of read.names) {
      const unit = allUnits.get(id);
      if (unit && normalizeName(unit.name) !== normalizeName(name)) {
        log.warn({
          file,
          location: `id ${id}`,
          field: table.nameColumn,
          message: `Name "${name}" weicht vom Namen in der Grenzdatei ab ("${unit.name}").`,
          hint: 'Angezeigt wird der Name aus der Grenzdatei; bei Umbenennung beide Dateien angleichen.',
        });
      }
    }
    const assumed = boundaries.failed.has(table.level) ? [] : assumeCells(table, read.cells, levelUnits, log);
    if (table.role === 'data') {
      for (const c of [...read.cells, ...assumed]) {
        const key = `${c.unit}\u0000${c.indicator}\u0000${c.year}`;
        const first = firstCell.get(key);
        if (!first) firstCell.set(key, { cell: c, table: t });
        else if (first.table !== t) {
          const pair = `${first.table}/${t}`;
          const clash = clashes.get(pair);
          if (clash) clash.count++;
          else clashes.set(pair, { first: first.cell, firstTable: first.table, second: c, table: t, count: 1 });
        }
      }
    }
    // A loop, not push(...cells): a table of 10,000 units × 30 indicators spread as arguments overflows the stack.
    const target = table.role === 'check' ? out.checkCells : out.cells;
    for (const c of read.cells) target.push(c);
    for (const c of assumed) target.push(c);
    out.assumed.push(
      ...table.assume.map((a) => ({ ...a, file, cells: assumed.filter((c) => c.unit === a.id).length })),
    );
    for (const e of read.excluded) out.excluded.push({ ...e, file });
    out.rows.push({ file, rows: read.rows, cells: read.cells.length, role: table.role });
  }
  for (const { first, firstTable, second, table, count } of clashes.values()) {
    const where = (c: Cell) => (c.origin.line > 0 ? `Zeile ${c.origin.line}` : 'assume');
    log.error({
      file: second.origin.file,
      line: second.origin.line > 0 ? second.origin.line : undefined,
      field: second.origin.column,
      message: `tables[${table}]: ${count} ${count === 1 ? 'Wert steht' : 'Werte stehen'} schon in tables[${firstTable}] (${first.origin.file}), z. B. ${second.indicator} ${second.year} für "${second.unit}" (dort ${where(first)}).`,
      hint: 'Jeder Wert (Gebiet, Merkmal, Jahr) darf nur in einer Tabelle mit role: data stehen: die doppelte Tabelle oder Spalte aus atlas.yml entfernen, oder eine davon als role: check eintragen.',
    });
  }
  return out;
}

/**
 * Cells for `assume` entries: one per indicator column and year of the table, with the declared
 * status. An entry for a unit that does have a row, or is not a unit of the level, is an error.
 */
function assumeCells(
  table: Table,
  cells: readonly Cell[],
  levelUnits: ReadonlyMap<string, Unit>,
  log: ProblemLog,
): Cell[] {
  const out: Cell[] = [];
  const years = [...new Set(cells.map((c) => c.year))];
  const indicators = [...new Set(cells.map((c) => c.indicator))];
  table.assume.forEach((a, i) => {
    const field = `assume[${i}].id`;
    if (!levelUnits.has(a.id)) {
      log.error({
        file: table.file,
        field,
        message: `"${a.id}" ist keine Einheit der Ebene ${table.level}.`,
        hint: 'id in atlas.yml (tables[].assume) prüfen.',
      });
      return;
    }
    if (cells.some((c) => c.unit === a.id)) {
      log.error({
        file: table.file,
        field,
        message: `"${a.id}" hat eine Zeile in der Tabelle; assume ist nur für fehlende Zeilen.`,
        hint: 'Den Eintrag in tables[].assume entfernen.',
      });
      return;
    }
    for (const year of years) {
      for (const indicator of indicators) {
        const column = table.columns[indicator] ?? indicator;
        out.push({
          unit: a.id,
          indicator,
          year,
          status: a.status,
          value: a.status === 'zero' ? 0 : undefined,
          raw: '',
          date: referenceDate(table, year),
          origin: { file: table.file, line: 0, column },
        });
      }
    }
  });
  return out;
}

function normalizeName(s: string): string {
  return s.normalize('NFC').replace(/\s+/g, ' ').trim().toLowerCase();
}
