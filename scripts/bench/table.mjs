// The ONE table `npm run bench` prints: every figure, its spread, its budget and the verdict.
import { formatNumber, formatValue } from './metrics.mjs';

const VERDICT_TEXT = { ok: 'ok', over: 'OVER BUDGET', unmeasured: 'NOT MEASURED', 'wrong unit': 'BUDGET UNIT ≠ METRIC UNIT' };
/** A longer note (a breakdown by request kind…) goes on its own line, so it cannot widen the value column. */
const INLINE_NOTE = 24;

function budgetText(budget) {
  if (!budget) return '';
  const sign = 'max' in budget ? '≤' : '≥';
  const gate = `${sign} ${formatValue('max' in budget ? budget.max : budget.min, budget.unit)}`;
  return 'goal' in budget ? `${gate} (goal ${sign} ${formatValue(budget.goal, budget.unit)})` : gate;
}

function verdictText(verdict) {
  if (!verdict) return '';
  const text = VERDICT_TEXT[verdict.status];
  return verdict.goalMet === false ? `${text}, GOAL MISSED` : text;
}

/**
 * @param {Array<import('./metrics.mjs').Metric | { heading: string }>} rows
 * @param {Map<string, import('./budgets.mjs').Verdict>} verdicts
 * @returns {string}
 */
export function renderTable(rows, verdicts) {
  const header = ['metric', 'median / value', 'min – max', 'budget', 'result'];
  const lines = rows.map((row) => {
    if ('heading' in row) return { heading: row.heading };
    const verdict = verdicts.get(row.id);
    const longNote = row.note && row.note.length > INLINE_NOTE ? row.note : null;
    const note = longNote ? null : row.note;
    const value = row.value === null ? (note ?? (longNote ? 'see below' : '—')) : formatValue(row.value, row.unit) + (note ? ` (${note})` : '');
    const spread = row.spread ? `${formatNumber(row.spread.min, row.unit)} – ${formatValue(row.spread.max, row.unit)}` : '';
    return { cells: [row.label, value, spread, budgetText(verdict?.budget), verdictText(verdict)], longNote };
  });
  const widths = header.map((h, i) => Math.max(h.length, ...lines.filter((l) => l.cells).map((l) => l.cells[i].length)));
  const total = widths.reduce((sum, w) => sum + w, 0) + 3 * (widths.length - 1);
  const format = (cells) => cells.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]) : cell.padStart(widths[i]))).join(' │ ').trimEnd();
  const out = [format(header), '─'.repeat(total)];
  for (const line of lines) {
    out.push(line.heading ? `── ${line.heading} ${'─'.repeat(Math.max(0, total - line.heading.length - 4))}` : format(line.cells));
    if (line.longNote) out.push(`    ↳ ${line.longNote}`);
  }
  return out.join('\n');
}
