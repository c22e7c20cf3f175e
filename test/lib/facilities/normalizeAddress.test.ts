import { describe, expect, it } from 'vitest';
import {
  cleanText,
  normalizeAddress,
  normalizeEmail,
  normalizeStreet,
  normalizeWebsite,
} from '../../../src/lib/facilities/normalizeAddress.ts';

describe('normalizeStreet', () => {
  it.each([
    ['Musterstr.', 'Musterstraße'],
    ['Schwedter Str.', 'Schwedter Straße'],
    ['Karl-Marx-Str. 12', 'Karl-Marx-Straße 12'],
    ['Musterstr. 3, Hinterhaus', 'Musterstraße 3, Hinterhaus'],
    ['  Alt-Moabit   10 ', 'Alt-Moabit 10'],
    ['Strausberger Platz 1', 'Strausberger Platz 1'],
    ['Str. der Pariser Kommune 4', 'Straße der Pariser Kommune 4'],
  ])('%j → %j', (raw, expected) => {
    expect(normalizeStreet(raw)).toBe(expected);
  });
});

describe('normalizeAddress', () => {
  it('joins street, house number and suffix, and takes the city given when the record has none', () => {
    expect(normalizeAddress({ street: 'Musterstr.', houseNumber: '20', postcode: '45999' }, 'Musterstadt')).toEqual({
      ok: true,
      address: { street: 'Musterstraße 20', postcode: '45999', city: 'Musterstadt' },
    });
    const a = (houseNumberSuffix: string) =>
      normalizeAddress(
        {
          street: 'Beispielweg',
          houseNumber: '15',
          houseNumberSuffix,
          postcode: '10115',
          city: 'Berlin',
        },
        'Berlin',
      );
    expect(a('A')).toMatchObject({ address: { street: 'Beispielweg 15A' } });
    expect(a('-17')).toMatchObject({ address: { street: 'Beispielweg 15-17' } });
    expect(a('H9')).toMatchObject({ address: { street: 'Beispielweg 15 H9' } });
  });

  it('takes a street that already carries its number and a numeric postcode (OSM)', () => {
    expect(normalizeAddress({ street: 'Musterstraße 2A', postcode: 10117 }, 'Berlin')).toEqual({
      ok: true,
      address: { street: 'Musterstraße 2A', postcode: '10117', city: 'Berlin' },
    });
    expect(normalizeAddress({ street: 'Marktplatz', postcode: 1067, city: 'Dresden' }, 'Berlin')).toMatchObject({
      address: { postcode: '01067' },
    });
  });

  it('accepts a street without house number (squares)', () => {
    expect(normalizeAddress({ street: 'Beispielplatz', houseNumber: null, postcode: '10967' }, 'Berlin')).toMatchObject(
      {
        address: { street: 'Beispielplatz' },
      },
    );
  });

  it('gives the reason instead of guessing', () => {
    expect(normalizeAddress({ postcode: '10115' }, 'Berlin')).toEqual({ ok: false, reason: 'keine Straße angegeben' });
    expect(normalizeAddress({ street: '  ', postcode: '10115' }, 'Berlin')).toEqual({
      ok: false,
      reason: 'keine Straße angegeben',
    });
    expect(normalizeAddress({ street: 'Musterstraße 1' }, 'Berlin')).toEqual({
      ok: false,
      reason: 'keine Postleitzahl angegeben',
    });
    expect(normalizeAddress({ street: 'Musterstraße 1', postcode: '101155' }, 'Berlin')).toEqual({
      ok: false,
      reason: 'Postleitzahl "101155" hat nicht 5 Ziffern',
    });
  });
});

describe('cleanText', () => {
  it('trims, collapses whitespace and ignores non-text', () => {
    expect(cleanText('  a \n b ')).toBe('a b');
    expect(cleanText(12)).toBe('12');
    expect(cleanText('')).toBeUndefined();
    expect(cleanText(null)).toBeUndefined();
    expect(cleanText({})).toBeUndefined();
  });
});

describe('normalizeWebsite', () => {
  it.each([
    ['https://www.beispiel.example', 'https://www.beispiel.example'],
    ['https://www.beispiel.example   ', 'https://www.beispiel.example'],
    ['http://www.beispiel.example  \n', 'http://www.beispiel.example'],
    ['http//www.beispiel.example', 'http://www.beispiel.example'],
    ['http:/beispiel.example', 'http://beispiel.example'],
    ['www.beispiel.example', 'http://www.beispiel.example'],
    ['beispiel.example/kita', 'http://beispiel.example/kita'],
    ['https://a.example, https://a.example/abend', 'https://a.example'],
  ])('%j → %j', (raw, expected) => {
    expect(normalizeWebsite(raw)).toEqual({ ok: true, value: expected });
  });

  it('is undefined for an empty field', () => {
    expect(normalizeWebsite(null)).toBeUndefined();
    expect(normalizeWebsite(' ')).toBeUndefined();
  });

  it.each([
    'https://www.jfe-beispiel.example (inaktiv)',
    'http://beispiel.berlin (offline)',
    'javascript:alert(1)',
    'data:text/html,x',
    'http://www.bbw-beispiel schulen.de',
    'keine',
    'ftp://x.example',
  ])('refuses %j with a reason', (raw) => {
    const r = normalizeWebsite(raw);
    expect(r?.ok).toBe(false);
  });
});

describe('normalizeEmail', () => {
  it('trims and checks the domain', () => {
    expect(normalizeEmail('info@beispiel.example\t')).toEqual({ ok: true, value: 'info@beispiel.example' });
    expect(normalizeEmail('Sekretariat@schule.berlin.de ')).toEqual({
      ok: true,
      value: 'Sekretariat@schule.berlin.de',
    });
    expect(normalizeEmail('sekretariat@beispiel-schule')).toMatchObject({ ok: false });
    expect(normalizeEmail('keine Angabe')).toMatchObject({ ok: false });
    expect(normalizeEmail(null)).toBeUndefined();
  });
});
