/**
 * Bytes → text for indicator CSVs. papaparse's `encoding` option only applies to browser
 * `File` input (RELIABILITY 2.2), so decoding is done here, strictly: a file that is not
 * what the config says is refused with the line to look at, never turned into "S�dstadt".
 */

/** Encodings a table may declare (`format.encoding` in atlas.yml). */
export type TextEncodingName = 'utf-8' | 'windows-1252';

/** Result of {@link decodeText}: the text, or a German error with a hint and (where known) the 1-based line. */
export type DecodeResult = { text: string } | { error: string; hint: string; line?: number };

const BOM = [0xef, 0xbb, 0xbf] as const;

/** True if the bytes start with the UTF-8 byte order mark (Excel's "CSV UTF-8" writes one). */
function hasUtf8Bom(bytes: Uint8Array): boolean {
  return bytes[0] === BOM[0] && bytes[1] === BOM[1] && bytes[2] === BOM[2];
}

/**
 * Splits bytes into physical lines at LF, CRLF or a lone CR. Safe on UTF-8: the bytes 0x0A
 * and 0x0D never occur inside a multi-byte sequence, so a line holds whole characters.
 */
function splitLines(bytes: Uint8Array): Uint8Array[] {
  const lines: Uint8Array[] = [];
  let start = 0;
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i];
    if (b === 0x0a || (b === 0x0d && bytes[i + 1] !== 0x0a)) {
      lines.push(bytes.subarray(start, i));
      start = i + 1;
    }
  }
  lines.push(bytes.subarray(start));
  return lines;
}

/** True if the bytes hold any non-ASCII character encoded as valid multi-byte UTF-8. */
function hasUtf8MultiByte(bytes: Uint8Array): boolean {
  if (!bytes.some((b) => b >= 0x80)) return false;
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
}

/**
 * Decodes a CSV file's bytes.
 *
 * - A UTF-8 byte order mark is removed (so the first header reads `id`, not `\uFEFFid`).
 * - `utf-8`: decoded strictly. Invalid bytes give an error naming the first bad line (1-based,
 *   counted as physical lines) and showing that line as Windows-1252 would read it, with the
 *   hint to declare `format.encoding: windows-1252`.
 * - `windows-1252`: decoded with the WHATWG decoder (pure, works in Node and browsers). A file
 *   that starts with a UTF-8 BOM or whose umlauts are valid UTF-8 is refused: declared as
 *   Windows-1252 it would show "SÃ¼dstadt" on the site.
 *
 * @param bytes the raw file content
 * @param encoding the table's declared `format.encoding`
 * @returns `{ text }` without BOM, or `{ error, hint, line? }`
 */
export function decodeText(bytes: Uint8Array, encoding: TextEncodingName): DecodeResult {
  if (encoding === 'windows-1252') {
    // Both checks look for UTF-8 evidence; real Windows-1252 text almost never forms valid UTF-8 sequences.
    if (hasUtf8Bom(bytes) || hasUtf8MultiByte(bytes)) {
      return {
        error: 'Die Datei ist UTF-8-kodiert, in der Konfiguration ist aber windows-1252 angegeben.',
        hint: 'format.encoding: windows-1252 entfernen (Standard ist utf-8).',
      };
    }
    return { text: new TextDecoder('windows-1252').decode(bytes) };
  }

  const body = hasUtf8Bom(bytes) ? bytes.subarray(3) : bytes;
  try {
    // ignoreBOM: true keeps a (second) BOM visible; the one at the start was removed above.
    return { text: new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(body) };
  } catch {
    const lines = splitLines(body);
    const strict = new TextDecoder('utf-8', { fatal: true });
    const index = lines.findIndex((line) => {
      try {
        strict.decode(line);
        return false;
      } catch {
        return true;
      }
    });
    const line = index + 1;
    const bad = lines[index] ?? new Uint8Array();
    // Showing the line as Windows-1252 reads it lets the editor recognise the word ("Südstadt").
    const preview = new TextDecoder('windows-1252').decode(bad).slice(0, 60);
    return {
      error: `Zeile ${line} ist kein gültiges UTF-8 (Inhalt als Windows-1252 gelesen: "${preview}").`,
      hint: 'Datei ist vermutlich Windows-1252: format.encoding: windows-1252 angeben',
      line,
    };
  }
}
