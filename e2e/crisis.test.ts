/**
 * Crisis lists on the built demo (issue 12), read from the published HTML: the Reuterplatz area (soziales
 * Erhaltungsgebiet EM0802) lists its care home with places and the operator's contact, labelled as such; the contact
 * gaps page counts the care homes without phone. Expected figures come from the facility files themselves.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { parseHTML } from 'linkedom';
import { parse } from 'yaml';
import { expect, inject, it } from 'vitest';

const dist = inject('sozialatlasDist');
const page = (url: string) => parseHTML(readFileSync(join(dist, url, 'index.html'), 'utf8')).document;
const squash = (s: string | null | undefined) => (s ?? '').replace(/\s+/g, ' ').trim();

/** Front matter of every facility file of the demo. */
const facilities = readdirSync('content/facilities')
  .filter((f) => f.endsWith('.md'))
  .map(
    (f) =>
      parse(readFileSync(join('content/facilities', f), 'utf8').split(/^---$/m)[1] ?? '') as Record<string, unknown>,
  );

it('the Reuterplatz area page lists its care home with places and the operator’s contact', () => {
  const doc = page('gebiete/soziale-erhaltungsgebiete/EM0802/');
  expect(squash(doc.querySelector('h1')?.textContent)).toBe('Reuterplatz');
  const row = doc.querySelector('tr[data-facility="pflegezentrum-sonnenallee-pf-511101184"]');
  const cells = [...(row?.querySelectorAll('th, td') ?? [])].map((c) => squash(c.textContent));
  expect(cells.join(' | ')).toContain('Pflegezentrum Sonnenallee');
  expect(cells).toContain('145');
  expect(cells).toContain('Krankenheim Sonnenallee 47-49 GmbH');
  expect(squash(row?.querySelector('[data-operator-contact]')?.textContent)).toBe(
    'Kontakt des Trägers: Sonnenallee 47, 12045 Berlin',
  );
});

it('the contact gaps page counts every care home without phone', () => {
  const care = facilities.filter((f) => Array.isArray(f['types']) && (f['types'] as string[]).includes('pflege'));
  const withoutPhone = care.filter((f) => !f['phone']).length;
  expect(withoutPhone).toBe(274);
  const doc = page('einrichtungen/kontaktluecken/');
  const row = [...doc.querySelectorAll('tr')].find(
    (r) => squash(r.querySelector('th')?.textContent) === 'Pflegeeinrichtung',
  );
  const cells = [...(row?.querySelectorAll('td') ?? [])].map((td) => squash(td.textContent));
  expect(cells.slice(0, 2)).toEqual([String(care.length), String(withoutPhone)]);
});
