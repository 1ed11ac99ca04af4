import { Button } from '@zendeskgarden/react-buttons';
import { Field, Select } from '@zendeskgarden/react-forms';
import { MD, SM } from '@zendeskgarden/react-typography';
import { useState } from 'react';
import styled from 'styled-components';
import { formatDuration } from '../../procedure/apontamento-form';
import { NOT_ACCEPTED_REASONS, type Apontamento, type NotAcceptedReason } from '../../procedure/apontamento-types';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { useTimeLogI18n } from './i18n';
import { ChunkLoadError, ZendeskError } from '../../zendesk/errors';
import type { PendingItem } from '../../zendesk/outbox';
import type { UserName } from '../../zendesk/users';

const List = styled.ul`
  list-style: none;
  margin: 4px 0 0;
  padding: 0;
`;
const Item = styled.li`
  border-top: 1px solid #e9ebed;
  padding: 6px 0;
`;

export interface RecordsListProps {
  records: Apontamento[];
  pending: PendingItem<Apontamento>[];
  names: Map<number, UserName>;
  userId: number;
  isLead: boolean;
  onEdit: (record: Apontamento) => void;
  onDelete: (record: Apontamento) => void;
  onTurnNotAccepted: (record: Apontamento, reason: NotAcceptedReason) => void;
  onRetry: (key: string) => void;
  onDiscard: (key: string) => void;
  /** Records in Zendesk whose copy to the Apontamento app is not delivered yet. */
  mirrorPending: PendingItem<Apontamento>[];
  onRetryMirror: (key: string) => void;
  onDiscardMirror: (key: string) => void;
}

/** The ticket's sessions: pending ones first (with their error and a way out), then the stored ones. */
export function RecordsList(props: RecordsListProps) {
  const { t } = useTimeLogI18n();
  const { records, pending, mirrorPending } = props;
  const mirrorOf = new Map(mirrorPending.map((m) => [m.key, m]));
  // A copy whose record the list does not show (yet: Zendesk's search lags) is shown on its own.
  const shown = new Set([...records.map((r) => r.key), ...pending.map((p) => p.key)]);
  const orphanCopies = mirrorPending.filter((m) => !shown.has(m.key));
  return (
    <section aria-label={t('timelog.list.title')} data-testid="timelog-records">
      <MD isBold tag="h3" style={{ margin: '8px 0 0' }}>
        {t('timelog.list.title')}
      </MD>
      {records.length === 0 && pending.length === 0 && orphanCopies.length === 0 ? <SM>{t('timelog.list.empty')}</SM> : null}
      <List>
        {pending.map((p) => (
          <Item key={`pending-${p.key}`} data-testid="timelog-pending" data-key={p.key}>
            <RecordLine record={p.item} names={props.names} />
            <SM style={{ color: '#ad5918' }}>{t('timelog.list.pending')}</SM>
            {p.lastError ? <ErrorNotice error={failureError(p.lastError)} /> : null}
            <Button size="small" onClick={() => props.onRetry(p.key)} data-testid="pending-retry" style={{ marginInlineEnd: 8 }}>
              {t('timelog.list.retry')}
            </Button>
            <Button size="small" isBasic isDanger onClick={() => props.onDiscard(p.key)} data-testid="pending-discard">
              {t('timelog.list.discard')}
            </Button>
          </Item>
        ))}
        {records.map((record) => {
          const copy = mirrorOf.get(record.key);
          return (
            <Item key={record.key} data-testid="timelog-record" data-key={record.key}>
              <RecordLine record={record} names={props.names} />
              {copy ? <MirrorState copy={copy} onRetry={props.onRetryMirror} onDiscard={props.onDiscardMirror} /> : null}
              <RecordActions {...props} record={record} />
            </Item>
          );
        })}
        {orphanCopies.map((copy) => (
          <Item key={`mirror-${copy.key}`} data-testid="timelog-record" data-key={copy.key}>
            <RecordLine record={copy.item} names={props.names} />
            <MirrorState copy={copy} onRetry={props.onRetryMirror} onDiscard={props.onDiscardMirror} />
          </Item>
        ))}
      </List>
    </section>
  );
}

/**
 * The record is in Zendesk; only its copy to the Apontamento app is missing. Said apart from
 * "Pendente de envio", with its own retry that sends the copy alone.
 */
