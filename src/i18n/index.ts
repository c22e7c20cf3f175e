import type { Lang } from '../lib/format.ts';
import { de, type Messages } from './de.ts';
import { en } from './en.ts';

export type { Messages } from './de.ts';

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
