import { describe, expect, it } from 'vitest';
import { inBerlin, languagesFromText, pointOf, roundCoord } from '../../../src/lib/facilities/importRecord.ts';

describe('pointOf', () => {
  it('reprojects EPSG:25833 to WGS84 (Brandenburger Tor, about 5 m)', () => {
    // Brandenburger Tor: WGS84 52.516275 N, 13.377704 E; ETRS89/UTM 33N (389 918, 5 819 699).
    const p = pointOf({ type: 'Point', coordinates: [389918, 5819699] }, 'EPSG:25833')!;
    expect(p.lat).toBeCloseTo(52.516275, 4);
    expect(p.lon).toBeCloseTo(13.377704, 4);
  });

  it('reads MultiPoint (pharmacies) and WGS84 points, rounded to 6 decimals', () => {
    expect(pointOf({ type: 'MultiPoint', coordinates: [[391000, 5819000]] }, 'EPSG:25833')).toEqual({
      lat: 52.51021,
      lon: 13.393871,
    });
    expect(pointOf({ type: 'Point', coordinates: [13.123456789, 52.987654321] }, 'EPSG:4326')).toEqual({
      lat: 52.987654,
      lon: 13.123457,
    });
    expect(roundCoord(1.23456749)).toBe(1.234567);
  });

  it('gives undefined without usable coordinates', () => {
    expect(pointOf(null, 'EPSG:4326')).toBeUndefined();
    expect(pointOf({ type: 'Point', coordinates: [] }, 'EPSG:4326')).toBeUndefined();
    expect(pointOf({ type: 'Point', coordinates: [Number.NaN, 52] }, 'EPSG:4326')).toBeUndefined();
    expect(pointOf({ type: 'MultiPoint', coordinates: [] }, 'EPSG:25833')).toBeUndefined();
  });
});

describe('inBerlin', () => {
  it('checks the rough bounding box', () => {
    expect(inBerlin({ lat: 52.52, lon: 13.4 })).toBe(true);
    expect(inBerlin({ lat: 48.14, lon: 11.58 })).toBe(false);
    expect(inBerlin({ lat: 0, lon: 0 })).toBe(false);
  });
});

describe('languagesFromText', () => {
  it.each([
    ['bilingual deutsch/portugiesisch', ['de', 'pt']],
    ['zweisprachig deutsch-englisch', ['de', 'en']],
    ['integrierter deutsch-englischer Waldkindergarten', ['de', 'en']],
    ['deutsch-polnischer Schwerpunkt', ['de', 'pl']],
    ['Situationsansatz; bilinguale Förderung deutsch-chinesisch', ['de', 'zh']],
    ['deutsch-hebräisch', ['de', 'he']],
  ])('%j → %j', (text, expected) => {
    expect(languagesFromText(text)).toEqual(expected);
  });

  it.each(['Englisch, Schwimmen', 'Frühenglisch', 'Sprachförderung', 'deutsch-klingonisch', ''])(
    'finds nothing in %j',
    (text) => {
      expect(languagesFromText(text)).toBeUndefined();
    },
  );
});
