import { CSV_DIALECT } from '../csv/writeCsv.ts';
import { DATA_PACKAGE_URL } from '../data/dataPackage.ts';
import { formatDate, type Lang } from '../format.ts';
import { t } from '../i18n.ts';
import { cityFeedUrl } from '../releases/releases.ts';

/**
 * "Offene Daten" (`/offene-daten/`): the downloads first, then the CSV dialect and the licences, short. The long data
 * notes and the processing report stay on `/daten/`. Pure page model.
 */
export interface OpenDataPage {
  title: string;
  intro: string;
  downloads: { href: string; label: string; text: string }[];
  /** Per-area files, explained once. */
  perUnit: string;
  dialectHeading: string;
  dialect: string[];
  notesLink: { href: string; label: string };
  stichtag: string;
}

/** What the page lists. */
export interface OpenDataInput {
  dataDate: string;
  facilities: boolean;
  overlays: readonly { label: string; csv: string; geojson: string }[];
  releases: boolean;
}

/** The page model in one language. */
export function buildOpenDataPage(i: OpenDataInput, lang: Lang): OpenDataPage {
  const p = lang === 'de' ? '' : '/en';
  const downloads: OpenDataPage['downloads'] = [
    { href: DATA_PACKAGE_URL, label: 'datapackage.json', text: t(lang, 'odPackage') },
    { href: '/data/values.csv', label: 'values.csv', text: t(lang, 'odValues') },
    { href: '/data/boundaries.topojson', label: 'boundaries.topojson', text: t(lang, 'odBoundaries') },
    { href: '/data/atlas.json', label: 'atlas.json', text: t(lang, 'odAtlasJson') },
  ];
  if (i.facilities)
    downloads.push(
      { href: '/data/facilities.csv', label: 'facilities.csv', text: t(lang, 'odFacilitiesCsv') },
      { href: '/data/facilities.geojson', label: 'facilities.geojson', text: t(lang, 'odFacilitiesGeojson') },
    );
  for (const o of i.overlays)
    downloads.push(
      { href: o.csv, label: o.csv.split('/').at(-1) ?? o.csv, text: t(lang, 'odAreaCsv', { layer: o.label }) },
      {
        href: o.geojson,
        label: o.geojson.split('/').at(-1) ?? o.geojson,
        text: t(lang, 'odAreaGeojson', { layer: o.label }),
      },
    );
  if (i.releases) downloads.push({ href: cityFeedUrl(lang), label: 'Atom', text: t(lang, 'odFeed') });
  return {
    title: t(lang, 'odTitle'),
    intro: t(lang, 'odIntro'),
    downloads,
    perUnit: t(lang, 'odPerUnit'),
    dialectHeading: t(lang, 'odDialectHeading'),
    dialect: [
      t(lang, 'odDialectFormat', { delimiter: CSV_DIALECT.delimiter, decimal: CSV_DIALECT.decimalChar }),
      t(lang, 'odDialectMissing'),
      t(lang, 'odDialectFormula'),
    ],
    notesLink: { href: `${p}/daten/`, label: t(lang, 'odNotesLink') },
    stichtag: t(lang, 'odStichtag', { date: formatDate(i.dataDate, lang) }),
  };
}
