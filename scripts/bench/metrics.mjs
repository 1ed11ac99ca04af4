// The one shape every bench section returns, so the table and the budget check need no knowledge
// of how a figure was measured. A new section (e.g. the dashboard) only returns more of these.

/**
 * @typedef {object} Metric
 * @property {string} id        stable key, the one bench-budgets.json names
 * @property {string} label     what the table prints
 * @property {number|null} value the figure budgets compare (a median for repeated runs); null = not measured
 * @property {string} unit      'KB' | 'ms' | '×' | 'count' | 'ops/s'
 * @property {{ min: number, max: number } | null} [spread] min/max over the runs
 * @property {string} [note]    printed instead of the value when there is none, or next to it
 */

/** @returns {Metric} */
export function metric(id, label, value, unit, extra = {}) {
  return { id, label, value: value ?? null, unit, spread: null, ...extra };
}

/** A metric from a `summarize()` result: the median is the value, min/max the spread. */
export function summaryMetric(id, label, summary, unit, extra = {}) {
  return metric(id, label, summary?.median ?? null, unit, { spread: summary ? { min: summary.min, max: summary.max } : null, ...extra });
}

/** A row printed as a section title. */
export function heading(label) {
  return { heading: label };
}

const DECIMALS = { KB: 2, ms: 0, '×': 2, count: 0, 'ops/s': 0 };

/** 1234.5 'ms' → "1 235" (space-grouped thousands, fixed decimals per unit). */
export function formatNumber(value, unit) {
  const [whole, fraction] = Number(value).toFixed(DECIMALS[unit] ?? 2).split('.');
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ' ');
  return fraction ? `${grouped}.${fraction}` : grouped;
}

/** 1234.5 'ms' → "1 235 ms"; null → "—". */
export function formatValue(value, unit) {
  if (value === null || value === undefined) return '—';
  const number = formatNumber(value, unit);
  return unit === 'count' ? number : unit === '×' ? `${number}×` : `${number} ${unit}`;
}
