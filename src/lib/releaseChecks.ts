import type { Problem } from './problems.ts';

/**
 * What must not go public: placeholders of the templates (`[Name der Stadtverwaltung eintragen]`) and the example
 * address `sozialatlas.example`. A production build (`npm run build -- --production`) fails on them; a normal build
 * warns. Pure: the texts come in, problems go out.
 */

/** A placeholder of the templates: text in square brackets ending (or containing) "eintragen". */
const PLACEHOLDER = /\[[^\]\n]{0,200}?\beintragen\b[^\]\n]{0,200}?\]/g;

/** The example domain of the demo and the templates (RFC 2606 reserves `.example`). */
export const EXAMPLE_HOST = /(^|\.)sozialatlas\.example$/i;

/** One text to check: its path in the atlas folder and content. */
export interface ReleaseText {
  file: string;
  text: string;
}

/**
 * Finds the placeholders in each text (one problem per file, naming the first few with their lines) and an example
 * `siteUrl`. Severity `error` for a production build, else `warning`.
 */
export function findReleaseBlockers(
  input: { siteUrl: string; configFile: string; texts: readonly ReleaseText[] },
  production: boolean,
): Problem[] {
  const severity = production ? 'error' : 'warning';
  const out: Problem[] = [];
  let host = '';
  try {
    host = new URL(input.siteUrl).hostname;
  } catch {
    // an invalid url is reported by the schema
  }
  if (EXAMPLE_HOST.test(host)) {
    out.push({
      severity,
      file: input.configFile,
      field: 'siteUrl',
      message: `siteUrl ist noch die Beispieladresse ${input.siteUrl}.`,
      hint: 'Die öffentliche Adresse der eigenen Installation eintragen (für Zitierhinweise und kanonische Links).',
    });
  }
  for (const { file, text } of input.texts) {
    const found = [...text.matchAll(PLACEHOLDER)].map((m) => ({
      text: m[0],
      line: text.slice(0, m.index).split('\n').length,
    }));
    if (found.length === 0) continue;
    const shown = found
      .slice(0, 3)
      .map((f) => `${f.text} (Zeile ${f.line})`)
      .join(', ');
    out.push({
      severity,
      file,
      line: found[0]?.line,
      message: `${found.length} ${found.length === 1 ? 'Platzhalter ist' : 'Platzhalter sind'} noch nicht ausgefüllt: ${shown}${found.length > 3 ? ' …' : ''}.`,
      hint: 'Die eckigen Klammern durch die eigenen Angaben ersetzen; ohne sie fehlen Pflichtangaben (Impressum, Datenschutz, Barrierefreiheit).',
    });
  }
  return out;
}
