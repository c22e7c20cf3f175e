import type { Indicator } from '../../schemas/atlasConfig.ts';
import type { LocalizedText } from '../../schemas/common.ts';
import type { ResolvedEdition, UnclassifiedUnit } from '../indicators/compositeIndex.ts';
import type { IndexEditionResult, IndexResult } from '../indicators/compositeIndexResults.ts';
import { formatNumber, type Lang } from '../format.ts';
import { isFallback, langPrefix, pick, t } from '../i18n.ts';

/**
 * Page models of the composite indices' method pages (`/methoden/<id>/`) and their overview (`/methoden/`): every
 * text, number, link and table cell display-ready in one language, so that the components only map over them.
 */

/** A piece of text, optionally a link (href with language prefix) and in German on an English page. */
export interface TextPart {
  text: string;
  href?: string | undefined;
  /** Set to "de" when a configured text has no English version. */
  lang?: 'de' | undefined;
}

/** A table cell: text parts (e.g. several links), numeric alignment, and its column's name for phone cards. */
export interface TableCell {
  parts: TextPart[];
  num?: boolean | undefined;
  label: string;
}

/** A table with a caption, column heads, and rows whose first cell is the row header. */
export interface TableModel {
  caption: string;
  columns: { text: string; num?: boolean | undefined }[];
  rows: { head: TextPart[]; cells: TableCell[] }[];
}

export interface IndexMethodPage {
  lang: Lang;
  id: string;
  /** Path without language prefix (for the layout's canonical and language links). */
  path: string;
  title: TextPart;
  lede: TextPart;
  breadcrumb: TextPart[];
  summary: string[];
  method: { heading: string; steps: string[] };
  /** Pairs: the two indices crossed. */
  components?: { heading: string; links: TextPart[] } | undefined;
  inputs?: { heading: string; table: TableModel; notes: string[] } | undefined;
  classes: { heading: string; tables: TableModel[]; rule?: string | undefined; nearest: string[] };
  results: { heading: string; table: TableModel; universe: string[] };
  distribution: { heading: string; table: TableModel };
  disagreements?:
    | {
        heading: string;
        intro: string;
        editions: { text?: string | undefined; table?: TableModel | undefined; extra: string[] }[];
      }
    | undefined;
  unclassified: {
    heading: string;
    intro: string;
    editions: { summary: string; items: { unit: TextPart; reason: string }[] }[];
  };
  outputs: { heading: string; text: string; links: TextPart[] };
  source?: { heading: string; text: string } | undefined;
  /** Other index pages that belong together with this one (a pair and its members). */
  related: TextPart[];
}

export interface IndexOverviewPage {
  lang: Lang;
  /** The indices' ids, in the order of the config (one method page each). */
  ids: string[];
  path: string;
  title: string;
  lede: string;
  breadcrumb: TextPart[];
  table: TableModel;
}

/** What the page models need besides the results. */
export interface IndexPageContext {
  results: readonly IndexResult[];
  indicators: ReadonlyMap<string, Indicator>;
  /** Unit id → name and url without language prefix. */
  units: ReadonlyMap<string, { name: string; url: string }>;
  levels: ReadonlyMap<string, { label: LocalizedText; labelPlural: LocalizedText }>;
  sources: ReadonlyMap<string, { title: LocalizedText; attribution: string }>;
  cityName: LocalizedText;
}

/** Path of an index's method page without language prefix. */
export function indexMethodPath(id: string): string {
  return `/methoden/${encodeURIComponent(id)}/`;
}

/** Path of the overview of all index methods. */
export const INDEX_OVERVIEW_PATH = '/methoden/';

/** A number with a true minus sign: "−1,0". */
function signed(n: number, decimals: number, lang: Lang): string {
  return formatNumber(n, decimals, lang).replace(/^-/, '−');
}

/** Share as "100 %" only when every compared unit agrees; otherwise one decimal, rounded down (never 100 by rounding). */
export function formatShare(equal: number, compared: number, lang: Lang): string {
  if (compared > 0 && equal === compared) return t(lang, 'indexShare', { n: formatNumber(100, 0, lang) });
  const share = compared > 0 ? Math.floor((1000 * equal) / compared) / 10 : 0;
  return t(lang, 'indexShare', { n: formatNumber(share, 1, lang) });
}

