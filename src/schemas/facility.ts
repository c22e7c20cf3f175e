import { z } from 'zod';
import { VocabularyEntrySchema } from './atlasConfig.ts';
import { HttpUrlSchema, IsoDateSchema, SlugSchema } from './common.ts';

/**
 * One facility of the directory: the YAML front matter of `content/facilities/<id>.md`.
 * Seeded by `scripts/importFacilities.ts`, then maintained by the providers (Träger) through pull requests.
 * Types and target groups are slugs here; that they exist in `facilities.yml` is checked against the vocabulary.
 */

/** ISO 639-1 two-letter language codes (all 183). */
export const ISO_639_1 = new Set(
  (
    'aa ab ae af ak am an ar as av ay az ba be bg bi bm bn bo br bs ca ce ch co cr cs cu cv cy da de dv dz ee el en ' +
    'eo es et eu fa ff fi fj fo fr fy ga gd gl gn gu gv ha he hi ho hr ht hu hy hz ia id ie ig ii ik io is it iu ja ' +
    'jv ka kg ki kj kk kl km kn ko kr ks ku kv kw ky la lb lg li ln lo lt lu lv mg mh mi mk ml mn mr ms mt my na nb ' +
    'nd ne ng nl nn no nr nv ny oc oj om or os pa pi pl ps pt qu rm rn ro ru rw sa sc sd se sg si sk sl sm sn so sq ' +
    'sr ss st su sv sw ta te tg th ti tk tl tn to tr ts tt tw ty ug uk ur uz ve vi vo wa wo xh yi yo za zh zu'
  ).split(' '),
);

