import type { Scheme, SmallNumbers } from '../../schemas/atlasConfig.ts';
import { formatNumber, type Lang } from '../format.ts';
import { pick, t } from '../i18n.ts';
import type { ProtectionCounts } from '../indicators/suppress.ts';
import type { SchemeLinksReport } from '../schemes/links.ts';
import { schemeValidity } from './unitSchemes.ts';

/** A crosswalk as the schemes stage read it. */
export interface CrosswalkSummary {
  file: string;
  entries: number;
  pairs: number;
  reversed: number;
  skipped: { idLength: number; reason: string; entries: number }[];
}

/** The part of the data page on boundary schemes, crosswalks and the small-number protection, in one language. */
export interface SchemesReportView {
  schemesHeading: string;
  /** One line per scheme: label, validity, note. */
  schemes: string[];
  /** One paragraph per crosswalk (entries read, left out and why, confirmed by the boundaries). */
  crosswalks: string[];
  /** Links found, by crosswalk or by geometry, and crosswalk entries the boundaries do not confirm. */
  links: string[];
  protectionHeading: string;
  /** The rule and how many values each part suppressed. */
  protection: string[];
  /** The symbols used in tables and downloads. */
  statusKey: string;
}

/** The report in both languages. */
export type SchemesReportData = Record<Lang, SchemesReportView>;

/** Display-ready report of the schemes stage and of the small-number protection, for the data page (`/daten/`). */
export function buildSchemesReport(i: {
  schemes: readonly Scheme[];
  crosswalks: readonly CrosswalkSummary[];
  links: SchemeLinksReport | undefined;
  protection: ProtectionCounts | undefined;
  smallNumbers: SmallNumbers;
}): SchemesReportData {
  const n = (x: number, lang: Lang) => formatNumber(x, 0, lang);
  const view = (lang: Lang): SchemesReportView => ({
    schemesHeading: t(lang, 'reportSchemesHeading'),
    schemes: i.schemes.map(
      (s) => `${pick(s.label, lang)} (${schemeValidity(s, lang)})${s.note ? `: ${pick(s.note, lang)}` : ''}`,
    ),
    crosswalks: i.crosswalks.map((x) =>
      [
        t(lang, 'reportCrosswalk', {
          file: x.file,
          entries: n(x.entries, lang),
          pairs: n(x.pairs, lang),
          reversed: n(x.reversed, lang),
        }),
        ...x.skipped.map((s) =>
          t(lang, 'reportCrosswalkSkipped', {
            entries: n(s.entries, lang),
            length: String(s.idLength),
            reason: s.reason,
          }),
        ),
      ].join(' '),
    ),
    links: [
      ...(i.links?.pairs ?? []).map((p) =>
        t(lang, 'reportLinks', {
          links: n(p.links, lang),
          crosswalk: n(p.byCrosswalk, lang),
          geometry: n(p.byGeometry, lang),
          from: pick(i.schemes.find((s) => s.id === p.from)?.label, lang),
          to: pick(i.schemes.find((s) => s.id === p.to)?.label, lang),
        }),
      ),
      ...(i.links && i.links.unconfirmed.length > 0
        ? [
            t(lang, 'reportUnconfirmed', {
              n: n(i.links.unconfirmed.length, lang),
              list: i.links.unconfirmed.map((u) => `${u.from} → ${u.to}`).join(', '),
            }),
          ]
        : []),
    ],
    protectionHeading: t(lang, 'reportProtectionHeading'),
    protection: [
      t(lang, 'reportProtectionRule', {
        minCount: n(i.smallNumbers.minCount, lang),
        minDenominator: i.smallNumbers.minDenominator === undefined ? '' : n(i.smallNumbers.minDenominator, lang),
      }),
      t(lang, 'reportProtectionCounts', {
        minCount: n(i.protection?.minCount ?? 0, lang),
        secondary: n(i.protection?.secondary ?? 0, lang),
        numerator: n(i.protection?.numerator ?? 0, lang),
        minDenominator: n(i.protection?.minDenominator ?? 0, lang),
      }),
    ],
    statusKey: t(lang, 'statusKey', { minCount: n(i.smallNumbers.minCount, lang) }),
  });
  return { de: view('de'), en: view('en') };
}
