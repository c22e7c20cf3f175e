import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { formatImportReport } from '../../../src/lib/facilities/formatImportReport.ts';
import { type ImportState, parseImportState, serializeImportState } from '../../../src/lib/facilities/importState.ts';
import { type PlanInput, type SourceInput, planImport } from '../../../src/lib/facilities/planImport.ts';
import { parseFacilityMarkdown } from '../../../src/lib/facilities/serializeFacility.ts';
import { FacilityVocabularySchema } from '../../../src/schemas/facility.ts';
import { DEMO_MATCH, demoContext, demoSource } from '../../helpers/demoImports.ts';

// Made-up fixtures (see test/fixtures/facilities/README.md): two geoportal Kitas, four OSM kindergartens.
const dir = 'test/fixtures/facilities';
const vocabulary = FacilityVocabularySchema.parse(parse(readFileSync(`${dir}/vocabulary.yml`, 'utf8')));
const geojson = (name: string) =>
  JSON.parse(readFileSync(`${dir}/${name}`, 'utf8')) as { features: SourceInput['features'] };
const source = demoSource;
const MATCH_PAIRS = DEMO_MATCH;

function sources(kitas = geojson('geoportal-kitas.geojson')): SourceInput[] {
  return [
    { source: source('geoportal-kitas'), features: kitas.features, context: demoContext(source('geoportal-kitas')) },
    {
      source: source('osm-kindergartens'),
      features: geojson('osm-kindergartens.geojson').features,
      context: demoContext(source('osm-kindergartens')),
    },
  ];
}

function run(existing: Map<string, string>, previous: ImportState | undefined, srcs = sources()) {
  const input: PlanInput = { sources: srcs, existing, previous, vocabulary, matchPairs: MATCH_PAIRS };
  const out = planImport(input);
  // Through text, as the CLI does.
  return { ...out, state: parseImportState(serializeImportState(out.state)) };
}

const WOLKE = 'kita-wolkenschloss-kt-99010010';

