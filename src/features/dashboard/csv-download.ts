import type { DashboardRow } from '../../procedure/dashboard/rows';
import { cellText, COLUMNS, FLAGS, flagOf, toCsv, type CellText } from '../../procedure/dashboard/table';
import { deadlineWords } from './cell-text';
import type { DashboardT } from './i18n';

/** The rows as shown (filters and order applied), plus the deadline words, minutes as numbers. */
export function dashboardCsv(rows: readonly DashboardRow[], text: CellText, t: DashboardT): string {
  const headers = [
    ...COLUMNS.map((c) => t(`columns.${c}`)),
    t('csv.availability_state'),
    t('csv.start_state'),
    t('csv.logged_min'),
    t('csv.billable_min'),
    t('csv.month_logged_min'),
    t('csv.month_billable_min'),
    t('csv.closing_min'),
    ...FLAGS.map((f) => t(`filters.flags.${f}`)),
  ];
  const lines = rows.map((row) => [
    ...COLUMNS.map((c) => cellText(row, c, text)),
    deadlineWords(row.availability, t).text,
    deadlineWords(row.start, t).text,
    row.loggedMinutes,
    row.billableMinutes,
    row.monthLoggedMinutes,
    row.monthBillableMinutes,
    row.closingMinutes,
    ...FLAGS.map((f) => (flagOf(row, f) ? t('csv.yes') : t('csv.no'))),
  ]);
  return toCsv(headers, lines);
}

/** Hands the CSV to the browser as a file download (a Blob URL: no server, nothing leaves the frame). */
export function downloadCsv(csv: string, fileName: string): void {
  const url = URL.createObjectURL(new Blob([csv], { type: 'text/csv;charset=utf-8' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.rel = 'noopener';
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
