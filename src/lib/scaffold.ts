import { slugify } from './facilities/slugifyFacility.ts';

/**
 * The scaffold of a new atlas folder (`npm run new-atlas -- <folder>`): the template files of
 * `templates/new-atlas/` with the atlas's id and city filled in. Pure: file texts in, file texts out.
 */

/** An atlas id (a slug) from a folder name: "Meine Stadt" → "meine-stadt", "Köln" → "koeln". */
export function atlasIdFrom(folderName: string): string {
  return slugify(folderName) || 'meine-stadt';
}

/** Fills `{{id}}` and `{{city}}` in every template text; other text is left as it is. */
export function fillTemplates(
  files: ReadonlyMap<string, string>,
  vars: { id: string; city: string },
): Map<string, string> {
  const out = new Map<string, string>();
  for (const [path, text] of files) {
    out.set(path, text.replaceAll('{{id}}', vars.id).replaceAll('{{city}}', vars.city.replaceAll('"', "'")));
  }
  return out;
}
