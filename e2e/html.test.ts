/**
 * Valid HTML (issue 14): html-validate's recommended rules on one page of every template of the built demo, in both
 * languages: every page type listed in `/data/atlas.json` → `pages`, one unit page per level, and the 404 page.
 * The few rule settings below are deliberate and say why; everything else must report nothing.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { HtmlValidate } from 'html-validate';
import { expect, inject, it } from 'vitest';

const dist = inject('sozialatlasDist');
const atlas = JSON.parse(readFileSync(join(dist, 'data/atlas.json'), 'utf8')) as {
  pages: { type: string; url: string; lang: string }[];
  units: { level: string; url: string; urlEn: string }[];
};

const validator = new HtmlValidate({
  extends: ['html-validate:recommended'],
  rules: {
    // The place finder is a WAI-ARIA 1.2 combobox with a listbox popup (MODELS.md: accessible-autocomplete): a native
    // <select> cannot filter as one types.
    'prefer-native-element': ['error', { exclude: ['listbox'] }],
    // Titles name the area and the site ("Einrichtungen in Charlottenburg-Wilmersdorf: Karte – Sozialatlas …");
    // shortening them would drop the area, which is what a tab or a bookmark needs to show.
    'long-title': 'off',
  },
});

/** The file of a page address (`/a/b/?q` → `a/b/index.html`). */
const fileOf = (url: string) => {
  const path = url.split(/[?#]/)[0] ?? '/';
  return path.endsWith('/') ? join(dist, path, 'index.html') : join(dist, path);
};

function samples(): string[] {
  const seen = new Set<string>();
  const urls: string[] = [];
  for (const p of atlas.pages) {
    const key = `${p.type} ${p.lang}`;
    if (seen.has(key)) continue;
    seen.add(key);
    urls.push(p.url);
  }
  for (const level of new Set(atlas.units.map((u) => u.level))) {
    const unit = atlas.units.find((u) => u.level === level);
    if (unit) urls.push(unit.url, unit.urlEn);
  }
  urls.push('/404.html');
  return urls;
}

it('finds one page of every template in both languages', () => {
  const urls = samples();
  const types = new Set(atlas.pages.map((p) => p.type));
  expect(types.size).toBeGreaterThan(20);
  expect(urls.length).toBeGreaterThanOrEqual(types.size * 2);
  expect(urls.some((u) => u.startsWith('/en/'))).toBe(true);
});

it('reports nothing on one page of every template (html-validate, recommended rules)', async () => {
  const findings: string[] = [];
  for (const url of samples()) {
    const report = await validator.validateString(readFileSync(fileOf(url), 'utf8'), url);
    for (const r of report.results)
      for (const m of r.messages)
        findings.push(`${url}:${m.line}:${m.column} ${m.ruleId}: ${m.message} (${m.selector})`);
  }
  expect(findings, findings.slice(0, 40).join('\n')).toEqual([]);
}, 300_000);