function localized(text: LocalizedText | undefined, lang: Lang): TextPart {
  return { text: pick(text, lang), lang: isFallback(text, lang) ? 'de' : undefined };
}

/**
 * A level name inside an English sentence: "Planning areas" → "planning areas" (not "LSOAs": only a capital followed
 * by a small letter is lowered). German nouns keep their capital.
 */
function inSentence(name: string, lang: Lang): string {
  return lang === 'en' && /^[A-Z][a-z]/.test(name) ? name.charAt(0).toLowerCase() + name.slice(1) : name;
}

/** Decimals that show every threshold exactly (at least one). */
function thresholdDecimals(thresholds: readonly number[]): number {
  return Math.max(1, ...thresholds.map((x) => (String(x).split('.')[1] ?? '').length));
}

/** Builds the method page of one index in one language. */
export function buildIndexMethodPage(r: IndexResult, ctx: IndexPageContext, lang: Lang): IndexMethodPage {
  const p = langPrefix(lang);
  const ix = r.index;
  const n = (x: number) => formatNumber(x, 0, lang);
  const level = ctx.levels.get(r.level);
  const countOf = (x: number) => `${n(x)} ${inSentence(pick(x === 1 ? level?.label : level?.labelPlural, lang), lang)}`;
  const unitsWord = inSentence(pick(level?.labelPlural, lang), lang);
  const indLabel = (id: string) => pick(ctx.indicators.get(id)?.label, lang) || id;
  const indLink = (id: string): TextPart => ({
    ...localized(ctx.indicators.get(id)?.label ?? { de: id }, lang),
    href: `${p}/daten/#merkmal-${id}`,
  });
  const unitLink = (id: string): TextPart => {
    const u = ctx.units.get(id);
    return { text: u ? `${u.name} (${id})` : id, href: u ? `${p}${u.url}` : undefined };
  };
  const className = (cls: number) => {
    const c = r.classes[cls];
    return c
      ? c.code === String(c.value)
        ? pick(c.label, lang)
        : `${c.code} ${pick(c.label, lang)}`
      : String(cls + 1);
  };
  const years = r.editions.map((e) => String(e.year)).join(', ');
  const byId = new Map(ctx.results.map((x) => [x.index.id, x]));
  const indexLink = (id: string): TextPart => ({
    ...localized(byId.get(id)?.index.label ?? { de: id }, lang),
    href: `${p}${indexMethodPath(id)}`,
  });
  const compareIds = [...new Set(r.editions.flatMap((e) => (e.comparison ? [e.comparison.indicator] : [])))];
  const compared = r.editions.filter((e) => e.comparison);

  // ---- summary
  const summary = [
    r.pair ? t(lang, 'indexSummaryPair', { years }) : t(lang, 'indexSummaryEditions', { years, units: unitsWord }),
    ...compareIds.map((id) =>
      t(lang, 'indexSummaryAgreement', {
        indicator: indLabel(id),
        list: compared
          .filter((e) => e.comparison?.indicator === id)
          .map((e) => `${e.year}: ${agreementText(e, lang)}`)
          .join('; '),
      }),
    ),
  ];

  // ---- method steps
  const methods = r.editions.flatMap((e) => (e.method ? [e.method] : []));
  const first = methods[0];
  const steps: string[] = [];
  if (r.pair) {
    const [a, b] = r.pair.map((id) => byId.get(id));
    steps.push(
      t(lang, 'indexStepPair', {
        a: pick(a?.index.label, lang),
        b: pick(b?.index.label, lang),
        na: n(a?.classes.length ?? 0),
        nb: n(b?.classes.length ?? 0),
        n: n(r.classes.length),
      }),
      t(lang, 'indexStepPairUnclassified'),
    );
  } else if (first) {
    const same = (f: (m: ResolvedEdition) => unknown) => methods.every((m) => f(m) === f(first));
    steps.push(
      t(lang, 'indexStepStandardise', {
        units: unitsWord,
        sd: t(lang, first.standardDeviation === 'sample' ? 'indexSdSample' : 'indexSdPopulation'),
      }),
    );
    const inverted = [...new Set(methods.flatMap((m) => m.inputs.filter((i) => i.invert).map((i) => i.indicator)))];
    if (inverted.length > 0) steps.push(t(lang, 'indexStepInvert', { list: inverted.map(indLabel).join(', ') }));
    steps.push(t(lang, first.combine === 'weightedMean' ? 'indexStepWeighted' : 'indexStepMean'));
    steps.push(t(lang, first.restandardise ? 'indexStepRestandardise' : 'indexStepNoRestandardise'));
    steps.push(t(lang, 'indexStepClasses'));
    steps.push(t(lang, 'indexStepUnclassified', { units: pick(level?.labelPlural, lang) }));
    if (!same((m) => m.combine) || !same((m) => m.restandardise) || !same((m) => m.standardDeviation))
      steps.push(t(lang, 'indexStepVaries'));
  }

  // ---- inputs per edition
  const inputs = r.pair
    ? undefined
    : {
        heading: t(lang, 'indexSectionInputs'),
        table: inputsTable(r, lang, indLink),
        notes: r.editions.flatMap((e) =>
          e.method?.note
            ? [t(lang, 'indexEditionNote', { year: String(e.year), text: pick(e.method.note, lang) })]
            : [],
        ),
      };

  // ---- classes
  const groups = new Map<string, { method: ResolvedEdition; years: number[] }>();
  for (const m of methods) {
    const key = JSON.stringify([m.thresholds, m.rules]);
    const g = groups.get(key);
    if (g) g.years.push(m.year);
    else groups.set(key, { method: m, years: [m.year] });
  }
  const classTables = r.pair
    ? [pairClassTable(r, lang)]
    : [...groups.values()].map((g) => classTable(r, g.method, g.years, lang));
  const rule =
    first && groups.size === 1
      ? t(lang, 'indexRule', {
          list: first.thresholds
            .map((th, j) =>
              t(lang, 'indexRuleItem', {
                t: signed(th, thresholdDecimals(first.thresholds), lang),
                label: pick(r.classes[first.rules[j] === 'above' ? j + 1 : j]?.label, lang),
              }),
            )
            .join('; '),
        })
      : undefined;
  const nearest = r.editions.flatMap((e) =>
    e.nearest
      ? [
          t(lang, 'indexNearest', {
            year: String(e.year),
            unit: unitLink(e.nearest.unit).text,
            z: signed(e.nearest.z, 4, lang),
            t: signed(e.nearest.threshold, thresholdDecimals(e.method?.thresholds ?? []), lang),
            d: formatNumber(Math.abs(e.nearest.z - e.nearest.threshold), 4, lang),
          }),
        ]
      : [],
  );

  // ---- results per edition
  const withComparison = compared.length > 0;
  const resultsTable: TableModel = {
    caption: t(lang, 'indexResultsCaption'),
    columns: [
      { text: t(lang, 'indexColumnEdition') },
      { text: t(lang, 'indexColumnClassified'), num: true },
      { text: t(lang, 'indexColumnUnclassified'), num: true },
      ...(withComparison
        ? [
            { text: t(lang, 'indexColumnCompared'), num: true },
            { text: t(lang, 'indexColumnEqual'), num: true },
            { text: t(lang, 'indexColumnAgreement') },
          ]
        : []),
    ],
    rows: r.editions.map((e) => {
      const cell = (text: string, label: string, num = true): TableCell => ({ parts: [{ text }], num, label });
      const c = e.comparison;
      return {
        head: [{ text: String(e.year) }],
        cells: [
          cell(n(e.classified.length), t(lang, 'indexColumnClassified')),
          cell(n(e.unclassified.length), t(lang, 'indexColumnUnclassified')),
          ...(withComparison
            ? [
                cell(c ? n(c.compared) : '–', t(lang, 'indexColumnCompared')),
                cell(c ? n(c.equal) : '–', t(lang, 'indexColumnEqual')),
                cell(c ? agreementText(e, lang) : t(lang, 'indexNoComparison'), t(lang, 'indexColumnAgreement'), false),
              ]
            : []),
        ],
      };
    }),
  };
  const universe = r.editions.map((e) => {
    const c = e.comparison;
    const year = String(e.year);
    if (!c) return t(lang, 'indexUniverseOnly', { year, units: countOf(e.classified.length) });
    if (c.computedOnly.length === 0 && c.publishedOnly.length === 0)
      return t(lang, 'indexUniverseSame', {
        year,
        units: countOf(e.classified.length),
        indicator: indLabel(c.indicator),
      });
    return t(lang, 'indexUniverseDiffers', {
      year,
      units: countOf(e.classified.length),
      computedOnly: n(c.computedOnly.length),
      publishedOnly: n(c.publishedOnly.length),
    });
  });

  // ---- distribution
  const distribution: TableModel = {
    caption: t(lang, 'indexDistributionCaption'),
    columns: [{ text: t(lang, 'indexColumnClass') }, ...r.editions.map((e) => ({ text: String(e.year), num: true }))],
    rows: r.classes.map((c, k) => ({
      head: [{ text: className(k) }],
      cells: r.editions.map((e) => {
        const computed = n(e.classCounts[k] ?? 0);
        const published = e.comparison ? (e.comparison.publishedCounts[c.code.replace(/\s+/g, '')] ?? 0) : undefined;
        return {
          parts: [
            {
              text:
                published === undefined
                  ? computed
                  : t(lang, 'indexDistributionCell', { computed, published: n(published) }),
            },
          ],
          num: true,
          label: String(e.year),
        };
      }),
    })),
  };

  // ---- disagreements
  const disagreements = withComparison
    ? {
        heading: t(lang, 'indexSectionDisagreements'),
        intro: t(lang, 'indexDisagreementsIntro', { indicator: compareIds.map(indLabel).join(', ') }),
        editions: compared.map((e) => disagreementBlock(e, r, lang, { n, countOf, unitLink, className })),
      }
    : undefined;

  // ---- unclassified
  const statusWord = (s: UnclassifiedUnit['lacking'][number]['status']) =>
    s === 'absent' || s === 'value'
      ? t(lang, 'indexAbsent')
      : t(lang, s === 'zero' ? 'status_zero' : (`status_${s}` as const));
  const unclassified = {
    heading: t(lang, 'indexSectionUnclassified'),
    intro: t(lang, 'indexUnclassifiedIntro'),
    editions: r.editions.map((e) => ({
      summary:
        e.unclassified.length === 0
          ? t(lang, 'indexNoneUnclassified', { year: String(e.year) })
          : t(lang, 'indexUnclassifiedSummary', { year: String(e.year), units: countOf(e.unclassified.length) }),
      items: e.unclassified.map((u) => ({
        unit: unitLink(u.unit),
        reason: u.lacking
          .map((l) => t(lang, 'indexLacking', { indicator: indLabel(l.indicator), status: statusWord(l.status) }))
          .join('; '),
      })),
    })),
  };

  const src = r.source ? ctx.sources.get(r.source) : undefined;
  const related = r.pair ? [] : ctx.results.filter((x) => x.pair?.includes(ix.id)).map((x) => indexLink(x.index.id));
  return {
    lang,
    id: ix.id,
    path: indexMethodPath(ix.id),
    title: localized(ix.label, lang),
    lede: localized(ix.description, lang),
    breadcrumb: [
      { text: pick(ctx.cityName, lang), href: `${p}/` },
      { text: t(lang, 'indexMethods'), href: `${p}${INDEX_OVERVIEW_PATH}` },
      localized(ix.label, lang),
    ],
    summary,
    method: { heading: t(lang, 'indexSectionMethod'), steps },
    components: r.pair ? { heading: t(lang, 'indexSectionComponents'), links: r.pair.map(indexLink) } : undefined,
    inputs,
    classes: { heading: t(lang, 'indexSectionClasses'), tables: classTables, rule, nearest },
    results: { heading: t(lang, 'indexSectionResults'), table: resultsTable, universe },
    distribution: { heading: t(lang, 'indexSectionDistribution'), table: distribution },
    disagreements,
    unclassified,
    outputs: {
      heading: t(lang, 'indexSectionOutputs'),
      text: t(lang, 'indexOutputsText'),
      links: [r.outputs.value, r.outputs.class].flatMap((id) => (id ? [indLink(id)] : [])),
    },
    source: src
      ? {
          heading: t(lang, 'indexSectionSource'),
          text: t(lang, 'indexSourceText', { source: pick(src.title, lang), attribution: src.attribution }),
        }
      : undefined,
    related,
  };
}

