import { Button } from '@zendeskgarden/react-buttons';
import { SM, XXL } from '@zendeskgarden/react-typography';
import type { CurrentStep } from '../../procedure/dashboard/rows';
import { CURRENT_STEPS, type DashboardSummary } from '../../procedure/dashboard/summary';
import type { Flag } from '../../procedure/dashboard/table';
import { formatHours } from './cell-text';
import { useDashboardT, type DashboardKey } from './i18n';

interface Props {
  summary: DashboardSummary;
  closingDate: string | null;
  locale: string;
  onFlag: (flag: Flag) => void;
  onStep: (step: CurrentStep) => void;
}

/** The figures at the top. Each count is a button that filters the list to the tickets it counts. */
export function SummaryPanel({ summary, closingDate, locale, onFlag, onStep }: Props) {
  const { t } = useDashboardT();
  const counts: Array<[DashboardKey, number, Flag | null, string]> = [
    ['summary.tickets', summary.tickets, null, 'tickets'],
    ['summary.overdue', summary.overdue, 'overdue', 'overdue'],
    ['summary.due_soon', summary.dueNextPeriodo, 'due_soon', 'due-soon'],
    ['summary.waiting_aceite', summary.waitingAceite, 'waiting_aceite', 'waiting-aceite'],
    ['summary.waiting_unit', summary.waitingUnitApproval, 'waiting_unit', 'waiting-unit'],
    ['summary.paused', summary.paused, 'paused', 'paused'],
  ];
  if (summary.withoutIndex > 0) counts.push(['summary.without_index', summary.withoutIndex, 'no_index', 'without-index']);
  const money = (cents: number) => new Intl.NumberFormat(locale === 'en' ? 'en-US' : 'pt-BR', { style: 'currency', currency: 'BRL' }).format(cents / 100);
  const closingDay = closingDate ? closingDate.split('-').reverse().join('/') : '—';

  return (
    <section aria-label={t('summary.label')} data-testid="dashboard-summary" style={{ display: 'grid', gap: 12 }}>
      <div style={{ display: 'flex', gap: 12, flexWrap: 'wrap' }}>
        {counts.map(([label, value, flag, id]) => (
          <Figure key={id} label={t(label)} value={String(value)} testId={`summary-${id}`} onClick={flag ? () => onFlag(flag) : undefined} />
        ))}
        <Figure label={t('summary.month_logged')} value={formatHours(summary.monthLoggedMinutes)} testId="summary-month-logged" />
        <Figure label={t('summary.month_billable')} value={formatHours(summary.monthBillableMinutes)} testId="summary-month-billable" />
        <Figure
          label={t('summary.closing', { date: closingDay })}
          value={t('summary.closing_value', { hours: formatHours(summary.closingMinutes), tickets: summary.closingTickets })}
          detail={summary.closingAmountCents !== null ? t('summary.closing_amount', { amount: money(summary.closingAmountCents) }) : undefined}
          testId="summary-closing"
        />
      </div>
      <div aria-label={t('summary.per_step')} role="group" style={{ display: 'flex', gap: 6, flexWrap: 'wrap', alignItems: 'center' }} data-testid="summary-per-step">
        <SM isBold>{t('summary.per_step')}:</SM>
        {CURRENT_STEPS.filter((s) => summary.perStep[s] > 0).map((step) => (
          <Button key={step} size="small" isBasic onClick={() => onStep(step)} data-testid={`summary-step-${step}`} data-count={summary.perStep[step]}>
            {t(`steps.${step}`)}: {summary.perStep[step]}
          </Button>
        ))}
      </div>
    </section>
  );
}

function Figure({ label, value, detail, testId, onClick }: { label: string; value: string; detail?: string; testId: string; onClick?: () => void }) {
  const body = (
    <>
      <SM>{label}</SM>
      <XXL isBold data-testid={`${testId}-value`}>
        {value}
      </XXL>
      {detail ? <SM>{detail}</SM> : null}
    </>
  );
  const style = { minWidth: 150, padding: '8px 12px', border: '1px solid #d8dcde', borderRadius: 4, textAlign: 'left' as const, display: 'grid', gap: 2 };
  return onClick ? (
    <Button isBasic onClick={onClick} data-testid={testId} style={{ ...style, height: 'auto', color: 'inherit', fontWeight: 'normal' }}>
      <span style={{ display: 'grid', gap: 2 }}>{body}</span>
    </Button>
  ) : (
    <div data-testid={testId} style={style}>
      {body}
    </div>
  );
}
