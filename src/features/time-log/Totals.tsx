import { SM } from '@zendeskgarden/react-typography';
import { formatDuration } from '../../procedure/apontamento-form';
import type { Closing, TicketTotals } from '../../procedure/billing';
import { useTimeLogI18n } from './i18n';

/** Logged, billable and to-be-invoiced time of the ticket, and when the next closing is. */
export function Totals({ totals, minimumMinutes, closing }: { totals: TicketTotals; minimumMinutes: number; closing: Closing | null }) {
  const { t, locale } = useTimeLogI18n();
  const intl = locale === 'en' ? 'en-US' : 'pt-BR';
  const closingDate = closing ? new Intl.DateTimeFormat(intl, { dateStyle: 'short', timeZone: 'UTC' }).format(Date.parse(`${closing.closingDate}T12:00:00Z`)) : null;
  return (
    <div data-testid="timelog-totals" style={{ marginTop: 8 }}>
      <SM data-testid="total-logged">{t('timelog.totals.logged', { time: formatDuration(totals.loggedMinutes) })}</SM>
      <SM data-testid="total-billable">{t('timelog.totals.billable', { time: formatDuration(totals.billableMinutes) })}</SM>
      <SM data-testid="total-billed">{t('timelog.totals.billed', { min: minimumMinutes, time: formatDuration(totals.billedMinutes) })}</SM>
      {totals.amountCents !== null ? (
        <SM>{t('timelog.totals.amount', { amount: new Intl.NumberFormat(intl, { style: 'currency', currency: 'BRL' }).format(totals.amountCents / 100) })}</SM>
      ) : null}
      {closingDate ? <SM data-testid="next-closing">{t('timelog.totals.closing', { date: closingDate })}</SM> : null}
    </div>
  );
}
