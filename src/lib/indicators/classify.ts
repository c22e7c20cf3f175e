/**
 * Class breaks for choropleth maps. Quantile classes put about equally many units in each class,
 * which reads well for skewed social data; breaks are rounded to the indicator's decimals and
 * deduplicated, so there may be fewer classes than asked for.
 * @returns ascending inner breaks (k − 1 numbers for k classes)
 */
export function quantileBreaks(values: readonly number[], k: number, decimals: number): number[] {
  const v = values
    .filter(Number.isFinite)
    .slice()
    .sort((a, b) => a - b);
  if (v.length === 0 || k < 2) return [];
  const f = 10 ** decimals;
  const breaks: number[] = [];
  for (let i = 1; i < k; i++) {
    const q = quantileSorted(v, i / k);
    const r = Math.round(q * f) / f;
    if (breaks.length === 0 || r > (breaks[breaks.length - 1] as number)) breaks.push(r);
  }
  // A break equal to the minimum would leave the first class empty.
  return breaks.filter((b) => b > (v[0] as number));
}

/** Index of the class of `value` given ascending breaks: values below breaks[0] → 0; equal to a break → upper class. */
export function classOf(value: number, breaks: readonly number[]): number {
  let i = 0;
  while (i < breaks.length && value >= (breaks[i] as number)) i++;
  return i;
}

/** Linear-interpolated quantile (R-7, as d3.quantileSorted). */
function quantileSorted(v: readonly number[], p: number): number {
  const h = (v.length - 1) * p;
  const lo = Math.floor(h);
  const a = v[lo] as number;
  const b = v[Math.min(lo + 1, v.length - 1)] as number;
  return a + (b - a) * (h - lo);
}
