import { describe, expect, it } from 'vitest';
import { deepEqual, mergeImported } from '../../../src/lib/facilities/mergeImported.ts';

const previous = {
  front: { id: 'k', name: 'Kita A', phone: '+49 30 1111111', website: 'http://a.example', capacity: { places: 80 } },
  body: 'Kindertagesstätte mit 80 Plätzen.',
};
const incoming = {
  front: {
    id: 'k',
    name: 'Kita A',
    phone: '+49 30 2222222',
    website: 'http://a.example',
    capacity: { places: 90 },
    email: 'a@a.example',
  },
  body: 'Kindertagesstätte mit 90 Plätzen.',
};

describe('deepEqual', () => {
  it('compares structures, ignoring key order and undefined members', () => {
    expect(deepEqual({ a: 1, b: [1, { c: 2 }] }, { b: [1, { c: 2 }], a: 1 })).toBe(true);
    expect(deepEqual({ a: 1, b: undefined }, { a: 1 })).toBe(true);
    expect(deepEqual([1, 2], [2, 1])).toBe(false);
    expect(deepEqual({ a: [] }, { a: {} })).toBe(false);
    expect(deepEqual(null, {})).toBe(false);
  });
});

describe('mergeImported', () => {
  it('takes the incoming file for a new facility', () => {
    expect(mergeImported(undefined, undefined, incoming)).toEqual({
      document: incoming,
      keptFields: [],
      keptBody: false,
    });
  });

  it('takes every incoming value while the file is unedited', () => {
    const r = mergeImported(structuredClone(previous), previous, incoming);
    expect(r.document).toEqual(incoming);
    expect(r.keptFields).toEqual([]);
    expect(r.keptBody).toBe(false);
  });

  it('keeps fields the provider edited, updates the rest', () => {
    const existing = { front: { ...previous.front, phone: '+49 30 3333333' }, body: previous.body };
    const r = mergeImported(existing, previous, incoming);
    expect(r.document.front).toEqual({ ...incoming.front, phone: '+49 30 3333333' });
    expect(r.document.body).toBe(incoming.body);
    expect(r.keptFields).toEqual(['phone']);
  });

  it('keeps a field the provider removed or added', () => {
    const { website: _w, ...withoutWebsite } = previous.front;
    const existing = { front: { ...withoutWebsite, openingHours: 'Mo–Fr 7–17 Uhr' }, body: previous.body };
    const r = mergeImported(existing, previous, incoming);
    expect(r.document.front.website).toBeUndefined();
    expect(r.document.front.openingHours).toBe('Mo–Fr 7–17 Uhr');
    expect(r.keptFields.sort()).toEqual(['openingHours', 'website']);
  });

  it('never overwrites an edited body; whitespace alone is no edit', () => {
    const edited = mergeImported({ front: previous.front, body: 'Unser eigener Text.' }, previous, incoming);
    expect(edited.document.body).toBe('Unser eigener Text.');
    expect(edited.keptBody).toBe(true);
    const spaced = mergeImported({ front: previous.front, body: `\n${previous.body}\n\n` }, previous, incoming);
    expect(spaced.document.body).toBe(incoming.body);
  });

  it('treats every field of a file without previous import as the provider’s', () => {
    const existing = { front: { id: 'k', name: 'Kita A (eigene Datei)' }, body: 'Eigener Text.' };
    const r = mergeImported(existing, undefined, incoming);
    expect(r.document.front).toEqual({ ...incoming.front, name: 'Kita A (eigene Datei)' });
    expect(r.document.body).toBe('Eigener Text.');
  });

  it('compares nested values as a whole', () => {
    const existing = {
      front: { ...previous.front, capacity: { places: 80, note: 'davon 10 Krippenplätze' } },
      body: previous.body,
    };
    expect(mergeImported(existing, previous, incoming).document.front.capacity).toEqual({
      places: 80,
      note: 'davon 10 Krippenplätze',
    });
  });
});
