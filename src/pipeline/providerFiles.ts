import type { ProblemLog } from '../lib/problems.ts';
import type { Effects } from './effects.ts';

/**
 * Reading provider folders (facility entries, district assessments): file names (plain Markdown only, never MDX)
 * and UTF-8 text, the same checks for every kind. Messages in German, each with file, line and a hint.
 */

/** How a folder of provider files is described in messages. */
export interface ProviderFolder {
  /** e.g. "content/facilities" */
  dir: string;
  /** Where, in a sentence: "im Einrichtungsverzeichnis". */
  place: string;
  /** The expected file name: "<kennung>.md". */
  expected: string;
  /** Template file name in the folder, e.g. "_template.md.txt". */
  template: string;
}

/**
 * True for a plain Markdown file `*.md`; anything else is reported: `.mdx` (MDX runs code) and other formats.
 * `name` is the path below the folder.
 */
export function isMarkdownFileName(name: string, file: string, log: ProblemLog, folder: ProviderFolder): boolean {
  if (/\.mdx$/i.test(name)) {
    log.error({
      file,
      message: `MDX-Dateien sind ${folder.place} nicht erlaubt (MDX kann Code ausführen).`,
      hint: `Als einfache Markdown-Datei mit der Endung .md speichern; Vorlage: ${folder.dir}/${folder.template}.`,
    });
    return false;
  }
  if (!name.endsWith('.md')) {
    log.error({
      file,
      message: `Nur Markdown-Dateien (${folder.expected}) gehören in diesen Ordner.`,
      hint: `Datei entfernen oder als .md speichern; die einzige andere Datei ist die Vorlage ${folder.template}.`,
    });
    return false;
  }
  return true;
}

/** Reads files a batch at a time (thousands of small files; one at a time, the reads would dominate the stage). */
export async function readUtf8Files(
  fx: Effects,
  files: readonly string[],
  log: ProblemLog,
  batch = 64,
): Promise<(string | undefined)[]> {
  const out: (string | undefined)[] = [];
  for (let i = 0; i < files.length; i += batch) {
    out.push(...(await Promise.all(files.slice(i, i + batch).map((f) => readUtf8(fx, f, log)))));
  }
  return out;
}

/** The file as UTF-8 text; invalid UTF-8 is reported (it would show as "�"), not guessed. */
export async function readUtf8(fx: Effects, file: string, log: ProblemLog): Promise<string | undefined> {
  const bytes = await fx.readBytes(file);
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    const bad = firstInvalidUtf8Line(bytes);
    log.error({
      file,
      line: bad,
      message: 'Die Datei ist nicht in UTF-8 gespeichert.',
      hint: 'Im Editor als „UTF-8“ speichern (Umlaute sonst falsch).',
    });
    return undefined;
  }
}

/** 1-based line of the first byte sequence that is not valid UTF-8. */
function firstInvalidUtf8Line(bytes: Uint8Array): number | undefined {
  let line = 1;
  let start = 0;
  for (let i = 0; i <= bytes.length; i++) {
    if (i === bytes.length || bytes[i] === 0x0a) {
      try {
        new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(start, i));
      } catch {
        return line;
      }
      line++;
      start = i + 1;
    }
  }
  return undefined;
}
