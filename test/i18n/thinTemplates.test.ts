import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '../..');

/** Every .astro file under `dir`, recursively. */
function astroFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return astroFiles(path);
    return e.name.endsWith('.astro') ? [path] : [];
  });
}

/** A choice by language written in a template: `lang === 'de' ? …`, `'en' === lang`, `lang !== 'de'`. */
const LANG_CHOICE = /\blang\s*[!=]==?\s*['"`](de|en)['"`]|['"`](de|en)['"`]\s*[!=]==?\s*lang\b/;

/**
 * Data decisions a template must leave to its page view (src/lib/pages): formatting numbers and dates, sorting,
 * filtering, grouping, reducing, and counting a list for the reader (`n(x.length)`). Branching on an empty list
 * (`x.length > 0 &&`, `x.length === 0 ?`) and a table's colspan stay allowed.
 */
const DATA_DECISION =
  /\bformat(?:Number|Date|Change|Percent)\w*\(|\.(?:sort|filter|reduce|some|every|flatMap)\(|\bgroupBy\w*\(|\.length\b(?!\s*(?:[><=!]=?=?\s*0\b|>\s*0\b))(?!\s*}\s*>)/;

/** Lines of `files` that match `re`, as "file:line: text". */
function matching(files: string[], re: RegExp): string[] {
  return files.flatMap((f) =>
    readFileSync(f, 'utf8')
      .split('\n')
      .flatMap((line, i) => (re.test(line) ? [`${relative(ROOT, f)}:${i + 1}: ${line.trim()}`] : [])),
  );
}

describe('thin templates', () => {
  const files = ['src/components', 'src/layouts', 'src/pages'].flatMap((d) => astroFiles(join(ROOT, d)));

  it('finds the templates', () => {
    expect(files.length).toBeGreaterThan(50);
  });

  it('no component, layout or page chooses a text, URL or locale by comparing lang (use t(), pick(), langPrefix())', () => {
    expect(matching(files, LANG_CHOICE)).toEqual([]);
  });

  it('no component, layout or page formats, sorts, filters, groups or counts data (page views do)', () => {
    const found = matching(files, DATA_DECISION).filter((l) => !/colspan=\{\w+\.headers\.length\}/.test(l));
    expect(found).toEqual([]);
  });

  it('the data-decision pattern catches what it forbids and lets empty-list branches pass', () => {
    for (const bad of [
      '{formatNumber(x, 0, lang)}',
      'formatDate(s.accessed, lang)',
      'items.sort((a, b) => a - b)',
      'list.filter((a) => a.children.length > 0)',
      'groupByLevel(levels, units)',
      '{n(d.areas.length)}',
      'total: items.reduce((a, b) => a + b, 0)',
    ])
      expect(DATA_DECISION.test(bad), bad).toBe(true);
    for (const ok of ['{v.types.length > 0 && (', '{lists.fixes.length === 0 ? (', '{m.groups.length === 0 && !m.rest'])
      expect(DATA_DECISION.test(ok), ok).toBe(false);
  });

  it('the pattern catches the forms it forbids', () => {
    for (const bad of ["{lang === 'de' ? 'Ja' : 'Yes'}", "lang !== 'en'", "'en' === lang", 'lang == "de"'])
      expect(LANG_CHOICE.test(bad), bad).toBe(true);
    expect(LANG_CHOICE.test('item.lang !== lang')).toBe(false);
  });
});
