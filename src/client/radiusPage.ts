/**
 * The radius query in the browser (`/einrichtungen/umkreis/`), bundled by Astro as an external module (CSP
 * `script-src 'self'`). Loads the point list (the search index and the file beside it), lets the user choose a
 * centre (facility, area, map click or coordinates) and a radius, keeps both in the url (`?lat=…&lon=…&r=…`), lists the hits with DOM APIs (textContent,
 * never innerHTML with data) and offers them as CSV and GeoJSON downloads (Blob urls).
 */
import { fetchJson } from './fetchJson.ts';
import { writeCsv } from '../lib/csv/writeCsv.ts';
import { symbolOf } from '../lib/charts/facilitySymbols.ts';
import { invertMercator, metresToUnits, projectMercator, type MercatorParams } from '../lib/charts/mercator.ts';
import {
  joinFacilityPoints,
  type FacilityPoint,
  type FacilityPointsExtra,
  type FacilityPointsFile,
} from '../lib/facilities/facilityPoints.ts';
import type { SearchIndexFile } from '../lib/facilities/searchRecord.ts';
import {
  RADIUS_CSV_FIELDS,
  radiusCsvRows,
  radiusFileName,
  radiusGeoJson,
  type RadiusExportContext,
} from '../lib/facilities/radiusExport.ts';
import {
  formatRadiusSearch,
  isValidQuery,
  parseDecimal,
  parseRadiusSearch,
  queryRadius,
  type RadiusHit,
  type RadiusQuery,
} from '../lib/facilities/radiusQuery.ts';
import { formatDate, formatNumber, type Lang } from '../lib/format.ts';
import { crisisContactCells } from '../lib/pages/crisisContact.ts';
import { t, type MessageKey } from '../lib/i18n.ts';

const SVG = 'http://www.w3.org/2000/svg';

function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  className?: string,
  text?: string,
): HTMLElementTagNameMap[K] {
  const e = document.createElement(tag);
  if (className) e.className = className;
  if (text !== undefined) e.textContent = text;
  return e;
}

function svgEl(tag: string, attrs: Record<string, string | number>): SVGElement {
  const e = document.createElementNS(SVG, tag);
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, String(v));
  return e;
}

/**
 * The point list: the search index joined with the file beside it (facilityPoints.ts). Should a cache hand over the
 * two from different builds, both are fetched once more past the browser's cache; throws when they still differ.
 */
async function loadPoints(indexUrl: string, pointsUrl: string): Promise<FacilityPointsFile> {
  for (const cache of ['default', 'reload'] as const) {
    const [index, extra] = await Promise.all([
      fetchJson<SearchIndexFile>(indexUrl, { cache }),
      fetchJson<FacilityPointsExtra>(pointsUrl, { cache }),
    ]);
    const joined = joinFacilityPoints(index, extra);
    if (joined) return joined;
  }
  throw new Error(`${indexUrl} und ${pointsUrl} gehören nicht zusammen`);
}

