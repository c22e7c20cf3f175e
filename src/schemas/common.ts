import { z } from 'zod';

/** A text in German (required) and English (optional; German is shown where English is missing). @example { de: "Bezirk", en: "District" } */
export const LocalizedTextSchema = z.strictObject({
  de: z.string().min(1),
  en: z.string().min(1).optional(),
});
export type LocalizedText = z.infer<typeof LocalizedTextSchema>;

/** An identifier used in urls and files: lower-case letters, digits, `-` and `_`. @example "bezirksregion" */
export const SlugSchema = z
  .string()
  .regex(/^[a-z0-9][a-z0-9_-]*$/, 'nur Kleinbuchstaben, Ziffern, "-" und "_", beginnend mit Buchstabe oder Ziffer');

/** A unit id as published by the city, kept as a string (leading zeros matter). @example "01011101" */
export const UnitIdSchema = z.string().regex(/^[A-Za-z0-9_-]+$/, 'nur Buchstaben, Ziffern, "-" und "_"');

/** A http(s) url. Other schemes (javascript:, data:) are refused. @example "https://daten.berlin.de/" */
export const HttpUrlSchema = z.string().refine((s) => {
  try {
    const u = new URL(s);
    return u.protocol === 'https:' || u.protocol === 'http:';
  } catch {
    return false;
  }
}, 'keine gültige http(s)-Adresse');

/** An ISO date YYYY-MM-DD. @example "2020-12-31" */
export const IsoDateSchema = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'Datum im Format JJJJ-MM-TT erwartet')
  // Round trip: Date.parse accepts "2020-02-30" and rolls it over to 1 March.
  .refine((s) => {
    const t = Date.parse(`${s}T00:00:00Z`);
    return !Number.isNaN(t) && new Date(t).toISOString().slice(0, 10) === s;
  }, 'kein gültiges Datum');
