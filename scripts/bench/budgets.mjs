// bench-budgets.json: THE one place with every budget. Each entry names a metric id and a `max`
// (figures that must stay low: bytes, requests, time ratios) or a `min` (throughput floors): the
// gate CI fails on. An entry may also name a stricter `goal` not reached yet: it is printed with
// its verdict on every run, so a gate set above the goal never hides the gap.
import { readFileSync } from 'node:fs';
import { parseJsonStrict } from '../lib/strict-json.mjs';

/**
 * @typedef {{ max?: number, min?: number, goal?: number, unit: string, why: string }} Budget
 * @typedef {{ status: 'ok' | 'over' | 'unmeasured' | 'wrong unit', budget: Budget, goalMet: boolean | null }} Verdict
 */

/** @returns {Record<string, Budget>} */
export function loadBudgets(path) {
  const parsed = parseJsonStrict(readFileSync(path, 'utf8'));
  if (!parsed.ok) throw new Error(`${path}: ${parsed.error}`);
  if (parsed.duplicateKeys.length > 0) throw new Error(`${path}: duplicate keys ${parsed.duplicateKeys.join(', ')}`);
  const budgets = /** @type {any} */ (parsed.value)?.budgets;
  if (!budgets || typeof budgets !== 'object') throw new Error(`${path}: no "budgets" object`);
  for (const [id, budget] of Object.entries(budgets)) {
    const limits = ['max', 'min'].filter((key) => key in budget);
    if (limits.length !== 1 || !Number.isFinite(budget[limits[0]])) throw new Error(`${path}: budget "${id}" needs exactly one numeric "max" or "min"`);
    if (typeof budget.unit !== 'string') throw new Error(`${path}: budget "${id}" has no "unit"`);
    if ('goal' in budget && !(Number.isFinite(budget.goal) && ('max' in budget ? budget.goal <= budget.max : budget.goal >= budget.min))) throw new Error(`${path}: budget "${id}" has a goal looser than its gate`);
  }
  return budgets;
}

/**
 * Every budget gets a verdict; a budgeted metric that was not measured fails too, so a broken
 * measurement can never pass for a good figure.
 * @param {Array<import('./metrics.mjs').Metric>} metrics
 * @param {Record<string, Budget>} budgets
 * @returns {{ verdicts: Map<string, Verdict>, failed: string[] }}
 */
export function checkBudgets(metrics, budgets) {
  const byId = new Map(metrics.map((m) => [m.id, m]));
  const verdicts = new Map();
  for (const [id, budget] of Object.entries(budgets)) {
    const measured = byId.get(id);
    const value = measured?.value;
    let status;
    // A budget written in other units than the figure would compare apples with pears: fail it.
    if (measured && measured.unit !== budget.unit) status = 'wrong unit';
    else if (value === null || value === undefined || !Number.isFinite(value)) status = 'unmeasured';
    else if ('max' in budget) status = value <= budget.max ? 'ok' : 'over';
    else status = value >= budget.min ? 'ok' : 'over';
    const goalMet = !('goal' in budget) || status === 'unmeasured' || status === 'wrong unit' ? null : 'max' in budget ? value <= budget.goal : value >= budget.goal;
    verdicts.set(id, { status, budget, goalMet });
  }
  const failed = [...verdicts].filter(([, v]) => v.status !== 'ok').map(([id]) => id);
  return { verdicts, failed };
}
