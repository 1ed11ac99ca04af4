import { Button } from '@zendeskgarden/react-buttons';
import { Field, Input, Select } from '@zendeskgarden/react-forms';
import { SM } from '@zendeskgarden/react-typography';
import { useMemo } from 'react';
import type { DashboardRow } from '../../procedure/dashboard/rows';
import { CURRENT_STEPS } from '../../procedure/dashboard/summary';
import { COLUMNS, FLAGS, type CellText, type DashboardQuery } from '../../procedure/dashboard/table';
import { useDashboardT } from './i18n';

interface Props {
  query: DashboardQuery;
  onChange: (change: Partial<DashboardQuery>) => void;
  onClear: () => void;
  rows: readonly DashboardRow[];
  text: CellText;
  shown: number;
}

const ALL = '';

/** Scope, free text (in one column or all), module, analyst, step and situation. */
export function FiltersBar({ query, onChange, onClear, rows, text, shown }: Props) {
  const { t } = useDashboardT();
  const modules = useMemo(() => [...new Set(rows.map((r) => r.module))].map((m) => ({ value: m, label: text.module(m) })).sort((a, b) => a.label.localeCompare(b.label, 'pt-BR')), [rows, text]);
  const assignees = useMemo(() => [...new Set(rows.map((r) => r.assigneeId))].map((id) => ({ id, label: text.user(id) })).sort((a, b) => a.label.localeCompare(b.label, 'pt-BR')), [rows, text]);

  return (
    <section aria-label={t('filters.label')} style={{ display: 'flex', gap: 12, flexWrap: 'wrap', alignItems: 'flex-end' }} data-testid="dashboard-filters">
      <Field>
        <Field.Label>{t('filters.scope')}</Field.Label>
        <Select value={query.scope} onChange={(e) => onChange({ scope: e.target.value === 'all' ? 'all' : 'open' })} data-testid="filter-scope">
          <option value="open">{t('filters.scope_open')}</option>
          <option value="all">{t('filters.scope_all')}</option>
        </Select>
      </Field>
      <Field>
        <Field.Label>{t('filters.text')}</Field.Label>
        <Input value={query.text} maxLength={200} onChange={(e) => onChange({ text: e.target.value })} data-testid="filter-text" type="search" />
      </Field>
      <Field>
        <Field.Label>{t('filters.column')}</Field.Label>
        <Select value={query.textColumn} onChange={(e) => onChange({ textColumn: COLUMNS.find((c) => c === e.target.value) ?? 'any' })} data-testid="filter-column">
          <option value="any">{t('filters.any_column')}</option>
          {COLUMNS.map((c) => (
            <option key={c} value={c}>
              {t(`columns.${c}`)}
            </option>
          ))}
        </Select>
      </Field>
      <Field>
        <Field.Label>{t('filters.module')}</Field.Label>
        <Select value={query.module ?? ALL} onChange={(e) => onChange({ module: e.target.value === ALL ? null : e.target.value })} data-testid="filter-module">
          <option value={ALL}>{t('filters.all')}</option>
          {modules.map((m) => (m.value === null ? null : (
            <option key={m.value} value={m.value}>
              {m.label}
            </option>
          )))}
        </Select>
      </Field>
      <Field>
        <Field.Label>{t('filters.assignee')}</Field.Label>
        <Select value={query.assignee === null ? ALL : String(query.assignee)} onChange={(e) => onChange({ assignee: e.target.value === ALL ? null : Number(e.target.value) })} data-testid="filter-assignee">
          <option value={ALL}>{t('filters.all')}</option>
          {assignees.map((a) => (a.id === null ? null : (
            <option key={a.id} value={String(a.id)}>
              {a.label}
            </option>
          )))}
        </Select>
      </Field>
      <Field>
        <Field.Label>{t('filters.step')}</Field.Label>
        <Select value={query.step ?? ALL} onChange={(e) => onChange({ step: CURRENT_STEPS.find((s) => s === e.target.value) ?? null })} data-testid="filter-step">
          <option value={ALL}>{t('filters.all')}</option>
          {CURRENT_STEPS.map((s) => (
            <option key={s} value={s}>
              {t(`steps.${s}`)}
            </option>
          ))}
        </Select>
      </Field>
      <Field>
        <Field.Label>{t('filters.flag')}</Field.Label>
        <Select value={query.flag ?? ALL} onChange={(e) => onChange({ flag: FLAGS.find((f) => f === e.target.value) ?? null })} data-testid="filter-flag">
          <option value={ALL}>{t('filters.all')}</option>
          {FLAGS.map((f) => (
            <option key={f} value={f}>
              {t(`filters.flags.${f}`)}
            </option>
          ))}
        </Select>
      </Field>
      <Button size="small" isBasic onClick={onClear} data-testid="filter-clear">
        {t('filters.clear')}
      </Button>
      <SM role="status" data-testid="dashboard-count" data-shown={shown} data-total={rows.length}>
        {t('filters.showing', { shown, total: rows.length })}
      </SM>
    </section>
  );
}