/** "434 von 434 (100 %)". */
function agreementText(e: IndexEditionResult, lang: Lang): string {
  const c = e.comparison;
  if (!c) return t(lang, 'indexNoComparison');
  return t(lang, 'indexAgreement', {
    equal: formatNumber(c.equal, 0, lang),
    compared: formatNumber(c.compared, 0, lang),
    share: formatShare(c.equal, c.compared, lang),
  });
}

function inputsTable(r: IndexResult, lang: Lang, indLink: (id: string) => TextPart): TableModel {
  const cols = [
    t(lang, 'indexColumnInputs'),
    t(lang, 'indexColumnCombine'),
    t(lang, 'indexColumnRestandardise'),
    t(lang, 'indexColumnThresholds'),
  ];
  return {
    caption: t(lang, 'indexInputsCaption'),
    columns: [{ text: t(lang, 'indexColumnEdition') }, ...cols.map((text) => ({ text }))],
    rows: r.editions.flatMap((e) => {
      const m = e.method;
      if (!m) return [];
      const inputParts = m.inputs.flatMap((i, k) => {
        const extra = [
          ...(m.combine === 'weightedMean' ? [t(lang, 'indexWeight', { w: formatNumber(i.weight, 2, lang) })] : []),
          ...(i.invert ? [t(lang, 'indexInverted')] : []),
        ];
        return [
          ...(k > 0 ? [{ text: ', ' }] : []),
          indLink(i.indicator),
          ...(extra.length > 0 ? [{ text: ` (${extra.join(', ')})` }] : []),
        ];
      });
      const d = thresholdDecimals(m.thresholds);
      return [
        {
          head: [{ text: String(e.year) }],
          cells: [
            { parts: inputParts, label: cols[0] as string },
            {
              parts: [{ text: t(lang, m.combine === 'weightedMean' ? 'indexCombineWeighted' : 'indexCombineMean') }],
              label: cols[1] as string,
            },
            { parts: [{ text: t(lang, m.restandardise ? 'indexYes' : 'indexNo') }], label: cols[2] as string },
            { parts: [{ text: m.thresholds.map((x) => signed(x, d, lang)).join('; ') }], label: cols[3] as string },
          ],
        },
      ];
    }),
  };
}

