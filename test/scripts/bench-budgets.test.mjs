import { describe, expect, it } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { checkBudgets, loadBudgets } from '../../scripts/bench/budgets.mjs';
import { renderTable } from '../../scripts/bench/table.mjs';

const file = (budgets) => {
  const path = join(mkdtempSync(join(tmpdir(), 'budgets-')), 'b.json');
  writeFileSync(path, JSON.stringify({ budgets }));
  return path;
};

describe('bench budgets: the gate fails the run, the goal is reported', () => {
  const budgets = { size: { max: 104, goal: 100, unit: 'KB', why: '' }, speed: { min: 10, goal: 20, unit: 'ops/s', why: '' } };

  it('a figure between goal and gate passes and says the goal is missed', () => {
    const { verdicts, failed } = checkBudgets([{ id: 'size', value: 102, unit: 'KB' }, { id: 'speed', value: 15, unit: 'ops/s' }], loadBudgets(file(budgets)));
    expect(failed).toEqual([]);
    expect(verdicts.get('size')).toMatchObject({ status: 'ok', goalMet: false });
    expect(verdicts.get('speed')).toMatchObject({ status: 'ok', goalMet: false });
    const table = renderTable([{ id: 'size', label: 'first load', value: 102, unit: 'KB', spread: null }], verdicts);
    expect(table).toContain('≤ 104.00 KB (goal ≤ 100.00 KB)');
    expect(table).toContain('ok, GOAL MISSED');
  });

  it('within the goal, nothing is missed; beyond the gate, the run fails', () => {
    const loaded = loadBudgets(file(budgets));
    expect(checkBudgets([{ id: 'size', value: 99, unit: 'KB' }, { id: 'speed', value: 25, unit: 'ops/s' }], loaded).verdicts.get('size')?.goalMet).toBe(true);
    expect(checkBudgets([{ id: 'size', value: 105, unit: 'KB' }, { id: 'speed', value: 25, unit: 'ops/s' }], loaded).failed).toEqual(['size']);
  });

  it('refuses a goal looser than its gate', () => {
    expect(() => loadBudgets(file({ size: { max: 100, goal: 104, unit: 'KB', why: '' } }))).toThrow(/goal looser/);
  });
});
