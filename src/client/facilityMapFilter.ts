/**
 * Type filter of the facility maps (`/einrichtungen/karte/…`), bundled by Astro as an external module (CSP
 * `script-src 'self'`). Without it the maps show every type; with it a select appears: on the overview the circles
 * and their numbers are recomputed for the chosen type (area ∝ count, the legend follows), on a zoomed map the other
 * types' symbols are hidden; the areas' accessible names say the count of the chosen type.
 */
import { bubbleFontSize, bubbleRadius, legendCounts, placeBubbleLabels } from '../lib/charts/facilitySymbols.ts';
import { formatNumber, type Lang } from '../lib/format.ts';
import { t } from '../lib/i18n.ts';

const parseCounts = (s: string | null): Record<string, number> =>
  Object.fromEntries(
    (s ?? '')
      .split(' ')
      .filter(Boolean)
      .map((kv) => {
        const [k, v] = kv.split('=');
        return [k ?? '', Number(v)];
      }),
  );

function countOf(el: Element, type: string): number {
  return type === ''
    ? Number(el.getAttribute('data-total') ?? 0)
    : (parseCounts(el.getAttribute('data-counts'))[type] ?? 0);
}

function setUp(root: HTMLElement): void {
  const lang = (root.dataset['lang'] === 'en' ? 'en' : 'de') as Lang;
  const select = root.querySelector<HTMLSelectElement>('#fm-type');
  const filter = root.querySelector<HTMLElement>('.fm-filter');
  if (!select || !filter) return;
  filter.hidden = false;
  const maxRadius = Number(root.dataset['maxRadius'] ?? 0);
  const apply = () => {
    const type = select.value;
    const label = select.selectedOptions[0]?.dataset['label'] ?? '';
    for (const a of root.querySelectorAll('.fm-area')) {
      const name = a.getAttribute('data-name') ?? '';
      const n = formatNumber(countOf(a, type), 0, lang);
      a.setAttribute(
        'aria-label',
        type === ''
          ? t(lang, 'areaFacilities', { name, n })
          : t(lang, 'areaFacilitiesOfType', { name, n, type: label }),
      );
    }
    const bubbles = [...root.querySelectorAll('.fm-bubbles circle')];
    const labels = [...root.querySelectorAll('.fm-labels text')];
    if (bubbles.length > 0) {
      const max = Math.max(1, ...bubbles.map((b) => countOf(b, type)));
      const sized = bubbles.map((b) => {
        const count = countOf(b, type);
        return {
          x: Number(b.getAttribute('cx')),
          y: Number(b.getAttribute('cy')),
          r: bubbleRadius(count, max, maxRadius),
          count,
        };
      });
      const show = placeBubbleLabels(sized, (c) => formatNumber(c, 0, lang));
      sized.forEach((s, i) => {
        bubbles[i]?.setAttribute('r', String(s.r));
        const text = labels[i];
        if (!text) return;
        text.textContent = formatNumber(s.count, 0, lang);
        text.classList.toggle('is-hidden', !show[i]);
        text.setAttribute('font-size', String(bubbleFontSize(s.r)));
      });
      const items = [...root.querySelectorAll('[data-size-legend] li')];
      const counts = legendCounts(max);
      items.forEach((li, i) => {
        const c = counts[i];
        li.classList.toggle('is-hidden', c === undefined);
        if (c === undefined) return;
        const circle = li.querySelector('circle');
        const r = bubbleRadius(c, max, maxRadius);
        circle?.setAttribute('r', String(r));
        circle?.setAttribute('cy', String(2 * maxRadius + 1 - r));
        const span = li.querySelector('span');
        if (span) span.textContent = formatNumber(c, 0, lang);
      });
    }
    for (const u of root.querySelectorAll('.fm-points use')) {
      u.classList.toggle('is-hidden', type !== '' && !(u.getAttribute('data-t') ?? '').split(' ').includes(type));
    }
  };
  select.addEventListener('change', apply);
  if (select.value !== '') apply();
}

for (const root of document.querySelectorAll<HTMLElement>('[data-facility-map]')) setUp(root);
