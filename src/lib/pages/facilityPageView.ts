import { formatRadiusSearch } from '../facilities/radiusQuery.ts';
import { formatDate, formatNumber, languageName, telText, telUrl, type Lang } from '../format.ts';
import { labelOf, langPrefix, pick, t } from '../i18n.ts';
import { directoryTypeUrl } from './directory.ts';
import { dateView, type DateView } from './dateView.ts';
import type { FacilityPageData } from './facilityModel.ts';

/**
 * The facility page (FacilityPage.astro) in one language: the page model of `build/facilities/<id>.json` with every
 * label looked up and every date, number and phone number formatted, so the component only places them.
 */

/** What the view needs of the site besides the facility. */
export interface FacilityViewContext {
  /** The directory's vocabularies, reference date and stale threshold (`site.facilities`); undefined without one. */
  index?:
    | {
        types: readonly { id: string; label?: { de: string; en?: string | undefined } | undefined }[];
        targetGroups: readonly { id: string; label?: { de: string; en?: string | undefined } | undefined }[];
        referenceDate: string;
        staleAfterDays: number;
      }
    | undefined;
  levels: readonly { id: string; label: { de: string; en?: string | undefined } }[];
  /** The atlas's Datenstand (ISO date). */
  dataDate: string;
}

export interface FacilityPageView {
  /** Type labels in the entry's order, each linked to its type page (with language prefix). */
  types: { label: string; href: string }[];
  /** "Kita, Familienzentrum". */
  typesText: string;
  /** The meta description: name, types and address. */
  description: string;
  /** Target groups joined; undefined when none. */
  groupsText?: string | undefined;
  /** Languages spoken, named in `lang` and joined; undefined when none. */
  languagesText?: string | undefined;
  /** The sentence of the stale marker; undefined when the entry is not stale. */
  staleNote?: string | undefined;
  lastConfirmed: DateView;
  dataDate: DateView;
  phone?: { href: string; text: string } | undefined;
  /** The website without scheme and trailing slash as link text. */
  website?: { href: string; text: string } | undefined;
  /** Places, formatted, and the provider's note. */
  capacity?: { places: string; note?: string | undefined } | undefined;
  /** "52,520008° N, 13,404954° Ost (WGS84)". */
  coordinates: string;
  /** The units the entry lies in, top level first, with the level's label. */
  units: { level: string; name: string; href: string }[];
  /** The radius query around the entry (500 m). */
  nearbyHref: string;
  sources: {
    attribution: string;
    licence: string;
    /** "osm:node/123". */
    record: string;
    url?: string | undefined;
    retrieved: DateView;
  }[];
}

/** The facility page's view in `lang` (see {@link FacilityPageView}). */
export function buildFacilityPageView(f: FacilityPageData, ctx: FacilityViewContext, lang: Lang): FacilityPageView {
  const p = langPrefix(lang);
  const types = f.types.map((type) => ({
    label: labelOf(ctx.index?.types, type, lang),
    href: `${p}${directoryTypeUrl(type)}`,
  }));
  const typesText = types.map((x) => x.label).join(', ');
  const groups = f.targetGroups.map((g) => labelOf(ctx.index?.targetGroups, g, lang));
  const address = f.address
    ? `${f.address.street}, ${f.address.postcode} ${f.address.city}`
    : t(lang, 'addressNotRecorded');
  const { lat, lon } = f.location;
  return {
    types,
    typesText,
    description: `${f.name}: ${typesText}, ${address}.`,
    groupsText: groups.length > 0 ? groups.join(', ') : undefined,
    languagesText: f.languages.length > 0 ? f.languages.map((c) => languageName(c, lang)).join(', ') : undefined,
    staleNote: f.stale
      ? t(lang, 'staleNote', {
          days: ctx.index?.staleAfterDays ?? 0,
          date: formatDate(ctx.index?.referenceDate ?? ctx.dataDate, lang),
        })
      : undefined,
    lastConfirmed: dateView(f.lastConfirmed, lang),
    dataDate: dateView(ctx.dataDate, lang),
    phone: f.phone ? { href: telUrl(f.phone), text: telText(f.phone) } : undefined,
    website: f.website
      ? { href: f.website, text: f.website.replace(/^https?:\/\//, '').replace(/\/$/, '') }
      : undefined,
    capacity: f.capacity && { places: formatNumber(f.capacity.places, 0, lang), note: f.capacity.note },
    coordinates: `${formatNumber(lat, 6, lang)}° N, ${formatNumber(lon, 6, lang)}° ${t(lang, 'facilityPageEast')} (WGS84)`,
    units: f.units.map((u) => ({
      level: pick(ctx.levels.find((l) => l.id === u.level)?.label, lang),
      name: u.name,
      href: `${p}${u.url}`,
    })),
    nearbyHref: `${p}/einrichtungen/umkreis/${formatRadiusSearch({ lat, lon, r: 500 })}`,
    sources: f.sources.map((s) => ({
      attribution: s.attribution,
      licence: s.licence,
      record: `${s.source}:${s.recordId}`,
      url: s.url,
      retrieved: dateView(s.retrieved, lang),
    })),
  };
}
