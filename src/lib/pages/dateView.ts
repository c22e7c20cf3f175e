import { formatDate, type Lang } from '../format.ts';

/** A date as a `<time>` element shows it: the ISO date for `datetime` and the text in the page's language. */
export interface DateView {
  iso: string;
  /** "31.12.2020" / "31 December 2020". */
  text: string;
}

/** dateView("2020-12-31", "de") → { iso: "2020-12-31", text: "31.12.2020" }. */
export function dateView(iso: string, lang: Lang): DateView {
  return { iso, text: formatDate(iso, lang) };
}
