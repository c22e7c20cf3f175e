import { describe, expect, it } from 'vitest';
import { createUnitNameMatcher, normalizeUnitName } from '../../../src/lib/csv/unitNames.ts';

describe('normalizeUnitName', () => {
  it.each([
    ['Mühlenberg', 'muehlenberg'],
    ['Muehlen- berg', 'muehlenberg'],
    ['MÜHLEN-\nBERG', 'muehlenberg'],
    ['Alt-Stadt', 'altstadt'],
    ['Alt Stadt', 'altstadt'],
    ['Groß\u00adstadt', 'grossstadt'],
  ])('%j → %j', (name, expected) => {
    expect(normalizeUnitName(name)).toBe(expected);
  });
});

describe('createUnitNameMatcher', () => {
  const units = [
    { id: '14', name: 'Mitte' },
    { id: '23', name: 'Mühlenberg' },
    { id: '31', name: 'Sankt Georg' },
    { id: '41', name: 'Neu-Ost' },
    { id: '42', name: 'Neuost' },
  ];
  const match = createUnitNameMatcher(units, {
    'St. Georg': 'Sankt Georg',
    'Neu Ost (alt)': '41',
    Irrweg: 'Nirgendwo',
  });
  it('finds names written differently, and aliases by name or id', () => {
    expect(match('MITTE')).toEqual({ ok: true, id: '14' });
    expect(match('Muehlen- berg')).toEqual({ ok: true, id: '23' });
    expect(match('St. Georg')).toEqual({ ok: true, id: '31' });
    expect(match('Neu Ost (alt)')).toEqual({ ok: true, id: '41' });
  });
  it('an ambiguous, unknown or badly aliased name is an error naming it, with the hint on aliases', () => {
    const ambiguous = match('Neu Ost');
    expect(ambiguous.ok).toBe(false);
    expect(!ambiguous.ok && ambiguous.error).toBe('Der Name "Neu Ost" passt zu mehreren Gebieten ("41", "42").');
    const unknown = match('Stadt insgesamt');
    expect(!unknown.ok && unknown.hint).toContain('aliases');
    const bad = match('Irrweg');
    expect(!bad.ok && bad.error).toContain('"Nirgendwo"');
  });
});
