import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { expect } from 'vitest';

/**
 * SVG snapshot tests the way Observable Plot does them (STYLE rule 5): the markup is normalised
 * (numbers with four or more decimals rounded to three, Plot's generated clip ids renumbered) and
 * compared with `test/output/<name>.svg` by vitest's `toMatchFileSnapshot`.
 *
 * - A missing snapshot is written on a local run; under `CI=true` vitest refuses to write and the test fails.
 * - On a mismatch the new markup is also written beside it as `<name>-changed.svg` (gitignored), so the
 *   two files can be opened side by side; the file is removed again once the snapshot matches.
 * - To accept a change: `npm run test:unit -- -u`, then review `git diff test/output`.
 */
export async function expectSvgSnapshot(svg: string, name: string): Promise<void> {
  const actual = normalizeSvg(svg);
  const expectedFile = fileURLToPath(new URL(`./output/${name}.svg`, import.meta.url));
  const changedFile = fileURLToPath(new URL(`./output/${name}-changed.svg`, import.meta.url));
  const differs = existsSync(expectedFile) && readFileSync(expectedFile, 'utf8') !== actual;
  if (differs) writeFileSync(changedFile, actual);
  await expect(actual).toMatchFileSnapshot(expectedFile);
  rmSync(changedFile, { force: true });
}

/** Rounds long decimals to three places and renumbers Plot's generated ids, so that snapshots are stable. */
export function normalizeSvg(svg: string): string {
  const ids = new Map<string, string>();
  return (
    svg
      .replace(/\d+\.\d{4,}/g, (d) => String(+(+d).toFixed(3)))
      .replace(/plot-clip-\d+/g, (id) => {
        if (!ids.has(id)) ids.set(id, `plot-clip-${ids.size + 1}`);
        return ids.get(id) as string;
      })
      // One element per line keeps snapshot diffs readable.
      .replace(/></g, '>\n<') + '\n'
  );
}