/** The classes with their range as a formula and in words, for one set of thresholds and rules. */
function classTable(r: IndexResult, m: ResolvedEdition, years: number[], lang: Lang): TableModel {
  const d = thresholdDecimals(m.thresholds);
  const f = (x: number) => signed(x, d, lang);
  const last = m.thresholds.length;
  const cols = [t(lang, 'indexColumnCode'), t(lang, 'indexColumnRange'), t(lang, 'indexColumnRangeWords')];
  return {
    caption: t(lang, 'indexClassesCaption', { years: years.join(', ') }),
    columns: [{ text: t(lang, 'indexColumnClass') }, ...cols.map((text) => ({ text }))],
    rows: r.classes.map((c, k) => {
      const lo = k > 0 ? (m.thresholds[k - 1] as number) : undefined;
      const hi = k < last ? (m.thresholds[k] as number) : undefined;
      const loIncl = k > 0 && m.rules[k - 1] === 'above';
      const hiIncl = k < last && m.rules[k] === 'below';
      const formula =
        hi === undefined && lo !== undefined
          ? `z ${loIncl ? '≥' : '>'} ${f(lo)}`
          : [
              lo === undefined ? '' : `${f(lo)} ${loIncl ? '≤' : '<'} `,
              'z',
              hi === undefined ? '' : ` ${hiIncl ? '≤' : '<'} ${f(hi)}`,
            ].join('');
      const words =
        lo === undefined && hi !== undefined
          ? t(lang, hiIncl ? 'indexRangeUpTo' : 'indexRangeBelow', { hi: f(hi) })
          : hi === undefined && lo !== undefined
            ? t(lang, loIncl ? 'indexRangeFrom' : 'indexRangeAbove', { lo: f(lo) })
            : lo !== undefined && hi !== undefined
              ? t(lang, 'indexRangeBetween', { lo: f(lo), loIncl, hi: f(hi), hiIncl })
              : '';
      return {
        head: [localized(c.label, lang)],
        cells: [
          { parts: [{ text: c.code }], label: cols[0] as string },
          { parts: [{ text: formula }], label: cols[1] as string },
          { parts: [{ text: words }], label: cols[2] as string },
        ],
      };
    }),
  };
}

