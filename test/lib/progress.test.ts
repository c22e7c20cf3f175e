import { describe, expect, it } from 'vitest';
import { plainStep, progressText, stageDoneText, stageLabel } from '../../src/lib/progress.ts';

describe('progressText', () => {
  it('names the stage in German and counts n of N with a percentage for an exact total', () => {
    expect(progressText({ stage: 'astro', what: 'Seiten', done: 1234, total: 16825, seconds: 12.4 })).toBe(
      'Seiten erzeugen: 1.234 von 16.825 Seiten (7 %), 12 s',
    );
  });

  it('says "etwa" and no percentage for an estimated total, and counts alone without a total', () => {
    expect(progressText({ stage: 'astro', what: 'Seiten', done: 10, total: 171, estimated: true, seconds: 1 })).toBe(
      'Seiten erzeugen: 10 von etwa 171 Seiten, 1 s',
    );
    expect(progressText({ stage: 'unitWorkers', what: 'Gebiete', done: 5, seconds: 0 })).toBe(
      'Gebietsseiten vorbereiten: 5 Gebiete, 0 s',
    );
  });

  it('keeps an unknown stage name and never shows more than 100 %', () => {
    expect(stageLabel('somethingNew')).toBe('somethingNew');
    expect(progressText({ stage: 'x', what: 'Dateien', done: 12, total: 10, seconds: 0 })).toContain('(100 %)');
  });

  it('stageDoneText gives the seconds with one decimal below 10 s', () => {
    expect(stageDoneText('facilities', 3.25)).toBe('Einrichtungen lesen: 3,3 s');
    expect(stageDoneText('facilities', 17.4)).toBe('Einrichtungen lesen: 17 s');
  });
});

describe('plainStep', () => {
  it('prints a line at each new tenth of an exact total, never twice for the same tenth', () => {
    const printed: number[] = [];
    let last = { step: 0, seconds: 0 };
    for (let done = 1; done <= 100; done++) {
      const next = plainStep({ stage: 'facilities', what: 'Dateien', done, total: 100, seconds: done / 10 }, last);
      if (next) {
        printed.push(done);
        last = next;
      }
    }
    expect(printed).toEqual([10, 20, 30, 40, 50, 60, 70, 80, 90, 100]);
  });

  it('prints every 15 s when the total is estimated or unknown', () => {
    const c = { stage: 'astro', what: 'Seiten', done: 5, total: 100, estimated: true };
    expect(plainStep({ ...c, seconds: 14 }, { step: 0, seconds: 0 })).toBeUndefined();
    expect(plainStep({ ...c, seconds: 15 }, { step: 0, seconds: 0 })).toEqual({ step: 0, seconds: 15 });
    expect(plainStep({ ...c, total: undefined, seconds: 31 }, { step: 0, seconds: 15 })).toEqual({
      step: 0,
      seconds: 31,
    });
  });
});
