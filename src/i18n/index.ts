import type { Lang } from '../lib/format.ts';
import { de as coreDe } from './de.ts';
import { en as coreEn } from './en.ts';
import * as facilityImport from './sections/facilityImport.ts';
import * as indices from './sections/indices.ts';
import * as compare from './sections/compare.ts';
import * as editors from './sections/editors.ts';
import { de as searchDe, en as searchEn } from './sections/search.ts';
import * as indicators from './sections/indicators.ts';
import { de as seriesDe, en as seriesEn } from './sections/series.ts';
import * as schemes from './sections/schemes.ts';
import * as pages from './sections/pages.ts';
import * as about from './sections/about.ts';

/*
 * The one message catalogue: the core texts (de.ts, en.ts) plus one section file per feature area in sections/, each
 * exporting `de` and `en` (`en` typed as `typeof de`, so a missing key fails the type check). Add a section with one
 * import and one spread per language below; test/i18n/catalogue.test.ts fails on a key that two sections share or
 * that one language lacks.
 */

/** Every message in German, the source language. */
export const de = {
  ...coreDe,
  ...facilityImport.de,
  ...indices.de,
  ...compare.de,
  ...editors.de,
  ...searchDe,
  ...indicators.de,
  ...seriesDe,
  ...schemes.de,
  ...pages.de,
  ...about.de,
};

/** The catalogue's shape: every key with its kind (text, or function of its parameters). */
export type Messages = typeof de;

/** Every message in English. */
export const en: Messages = {
  ...coreEn,
  ...facilityImport.en,
  ...indices.en,
  ...compare.en,
  ...editors.en,
  ...searchEn,
  ...indicators.en,
  ...seriesEn,
  ...schemes.en,
  ...pages.en,
  ...about.en,
};

/** A key of the message catalogue. */
export type MessageKey = keyof Messages;

/** The parameters a message takes: none for a plain text, one object for a sentence with values. */
export type MessageArgs<K extends MessageKey> = Messages[K] extends (p: infer P) => string ? [params: P] : [];

/** Both catalogues, by language. */
export const CATALOGUES: Readonly<Record<Lang, Messages>> = { de, en };

/**
 * The interface text for `key` in `lang`, e.g. `t('de', 'keyFigures')` → "Kennzahlen", or with values
 * `t('de', 'entriesCount', { n: '12' })` → "12 Einträge". The one way UI text gets into pages, models and scripts.
 */
export function t<K extends MessageKey>(lang: Lang, key: K, ...args: MessageArgs<K>): string {
  const message: unknown = CATALOGUES[lang][key];
  return typeof message === 'function' ? (message as (p: unknown) => string)(args[0]) : (message as string);
}
