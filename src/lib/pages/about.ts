import type { LocalizedText } from '../../schemas/common.ts';
import type { Scheme } from '../../schemas/atlasConfig.ts';
import { formatDate, formatNumber, type Lang } from '../format.ts';
import { langPrefix, pick, t, type MessageKey } from '../i18n.ts';
import { schemeValidity } from './unitSchemes.ts';

/**
 * "Über den Atlas" (`/ueber/`): the values the editorial MDX text (`src/editorial/ueber.<lang>.mdx`) reads from the
 * built site, so the text never states a stale figure or links a page the atlas does not have. Pure page model.
 */
export interface AboutPage {
  title: string;
  description: string;
  /** The atlas's own title. @example "Sozialatlas Berlin (Demo)" */
  atlas: string;
  city: string;
  publisher: string;
  /** The atlas's own description from atlas.yml. */
  intro: string;
  factsLabel: string;
  /** Label and display-ready value, in the order shown. */
  facts: { label: string; value: string }[];
  links: AboutLinks;
  /** Number of declared series breaks, formatted; "0" when none. */
  breaks: string;
  /** More than one boundary scheme: series are never joined across them. */
  severalSchemes: boolean;
  /** A unit page as an example of a stable address: its name and address (shown as written). */
  exampleUnit?: AboutLink | undefined;
}

/** A link of the page; optional ones are undefined when the atlas has no such page. */
export interface AboutLink {
  href: string;
  label: string;
}

export interface AboutLinks {
  data: AboutLink;
  sources: AboutLink;
  breaks: AboutLink;
  openData: AboutLink;
  indicators: AboutLink;
  units: AboutLink;
  privacy: AboutLink;
  accessibility: AboutLink;
  methods?: AboutLink | undefined;
  facilities?: AboutLink | undefined;
  releases?: AboutLink | undefined;
  repository?: AboutLink | undefined;
}

/** What the page reads from the site data (`site.json`, the editors' and indices' artifacts). */
export interface AboutInput {
  title: LocalizedText;
  city: LocalizedText;
  description: LocalizedText;
  publisher: string;
  /** ISO date of the atlas's Datenstand. */
  dataDate: string;
  /** Levels from the top down, with their number of units. */
  levels: readonly { id: string; labelPlural: LocalizedText; count: number }[];
  /** Every unit (the first of the top level is the example of a stable address). */
  units: readonly { name: string; level: string; url: string }[];
  schemes: readonly Scheme[];
  indicators: readonly unknown[];
  /** Entries of the facility directory; undefined without one. */
  facilities?: number | undefined;
  /** Declared series breaks (all kinds), as listed on `/daten/`. */
  breaks: readonly unknown[];
  /** The atlas has composite indices (`/methoden/`). */
  indices: boolean;
  /** The atlas declares releases (`/neu/`). */
  releases: boolean;
  /** Web address of the atlas's repository, when atlas.yml names one. */
  repositoryUrl?: string | undefined;
}

/** The page model in one language. */
export function buildAboutPage(i: AboutInput, lang: Lang): AboutPage {
  const p = langPrefix(lang);
  const n = (x: number) => formatNumber(x, 0, lang);
  const atlas = pick(i.title, lang);
  const link = (href: string, key: Extract<MessageKey, `aboutLink${string}`>): AboutLink => ({
    href,
    label: t(lang, key),
  });
  const totalUnits = i.levels.reduce((sum, l) => sum + l.count, 0);
  const example = i.units.find((u) => u.level === i.levels[0]?.id);
  const facts: AboutPage['facts'] = [
    {
      label: t(lang, 'aboutFactUnits'),
      value: t(lang, 'aboutFactUnitsValue', {
        n: n(totalUnits),
        levels: i.levels.map((l) => `${n(l.count)} ${pick(l.labelPlural, lang)}`).join(', '),
      }),
    },
    { label: t(lang, 'aboutFactIndicators'), value: n(i.indicators.length) },
  ];
  if (i.facilities !== undefined) facts.push({ label: t(lang, 'aboutFactFacilities'), value: n(i.facilities) });
  if (i.schemes.length > 0)
    facts.push({
      label: t(lang, 'aboutFactSchemes'),
      value: i.schemes
        .map((s) =>
          s.validFrom || s.validUntil
            ? t(lang, 'aboutSchemeValue', { label: pick(s.label, lang), validity: schemeValidity(s, lang) })
            : pick(s.label, lang),
        )
        .join('; '),
    });
  facts.push(
    { label: t(lang, 'aboutFactBreaks'), value: n(i.breaks.length) },
    { label: t(lang, 'aboutFactDataDate'), value: formatDate(i.dataDate, lang) },
  );
  return {
    title: t(lang, 'aboutTitle'),
    description: t(lang, 'aboutDescription', { atlas }),
    atlas,
    city: pick(i.city, lang),
    publisher: i.publisher,
    intro: pick(i.description, lang),
    factsLabel: t(lang, 'aboutFactsLabel'),
    facts,
    breaks: n(i.breaks.length),
    severalSchemes: i.schemes.length > 1,
    exampleUnit: example && { label: example.name, href: `${p}${example.url}` },
    links: {
      data: link(`${p}/daten/`, 'aboutLinkData'),
      sources: link(`${p}/daten/#quellen`, 'aboutLinkSources'),
      breaks: link(`${p}/daten/#brueche`, 'aboutLinkBreaks'),
      openData: link(`${p}/offene-daten/`, 'aboutLinkOpenData'),
      indicators: link(`${p}/merkmale/`, 'aboutLinkIndicators'),
      units: link(`${p}/alle-gebiete/`, 'aboutLinkUnits'),
      privacy: link(`${p}/datenschutz/`, 'aboutLinkPrivacy'),
      accessibility: link(`${p}/barrierefreiheit/`, 'aboutLinkAccessibility'),
      methods: i.indices ? link(`${p}/methoden/`, 'aboutLinkMethods') : undefined,
      facilities: i.facilities !== undefined ? link(`${p}/einrichtungen/`, 'aboutLinkFacilities') : undefined,
      releases: i.releases ? link(`${p}/neu/`, 'aboutLinkReleases') : undefined,
      repository: i.repositoryUrl ? { href: i.repositoryUrl, label: t(lang, 'aboutLinkRepository') } : undefined,
    },
  };
}
