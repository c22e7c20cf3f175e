import type { AtlasDiff, ValueChange } from './atlasDiff.ts';
import { isEmptyDiff } from './atlasDiff.ts';

/**
 * The change report as Markdown for a pull-request comment or a CI job summary (German, like the editors' tools).
 * Numbers are written as computed (decimal point), so a reviewer can search for them in the CSV.
 */

function val(v: { status: string; value?: number | undefined }): string {
  return v.status === 'value' || v.status === 'zero' ? String(v.value) : `(${v.status})`;
}

/** A field value cut to 80 characters (descriptions can be long). */
function short(s: string): string {
  return s.length > 80 ? `${s.slice(0, 79)}…` : s;
}

function cell(s: string): string {
  return s.replace(/\|/g, '\\|').replace(/\n/g, ' ');
}

function valueRow(c: ValueChange, extra = ''): string {
  return `| ${cell(c.unitName)} (\`${c.unit}\`) | ${cell(c.indicatorLabel)} | ${c.year} | ${val(c.before)} | ${val(c.after)} |${extra}`;
}

/** Markdown of the report between `ref` and the working tree. */
export function formatDiffMarkdown(d: AtlasDiff, ref: string): string {
  const out: string[] = [`## Änderungsbericht: \`${ref}\` → Arbeitsstand`, ''];
  if (isEmptyDiff(d)) return [...out, 'Keine inhaltlichen Änderungen am Atlas.', ''].join('\n');
  const list = (title: string, items: string[]) => {
    if (items.length) out.push(`### ${title} (${items.length})`, '', ...items.map((i) => `- ${i}`), '');
  };
  list(
    'Gebiete neu',
    d.units.added.map((u) => `${u.name} (\`${u.id}\`, ${u.level})`),
  );
  list(
    'Gebiete entfernt',
    d.units.removed.map((u) => `${u.name} (\`${u.id}\`, ${u.level})`),
  );
  list(
    'Gebiete umbenannt',
    d.units.renamed.map((u) => `\`${u.id}\` (${u.level}): ${u.before} → ${u.after}`),
  );
  list(
    'Merkmale neu',
    d.indicators.added.map((i) => `${i.label} (\`${i.id}\`)`),
  );
  list(
    'Merkmale entfernt',
    d.indicators.removed.map((i) => `${i.label} (\`${i.id}\`)`),
  );
  list(
    'Neue Jahre',
    d.yearsAdded.map((y) => `${y.label} (\`${y.indicator}\`): ${y.years.join(', ')}`),
  );
  if (d.largestChanges.length) {
    out.push(
      `### Größte Wertänderungen (${d.largestChanges.length} von ${d.changedValues} geänderten Werten)`,
      '',
      '| Gebiet | Merkmal | Jahr | vorher | nachher | relativ |',
      '|---|---|---|---|---|---|',
      ...d.largestChanges.map((c) =>
        valueRow(
          c,
          ` ${c.relative === undefined || !Number.isFinite(c.relative) ? '–' : `${(c.relative * 100).toFixed(1)} %`} |`,
        ),
      ),
      '',
    );
  }
  if (d.statusChanges.length) {
    out.push(
      `### Geänderter Status (${d.statusChanges.length})`,
      '',
      '| Gebiet | Merkmal | Jahr | vorher | nachher |',
      '|---|---|---|---|---|',
      ...d.statusChanges.map((c) => valueRow(c)),
      '',
    );
  }
  if (d.classChanges.length) {
    out.push(
      `### Klassenwechsel (${d.classChanges.length})`,
      '',
      '| Gebiet | Merkmal | Jahr | vorher | nachher |',
      '|---|---|---|---|---|',
      ...d.classChanges.map(
        (c) =>
          `| ${cell(c.unitName)} (\`${c.unit}\`) | ${cell(c.indicatorLabel)} | ${c.year} | ${cell(c.classBefore)} | ${cell(c.classAfter)} |`,
      ),
      '',
    );
  }
  list(
    'Einrichtungen neu',
    d.facilities.added.map((f) => `${f.name} (\`${f.id}\`)`),
  );
  list(
    'Einrichtungen entfernt',
    d.facilities.removed.map((f) => `${f.name} (\`${f.id}\`)`),
  );
  list(
    'Einrichtungen geändert',
    d.facilities.changed.map(
      (f) =>
        `${f.name} (\`${f.id}\`): ${f.fields.map((x) => `${x.field} „${short(x.before)}“ → „${short(x.after)}“`).join('; ')}`,
    ),
  );
  list(
    'Kontaktlücken neu (weder Telefon noch E-Mail)',
    d.contactGaps.opened.map((f) => `${f.name} (\`${f.id}\`)`),
  );
  list(
    'Kontaktlücken geschlossen',
    d.contactGaps.closed.map((f) => `${f.name} (\`${f.id}\`)`),
  );
  return out.join('\n');
}
