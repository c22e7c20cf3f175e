/** Gate check `lang`: `<html lang>` declares the language of the url (`en` under `/en/`, else `de`). */
import type { Page } from 'playwright-core';
import type { GateCheck } from './audit.ts';

/** Language a url must declare: `en` under `/en/`, else `de`. */
export function expectedLang(url: string): 'de' | 'en' {
  const { pathname } = new URL(url, 'http://site.invalid');
  return pathname === '/en' || pathname.startsWith('/en/') ? 'en' : 'de';
}

/** The value of `<html lang>`, or null without one. */
export function readLang(page: Page): Promise<string | null> {
  return page.evaluate<string | null>('document.documentElement.getAttribute("lang")');
}

export const langCheck: GateCheck = {
  id: 'lang',
  sentence: 'declares the language of its url in <html lang>',
  problems: (a) =>
    a.lang === expectedLang(a.url) ? [] : [`<html lang="${a.lang ?? ''}">, want "${expectedLang(a.url)}"`],
};
