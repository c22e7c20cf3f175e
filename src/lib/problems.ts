/**
 * Problems found in an atlas's input: collected, never thrown one by one, so that
 * one validation run reports every problem (an editor fixes them all in one pull request).
 *
 * A problem names the file, the line (text files) or row (tables, 1-based data row
 * as a spreadsheet shows it, header = row 1) or feature index, the field, a message and a hint.
 */
export type Severity = 'error' | 'warning';

export interface Problem {
  severity: Severity;
  /** Path relative to the atlas folder, e.g. "data/berlin/mss/mss-2019-districts.csv". */
  file: string;
  /** 1-based line in a text file (YAML, Markdown, CSV). */
  line?: number | undefined;
  /** 1-based column in that line, where known. */
  column?: number | undefined;
  /** Where a line is not the natural address: "Zeile 14", "Feature 212", "Objekt bezirke". */
  location?: string | undefined;
  /** The field, column or property concerned, e.g. "s1_arbeitslose" or "levels[1].boundaries.crs". */
  field?: string | undefined;
  /** What is wrong, in German, plain. */
  message: string;
  /** What to do about it. */
  hint?: string | undefined;
}

/**
 * A check that was not made because something it depends on failed (a level's boundaries, a table's file): one
 * line instead of one error per row. Not a problem of its own: the failure it depends on is reported.
 */
export interface SkippedCheck {
  file: string;
  /** "1.234 Zeilen von data/x.csv nicht geprüft, weil die Grenzen der Ebene stadtteil nicht gelesen werden konnten." */
  message: string;
  /**
   * For grouping: skipped checks with the same `reason` and `noun` in several files print as one line
   * ("6.718 Zeilen in 14 Dateien … nicht geprüft, weil …").
   */
  group?: { reason: string; noun: string; count: number } | undefined;
}

/** Collects problems; `errors` fail the build, `warnings` are reported and deduplicated. */
export class ProblemLog {
  readonly problems: Problem[] = [];
  /** Checks skipped because what they depend on failed (see {@link SkippedCheck}). */
  readonly skipped: SkippedCheck[] = [];

  error(p: Omit<Problem, 'severity'>): void {
    this.problems.push({ severity: 'error', ...p });
  }

  warn(p: Omit<Problem, 'severity'>): void {
    this.problems.push({ severity: 'warning', ...p });
  }

  get errors(): Problem[] {
    return this.problems.filter((p) => p.severity === 'error');
  }

  get warnings(): Problem[] {
    return this.problems.filter((p) => p.severity === 'warning');
  }

  get hasErrors(): boolean {
    return this.problems.some((p) => p.severity === 'error');
  }

  /** Records a check that depends on a failed input and was not made (one line, not counted as a problem). */
  skip(s: SkippedCheck): void {
    this.skipped.push(s);
  }

  /** Adds all problems of another log (e.g. from a stage run in isolation). */
  merge(other: ProblemLog): void {
    for (const p of other.problems) this.problems.push(p);
    for (const s of other.skipped) this.skipped.push(s);
  }
}

/**
 * Formats a problem as one line an editor can paste into a search:
 * `data/x.csv:14: Feld "wert": "12,5,3" ist keine Zahl. Hinweis: …`
 */
export function formatProblem(p: Problem): string {
  let where = p.file;
  if (p.line !== undefined) where += `:${p.line}`;
  if (p.line !== undefined && p.column !== undefined) where += `:${p.column}`;
  const parts = [`${where}:`];
  if (p.severity === 'warning') parts.push('Warnung:');
  if (p.location) parts.push(`${p.location}:`);
  if (p.field) parts.push(`Feld "${p.field}":`);
  parts.push(p.message);
  let out = parts.join(' ');
  if (p.hint) out += `\n    Hinweis: ${p.hint}`;
  return out;
}

/**
 * The kind of a problem: the same file, field, hint and message with its quoted values and numbers left out.
 * 1,022 facilities outside the city, or 26,095 rows with an unknown id, are one kind each.
 */
