import { describe, expect, it } from 'vitest';
import { languagesFromText, roundCoord } from '../../../src/lib/facilities/importRecord.ts';
import { locationOf } from '../../../src/lib/facilities/mapSourceRecord.ts';
import { resolveCrs } from '../../../src/lib/geo/crs.ts';
import { ImportSourceSchema } from '../../../src/schemas/imports.ts';

const utm = resolveCrs('EPSG:25833');
const wgs = resolveCrs('EPSG:4326');
if ('error' in utm || 'error' in wgs) throw new Error('built-in CRS');
const geo = ImportSourceSchema.parse({
  id: 'x',
  label: 'x',
  file: 'x.geojson',
  idPrefix: 'x',
  dataDate: '2024-01-01',
  licence: 'x',
  attribution: 'x',
  fields: { id: 'id' },
});
const csv = { ...geo, format: 'csv' as const, fields: { id: 'id', x: 'rechts', y: 'hoch' } };
const pointOf = (geometry: unknown, crs: typeof utm) => locationOf(geo, {}, geometry, crs.crs);

describe('locationOf', () => {
  it('reprojects EPSG:25833 to WGS84 (Brandenburger Tor, about 5 m)', () => {
    // Brandenburger Tor: WGS84 52.516275 N, 13.377704 E; ETRS89/UTM 33N (389 918, 5 819 699).
    const p = pointOf({ type: 'Point', coordinates: [389918, 5819699] }, utm)!;
    expect(p.lat).toBeCloseTo(52.516275, 4);
    expect(p.lon).toBeCloseTo(13.377704, 4);
  });

  it('reads MultiPoint (pharmacies) and WGS84 points, rounded to 6 decimals', () => {
    expect(pointOf({ type: 'MultiPoint', coordinates: [[391000, 5819000]] }, utm)).toEqual({
      lat: 52.51021,
      lon: 13.393871,
    });
    expect(pointOf({ type: 'Point', coordinates: [13.123456789, 52.987654321] }, wgs)).toEqual({
      lat: 52.987654,
      lon: 13.123457,
    });
    expect(roundCoord(1.23456749)).toBe(1.234567);
  });

  it('reads the coordinate columns of a CSV row, with decimal point or comma', () => {
    expect(locationOf(csv, { rechts: '391000,0', hoch: '5819000' }, undefined, utm.crs)).toEqual({
      lat: 52.51021,
      lon: 13.393871,
    });
    expect(locationOf(csv, { rechts: '', hoch: '' }, undefined, utm.crs)).toBeUndefined();
  });

  it('gives undefined without usable coordinates', () => {
    expect(pointOf(null, wgs)).toBeUndefined();
    expect(pointOf({ type: 'Point', coordinates: [] }, wgs)).toBeUndefined();
    expect(pointOf({ type: 'Point', coordinates: [Number.NaN, 52] }, wgs)).toBeUndefined();
    expect(pointOf({ type: 'MultiPoint', coordinates: [] }, utm)).toBeUndefined();
    expect(
      pointOf(
        {
          type: 'LineString',
          coordinates: [
            [13, 52],
            [13.1, 52],
          ],
        },
        wgs,
      ),
    ).toBeUndefined();
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