function pairClassTable(r: IndexResult, lang: Lang): TableModel {
  const col = t(lang, 'indexColumnCode');
  return {
    caption: t(lang, 'indexPairClassesCaption'),
    columns: [{ text: t(lang, 'indexColumnClass') }, { text: col }],
    rows: r.classes.map((c) => ({
      head: [localized(c.label, lang)],
      cells: [{ parts: [{ text: c.code }], label: col }],
    })),
  };
}

function disagreementBlock(
  e: IndexEditionResult,
  r: IndexResult,
  lang: Lang,
  f: {
    n: (x: number) => string;
    countOf: (x: number) => string;
    unitLink: (id: string) => TextPart;
    className: (cls: number) => string;
  },
): { text?: string | undefined; table?: TableModel | undefined; extra: string[] } {
  const c = e.comparison;
  if (!c) return { extra: [] };
  const year = String(e.year);
  const byCode = new Map(r.classes.map((k, i) => [k.code.replace(/\s+/g, ''), i]));
  const label = (code: string) => {
    const i = byCode.get(code.replace(/\s+/g, ''));
    return i === undefined ? code : f.className(i);
  };
  const zOf = new Map(e.classified.map((x) => [x.unit, x.z]));
  const extra = [
    ...(c.computedOnly.length > 0
      ? [t(lang, 'indexComputedOnly', { year, list: c.computedOnly.map((x) => f.unitLink(x.unit).text).join(', ') })]
      : []),
    ...(c.publishedOnly.length > 0
      ? [t(lang, 'indexPublishedOnly', { year, list: c.publishedOnly.map((x) => f.unitLink(x.unit).text).join(', ') })]
      : []),
  ];
  if (c.disagreements.length === 0)
    return { text: t(lang, 'indexNoDisagreement', { year, units: f.countOf(c.compared) }), extra };
  const cols = [t(lang, 'indexColumnZ'), t(lang, 'indexColumnComputed'), t(lang, 'indexColumnPublished')];
  return {
    table: {
      caption: t(lang, 'indexDisagreementsCaption', { year, n: f.n(c.disagreements.length) }),
      columns: [
        { text: t(lang, 'indexColumnUnit') },
        { text: cols[0] as string, num: true },
        { text: cols[1] as string },
        { text: cols[2] as string },
      ],
      rows: c.disagreements.map((d) => {
        const z = zOf.get(d.unit);
        return {
          head: [f.unitLink(d.unit)],
          cells: [
            { parts: [{ text: z === undefined ? '–' : signed(z, 3, lang) }], num: true, label: cols[0] as string },
            { parts: [{ text: label(d.computed) }], label: cols[1] as string },
            { parts: [{ text: label(d.published) }], label: cols[2] as string },
          ],
        };
      }),
    },
    extra,
  };
}