async function start(root: HTMLElement): Promise<void> {
  const ds = root.dataset;
  const lang: Lang = ds['lang'] === 'en' ? 'en' : 'de';
  const prefix = ds['prefix'] ?? '';
  const params: MercatorParams = { k: Number(ds['k']), tx: Number(ds['tx']), ty: Number(ds['ty']) };
  const q$ = <T extends Element>(sel: string) => root.querySelector<T>(sel);
  const form = q$<HTMLFormElement>('[data-radius-form]');
  const figure = q$<HTMLElement>('[data-radius-figure]');
  const svg = q$<SVGSVGElement>('[data-radius-map]');
  const overlay = q$<SVGGElement>('[data-radius-overlay]');
  const results = q$<HTMLElement>('[data-radius-results]');
  const status = q$<HTMLElement>('[data-radius-status]');
  const list = q$<HTMLOListElement>('[data-radius-list]');
  const csvLink = q$<HTMLAnchorElement>('[data-radius-csv]');
  const geoLink = q$<HTMLAnchorElement>('[data-radius-geojson]');
  const printHead = q$<HTMLElement>('[data-radius-print-head]');
  const resetButton = q$<HTMLButtonElement>('[data-radius-reset]');
  const lat = q$<HTMLInputElement>('#rq-lat');
  const lon = q$<HTMLInputElement>('#rq-lon');
  const radius = q$<HTMLInputElement>('#rq-r');
  const facility = q$<HTMLInputElement>('#rq-facility');
  const datalist = q$<HTMLDataListElement>('#rq-facility-list');
  const area = q$<HTMLSelectElement>('#rq-area');
  if (
    !form ||
    !figure ||
    !svg ||
    !overlay ||
    !results ||
    !status ||
    !list ||
    !csvLink ||
    !geoLink ||
    !printHead ||
    !lat ||
    !lon ||
    !radius ||
    !facility ||
    !datalist ||
    !area
  )
    return;
  q$<HTMLElement>('[data-radius-nojs]')?.setAttribute('hidden', '');
  form.hidden = false;
  figure.hidden = false;
  const fullViewBox = svg.getAttribute('data-viewbox') ?? '';
  const num = (x: number, d = 0) => formatNumber(x, d, lang);

  status.textContent = t(lang, 'radiusLoading');
  let data: FacilityPointsFile;
  try {
    data = await loadPoints(ds['index'] ?? '', ds['points'] ?? '');
  } catch {
    results.hidden = false;
    status.textContent = t(lang, 'radiusLoadFailed');
    status.classList.add('rq-error');
    q$<HTMLElement>('[data-radius-nojs]')?.removeAttribute('hidden');
    return;
  }
  status.textContent = '';
  const typeLabel = (id: string) => {
    const x = data.types.find((v) => v.id === id);
    return x ? x[lang] : id;
  };
  // The datalist holds "Name – address" (names repeat: "Apotheke am Markt"), built here so the page stays small.
  const byLabel = new Map<string, FacilityPoint>();
  const fragment = document.createDocumentFragment();
  for (const pt of data.items) {
    const label = `${pt.name} – ${pt.address}`;
    byLabel.set(label, pt);
    const option = document.createElement('option');
    option.value = label;
    fragment.append(option);
  }
  datalist.append(fragment);

  const radioFor = (r: number) =>
    [...form.querySelectorAll<HTMLInputElement>('input[name="preset"]')].forEach(
      (x) => (x.checked = Number(x.value) === r),
    );
  const fill = (q: RadiusQuery) => {
    lat.value = q.lat.toFixed(6);
    lon.value = q.lon.toFixed(6);
    radius.value = String(q.r);
    radioFor(q.r);
    centreName = q.centre;
    for (const b of typeBoxes) b.checked = q.types?.includes(b.value) ?? false;
  };
  // The centre's name: set when the user picks a facility or an area, cleared when the coordinates change otherwise.
  let centreName: string | undefined;
  const typeBoxes = [...form.querySelectorAll<HTMLInputElement>('[data-radius-type]')];
  const readForm = (): RadiusQuery | undefined => {
    const q = { lat: parseDecimal(lat.value), lon: parseDecimal(lon.value), r: parseDecimal(radius.value) };
    if (q.lat === undefined || q.lon === undefined || q.r === undefined) return undefined;
    const out: RadiusQuery = { lat: q.lat, lon: q.lon, r: Math.round(q.r) };
    const types = typeBoxes.filter((b) => b.checked).map((b) => b.value);
    if (types.length > 0) out.types = types;
    if (centreName) out.centre = centreName;
    return isValidQuery(out) ? out : undefined;
  };
  lat.addEventListener('input', () => (centreName = undefined));
  lon.addEventListener('input', () => (centreName = undefined));
  let urls: string[] = [];
  const offer = (link: HTMLAnchorElement, text: string, type: string, name: string) => {
    const url = URL.createObjectURL(new Blob([text], { type }));
    urls.push(url);
    link.href = url;
    link.download = name;
  };

  const drawMap = (q: RadiusQuery, hits: RadiusHit[]) => {
    overlay.replaceChildren();
    const [cx, cy] = projectMercator([q.lon, q.lat], params);
    const r = metresToUnits(q.r, q.lat, params);
    overlay.append(svgEl('circle', { cx, cy, r, class: 'rq-circle' }));
    const size = Math.max(r * 2.6, 12);
    // Symbols about 10 px wide on a map about 700 px wide, whatever the zoom (the defs are 6.4 units wide).
    const scale = size / 450;
    // Facilities just outside the circle, as small grey dots: what lies beyond the edge.
    const near = svgEl('g', { class: 'rq-near' });
    const inside = new Set(hits.map((h) => h.point.id));
    for (const pt of data.items) {
      if (
        inside.has(pt.id) ||
        Math.abs(pt.lat - q.lat) > (q.r * 1.4) / 111_000 ||
        Math.abs(pt.lon - q.lon) > (q.r * 1.4) / (111_000 * Math.cos((q.lat * Math.PI) / 180))
      )
        continue;
      const [x, y] = projectMercator([pt.lon, pt.lat], params);
      near.append(svgEl('circle', { cx: x, cy: y, r: 2 * scale }));
    }
    overlay.append(near);
    const g = svgEl('g', { class: 'rq-hits' });
    for (const h of [...hits].reverse()) {
      const [x, y] = projectMercator([h.point.lon, h.point.lat], params);
      g.append(svgEl('use', { href: `#rq-v${h.point.v}`, transform: `translate(${x} ${y}) scale(${scale})` }));
    }
    overlay.append(g);
    overlay.append(svgEl('circle', { cx, cy, r: 4 * scale, class: 'rq-centre' }));
    svg.setAttribute('viewBox', `${cx - size / 2} ${cy - size / 2} ${size} ${size}`);
    if (resetButton) resetButton.hidden = false;
  };

  const render = (q: RadiusQuery) => {
    for (const u of urls) URL.revokeObjectURL(u);
    urls = [];
    const hits = queryRadius(data.items, q);
    results.hidden = false;
    status.classList.remove('rq-error');
    const coords = { n: num(hits.length), r: num(q.r), lat: num(q.lat, 5), lon: num(q.lon, 5) };
    const typesOnly = q.types?.length
      ? ` ${t(lang, 'radiusTypesOnly', { types: q.types.map(typeLabel).join(', ') })}`
      : '';
    const summary = `${q.centre ? t(lang, 'radiusNamedSummary', { ...coords, centre: q.centre }) : t(lang, 'radiusSummary', coords)}${typesOnly}`;
    status.textContent = summary;
    printHead.replaceChildren(
      el('strong', undefined, `${t(lang, 'radiusQuery')}: ${summary}`),
      el('br'),
      document.createTextNode(
        `${t(lang, 'dataDate')}: ${formatDate(ds['dataDate'] ?? data.dataDate, lang)} · ${location.href}`,
      ),
    );
    list.replaceChildren(
      ...hits.map((h) => {
        const li = el('li');
        li.dataset['id'] = h.point.id;
        const a = el('a', 'rq-name', h.point.name);
        a.href = `${prefix}/einrichtungen/${encodeURIComponent(h.point.id)}/`;
        const sym = symbolOf(h.point.v);
        const icon = svgEl('svg', { viewBox: '-1.5 -1.5 3 3', 'aria-hidden': 'true', focusable: 'false' });
        icon.append(svgEl('path', { d: sym.d, fill: sym.color, stroke: '#1a1a1a', 'stroke-width': 0.25 }));
        const meta = el('span', 'rq-meta');
        meta.append(
          icon,
          document.createTextNode(
            `${h.point.types.map(typeLabel).join(', ')} · ${t(lang, 'vulnerability')}: ${t(lang, `vulnLevel_${h.point.v}` as MessageKey)} · ${t(lang, 'metres', { n: num(Math.round(h.distance)) })}`,
          ),
        );
        const cells = crisisContactCells(h.point, lang);
        const contact = el('span', 'rq-contact', h.point.address);
        const link = (x: { href: string; text: string } | undefined) => {
          if (!x) return;
          const link = el('a', undefined, x.text);
          link.href = x.href;
          contact.append(document.createTextNode(' · '), link);
        };
        link(cells.phone);
        link(cells.email);
        if (cells.operator) {
          const op = el('span', 'operator-contact', `${cells.operator.label}: `);
          op.dataset['operatorContact'] = '';
          const parts = [cells.operator.phone, cells.operator.email].filter((x) => x !== undefined);
          parts.forEach((x, i) => {
            const a2 = el('a', undefined, x.text);
            a2.href = x.href;
            op.append(...(i > 0 ? [document.createTextNode(' · ')] : []), a2);
          });
          if (parts.length === 0) op.append(document.createTextNode(cells.operator.address ?? ''));
          contact.append(op);
        }
        const facts = el(
          'span',
          'rq-facts',
          `${ds['textPlaces'] ?? ''}: ${cells.places} · ${ds['textProvider'] ?? ''}: ${cells.provider}`,
        );
        li.append(a, meta, contact, facts);
        if (h.point.stale) li.append(el('span', 'stale-tag', t(lang, 'staleShort')));
        return li;
      }),
    );
    const ctx: RadiusExportContext = {
      query: q,
      typeLabel,
      urlOf: (id) => new URL(`${prefix}/einrichtungen/${encodeURIComponent(id)}/`, ds['siteUrl']).href,
      dataDate: ds['dataDate'] ?? data.dataDate,
      licence: data.licence,
    };
    offer(
      csvLink,
      writeCsv(RADIUS_CSV_FIELDS, radiusCsvRows(hits, ctx)),
      'text/csv;charset=utf-8',
      radiusFileName(q, 'csv'),
    );
    offer(geoLink, JSON.stringify(radiusGeoJson(hits, ctx)), 'application/geo+json', radiusFileName(q, 'geojson'));
    drawMap(q, hits);
  };

  const heading = q$<HTMLElement>('#rq-results-h');
  /** After a query the user asked for with the form, the facility or the area field: focus goes to the results. */
  const showResults = () => heading?.focus();
  const submit = (push: boolean) => {
    const q = readForm();
    if (!q) {
      results.hidden = false;
      list.replaceChildren();
      status.textContent = t(lang, 'radiusInvalid');
      status.classList.add('rq-error');
      return;
    }
    const search = formatRadiusSearch(q);
    if (push && location.search !== search) history.pushState(null, '', `${location.pathname}${search}`);
    render(q);
  };

  form.addEventListener('submit', (e) => {
    e.preventDefault();
    submit(true);
    showResults();
  });
  for (const x of form.querySelectorAll<HTMLInputElement>('input[name="preset"]')) {
    x.addEventListener('change', () => {
      radius.value = x.value;
      if (lat.value && lon.value) submit(true);
    });
  }
  radius.addEventListener('input', () => radioFor(Number(radius.value)));
  facility.addEventListener('change', () => {
    const pt = byLabel.get(facility.value);
    if (!pt) return;
    lat.value = pt.lat.toFixed(6);
    lon.value = pt.lon.toFixed(6);
    centreName = facility.value;
    submit(true);
    showResults();
  });
  area.addEventListener('change', () => {
    const [a, b] = area.value.split(',').map(Number);
    if (a === undefined || b === undefined || !Number.isFinite(a) || !Number.isFinite(b)) return;
    lat.value = a.toFixed(6);
    lon.value = b.toFixed(6);
    centreName = area.selectedOptions[0]?.textContent?.trim() || undefined;
    submit(true);
    showResults();
  });
  for (const b of typeBoxes) b.addEventListener('change', () => lat.value && lon.value && submit(true));
  svg.addEventListener('click', (e) => {
    const ctm = svg.getScreenCTM();
    if (!ctm) return;
    const pt = new DOMPoint(e.clientX, e.clientY).matrixTransform(ctm.inverse());
    const [x, y] = invertMercator([pt.x, pt.y], params);
    lon.value = x.toFixed(6);
    lat.value = y.toFixed(6);
    centreName = undefined;
    submit(true);
  });
  resetButton?.addEventListener('click', () => {
    svg.setAttribute('viewBox', fullViewBox);
    resetButton.hidden = true;
  });
  q$<HTMLButtonElement>('[data-radius-print]')?.addEventListener('click', () => window.print());
  const fromUrl = () => {
    const q = parseRadiusSearch(location.search);
    if (q) {
      fill(q);
      render(q);
    }
  };
  window.addEventListener('popstate', fromUrl);
  fromUrl();
}

for (const root of document.querySelectorAll<HTMLElement>('[data-radius]')) void start(root);
