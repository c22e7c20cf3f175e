/**
 * Provider assessments on unit pages (issue 3, point 9), against a build of test/fixtures/atlas-mini, whose
 * made-up notes live in content/districts/11/ (two, German) and content/districts/1/ (one, English). The section
 * must be apart from the official statistics (own heading, "Keine amtliche Statistik" note), grouped by topic, each
 * note with organisation, date and the `lang` of its text, and pass axe; a unit without notes shows one line.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import {
  formatAxeFinding,
  launchBrowser,
  newPageContext,
  openPage,
  runAxe,
  screenshot,
  VIEWPORTS,
  type AtlasJson,
} from './harness/index.ts';

const baseUrl = inject('sozialatlasMiniUrl');
const atlas = (await (await fetch(`${baseUrl}/data/atlas.json`)).json()) as AtlasJson;
const urlOf = (id: string) => atlas.units.find((u) => u.id === id)?.url ?? `/missing/${id}/`;
const path = (url: string) => new URL(url, 'http://x.invalid').pathname;

let browser: Browser | undefined;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

interface SectionDom {
  heading: string;
  note: string;
  topics: string[];
  notes: { question: string; lang: string; by: string; date: string }[];
  /** The section follows the official time series and is not inside them. */
  afterSeries: boolean;
}
const READ_SECTION = `(() => {
  const s = document.querySelector('section.assessments');
  if (!s) return null;
  const notes = [...s.querySelectorAll('article.assessment')].map((a) => ({
    question: a.querySelector('h4').textContent.trim(),
    lang: a.querySelector('.prose').getAttribute('lang'),
    by: a.querySelector('.by').textContent.trim(),
    date: a.querySelector('.by time').getAttribute('datetime'),
  }));
  const series = document.querySelector('section[aria-labelledby="zeitreihen"]');
  return {
    heading: s.querySelector('h2').textContent.trim(),
    note: (s.querySelector('.not-official') || { textContent: '' }).textContent.trim(),
    topics: [...s.querySelectorAll('h3')].map((h) => h.textContent.trim()),
    notes,
    afterSeries: Boolean(series && !series.contains(s) && (series.compareDocumentPosition(s) & Node.DOCUMENT_POSITION_FOLLOWING)),
  };
})()`;

describe('provider assessments on unit pages', () => {
  it('a unit with notes: own section, "Keine amtliche Statistik" with the newest date, grouped by topic, attributed, axe clean', async () => {
    const context = await newPageContext(browser!, VIEWPORTS.desktop);
    try {
      const { page } = await openPage(context, `${baseUrl}${path(urlOf('11'))}`, VIEWPORTS.desktop);
      const s = await page.evaluate<SectionDom | null>(READ_SECTION);
      expect(s?.heading).toBe('Einschätzungen aus der sozialen Arbeit');
      expect(s?.note).toBe('Keine amtliche Statistik: Einschätzungen der genannten Träger, Stand 20.11.2023.');
      expect(s?.topics).toEqual(['Kinder und Familie', 'Alter und Pflege']);
      expect(s?.notes).toEqual([
        {
          question: 'Was fehlt?',
          lang: 'de',
          by: '– Nachbarschaftshaus Am Kanal e. V., Leitung Familienzentrum, 20.11.2023',
          date: '2023-11-20',
        },
        {
          question: 'Was hat sich verändert?',
          lang: 'de',
          by: '– Pflegedienst Muster gGmbH, 02.10.2023',
          date: '2023-10-02',
        },
      ]);
      expect(s?.afterSeries).toBe(true);
      await page.locator('section.assessments').scrollIntoViewIfNeeded();
      await screenshot(page, 'assessments-unit-de');
      expect((await runAxe(page)).map(formatAxeFinding)).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('the English page keeps the provider text in its own language and marks it', async () => {
    const context = await newPageContext(browser!, VIEWPORTS.phone);
    try {
      const { page } = await openPage(context, `${baseUrl}/en${path(urlOf('1'))}`, VIEWPORTS.phone);
      const s = await page.evaluate<SectionDom | null>(READ_SECTION);
      expect(s?.heading).toBe('Assessments from social work');
      expect(s?.note).toBe('Not official statistics: assessments by the organisations named, as of 1 December 2023.');
      expect(s?.notes.map((n) => [n.question, n.lang])).toEqual([['What works well?', 'en']]);
      const { page: de } = await openPage(context, `${baseUrl}${path(urlOf('1'))}`, VIEWPORTS.phone);
      expect(await de.locator('article.assessment .prose').getAttribute('lang')).toBe('en');
      expect(await de.locator('article.assessment').innerText()).toContain('Text des Trägers, wie eingereicht.');
      expect((await runAxe(page)).map(formatAxeFinding)).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('a unit without notes shows one line on how to submit, and no "amtliche Statistik" note', async () => {
    const context = await newPageContext(browser!, VIEWPORTS.desktop);
    try {
      const { page } = await openPage(context, `${baseUrl}${path(urlOf('05'))}`, VIEWPORTS.desktop);
      const s = await page.evaluate<SectionDom | null>(READ_SECTION);
      expect(s?.notes).toEqual([]);
      expect(s?.note).toBe('');
      expect(await page.locator('section.assessments').innerText()).toContain('content/districts/_template.md.txt');
    } finally {
      await context.close();
    }
  });
});