/** The overview of all indices: label (link), level, editions and the agreement per edition. */
export function buildIndexOverview(ctx: IndexPageContext, lang: Lang): IndexOverviewPage {
  const p = langPrefix(lang);
  const cols = [t(lang, 'indexColumnLevel'), t(lang, 'indexColumnEditions'), t(lang, 'indexColumnAgreement')];
  return {
    lang,
    ids: ctx.results.map((r) => r.index.id),
    path: INDEX_OVERVIEW_PATH,
    title: t(lang, 'indexMethods'),
    lede: t(lang, 'indexMethodsLede'),
    breadcrumb: [{ text: pick(ctx.cityName, lang), href: `${p}/` }, { text: t(lang, 'indexMethods') }],
    table: {
      caption: t(lang, 'indexMethods'),
      columns: [{ text: t(lang, 'indexColumnIndex') }, ...cols.map((text) => ({ text }))],
      rows: ctx.results.map((r) => {
        const agreements = r.editions.filter((e) => e.comparison).map((e) => `${e.year}: ${agreementText(e, lang)}`);
        return {
          head: [{ ...localized(r.index.label, lang), href: `${p}${indexMethodPath(r.index.id)}` }],
          cells: [
            { parts: [{ text: pick(ctx.levels.get(r.level)?.labelPlural, lang) }], label: cols[0] as string },
            { parts: [{ text: r.editions.map((e) => e.year).join(', ') }], label: cols[1] as string },
            {
              parts: [{ text: agreements.length > 0 ? agreements.join('; ') : t(lang, 'indexNoComparison') }],
              label: cols[2] as string,
            },
          ],
        };
      }),
    },
  };
}
