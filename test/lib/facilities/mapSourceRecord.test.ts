import { describe, expect, it } from 'vitest';
import { mapSourceRecord } from '../../../src/lib/facilities/mapSourceRecord.ts';
import { readFileSync } from 'node:fs';
import { ImportSourceSchema, type ImportSource } from '../../../src/schemas/imports.ts';
import { demoContext, demoSource } from '../../helpers/demoImports.ts';

// Made-up records in the shape of the real files, mapped with the demo's imports.yml (the Berlin configuration).
const source = demoSource;
const mapBerlinRecord = (s: ImportSource, f: { properties?: unknown; geometry?: unknown }) =>
  mapSourceRecord(s, f, demoContext(s));
const utm = { type: 'Point', coordinates: [391000, 5819000] };
const wgs = { type: 'Point', coordinates: [13.4, 52.5] };

describe('mapSourceRecord with the Berlin configuration (imports.yml)', () => {
  it('maps a geoportal Kita', () => {
    const r = mapBerlinRecord(source('geoportal-kitas'), {
      geometry: utm,
      properties: {
        e_nr: '99010010',
        e_name: 'Kita Wolkenschloss',
        e_plz: '10115',
        e_ort: 'Berlin',
        e_strasse: 'Musterstr.',
        e_hnr: '1',
        e_zusatz: 'B',
        e_tel: '030/1234567',
        e_web: 'www.wolkenschloss.example',
        e_platz: '80',
        ang_1: 'Situationsansatz',
        ang_2: 'zweisprachig deutsch-englisch',
        t_name: 'Beispiel-Träger gGmbH',
        t_art: 'Sonstiger freier Träger',
      },
    });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.record).toMatchObject({
      key: 'berlin-geoportal-kitas:99010010',
      idPrefix: 'kt',
      name: 'Kita Wolkenschloss',
      provider: 'Beispiel-Träger gGmbH',
      types: ['kita'],
      targetGroups: ['kinder'],
      address: { street: 'Musterstraße 1B', postcode: '10115', city: 'Berlin' },
      location: { lat: 52.51021, lon: 13.393871 },
      phones: ['+49 30 1234567'],
      website: 'http://www.wolkenschloss.example',
      languages: ['de', 'en'],
      places: 80,
      dataDate: '2022-12-01',
      source: { source: 'berlin-geoportal-kitas', recordId: '99010010', attribution: 'Geoportal Berlin' },
      dropped: [],
    });
    expect(r.record.source.licence).toContain('nicht bestätigt');
    expect(r.record.facts).toEqual([
      'Kindertagesstätte mit 80 Plätzen.',
      'Träger: Beispiel-Träger gGmbH.',
      'Trägerart: Sonstiger freier Träger.',
      'Pädagogische Schwerpunkte laut Kita-Verzeichnis: Situationsansatz; zweisprachig deutsch-englisch.',
      'Einrichtungsnummer: 99010010.',
    ]);
  });

  it('reports dropped values instead of publishing them', () => {
    const r = mapBerlinRecord(source('geoportal-kitas'), {
      geometry: utm,
      properties: {
        e_nr: '1',
        e_name: 'Kita X',
        e_plz: '10115',
        e_strasse: 'Weg',
        e_hnr: '1',
        e_tel: 'tba',
        e_platz: '0',
      },
    });
    expect(r.ok && r.record.dropped).toEqual(['Platzzahl "0" ist keine positive Zahl', 'Telefon "tba" nicht lesbar']);
    expect(r.ok && r.record.places).toBeUndefined();
    expect(r.ok && r.record.facts[0]).toBe('Kindertagesstätte.');
  });

  it("reads numbers without an area code with the atlas's own (imports.yml areaCode), others as written", () => {
    const s = source('geoportal-kitas');
    const record = { e_nr: '1', e_name: 'Kita X', e_plz: '10115', e_strasse: 'Weg', e_hnr: '1' };
    const phonesWith = (e_tel: string, areaCode: string | undefined) => {
      const r = mapSourceRecord(
        s,
        { geometry: utm, properties: { ...record, e_tel } },
        { ...demoContext(s), areaCode },
      );
      return r.ok ? r.record.phones : undefined;
    };
    expect(phonesWith('123 45 67', '331')).toEqual(['+49 331 1234567']);
    expect(phonesWith('123 45 67', undefined)).toEqual(['+49 30 1234567']);
    expect(phonesWith('0221 123456 oder 0151 23456789', '331')).toEqual(['+49 221 123456', '+49 151 23456789']);
  });

  it('maps care homes, schools, pharmacies and youth centres with their own fields', () => {
    const pflege = mapBerlinRecord(source('geoportal-pflege'), {
      geometry: utm,
      properties: {
        ik_nummer: '519999999',
        einrichtung_name: 'Haus Beispiel',
        gc_strasse: 'Musterweg',
        gc_haus: '8',
        gc_plz: '10369',
        platzzahl: 122,
        traegername: 'Beispiel gGmbH',
        traegerverbandkurz: 'DPW',
      },
    });
    expect(pflege).toMatchObject({
      ok: true,
      record: { types: ['pflege'], targetGroups: ['pflegebeduerftige'], places: 122, provider: 'Beispiel gGmbH' },
    });
    const schule = mapBerlinRecord(source('geoportal-schulen'), {
      geometry: utm,
      properties: {
        bsn: '99G01',
        name: 'Beispiel-Grundschule',
        schulart: 'Grundschule',
        traeger: 'öffentlich',
        schultyp: 'Grundschule',
        plz: '10557',
        strasse: 'Alt-Beispiel',
        hausnr: '10',
        telefon: '+40 30 1234567',
        email: 'info@beispiel.example ',
        internet: null,
      },
    });
    expect(schule).toMatchObject({
      ok: true,
      record: {
        types: ['schule'],
        targetGroups: ['kinder'],
        email: 'info@beispiel.example',
        phones: [],
        dropped: ['Telefon "+40 30 1234567" hat eine ausländische Vorwahl (Tippfehler?)'],
        facts: ['Grundschule.', 'Öffentliche Schule.', 'Schulnummer: 99G01.'],
      },
    });
    const apo = mapBerlinRecord(source('geoportal-apotheken'), {
      geometry: { type: 'MultiPoint', coordinates: [[391000, 5819000]] },
      properties: {
        gc_id: 'DEBE00YY2dR001ZJ',
        aponame: 'Beispiel-Apotheke',
        gc_strasse: 'Musterplatz',
        gc_haus: null,
        gc_plz: '10967',
        gc_ortsteil: 'Neukölln',
      },
    });
    expect(apo).toMatchObject({
      ok: true,
      record: {
        key: 'berlin-geoportal-apotheken:DEBE00YY2dR001ZJ',
        address: { street: 'Musterplatz' },
        facts: ['Apotheke.', 'Ortsteil: Neukölln.'],
      },
    });
    const jfe = mapBerlinRecord(source('geoportal-jugendfreizeit'), {
      geometry: utm,
      properties: {
        e_nr: '99010003',
        e_name: 'Kinderfarm Beispiel',
        e_plz: '10435',
        e_ort: 'Berlin',
        e_strasse: 'Weg',
        e_hnr: '1',
        e_zus: '-3',
        e_platz: '0',
        e_art: 'PbS oder ASP oder Kinderfarm',
        t_name: 'Bezirksamt',
        t_art: 'öffentlicher Träger',
      },
    });
    expect(jfe).toMatchObject({
      ok: true,
      record: { targetGroups: ['kinder'], address: { street: 'Weg 1-3' }, places: undefined },
    });
  });

  it('maps OSM points and ignores planning-area-id', () => {
    const r = mapBerlinRecord(source('osm-doctors'), {
      geometry: wgs,
      properties: {
        id: '900000010',
        name: 'Praxis Dr. Beispiel',
        street: 'Musterstraße 5',
        'zip-code': 10117,
        lat: 52.5,
        lon: 13.4,
        'planning-area-id': 1100101,
      },
    });
    expect(r).toMatchObject({
      ok: true,
      record: {
        key: 'osm:900000010',
        idPrefix: 'osm',
        types: ['arzt'],
        targetGroups: [],
        address: { postcode: '10117' },
        source: { licence: 'ODbL 1.0', attribution: '© OpenStreetMap-Mitwirkende' },
      },
    });
    expect(JSON.stringify(r)).not.toContain('1100101');
  });

  it('keeps an OSM record without address (a match may supply it) but notes why', () => {
    const r = mapBerlinRecord(source('osm-kindergartens'), {
      geometry: wgs,
      properties: { id: '900000002', name: 'Kinderladen Pusteblume' },
    });
    expect(r).toMatchObject({ ok: true, record: { address: undefined, addressProblem: 'keine Straße angegeben' } });
  });

  it('refuses records without id, name or usable coordinates, with the reason', () => {
    const s = source('osm-kindergartens');
    expect(mapBerlinRecord(s, { geometry: wgs, properties: { name: 'X' } })).toEqual({
      ok: false,
      reason: 'keine Kennung (id)',
    });
    expect(mapBerlinRecord(s, { geometry: wgs, properties: { id: '1' } })).toEqual({ ok: false, reason: 'kein Name' });
    expect(mapBerlinRecord(s, { geometry: null, properties: { id: '1', name: 'X' } })).toEqual({
      ok: false,
      reason: 'keine Koordinaten',
      name: 'X',
    });
    expect(
      mapBerlinRecord(s, {
        geometry: { type: 'Point', coordinates: [11.5, 48.1] },
        properties: { id: '1', name: 'X' },
      }),
    ).toMatchObject({ ok: false, reason: expect.stringContaining('außerhalb des Atlas-Gebiets') });
  });
});

