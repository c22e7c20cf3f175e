import { describe, expect, it } from 'vitest';
import { editFileUrl, reportUrl, resolveRepository } from '../../../src/lib/editing/repository.ts';
import { buildEditLinks, facilityMaintenance } from '../../../src/lib/pages/editLinks.ts';
import { ProblemLog } from '../../../src/lib/problems.ts';
import { RepositorySchema } from '../../../src/schemas/atlasConfig.ts';
import { parseYamlWithFriendlyErrors } from '../../../src/schemas/friendlyErrors.ts';
import { z } from 'zod';

const parse = (r: unknown) => RepositorySchema.parse(r);

describe('resolveRepository()', () => {
  it('resolveRepository() fills GitHub’s edit and issue addresses, the atlas folder in the path', () => {
    const repo = resolveRepository(parse({ url: 'https://github.com/stadt/atlas/', path: 'atlas' }));
    expect(editFileUrl(repo, 'content/facilities/kita-ä.md')).toBe(
      'https://github.com/stadt/atlas/edit/main/atlas/content/facilities/kita-%C3%A4.md',
    );
    expect(reportUrl(repo, 'Fehler: Kita', 'Seite: x\n')).toBe(
      'https://github.com/stadt/atlas/issues/new?title=Fehler%3A%20Kita&body=Seite%3A%20x%0A',
    );
  });

  it('resolveRepository() fills GitLab’s addresses; an e-mail address replaces the issue', () => {
    const gl = resolveRepository(parse({ url: 'https://gitlab.stadt.de/amt/atlas', branch: 'daten' }));
    expect(editFileUrl(gl, 'a.md')).toBe('https://gitlab.stadt.de/amt/atlas/-/edit/daten/a.md');
    const mail = resolveRepository(parse({ url: 'https://gitlab.com/a/b', email: 'atlas@stadt.de' }));
    expect(reportUrl(mail, 'T', 'B')).toBe('mailto:atlas@stadt.de?subject=T&body=B');
  });
});

describe('RepositorySchema', () => {
  it('refuses an unknown host without templates, an unknown placeholder and an edit address without {path}', () => {
    const issues = (r: unknown) => RepositorySchema.safeParse(r).error?.issues.map((i) => i.path.join('.')) ?? [];
    expect(issues({ url: 'https://git.example.org/a/b' })).toEqual(['editUrl', 'issueUrl']);
    expect(issues({ url: 'https://github.com/a/b', editUrl: '{url}/{pfad}' })).toEqual(['editUrl', 'editUrl']);
  });

  it('a repository url that is not a url fails with file, line and field', () => {
    const log = new ProblemLog();
    const yaml = 'id: x\nrepository:\n  url: kein-link\n';
    parseYamlWithFriendlyErrors(yaml, z.object({ id: z.string(), repository: RepositorySchema }), 'atlas.yml', log);
    expect(log.errors).toContainEqual(
      expect.objectContaining({
        file: 'atlas.yml',
        line: 3,
        field: 'repository.url',
        message: 'keine gültige http(s)-Adresse',
      }),
    );
  });
});

describe('buildEditLinks()', () => {
  const repo = resolveRepository(parse({ url: 'https://github.com/stadt/atlas' }));
  it('buildEditLinks() gives a facility its file to edit and a prefilled report naming the page', () => {
    const m = buildEditLinks(
      repo,
      { name: 'Kita A', pageUrl: 'https://atlas.example/einrichtungen/kita-a/', file: 'content/facilities/kita-a.md' },
      'de',
    );
    expect(m?.edit?.href).toBe('https://github.com/stadt/atlas/edit/main/content/facilities/kita-a.md');
    expect(decodeURIComponent(m?.report.href ?? '')).toContain('Seite: https://atlas.example/einrichtungen/kita-a/');
  });
  it('buildEditLinks() gives nothing without a repository, and no edit link without a file', () => {
    expect(buildEditLinks(undefined, { name: 'x', pageUrl: 'https://a.example/' }, 'de')).toBeUndefined();
    expect(buildEditLinks(repo, { name: 'x', pageUrl: 'https://a.example/' }, 'en')?.edit).toBeUndefined();
  });
  it('facilityMaintenance() names who confirmed, else the facility itself, else the editors with the source', () => {
    const base = { sources: [], lastConfirmed: '2024-03-01', ageDays: 3 };
    expect(facilityMaintenance({ ...base, confirmedBy: 'Kita-Leitung' }, 'de').maintainer).toBe('Kita-Leitung');
    expect(facilityMaintenance({ ...base, provider: 'Träger e. V.' }, 'de').maintainer).toBe('Träger e. V.');
    expect(
      facilityMaintenance({ ...base, sources: [{ attribution: '© OpenStreetMap-Mitwirkende' }] }, 'de').maintainer,
    ).toBe('der Redaktion des Atlas, übernommen aus: © OpenStreetMap-Mitwirkende');
  });
});
