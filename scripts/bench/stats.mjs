// Summaries of repeated measurements. The machine is shared and noisy: the median is the figure
// budgets compare; min and max show how much the runs spread.

/** @param {number[]} values @returns {{ median: number, min: number, max: number, n: number } | null} */
export function summarize(values) {
  const finite = values.filter((v) => Number.isFinite(v)).sort((a, b) => a - b);
  if (finite.length === 0) return null;
  const middle = Math.floor(finite.length / 2);
  const median = finite.length % 2 === 1 ? finite[middle] : (finite[middle - 1] + finite[middle]) / 2;
  return { median, min: finite[0], max: finite[finite.length - 1], n: finite.length };
}

/** a ÷ b of two summaries' medians, or null when either is missing or b is 0. */
export function medianRatio(a, b) {
  if (!a || !b || b.median === 0) return null;
  return a.median / b.median;
}
