import { Anchor, Button } from '@zendeskgarden/react-buttons';
import { Table } from '@zendeskgarden/react-tables';
import { Tag } from '@zendeskgarden/react-tags';
import { SM } from '@zendeskgarden/react-typography';
import { useState, type MouseEvent } from 'react';
import { useApp } from '../../app/app-context';
import { hasUnknownDeadlines, type DashboardRow } from '../../procedure/dashboard/rows';
import { cellText, type CellText, type ColumnId, type DashboardQuery } from '../../procedure/dashboard/table';
import { deadlineWords, stepLabel } from './cell-text';
import { useDashboardT } from './i18n';

const PAGE = 100;
const HEADERS: ColumnId[] = ['id', 'subject', 'requester', 'module', 'assignee', 'status', 'step', 'data_controle', 'aceite', 'availability', 'start', 'logged', 'billable'];
const TONE = { late: '#cc3340', soon: '#ad5918', ok: '#186146', neutral: 'inherit' } as const;

interface Props {
  rows: readonly DashboardRow[];
  query: DashboardQuery;
  onSort: (column: ColumnId, descending: boolean) => void;
  text: CellText;
  subdomain: string | null;
}

/** The tickets, 100 at a time (5 000 rows in the DOM would make every filter keystroke slow). */
export function TicketsTable({ rows, query, onSort, text, subdomain }: Props) {
  const { t } = useDashboardT();
  const { zendesk } = useApp();
  // Back to the first 100 whenever the filters or the sort change.
  const [paging, setPaging] = useState({ query, limit: PAGE });
  const limit = paging.query === query ? paging.limit : PAGE;
  const visible = rows.slice(0, limit);

  const open = (event: MouseEvent, id: number) => {
    // A plain click opens the ticket in the agent workspace; ctrl/cmd-click keeps the link's new tab.
    if (event.ctrlKey || event.metaKey || event.shiftKey) return;
    event.preventDefault();
    zendesk.invoke('routeTo', 'ticket', id).catch(() => window.open(ticketUrl(subdomain, id), '_blank', 'noopener'));
  };

  return (
    <div style={{ overflowX: 'auto' }}>
      <Table size="small" data-testid="dashboard-list" aria-rowcount={rows.length + 1}>
        <Table.Caption style={{ textAlign: 'left' }}>{t('table.caption')}</Table.Caption>
        <Table.Head isSticky>
          <Table.HeaderRow>
            {HEADERS.map((column) => {
              const active = query.sort === column;
              return (
                <Table.SortableCell
                  key={column}
                  sort={active ? (query.descending ? 'desc' : 'asc') : undefined}
                  onClick={() => onSort(column, active ? !query.descending : false)}
                  title={t('table.sort_by', { column: t(`columns.${column}`) })}
                  data-testid={`sort-${column}`}
                  cellProps={{ 'aria-sort': active ? (query.descending ? 'descending' : 'ascending') : 'none' }}
                >
                  {t(`columns.${column}`)}
                </Table.SortableCell>
              );
            })}
          </Table.HeaderRow>
        </Table.Head>
        <Table.Body>
          {visible.map((row) => {
            const availability = deadlineWords(row.availability, t);
            const start = deadlineWords(row.start, t);
            return (
              <Table.Row key={row.id} data-testid="dashboard-row" data-ticket-id={row.id} data-step={row.currentStep} data-overdue={row.overdue} data-index={row.indexState} data-status={row.status}>
                <Table.Cell isMinimum>{row.id}</Table.Cell>
                <Table.Cell style={{ minWidth: 260 }}>
                  <Anchor href={ticketUrl(subdomain, row.id)} target="_blank" rel="noopener noreferrer" onClick={(e: MouseEvent) => open(e, row.id)} data-testid="ticket-link">
                    {row.subject}
                  </Anchor>
                </Table.Cell>
                <Table.Cell>{cellText(row, 'requester', text)}</Table.Cell>
                <Table.Cell>{cellText(row, 'module', text)}</Table.Cell>
                <Table.Cell>{cellText(row, 'assignee', text)}</Table.Cell>
                <Table.Cell>{cellText(row, 'status', text)}</Table.Cell>
                <Table.Cell data-testid="cell-step">
                  {stepLabel(row, t)}
                  {row.waitingUnitApproval ? (
                    <Tag size="small" hue="yellow" style={{ marginLeft: 4 }}>
                      {t('table.unit_pending')}
                    </Tag>
                  ) : null}
                </Table.Cell>
                <Table.Cell>{row.dataControle ? row.dataControle.split('-').reverse().join('/') : '—'}</Table.Cell>
                <Table.Cell>{cellText(row, 'aceite', text) || '—'}</Table.Cell>
                <Table.Cell data-testid="cell-availability" data-due={isoOrEmpty(row.availability?.due)}>
                  <DeadlineCell row={row} words={availability} which="availability" text={text} />
                </Table.Cell>
                <Table.Cell data-testid="cell-start" data-due={isoOrEmpty(row.start?.due)}>
                  <DeadlineCell row={row} words={start} which="start" text={text} />
                </Table.Cell>
                <Table.Cell data-testid="cell-logged">{cellText(row, 'logged', text)}</Table.Cell>
                <Table.Cell data-testid="cell-billable">{cellText(row, 'billable', text)}</Table.Cell>
              </Table.Row>
            );
          })}
        </Table.Body>
      </Table>
      {rows.length === 0 ? <SM data-testid="dashboard-empty">{t('table.empty')}</SM> : null}
      {rows.length > limit ? (
        <Button size="small" onClick={() => setPaging({ query, limit: limit + PAGE })} style={{ marginTop: 8 }} data-testid="dashboard-more">
          {t('table.more', { count: Math.min(PAGE, rows.length - limit) })}
        </Button>
      ) : null}
    </div>
  );
}

function DeadlineCell({ row, words, which, text }: { row: DashboardRow; words: ReturnType<typeof deadlineWords>; which: 'availability' | 'start'; text: CellText }) {
  const { t } = useDashboardT();
  if (hasUnknownDeadlines(row)) {
    return <SM title={t(`index_state.${row.indexState}`)}>{t('deadline.unknown')}</SM>;
  }
  const when = cellText(row, which, text);
  return (
    <span style={{ color: TONE[words.tone] }}>
      {when ? `${when} · ` : ''}
      {words.text}
    </span>
  );
}

/** The same attribute the sidebar's deadline line carries, so tests can compare the two. */
const isoOrEmpty = (ms: number | undefined) => (ms !== undefined && Number.isFinite(ms) ? new Date(ms).toISOString() : '');

function ticketUrl(subdomain: string | null, id: number): string {
  return subdomain ? `https://${subdomain}.zendesk.com/agent/tickets/${id}` : `#ticket-${id}`;
}
