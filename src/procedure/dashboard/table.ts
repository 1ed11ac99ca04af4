import * as v from 'valibot';
import { STEP_ORDER } from '../steps';
import { hasUnknownDeadlines, type CurrentStep, type DashboardRow } from './rows';

export const COLUMNS = ['id', 'subject', 'requester', 'module', 'assignee', 'status', 'step', 'data_controle', 'aceite', 'availability', 'start', 'logged', 'billable'] as const;
export type ColumnId = (typeof COLUMNS)[number];

export const FLAGS = ['overdue', 'due_soon', 'waiting_aceite', 'waiting_unit', 'paused', 'no_index'] as const;
export type Flag = (typeof FLAGS)[number];

/** What the lead chose to see; kept in local storage, so a reload shows the same list. */
export interface DashboardQuery {
  /** 'open': tickets not yet solved, plus solved/closed ones the next closing invoices; 'all': every status. */
  scope: 'open' | 'all';
  text: string;
  /** Where `text` is looked for: one column, or all of them. */
  textColumn: ColumnId | 'any';
  module: string | null;
  assignee: number | null;
  step: CurrentStep | null;
  flag: Flag | null;
  sort: ColumnId;
  descending: boolean;
}

export const DEFAULT_QUERY: DashboardQuery = { scope: 'open', text: '', textColumn: 'any', module: null, assignee: null, step: null, flag: null, sort: 'availability', descending: false };

const currentSteps = [...STEP_ORDER, 'done'] as const;
const querySchema = v.object({
  scope: v.fallback(v.picklist(['open', 'all']), DEFAULT_QUERY.scope),
  text: v.fallback(v.pipe(v.string(), v.maxLength(200)), ''),
  textColumn: v.fallback(v.picklist([...COLUMNS, 'any']), 'any'),
  module: v.fallback(v.nullable(v.string()), null),
  assignee: v.fallback(v.nullable(v.pipe(v.number(), v.finite())), null),
  step: v.fallback(v.nullable(v.picklist(currentSteps)), null),
  flag: v.fallback(v.nullable(v.picklist(FLAGS)), null),
  sort: v.fallback(v.picklist(COLUMNS), DEFAULT_QUERY.sort),
  descending: v.fallback(v.boolean(), false),
});

/** A stored query; anything unreadable falls back to the default, field by field. */
export function readQuery(stored: unknown): DashboardQuery {
  const parsed = v.safeParse(querySchema, stored && typeof stored === 'object' ? stored : {});
  return parsed.success ? parsed.output : { ...DEFAULT_QUERY };
}

/** How the UI names things (users, modules, steps, statuses) — the sort and the text filter use the same words the lead sees. */
export interface CellText {
  user(id: number | null): string;
  module(value: string | null): string;
  status(status: string): string;
  step(step: CurrentStep): string;
  instant(ms: number | null): string;
  minutes(minutes: number): string;
}

type SortKey = string | number;

/** A paused deadline's key: no date while the clock is stopped, so after every dated one in both directions. */
export const PAUSED_KEY = Number.POSITIVE_INFINITY;

/** The value a column sorts by: numbers for times and hours, words otherwise; null for an empty cell. */
export function sortKey(row: DashboardRow, column: ColumnId, text: CellText): SortKey | null {
  const deadline = (d: DashboardRow['availability']) => (d === null ? null : d.metAt !== null ? d.metAt : d.paused ? PAUSED_KEY : d.due);
  // An unknown requester or unassigned ticket is an empty cell, not a word "" that sorts first.
  const word = (value: string | null) => (value === null || value.trim() === '' ? null : value);
  switch (column) {
    case 'id':
      return row.id;
    case 'subject':
      return word(row.subject);
    case 'requester':
      return word(row.requesterName);
    case 'module':
      return row.module === null ? null : word(text.module(row.module));
    case 'assignee':
      return row.assigneeId === null ? null : word(text.user(row.assigneeId));
    case 'status':
      return word(text.status(row.status));
    case 'step':
      return currentSteps.indexOf(row.currentStep);
    case 'data_controle':
      return word(row.dataControle);
    case 'aceite':
      return row.aceiteAt;
    case 'availability':
      return deadline(row.availability);
    case 'start':
      return deadline(row.start);
    case 'logged':
      return row.loggedMinutes;
    case 'billable':
      return row.billableMinutes;
  }
}

