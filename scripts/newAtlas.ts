/**
 * Writes a new, buildable atlas folder from templates/new-atlas/ (made-up example units and figures, neutral legal
 * templates with placeholders):
 *   npm run new-atlas -- <folder> [--city "Name der Stadt"]
 * Refuses a folder that exists and is not empty. Then: ATLAS_DIR=<folder> npm run build.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, relative, resolve } from 'node:path';
import { atlasIdFrom, fillTemplates } from '../src/lib/scaffold.ts';

const TEMPLATES = resolve(import.meta.dirname, '../templates/new-atlas');

function main(args: string[]): number {
  const cityAt = args.indexOf('--city');
  const city = cityAt >= 0 ? args[cityAt + 1] : undefined;
  const positional = args.filter((a, i) => !a.startsWith('--') && (cityAt < 0 || i !== cityAt + 1));
  const target = positional[0];
  if (target === undefined || (cityAt >= 0 && city === undefined)) {
    console.error('Aufruf: npm run new-atlas -- <Ordner> [--city "Name der Stadt"]');
    return 2;
  }
  const folder = resolve(target);
  if (existsSync(folder) && readdirSync(folder).length > 0) {
    console.error(`FEHLER: Der Ordner ${folder} existiert schon und ist nicht leer; nichts geschrieben.`);
    return 1;
  }
  const templates = new Map<string, string>();
  for (const entry of readdirSync(TEMPLATES, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const full = join(entry.parentPath, entry.name);
    templates.set(relative(TEMPLATES, full), readFileSync(full, 'utf8'));
  }
  const id = atlasIdFrom(basename(folder));
  const files = fillTemplates(templates, { id, city: city ?? 'Beispielstadt' });
  for (const [path, text] of files) {
    mkdirSync(dirname(join(folder, path)), { recursive: true });
    writeFileSync(join(folder, path), text);
  }
  console.log(`Atlas-Ordner angelegt: ${folder} (id ${id}, ${files.size} Dateien; Gebiete und Zahlen erfunden).`);
  console.log(`Weiter:   ATLAS_DIR=${target} npm run build   und   ATLAS_DIR=${target} npm run serve`);
  console.log(`Dann die Platzhalter [… eintragen] ausfüllen; Anleitung in ${join(target, 'README.md')}.`);
  return 0;
}

process.exitCode = main(process.argv.slice(2));
