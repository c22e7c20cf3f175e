import { describe, expect, it } from 'vitest';
import { IndicatorSchema } from '../../../src/schemas/atlasConfig.ts';
import { createCellReader, normalizeClassCode } from '../../../src/lib/csv/classCodes.ts';

const base = { label: { de: 'x' }, definition: { de: 'x' }, source: 'mss', polarity: 'neutral', decimals: 0 } as const;
const dynamic = IndicatorSchema.parse({
  ...base,
  id: 'dynamik',
  type: 'class',
  classes: [
    { value: 1, code: '+', label: { de: 'positiv' } },
    { value: 2, code: '+/-', label: { de: 'stabil' } },
    { value: 3, code: '-', label: { de: 'negativ' } },
  ],
});
const status = IndicatorSchema.parse({
  ...base,
  id: 'status',
  type: 'class',
  classes: [1, 2, 3, 4].map((value) => ({ value, label: { de: String(value) } })),
});
const markers = { '-': 'missing' } as const;
const EN = { decimal: '.', thousands: '' } as const;

describe('normalizeClassCode', () => {
  it('removes all whitespace', () => {
    expect(normalizeClassCode(' Status mittel , Dynamik  negativ')).toBe(
      normalizeClassCode('Status mittel, Dynamik negativ'),
    );
  });
});

describe('createCellReader', () => {
  const readDynamic = createCellReader(dynamic, markers, EN);
  it('maps codes to class values, looking codes up before markers ("-" is "negativ")', () => {
    expect(readDynamic('+')).toEqual({ status: 'value', value: 1 });
    expect(readDynamic(' + / - ')).toEqual({ status: 'value', value: 2 });
    expect(readDynamic('-')).toEqual({ status: 'value', value: 3 });
  });

  it('still accepts markers that are not codes', () => {
    expect(readDynamic('')).toEqual({ status: 'missing' });
  });

  it('reports an unknown code listing the allowed ones', () => {
    const r = readDynamic('++');
    expect('error' in r && r.error).toContain('"+", "+/-", "-"');
  });

  it('reads numeric classes and refuses values that are no class', () => {
    const readStatus = createCellReader(status, markers, EN);
    expect(readStatus('2.0')).toEqual({ status: 'value', value: 2 });
    expect(readStatus('-')).toEqual({ status: 'missing' });
    expect(readStatus('5')).toHaveProperty('error');
  });
});
