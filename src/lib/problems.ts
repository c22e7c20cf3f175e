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

/** Collects problems; `errors` fail the build, `warnings` are reported and deduplicated. */
export class ProblemLog {
  readonly problems: Problem[] = [];

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

  /** Adds all problems of another log (e.g. from a stage run in isolation). */
  merge(other: ProblemLog): void {
    for (const p of other.problems) this.problems.push(p);
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
 * Summarises a log: every error in full; warnings grouped by message so that
 * 300 identical warnings read as one line with a count (as Plot's warnings do).
 */
export function formatProblemLog(log: ProblemLog, maxWarningsPerKind = 5): string {
  const lines: string[] = [];
  for (const p of log.errors) lines.push(formatProblem(p));
  const groups = new Map<string, Problem[]>();
  for (const p of log.warnings) {
    // Same kind of warning = same hint (or message): 300 renamed units read as one group.
    const key = `${p.hint ?? p.message}`;
    const g = groups.get(key);
    if (g) g.push(p);
    else groups.set(key, [p]);
  }
  for (const g of groups.values()) {
    for (const p of g.slice(0, maxWarningsPerKind)) lines.push(formatProblem(p));
    if (g.length > maxWarningsPerKind)
      lines.push(`    … und ${g.length - maxWarningsPerKind} weitere gleiche Warnungen`);
  }
  const e = log.errors.length;
  const w = log.warnings.length;
  lines.push(`${e} ${e === 1 ? 'Fehler' : 'Fehler'}, ${w} ${w === 1 ? 'Warnung' : 'Warnungen'}.`);
  return lines.join('\n');
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
