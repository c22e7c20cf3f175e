import type { Lang } from './format.ts';

export { t, type MessageKey, type MessageArgs } from '../i18n/index.ts';
/** A localized text from the config: the requested language, else German. */
export function pick(text: { de: string; en?: string | undefined } | undefined, lang: Lang): string {
  if (!text) return '';
  return lang === 'en' ? (text.en ?? text.de) : text.de;
}

/**
 * The label of a vocabulary entry (facility type, target group, …) in `lang`: the entry's `label` picked like `pick`,
 * or the id itself when the list lacks the entry or the list is missing.
 */
export function labelOf(
  list: readonly { id: string; label?: { de: string; en?: string | undefined } | undefined }[] | undefined,
  id: string,
  lang: Lang,
): string {
  return pick(list?.find((x) => x.id === id)?.label, lang) || id;
}

/** True when a localized text falls back to German for `lang` (the element needs lang="de"). */
export function isFallback(text: { de: string; en?: string | undefined } | undefined, lang: Lang): boolean {
  return lang === 'en' && text !== undefined && text.en === undefined;
}

/** Url prefix of a language: "" for German (default), "/en" for English. */
export function langPrefix(lang: Lang): string {
  return lang === 'de' ? '' : '/en';
}

/**
 * The `lang` attribute of German-only text (provider free text, operator names) on a page in `lang`: "de" on an
 * English page, none on a German one (the page's own language).
 */
export function germanTextLang(lang: Lang): 'de' | undefined {
  return lang === 'de' ? undefined : 'de';
}

/** The other language of the site, the target of the language switch: "en" for German, "de" for English. */
export function otherLang(lang: Lang): Lang {
  return lang === 'de' ? 'en' : 'de';
}
