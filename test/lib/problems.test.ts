import { describe, expect, it } from 'vitest';
import { ProblemLog, formatProblemLog } from '../../src/lib/problems.ts';

describe('formatProblemLog: errors that stay few', () => {
  it('groups problems of one kind (same file, field, hint, message but for values) with a count and the first places', () => {
    const log = new ProblemLog();
    for (let line = 2; line < 1024; line++)
      log.error({
        file: 'data/x.csv',
        line,
        field: 'id',
        message: `Die Id "${line}" gibt es nicht.`,
        hint: 'Ids prüfen.',
      });
    log.error({ file: 'atlas.yml', field: 'crs', message: 'Falsch.', hint: 'Richtig machen.' });
    log.warn({ file: 'data/x.csv', message: 'Name weicht ab.' });
    log.skip({
      file: 'data/y.csv',
      message: '-',
      group: { reason: 'die Ebene fehlt', noun: 'Tabellenzeilen', count: 10 },
    });
    log.skip({
      file: 'data/z.csv',
      message: '-',
      group: { reason: 'die Ebene fehlt', noun: 'Tabellenzeilen', count: 5 },
    });
    const lines = formatProblemLog(log).split('\n');
    expect(lines.filter((l) => l.startsWith('data/x.csv:'))).toHaveLength(5 + 1);
    expect(lines).toContain('    … und 1.017 weitere gleiche Fehler (Zeile 7, Zeile 8, Zeile 9, Zeile 10, Zeile 11 …)');
    expect(lines).toContain(
      'Nicht geprüft: 15 Tabellenzeilen in 2 Dateien (data/y.csv, data/z.csv), weil die Ebene fehlt.',
    );
    expect(lines.at(-1)).toBe('1.023 Fehler (2 Arten), 1 Warnung (1 Art).');
    expect(lines.length).toBeLessThan(20);
  });
  it('an empty log says so', () => {
    expect(formatProblemLog(new ProblemLog())).toBe('0 Fehler, 0 Warnungen.');
  });
});
