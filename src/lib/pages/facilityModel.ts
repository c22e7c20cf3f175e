import type { Facility } from '../../schemas/facility.ts';
import type { VocabularyEntrySchema } from '../../schemas/atlasConfig.ts';
import type { FacilitySourceRef } from '../../schemas/facility.ts';
import type { z } from 'zod';
import type { FacilityLocator } from '../charts/facilityLocator.ts';
import type { UnitRef } from './model.ts';

/** Artifact shapes of the facility directory, handed from the pipeline to the pages (JSON in the build cache). */

export type VocabularyEntry = z.infer<typeof VocabularyEntrySchema>;

/** A facility in a list: enough to find it and to call it. */
export interface FacilityListItem {
  id: string;
  name: string;
  /** Path without language prefix, e.g. "/einrichtungen/kita-regenbogen-kt-01010080/". */
  url: string;
  /** One line, e.g. "Musterstraße 12a, 10117 Berlin". */
  address: string;
  /** Display form, e.g. "+49 30 1234567". */
  phone?: string | undefined;
  stale?: true | undefined;
}

/** The facilities of one type (vocabulary id) in a unit or list; `items` where the page lists them. */
export interface FacilityTypeGroup {
  type: string;
  count: number;
  items?: FacilityListItem[] | undefined;
}

/** Page model of one facility (`build/facilities/<id>.json`). Provider texts stay as written. */
export interface FacilityPageData {
  id: string;
  name: string;
  url: string;
  provider?: string | undefined;
  types: string[];
  targetGroups: string[];
  /** Undefined when the source gives none: the page says "Adresse nicht erfasst". */
  address?: { street: string; postcode: string; city: string } | undefined;
  location: { lat: number; lon: number };
  phone?: string | undefined;
  email?: string | undefined;
  website?: string | undefined;
  openingHours?: string | undefined;
  /** ISO 639-1 codes. */
  languages: string[];
  accessibility: { wheelchair: 'yes' | 'limited' | 'no' | 'unknown'; notes?: string | undefined };
  capacity?: { places: number; note?: string | undefined } | undefined;
  /** The description as sanitised HTML (from `renderProviderMarkdown`); "" when there is none. */
  html: string;
  /** The units the facility lies in, top level first. */
  units: UnitRef[];
  /** Locator map (our own SVG, without text): the facility as a point in its top-level unit; undefined without one. */
  locator?: FacilityLocator | undefined;
  sources: FacilitySourceRef[];
  /** True when a source is under the ODbL (OpenStreetMap): the page says so. */
  odbl: boolean;
  lastConfirmed: string;
  confirmedBy?: string | undefined;
  /** Days from `lastConfirmed` to the directory's reference date. */
  ageDays: number;
  stale: boolean;
  /** The entry's file, relative to the atlas folder (for "Eintrag bearbeiten"). @example "content/facilities/kita-a.md" */
  file: string;
  /** The operator's contact as the source gives it (fallback in crisis lists). */
  providerContact?: Facility['providerContact'];
}

/** The facilities section of a unit page (`UnitPageData.facilities`). */
export interface UnitFacilities {
  total: number;
  /** Types with at least one entry, vocabulary order; `items` on levels whose unit pages list entries. */
  byType: FacilityTypeGroup[];
  /** Path of the unit's directory page (levels that have one). */
  directoryUrl?: string | undefined;
}

/** `/einrichtungen/`: types and top-level units with counts. */
export interface DirectoryIndexData {
  total: number;
  stale: number;
  /** Entries with an ODbL source (OpenStreetMap). */
  odbl: number;
  types: { type: string; count: number; url: string }[];
  areas: { unit: UnitRef; count: number; url: string }[];
}

/** `/einrichtungen/typ/<type>/`: one type by top-level unit; items listed when the type is small enough. */
export interface DirectoryTypeData {
  type: string;
  count: number;
  url: string;
  /** True when every entry is listed on this page; else each group links to its area page's section. */
  listed: boolean;
  groups: { unit: UnitRef; count: number; url: string; items?: FacilityListItem[] | undefined }[];
}

/** `/einrichtungen/gebiet/<unit>/`: every entry of a unit by type, and its sub-units with counts. */
export interface DirectoryAreaData {
  unit: UnitRef;
  ancestors: UnitRef[];
  url: string;
  count: number;
  byType: FacilityTypeGroup[];
  children: { unit: UnitRef; count: number; url: string }[];
}

/** The compact facility index in `build/site.json`: paths for the pages and the hook for search, map, radius. */
export interface FacilityIndex {
  types: VocabularyEntry[];
  targetGroups: VocabularyEntry[];
  staleAfterDays: number;
  referenceDate: string;
  total: number;
  stale: number;
  /** Type ids with at least one entry (type pages), vocabulary order. */
  typesUsed: string[];
  /** Unit ids with a directory page (the top two levels). */
  areas: string[];
  /** Every entry: id, name, type ids, unit ids from the top level down, WGS84 point. */
  items: {
    id: string;
    name: string;
    types: string[];
    units: string[];
    lon: number;
    lat: number;
    stale?: true | undefined;
  }[];
}

/** `build/freshness.json`: stale entries for the editors' report, oldest first. */
export interface FreshnessReport {
  referenceDate: string;
  staleAfterDays: number;
  total: number;
  stale: number;
  /** Entries per `lastConfirmed` date, oldest first. */
  byDate: { date: string; count: number; stale: boolean }[];
  entries: {
    id: string;
    name: string;
    file: string;
    url: string;
    lastConfirmed: string;
    ageDays: number;
    confirmedBy?: string | undefined;
    sources: string[];
  }[];
}
