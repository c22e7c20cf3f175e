import { readFileSync } from 'node:fs';

/** Raw bytes of a fixture in test/fixtures/csv/ (tests may do I/O; src/lib may not). */
export function readFixtureBytes(name: string): Uint8Array {
  return new Uint8Array(readFileSync(new URL(`../../fixtures/csv/${name}`, import.meta.url)));
}

/** A UTF-8 fixture as text, BOM and all (decodeText is tested separately). */
export function readFixtureText(name: string): string {
  return new TextDecoder('utf-8', { ignoreBOM: true }).decode(readFixtureBytes(name));
}
