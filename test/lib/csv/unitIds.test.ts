import { describe, expect, it } from 'vitest';
import { createUnitIdChecker } from '../../../src/lib/csv/unitIds.ts';

const check = createUnitIdChecker(new Set(['01011101', '01011102', '02']));

describe('createUnitIdChecker', () => {
  it('accepts a known id', () => {
    expect(check('01011101')).toEqual({ ok: true });
  });

  it('recognises lost leading zeros and names the meant id', () => {
    const r = check('1011101');
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error).toContain('"01011101"');
    expect(r.error).toContain('führende Nullen');
  });

  it('reports an unknown id without a zero-padded twin', () => {
    const r = check('99');
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error).toContain('"99"');
    expect(r.error).not.toContain('führende Nullen');
  });

  it('does not confuse ids of equal digits but different zeros with a known one ("2" vs "02")', () => {
    const r = check('2');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toContain('"02"');
  });
});