export function problemKind(p: Problem): string {
  const template = p.message.replace(/"[^"]*"|„[^“]*“|\d+([.,]\d+)*/g, '#');
  return [p.severity, p.file, p.field ?? '', p.hint ?? '', template].join('\u0000');
}

/** Where a problem is, short: "Zeile 14", "Feature 3 (…)". */
function shortPlace(p: Problem): string {
  if (p.line !== undefined) return `Zeile ${p.line}`;
  return p.location ?? p.field ?? p.file;
}

/**
 * Summarises a log: problems of one kind (see {@link problemKind}) are grouped, the first `perKind` in full, then
 * one line with the count of the others and their first places; errors first, then warnings, then the checks not
 * made because what they depend on failed. The last line counts problems and kinds.
 */
export function formatProblemLog(log: ProblemLog, perKind = 5): string {
  const lines: string[] = [];
  const kinds = (list: readonly Problem[]) => {
    const groups = new Map<string, Problem[]>();
    for (const p of list) {
      const key = problemKind(p);
      const g = groups.get(key);
      if (g) g.push(p);
      else groups.set(key, [p]);
    }
    return [...groups.values()];
  };
  const errorKinds = kinds(log.errors);
  const warningKinds = kinds(log.warnings);
  for (const g of [...errorKinds, ...warningKinds]) {
    for (const p of g.slice(0, perKind)) lines.push(formatProblem(p));
    const rest = g.slice(perKind);
    if (rest.length > 0) {
      const word = g[0]?.severity === 'error' ? 'gleiche Fehler' : 'gleiche Warnungen';
      const places = rest.slice(0, 5).map(shortPlace).join(', ');
      lines.push(`    … und ${formatCount(rest.length)} weitere ${word} (${places}${rest.length > 5 ? ' …' : ''})`);
    }
  }
  const skippedGroups = new Map<string, SkippedCheck[]>();
  for (const s of log.skipped) {
    const key = s.group ? `${s.group.noun}\u0000${s.group.reason}` : `\u0001${skippedGroups.size}`;
    skippedGroups.set(key, [...(skippedGroups.get(key) ?? []), s]);
  }
  for (const g of skippedGroups.values()) {
    const first = g[0]!;
    if (g.length === 1 || !first.group) {
      for (const s of g) lines.push(`${s.file}: Nicht geprüft: ${s.message}`);
      continue;
    }
    const count = g.reduce((n, s) => n + (s.group?.count ?? 0), 0);
    const files = g.map((s) => s.file);
    lines.push(
      `Nicht geprüft: ${formatCount(count)} ${first.group.noun} in ${g.length} Dateien (${files.slice(0, 3).join(', ')}${files.length > 3 ? ' …' : ''}), weil ${first.group.reason}.`,
    );
  }
  const e = log.errors.length;
  const w = log.warnings.length;
  const art = (n: number) => `${formatCount(n)} ${n === 1 ? 'Art' : 'Arten'}`;
  lines.push(
    `${formatCount(e)} Fehler${e > 0 ? ` (${art(errorKinds.length)})` : ''}, ` +
      `${formatCount(w)} ${w === 1 ? 'Warnung' : 'Warnungen'}${w > 0 ? ` (${art(warningKinds.length)})` : ''}.`,
  );
  return lines.join('\n');
}

/** 26095 → "26.095" (German thousands separator, without Intl so the output is the same everywhere). */
function formatCount(n: number): string {
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, '.');
}

/**
 * An error that ends a command with a given exit code, carrying the problem log.
 * Thin CLIs catch it, print `formatProblemLog` and exit with `exitCode`.
 */
export class AtlasError extends Error {
  readonly exitCode: number;
  readonly log: ProblemLog | undefined;

  constructor(message: string, options: { exitCode?: number; log?: ProblemLog; cause?: unknown } = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'AtlasError';
    this.exitCode = options.exitCode ?? 1;
    this.log = options.log;
  }
}