function MirrorState({ copy, onRetry, onDiscard }: { copy: PendingItem<Apontamento>; onRetry: (key: string) => void; onDiscard: (key: string) => void }) {
  const { t } = useTimeLogI18n();
  const failed = copy.lastError !== null && !copy.sending;
  return (
    <div data-testid="record-mirror" data-state={failed ? 'failed' : 'sending'} style={{ marginTop: 4 }}>
      <SM style={{ color: '#ad5918' }}>{t(failed ? 'timelog.list.mirror_pending' : 'timelog.list.mirror_sending')}</SM>
      {failed && copy.lastError ? <ErrorNotice error={failureError(copy.lastError)} /> : null}
      {failed ? (
        <>
          <Button size="small" onClick={() => onRetry(copy.key)} data-testid="mirror-retry" style={{ marginInlineEnd: 8 }}>
            {t('timelog.list.mirror_retry')}
          </Button>
          <Button size="small" isBasic isDanger onClick={() => onDiscard(copy.key)} data-testid="mirror-discard">
            {t('timelog.list.mirror_discard')}
          </Button>
        </>
      ) : null}
    </div>
  );
}

/** The outbox keeps failures as data; ErrorNotice translates them by kind like any other error. */
function failureError(failure: NonNullable<PendingItem<Apontamento>['lastError']>): unknown {
  const { kind } = failure;
  if (kind === 'app_load') return new ChunkLoadError(failure.message);
  // A bug of ours (older versions stored it as 'unknown'): its stored text is the reference.
  if (kind === 'internal' || kind === 'unknown') return failure.message;
  return new ZendeskError(kind, failure.message, { ...(failure.status !== null ? { status: failure.status } : {}), ...(failure.detail !== null ? { detail: failure.detail } : {}) });
}

function RecordLine({ record, names }: { record: Apontamento; names: Map<number, UserName> }) {
  const { t, locale } = useTimeLogI18n();
  const when = new Intl.DateTimeFormat(locale === 'en' ? 'en-US' : 'pt-BR', { dateStyle: 'short', timeStyle: 'short' }).format(record.start);
  const who = names.get(record.analystId)?.name || t('timelog.list.unknown_user', { id: record.analystId });
  const acceptance = record.accepted ? t('timelog.list.accepted') : t('timelog.list.not_accepted', { reason: record.notAcceptedReason ?? '' });
  return (
    <>
      <SM isBold>{`${who} · ${when} · ${formatDuration(record.minutes)} · ${t(`timelog.channel.${record.channel}`)}`}</SM>
      <SM data-testid="record-billing">{`${t(record.billable ? 'timelog.list.billable' : 'timelog.list.not_billable')} · ${acceptance}${record.invoicedAt !== null ? ` · ${t('timelog.list.invoiced')}` : ''}`}</SM>
      {/* Typed by people: rendered as React text, never as HTML. */}
      <SM style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }} data-testid="record-description">
        {record.description}
      </SM>
      {record.outcome ? (
        <SM style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere', color: '#68737d' }}>{record.outcome}</SM>
      ) : null}
    </>
  );
}

function RecordActions({ record, userId, isLead, onEdit, onDelete, onTurnNotAccepted }: RecordsListProps & { record: Apontamento }) {
  const { t } = useTimeLogI18n();
  const [turning, setTurning] = useState(false);
  const [reason, setReason] = useState<NotAcceptedReason>('OUTROS');
  if (record.invoicedAt !== null) return null;
  const own = record.analystId === userId;
  // A lead refuses billable records; a non-billable one has its own "no" (Unit pays, waiver).
  const canTurn = isLead && record.billable && record.accepted;
  if (!own && !canTurn) return null;
  return (
    <div style={{ marginTop: 4 }}>
      {own ? (
        <>
          <Button size="small" isBasic onClick={() => onEdit(record)} data-testid="record-edit">
            {t('timelog.list.edit')}
          </Button>
          <Button size="small" isBasic isDanger onClick={() => onDelete(record)} data-testid="record-delete">
            {t('timelog.list.delete')}
          </Button>
        </>
      ) : null}
      {canTurn && !turning ? (
        <Button size="small" isBasic onClick={() => setTurning(true)} data-testid="record-turn">
          {t('timelog.list.turn')}
        </Button>
      ) : null}
      {canTurn && turning ? (
        <div style={{ display: 'flex', gap: 8, alignItems: 'flex-end' }}>
          <Field>
            <Field.Label>{t('timelog.list.reason')}</Field.Label>
            <Select isCompact value={reason} onChange={(e) => setReason(e.target.value as NotAcceptedReason)} data-testid="turn-reason">
              {NOT_ACCEPTED_REASONS.map((r) => (
                <option key={r} value={r}>
                  {r}
                </option>
              ))}
            </Select>
          </Field>
          <Button
            size="small"
            isPrimary
            onClick={() => {
              setTurning(false);
              onTurnNotAccepted(record, reason);
            }}
            data-testid="turn-confirm"
          >
            {t('timelog.list.confirm_turn')}
          </Button>
        </div>
      ) : null}
    </div>
  );
}