/** Today as YYYY-MM-DD in the process time zone (tests and scripts run with TZ=Europe/Berlin). */
export function todayIso(): string {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

/** A phone number in international display form: "+", country code, groups of digits separated by single spaces. @example "+49 30 1234567" */
export const PhoneSchema = z
  .string()
  .regex(/^\+[1-9]\d{0,3}(?: \d+)*$/, 'Telefonnummer im Format "+49 30 1234567" erwartet')
  .refine((s) => {
    const digits = s.replace(/\D/g, '').length;
    return digits >= 7 && digits <= 15;
  }, 'Telefonnummer hat zu wenige oder zu viele Ziffern (7–15)');

/** Website: only `https:` and `http:` (explicit allow-list; `javascript:`, `data:` and others are refused). @example "https://www.kita-beispiel.de/" */
export const WebsiteSchema = HttpUrlSchema.max(500);

/** A postal address in Germany. */
export const FacilityAddressSchema = z.strictObject({
  /** Street and house number. @example "Musterstraße 12a" */
  street: z.string().trim().min(1),
  /** Five-digit German postcode, quoted in YAML. @example "10117" */
  postcode: z.string().regex(/^\d{5}$/, 'Postleitzahl mit genau 5 Ziffern erwartet'),
  /** @example "Berlin" */
  city: z.string().trim().min(1),
});

/** WGS84 coordinates in decimal degrees. @example { lat: 52.520008, lon: 13.404954 } */
export const FacilityLocationSchema = z.strictObject({
  /** Latitude, −90 … 90. @example 52.520008 */
  lat: z.number().min(-90).max(90),
  /** Longitude, −180 … 180. @example 13.404954 */
  lon: z.number().min(-180).max(180),
});

/** Where an entry (or its first version) came from. Kept so that a later import can recognise the record. */
export const FacilitySourceRefSchema = z.strictObject({
  /** Source id. @example "berlin-geoportal-kitas" */
  source: SlugSchema,
  /** The record's id in that source, quoted (leading zeros matter). @example "01010010" */
  recordId: z.string().min(1),
  /** Licence of the source data. @example "ODbL 1.0" */
  licence: z.string().min(1),
  /** Attribution the licence asks for. @example "© OpenStreetMap-Mitwirkende" */
  attribution: z.string().min(1),
  /** Where the source (or the record) can be seen. @example "https://daten.berlin.de/datensaetze/kindertagesst%C3%A4tten-wfs" */
  url: HttpUrlSchema.optional(),
  /** When the data was taken from the source. @example "2026-11-25" */
  retrieved: IsoDateSchema,
});

export const FacilitySchema = z.strictObject({
  /** Stable id; equals the file name without `.md`. Never change it: links and imports depend on it. @example "kita-regenbogen-kt-01010080" */
  id: SlugSchema.max(100),
  /** Name as shown to the public. @example "Kita Regenbogen" */
  name: z.string().trim().min(1).max(200),
  /** Träger (operator). @example "Pfefferwerk Stadtkultur gGmbH" */
  provider: z.string().trim().min(1).optional(),
  /**
   * How to reach the operator (Träger), as the source gives it: the fallback contact in crisis lists when the facility
   * itself has no phone or e-mail (shown labelled as the operator's). @example { address: { street: "Möllendorffstr. 6", postcode: "10367", city: "Berlin" } }
   */
  providerContact: z
    .strictObject({
      address: FacilityAddressSchema.optional(),
      phone: PhoneSchema.optional(),
      email: z.email('keine gültige E-Mail-Adresse').optional(),
    })
    .optional(),
  /** Facility types, ids from `facilities.yml` → `types`. @example ["kita"] */
  types: z.array(SlugSchema).min(1),
  /** Target groups, ids from `facilities.yml` → `targetGroups`. @example ["kinder"] */
  targetGroups: z.array(SlugSchema).default([]),
  /**
   * Postal address. Optional: a source (often OpenStreetMap) may not give one; the entry is then shown with
   * "Adresse nicht erfasst" and found by its location, and nothing is invented.
   * @example { street: "Musterstraße 12a", postcode: "10117", city: "Berlin" }
   */
  address: FacilityAddressSchema.optional(),
  /** @example { lat: 52.520008, lon: 13.404954 } */
  location: FacilityLocationSchema,
  /** @example "+49 30 1234567" */
  phone: PhoneSchema.optional(),
  /** @example "info@kita-beispiel.de" */
  email: z.email('keine gültige E-Mail-Adresse').optional(),
  /** @example "https://www.kita-beispiel.de/" */
  website: WebsiteSchema.optional(),
  /** Free text. @example "Mo–Fr 7:00–17:00" */
  openingHours: z.string().trim().min(1).optional(),
  /** Languages spoken, ISO 639-1 codes. @example ["de", "en"] */
  languages: z
    .array(z.string().refine((c) => ISO_639_1.has(c), 'kein ISO-639-1-Sprachcode (z. B. "de", "en", "tr")'))
    .optional(),
  /** @example { wheelchair: "limited", notes: "Rampe am Hintereingang" } */
  accessibility: z
    .strictObject({
      /** `yes`, `limited`, `no` or `unknown`. @example "yes" */
      wheelchair: z.enum(['yes', 'limited', 'no', 'unknown']),
      /** @example "Aufzug vorhanden" */
      notes: z.string().trim().min(1).optional(),
    })
    .default({ wheelchair: 'unknown' }),
  /** Places (Kita, care home…). @example { places: 120, note: "davon 20 Krippenplätze" } */
  capacity: z
    .strictObject({
      /** @example 120 */
      places: z.number().int().positive(),
      /** @example "davon 20 Krippenplätze" */
      note: z.string().trim().min(1).optional(),
    })
    .optional(),
  /** Source records this entry was imported from; empty for entries a provider created. @example [{ source: "osm", recordId: "268915249", licence: "ODbL 1.0", attribution: "© OpenStreetMap-Mitwirkende", retrieved: "2026-11-25" }] */
  sources: z.array(FacilitySourceRefSchema).default([]),
  /** Date the information was last confirmed (by the source or the provider); not in the future. @example "2024-03-01" */
  lastConfirmed: IsoDateSchema.refine((s) => s <= todayIso(), 'Datum liegt in der Zukunft'),
  /** Who confirmed it. @example "Kita-Leitung" */
  confirmedBy: z.string().trim().min(1).optional(),
});
export type Facility = z.infer<typeof FacilitySchema>;
export type FacilityInput = z.input<typeof FacilitySchema>;
export type FacilitySourceRef = z.infer<typeof FacilitySourceRefSchema>;

function uniqueIds(entries: { id: string }[], ctx: z.RefinementCtx, path: string): void {
  const seen = new Set<string>();
  entries.forEach((e, i) => {
    if (seen.has(e.id)) ctx.addIssue({ code: 'custom', path: [path, i, 'id'], message: `Kennung "${e.id}" doppelt` });
    seen.add(e.id);
  });
}

/** `facilities.yml`: the vocabulary of facility types and target groups. */
export const FacilityVocabularySchema = z
  .strictObject({
    /** @example [{ id: "kita", label: { de: "Kita", en: "Day-care centre" }, vulnerability: 2 }] */
    types: z.array(VocabularyEntrySchema).min(1),
    /** @example [{ id: "kinder", label: { de: "Kinder", en: "Children" } }] */
    targetGroups: z.array(VocabularyEntrySchema).default([]),
    /** Entries whose `lastConfirmed` is older are marked as stale. @example 365 */
    staleAfterDays: z.number().int().positive().default(365),
  })
  .superRefine((v, ctx) => {
    uniqueIds(v.types, ctx, 'types');
    uniqueIds(v.targetGroups, ctx, 'targetGroups');
  });
export type FacilityVocabulary = z.infer<typeof FacilityVocabularySchema>;