describe('school target groups by rule (imports.yml, geoportal-schulen)', () => {
  it.each([
    ['Grundschule', ['kinder']],
    ['Gymnasium', ['jugendliche']],
    ['Integrierte Sekundarschule', ['jugendliche']],
    ['Förderschwerp. "Lernen"', ['kinder', 'jugendliche', 'menschen-mit-behinderung']],
    ['Oberstufenzentrum', ['jugendliche', 'junge-erwachsene']],
    ['Kombinierte berufliche Schule', ['jugendliche', 'junge-erwachsene']],
    ['Gemeinschaftsschule', ['kinder', 'jugendliche']],
  ])('%j → %j', (art, groups) => {
    const r = mapBerlinRecord(source('geoportal-schulen'), {
      geometry: { type: 'Point', coordinates: [391000, 5819000] },
      properties: { bsn: '01A01', name: 'Schule', strasse: 'Musterstr.', hausnr: '1', plz: '10115', schulart: art },
    });
    expect(r.ok && r.record.targetGroups).toEqual(groups);
  });
});

describe('mapSourceRecord: sources of any city (made-up fixtures)', () => {
  const fixture = (name: string) => readFileSync(`test/fixtures/facilities/${name}`, 'utf8');
  const base = {
    label: 'Test',
    idPrefix: 'x',
    dataDate: '2025-01-01',
    licence: 'ODbL 1.0',
    attribution: '© OpenStreetMap-Mitwirkende',
  };
  const osmTypes = new Map([
    ['amenity=kindergarten', 'kita'],
    ['amenity=pharmacy', 'apotheke'],
  ]);

  it('an OpenStreetMap export: OSM keys read, tags mapped to types through the vocabulary, refusals with reasons', () => {
    const source = ImportSourceSchema.parse({
      ...base,
      id: 'osm',
      file: 'x',
      format: 'osm',
      facts: [{ text: 'Aus OSM.' }],
    });
    const features = (JSON.parse(fixture('osm-overpass.geojson')) as { features: { properties: unknown }[] }).features;
    const results = features.map((f) => mapSourceRecord(source, f, demoContext(source, osmTypes)));
    expect(results[0]).toMatchObject({
      ok: true,
      record: {
        key: 'osm:node/900000101',
        name: 'Kita Sternschnuppe',
        provider: 'Beispiel e. V.',
        types: ['kita'],
        address: { street: 'Musterweg 7a', postcode: '10117', city: 'Berlin' },
        phones: ['+49 30 5550101'],
        website: 'https://sternschnuppe.example',
        places: 45,
        facts: ['Aus OSM.'],
      },
    });
    // Without address: kept, with the reason noted, nothing filled in.
    expect(results[1]).toMatchObject({ ok: true, record: { types: ['apotheke'], address: undefined } });
    expect(results[1]?.ok && results[1].record.addressProblem).toBe('keine Straße angegeben');
    expect(results.slice(2).map((r) => !r.ok && r.reason)).toEqual([
      'kein Name',
      'keine Art (kein passendes OSM-Merkmal)',
      'Koordinaten außerhalb des Atlas-Gebiets (48.14, 11.58)',
    ]);
  });

  it('a CSV table with a column mapping and coordinates in UTM (decimal comma)', () => {
    const source = ImportSourceSchema.parse({
      ...base,
      id: 'beratung',
      file: 'x.csv',
      format: 'csv',
      crs: 'EPSG:25833',
      delimiter: ';',
      licence: 'CC BY 4.0',
      attribution: 'Stadt (erfunden)',
      fields: {
        id: 'Nr',
        name: 'Einrichtung',
        street: 'Straße',
        postcode: 'PLZ',
        city: 'Ort',
        phone: 'Telefon',
        x: 'Rechtswert',
        y: 'Hochwert',
      },
      types: ['kita'],
    });
    const [header, ...rows] = fixture('beratung.csv')
      .trim()
      .split('\n')
      .map((l) => l.split(';'));
    const records = rows.map((r) => Object.fromEntries(header!.map((h, i) => [h, r[i] ?? ''])));
    const [a, b] = records.map((properties) => mapSourceRecord(source, { properties }, demoContext(source)));
    expect(a).toMatchObject({
      ok: true,
      record: {
        key: 'beratung:B-1',
        address: { street: 'Lindenstraße 5', postcode: '10969', city: 'Berlin' },
        // 1,000.5 m east of (391000, 5819000) = 52.51021, 13.393871 (PROJ reference in importRecord.test.ts).
        location: { lat: 52.510409, lon: 13.408608 },
        phones: ['+49 30 5550202'],
      },
    });
    expect(b).toMatchObject({ ok: true, record: { name: 'Treffpunkt ohne Adresse', address: undefined } });
  });

  it('the operator address of a care home becomes providerContact (imports.yml, geoportal-pflege)', () => {
    const r = mapBerlinRecord(source('geoportal-pflege'), {
      geometry: { type: 'Point', coordinates: [391000, 5819000] },
      properties: {
        ik_nummer: '99',
        einrichtung_name: 'Pflegeheim Muster',
        gc_strasse: 'Musterstr.',
        gc_haus: '3',
        gc_plz: '10115',
        traegerstrasse: 'Trägerstr. 6',
        traegerplz: '10367',
        traegerort: 'Berlin',
      },
    });
    expect(r.ok && r.record.providerAddress).toEqual({ street: 'Trägerstraße 6', postcode: '10367', city: 'Berlin' });
  });
});
