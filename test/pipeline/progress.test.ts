import { describe, expect, it } from 'vitest';
import { createProgress } from '../../src/pipeline/progress.ts';

/** A fake stream and clock: what an editor's terminal or a CI log would receive. */
function setup(tty: boolean) {
  let out = '';
  let t = 0;
  const stream = { write: (s: string) => (out += s), isTTY: tty, columns: 80 };
  const p = createProgress(stream, { tty, now: () => t });
  return { p, out: () => out, tick: (s: number) => (t += s) };
}

describe('createProgress', () => {
  it('in a plain log prints counts at every tenth and a line for each stage that took a second or more', () => {
    const { p, out, tick } = setup(false);
    p.stage('config');
    tick(0.2);
    p.stage('facilities');
    for (let i = 1; i <= 20; i++) {
      tick(0.1);
      p.count('Dateien', i, 20);
    }
    p.log('Daten aufbereitet.');
    p.end();
    const lines = out().trimEnd().split('\n');
    expect(lines).not.toContain('Konfiguration lesen: 0,2 s');
    expect(lines.filter((l) => l.startsWith('Einrichtungen lesen: '))).toHaveLength(11);
    expect(lines).toContain('Einrichtungen lesen: 10 von 20 Dateien (50 %), 1 s');
    expect(lines).toContain('Daten aufbereitet.');
    expect(lines.at(-1)).toBe('Einrichtungen lesen: 2,0 s');
    expect(out()).not.toContain('\r');
  });

  it('on a terminal rewrites one line, clears it before a message and draws it again', () => {
    const { p, out, tick } = setup(true);
    p.stage('astro');
    tick(1);
    p.count('Seiten', 3, 10);
    p.log('Hinweis');
    const text = out();
    expect(text).toContain('\r\x1b[2KSeiten erzeugen: 3 von 10 Seiten (30 %), 1 s');
    expect(text.endsWith('\r\x1b[2KHinweis\n\r\x1b[2KSeiten erzeugen: 3 von 10 Seiten (30 %), 1 s')).toBe(true);
    p.end();
    expect(out().endsWith('\r\x1b[2K')).toBe(true);
  });
});
