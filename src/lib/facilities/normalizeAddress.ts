/**
 * Addresses, websites and e-mail addresses from source records, cleaned for the directory:
 * "Schwedter Str." + "234" + "A" → "Schwedter Straße 234A". Nothing is guessed: a missing street or postcode
 * is reported with a reason, never filled in.
 */

export interface RawAddress {
  /** Street, possibly with house number (OSM: "Fuggerstraße 23"). */
  street?: unknown;
  houseNumber?: unknown;
  /** Suffix in a separate field: "A" → "12A", "-17" → "15-17". */
  houseNumberSuffix?: unknown;
  /** String or number (OSM stores `zip-code` as a JSON number). */
  postcode?: unknown;
  city?: unknown;
}

export interface NormalizedAddress {
  street: string;
  postcode: string;
  city: string;
}

export type AddressResult = { ok: true; address: NormalizedAddress } | { ok: false; reason: string };

/** Text of a field, trimmed, with inner whitespace collapsed; undefined for null, empty and non-text values. */
export function cleanText(value: unknown): string | undefined {
  if (typeof value !== 'string' && typeof value !== 'number') return undefined;
  const s = String(value).replace(/\s+/g, ' ').trim();
  return s === '' ? undefined : s;
}

/**
 * Writes out "Str." / "str." abbreviations. Other abbreviations stay as published.
 * @example normalizeStreet("Karl-Marx-Str.") // "Karl-Marx-Straße"
 */
export function normalizeStreet(street: string): string {
  return street
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/(\p{L})str\.(?=\s|,|$)/gu, '$1straße')
    .replace(/(^|[\s-])Str\.(?=\s|,|$)/g, '$1Straße');
}

/**
 * Builds the address of the schema from a record's fields; without a city it takes `defaultCity` (the import's
 * `city`, see imports.yml).
 * @example normalizeAddress({ street: "Albrechtstr.", houseNumber: "20", postcode: "10117" }, "Berlin")
 * // { ok: true, address: { street: "Albrechtstraße 20", postcode: "10117", city: "Berlin" } }
 */
export function normalizeAddress(raw: RawAddress, defaultCity: string): AddressResult {
  const street = cleanText(raw.street);
  if (street === undefined) return { ok: false, reason: 'keine Straße angegeben' };
  let number = cleanText(raw.houseNumber) ?? '';
  const suffix = cleanText(raw.houseNumberSuffix);
  if (suffix !== undefined && number !== '') {
    number += /^[-/]|^[A-Za-z]$/.test(suffix) ? suffix : ` ${suffix}`;
  }
  const fullStreet = normalizeStreet(number === '' ? street : `${street} ${number}`);

  const rawPostcode = cleanText(raw.postcode);
  if (rawPostcode === undefined) return { ok: false, reason: 'keine Postleitzahl angegeben' };
  const postcode = /^\d{4}$/.test(rawPostcode) ? `0${rawPostcode}` : rawPostcode;
  if (!/^\d{5}$/.test(postcode)) return { ok: false, reason: `Postleitzahl "${rawPostcode}" hat nicht 5 Ziffern` };

  return { ok: true, address: { street: fullStreet, postcode, city: cleanText(raw.city) ?? defaultCity } };
}

export type ContactResult = { ok: true; value: string } | { ok: false; reason: string } | undefined;

/**
 * A website as published, repaired where the repair is unambiguous: "http//x" → "http://x", "www.x.de" →
 * "http://www.x.de" (http, not https: a bare domain says nothing about TLS; servers redirect), the first of several.
 * Refused (with the reason) when the source marks it as inactive or it is no http(s) address.
 * Returns undefined for an empty field.
 */
export function normalizeWebsite(raw: unknown): ContactResult {
  let s = cleanText(raw);
  if (s === undefined) return undefined;
  if (/\((?:inaktiv|offline)\)/i.test(s)) return { ok: false, reason: `Website laut Quelle nicht erreichbar: "${s}"` };
  s = (s.split(/,\s+|\s+und\s+/)[0] ?? s).trim();
  s = s.replace(/^(https?):?\/{1,2}(?!\/)/i, (_m, p: string) => `${p.toLowerCase()}://`);
  if (!/^[a-z][a-z0-9+.-]*:/i.test(s)) {
    if (!/^[\w-]+(\.[\w-]+)+(\/\S*)?$/.test(s)) return { ok: false, reason: `keine Website-Adresse: "${s}"` };
    s = `http://${s}`;
  }
  try {
    const u = new URL(s);
    if (u.protocol !== 'http:' && u.protocol !== 'https:') {
      return { ok: false, reason: `Protokoll ${u.protocol} nicht erlaubt` };
    }
    if (/\s/.test(s) || !u.hostname.includes('.'))
      return { ok: false, reason: `keine gültige Website-Adresse: "${s}"` };
  } catch {
    return { ok: false, reason: `keine gültige Website-Adresse: "${s}"` };
  }
  return { ok: true, value: s };
}

/**
 * An e-mail address, trimmed; refused if it has no domain with a dot ("sekretariat@schule").
 * Returns undefined for an empty field.
 */
export function normalizeEmail(raw: unknown): ContactResult {
  const s = cleanText(raw);
  if (s === undefined) return undefined;
  if (!/^[^@\s]+@[^@\s]+\.[A-Za-z]{2,}$/.test(s)) return { ok: false, reason: `keine gültige E-Mail-Adresse: "${s}"` };
  return { ok: true, value: s };
}