/** What the lead reads in a cell, for the text filter and the CSV. */
export function cellText(row: DashboardRow, column: ColumnId, text: CellText): string {
  switch (column) {
    case 'id':
      return String(row.id);
    case 'subject':
      return row.subject;
    case 'requester':
      return row.requesterName ?? '';
    case 'module':
      return text.module(row.module);
    case 'assignee':
      return text.user(row.assigneeId);
    case 'status':
      return text.status(row.status);
    case 'step':
      return text.step(row.currentStep);
    case 'data_controle':
      return row.dataControle ?? '';
    case 'aceite':
      return text.instant(row.aceiteAt);
    case 'availability':
      return text.instant(row.availability ? (row.availability.metAt ?? row.availability.due) : null);
    case 'start':
      return text.instant(row.start ? (row.start.metAt ?? row.start.due) : null);
    case 'logged':
      return text.minutes(row.loggedMinutes);
    case 'billable':
      return text.minutes(row.billableMinutes);
  }
}

const FLAG_TEST: Record<Flag, (row: DashboardRow) => boolean> = {
  overdue: (r) => r.overdue,
  due_soon: (r) => r.dueNextPeriodo,
  waiting_aceite: (r) => r.waitingAceite,
  waiting_unit: (r) => r.waitingUnitApproval,
  paused: (r) => r.paused,
  no_index: hasUnknownDeadlines,
};

/** Whether a row has one of the situations the filter and the summary count. */
export const flagOf = (row: DashboardRow, flag: Flag): boolean => FLAG_TEST[flag](row);

const fold = (s: string) => s.normalize('NFD').replace(/\p{Diacritic}/gu, '').toLowerCase();

/**
 * The rows the query selects, sorted; ties by ticket id so the order never flickers. Empty cells
 * sort last and paused deadlines just before them, whatever the direction.
 */
export function applyQuery(rows: readonly DashboardRow[], query: DashboardQuery, text: CellText): DashboardRow[] {
  const needle = fold(query.text.trim());
  const columns = query.textColumn === 'any' ? COLUMNS : [query.textColumn];
  const selected = rows.filter(
    (row) =>
      (query.module === null || row.module === query.module) &&
      (query.assignee === null || row.assigneeId === query.assignee) &&
      (query.step === null || row.currentStep === query.step) &&
      (query.flag === null || FLAG_TEST[query.flag](row)) &&
      (needle === '' || columns.some((c) => fold(cellText(row, c, text)).includes(needle))),
  );
  const keyed = selected.map((row) => ({ row, key: sortKey(row, query.sort, text) }));
  const direction = query.descending ? -1 : 1;
  const tier = (key: SortKey | null) => (key === null ? 2 : key === PAUSED_KEY ? 1 : 0);
  keyed.sort((a, b) => {
    const tiers = tier(a.key) - tier(b.key);
    if (tiers !== 0 || tier(a.key) !== 0) return tiers !== 0 ? tiers : a.row.id - b.row.id;
    const order = typeof a.key === 'number' && typeof b.key === 'number' ? a.key - b.key : String(a.key).localeCompare(String(b.key), 'pt-BR');
    return order !== 0 ? order * direction : a.row.id - b.row.id;
  });
  return keyed.map((k) => k.row);
}

/**
 * CSV that spreadsheet programs open right: UTF-8 with a BOM (accents), CRLF, every cell quoted,
 * and cells starting with = + - @ prefixed with ' so a subject is never run as a formula.
 */
export function toCsv(headers: readonly string[], lines: readonly (readonly (string | number)[])[]): string {
  const cell = (value: string | number) => {
    const text = String(value);
    const safe = /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
    return `"${safe.replace(/"/g, '""')}"`;
  };
  return `\uFEFF${[headers, ...lines].map((line) => line.map(cell).join(';')).join('\r\n')}\r\n`;
}
