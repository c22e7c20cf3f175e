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

describe('thin templates', () => {
  const files = ['src/components', 'src/layouts', 'src/pages'].flatMap((d) => astroFiles(join(ROOT, d)));

  it('finds the templates', () => {
    expect(files.length).toBeGreaterThan(50);
  });

  it('no component, layout or page chooses a text, URL or locale by comparing lang (use t(), pick(), langPrefix())', () => {
    const found = files.flatMap((f) =>
      readFileSync(f, 'utf8')
        .split('\n')
        .flatMap((line, i) => (LANG_CHOICE.test(line) ? [`${relative(ROOT, f)}:${i + 1}: ${line.trim()}`] : [])),
    );
    expect(found).toEqual([]);
  });

  it('the pattern catches the forms it forbids', () => {
    for (const bad of ["{lang === 'de' ? 'Ja' : 'Yes'}", "lang !== 'en'", "'en' === lang", 'lang == "de"'])
      expect(LANG_CHOICE.test(bad), bad).toBe(true);
    expect(LANG_CHOICE.test('item.lang !== lang')).toBe(false);
  });
});