describe('planImport', () => {
  const first = run(new Map(), undefined);

  it('maps, matches and reports every skipped record with its reason', () => {
    expect(first.log.problems).toEqual([]);
    expect([...first.files.keys()].sort()).toEqual([
      'kinderladen-regenwurm-osm-900000004',
      'kita-sonnenkaefer-kt-99010020',
      WOLKE,
    ]);
    expect(first.report.perSource.map((s) => [s.label, s.features, s.imported, s.merged, s.skipped])).toEqual([
      ['Geoportal: Kindertagesstätten', 2, 2, 1, 0],
      ['OSM: Kindergärten', 4, 2, 1, 2],
    ]);
    expect(first.report.facilities).toBe(3);
    expect(first.report.matches).toHaveLength(1);
    expect(first.report.matches[0]).toMatchObject({
      a: 'berlin-geoportal-kitas:99010010',
      b: 'osm:900000001',
      sameAddress: true,
    });
    expect(first.report.matches[0]!.distanceM).toBeGreaterThan(5);
    expect(first.report.matches[0]!.distanceM).toBeLessThan(15);
    expect(first.report.skipped.map((s) => s.reason).sort()).toEqual(['kein Name', 'keine Straße angegeben']);
    expect(first.report.dropped).toEqual([
      { key: 'berlin-geoportal-kitas:99010020', message: 'Platzzahl "0" ist keine positive Zahl' },
    ]);

    const merged = parseFacilityMarkdown(first.files.get(WOLKE)!);
    expect(merged.ok && merged.front).toMatchObject({
      id: WOLKE,
      phone: '+49 30 1234567',
      languages: ['de', 'en'],
      sources: [
        { source: 'berlin-geoportal-kitas', recordId: '99010010' },
        { source: 'osm', recordId: '900000001' },
      ],
    });
    const two = parseFacilityMarkdown(first.files.get('kita-sonnenkaefer-kt-99010020')!);
    expect(two.ok && two.body).toContain('Weitere Telefonnummern laut Quelle: +49 151 23456789.');
  });

  it('is idempotent: a second run on the same data writes the same bytes', () => {
    const second = run(first.files, first.state);
    expect(second.files).toEqual(first.files);
    expect(serializeImportState(second.state)).toBe(serializeImportState(first.state));
    expect(second.report.providerEdits).toEqual([]);
  });

  it('keeps provider-edited fields and body on a rerun with changed source data', () => {
    const edited = new Map(first.files);
    const original = first.files.get(WOLKE)!;
    const providerText = original
      .replace('phone: "+49 30 1234567"', 'phone: "+49 30 5550100"')
      .replace(/^website: .*\n/m, '')
      .replace(/\n\nKindertagesstätte mit 80 Plätzen[^\n]*/, '\n\nUnsere Kita hat einen großen Garten.');
    edited.set(WOLKE, providerText);
    // The city's register changes: more places, another phone number.
    const kitas = geojson('geoportal-kitas.geojson');
    const p = kitas.features[0]!.properties as Record<string, unknown>;
    p.e_platz = '95';
    p.e_tel = '030/7654321';

    const third = run(edited, first.state, sources(kitas));
    const doc = parseFacilityMarkdown(third.files.get(WOLKE)!);
    expect(doc.ok).toBe(true);
    if (!doc.ok) return;
    expect(doc.front).toMatchObject({ phone: '+49 30 5550100', capacity: { places: 95 } });
    expect((doc.front as Record<string, unknown>).website).toBeUndefined();
    expect(doc.body.split('\n\n')[0]).toBe('Unsere Kita hat einen großen Garten.');
    expect(third.report.providerEdits).toEqual([{ id: WOLKE, fields: ['phone', 'website'], body: true }]);
    // The state holds what the import wrote, not the provider's version…
    expect(third.state.facilities[WOLKE]!.front.phone).toBe('+49 30 7654321');
    // …so the edits survive every further run, too.
    const fourth = run(third.files, third.state, sources(kitas));
    expect(fourth.files).toEqual(third.files);
    expect(formatImportReport(fourth.report)).toContain(`${WOLKE}: phone, website, Text`);
  });

  it('leaves files of records gone from the sources alone and reports them', () => {
    const kitas = geojson('geoportal-kitas.geojson');
    kitas.features = kitas.features.slice(0, 1);
    const r = run(first.files, first.state, sources(kitas));
    expect(r.files.has('kita-sonnenkaefer-kt-99010020')).toBe(false);
    expect(r.report.goneFromSources).toEqual(['kita-sonnenkaefer-kt-99010020']);
    expect(r.state.facilities['kita-sonnenkaefer-kt-99010020']).toEqual(
      first.state.facilities['kita-sonnenkaefer-kt-99010020'],
    );
  });

  it('keeps the id of a renamed facility', () => {
    const kitas = geojson('geoportal-kitas.geojson');
    (kitas.features[1]!.properties as Record<string, unknown>).e_name = 'Kita Marienkäfer';
    const r = run(first.files, first.state, sources(kitas));
    const doc = parseFacilityMarkdown(r.files.get('kita-sonnenkaefer-kt-99010020')!);
    expect(doc.ok && doc.front).toMatchObject({ id: 'kita-sonnenkaefer-kt-99010020', name: 'Kita Marienkäfer' });
  });

  it('does not touch an unreadable file and does not overwrite a provider file with a colliding id', () => {
    const broken = new Map(first.files);
    broken.set(WOLKE, '---\nname: "kaputt\n---\n');
    const r = run(broken, first.state);
    expect(r.files.has(WOLKE)).toBe(false);
    expect(r.log.errors).toMatchObject([
      { file: `content/facilities/${WOLKE}.md`, message: expect.stringContaining('unverändert gelassen') },
    ]);

    const own = new Map([[WOLKE, '---\nid: "eigene-datei"\n---\n']]);
    const c = run(own, undefined);
    expect(c.files.has(WOLKE)).toBe(false);
    expect(c.log.errors[0]?.message).toContain('schon vergeben');
  });
});
