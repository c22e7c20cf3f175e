import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { listFiles } from './listFiles.ts';
import { AtlasError } from '../lib/problems.ts';
import {
  REGISTRY_FILE,
  checkRegistry,
  formatRegistry,
  parseRegistry,
  publishedUrls,
  redirectPage,
  type RegistryCheck,
} from '../lib/urls/registry.ts';

/** `build/editors/redirects.json`: the expanded redirects of `atlas.yml` and the site's address. */
export interface RedirectsArtifact {
  siteUrl: string;
  redirects: { from: string; to: string }[];
}

/**
 * After the Astro build, before the link check: writes a forwarding page for each redirect of a page, then compares
 * the atlas's `published-urls.txt` (if it has one) with the built site. Throws AtlasError naming every address that
 * disappeared without a redirect and every broken redirect; returns the check (with the addresses not yet listed;
 * none without a registry) and the forwarding pages written (relative to `outDir`, forward slashes).
 * @param files the files of `outDir` (relative, forward slashes) if already listed; else they are listed.
 */
export async function applyUrlRegistry(
  atlasDir: string,
  outDir: string,
  cacheDir: string,
  files?: readonly string[],
): Promise<{ check: RegistryCheck | undefined; written: string[] }> {
  const artifact = JSON.parse(
    await readFile(join(cacheDir, 'build', 'editors', 'redirects.json'), 'utf8'),
  ) as RedirectsArtifact;
  const before = publishedUrls(files ?? (await listFiles(outDir)));
  const have = new Set(before);
  const written: string[] = [];
  for (const r of artifact.redirects) {
    if (!r.from.endsWith('/') || have.has(r.from) || !have.has(r.to)) continue;
    const file = join(outDir, r.from, 'index.html');
    written.push(`${r.from.slice(1)}index.html`);
    await mkdir(dirname(file), { recursive: true });
    await writeFile(
      file,
      redirectPage({ to: r.to, siteUrl: artifact.siteUrl, lang: r.from.startsWith('/en/') ? 'en' : 'de' }),
    );
  }
  let text: string;
  try {
    text = await readFile(join(atlasDir, REGISTRY_FILE), 'utf8');
  } catch {
    return { check: undefined, written };
  }
  const check = checkRegistry(parseRegistry(text), before, artifact.redirects);
  const lines = [
    ...check.missing.map((u) => `  ${REGISTRY_FILE}: ${u} – im Build nicht mehr vorhanden und ohne Weiterleitung`),
    ...check.badRedirects.map((r) => `  atlas.yml: redirects ${r.from} → ${r.to}: ${r.reason}`),
  ];
  if (lines.length > 0)
    throw new AtlasError(
      `Veröffentlichte Adressen verschwunden: ${check.missing.length}, fehlerhafte Weiterleitungen: ${check.badRedirects.length}. Nichts wurde veröffentlicht.\n${lines.slice(0, 50).join('\n')}${lines.length > 50 ? `\n  … und ${lines.length - 50} weitere` : ''}\nHinweis: für eine umgezogene Seite in atlas.yml unter redirects „from“ (alte Adresse) und „to“ (Nachfolger) eintragen (docs/atlas-folder.md, 4.12); eine absichtlich entfernte Adresse mit npm run urls aus ${REGISTRY_FILE} streichen.`,
    );
  return { check, written };
}

/** `npm run urls`: writes the registry of `atlasDir` from a built site. Returns the number of addresses. */
export async function writeUrlRegistry(atlasDir: string, outDir: string): Promise<number> {
  const urls = publishedUrls(await listFiles(outDir));
  await writeFile(join(atlasDir, REGISTRY_FILE), formatRegistry(urls));
  return urls.length;
}
