import { Anchor, Button } from '@zendeskgarden/react-buttons';
import { Field, Textarea } from '@zendeskgarden/react-forms';
import { Skeleton } from '@zendeskgarden/react-loaders';
import { MD, SM } from '@zendeskgarden/react-typography';
import { useCallback, useEffect, useState } from 'react';
import { useApp } from '../../app/app-context';
import type { Apontamento } from '../../procedure/apontamento-types';
import { billingRequest, billingRequestMailto } from '../../procedure/unit-billing';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { useUnitBillingI18n } from './i18n';
import { useAction } from '../../ui/useAction';
import type { SidebarData } from '../../zendesk/sidebar-snapshot';
import type { StoredUnitApproval } from '../../zendesk/unit-approvals';
import { applyRepasse, insertComment } from './actions';

const isRepasse = (r: Apontamento) => !r.billable && r.notAcceptedReason === 'REPASSE';

/**
 * Once the Unit approved: the ticket's Apontamentos turn non-billable (REPASSE) and the billing
 * request for the "Consultoria Protheus" lead is prepared — to copy, to e-mail, or as an internal note.
 */
export function BillingSection({ data, subdomain, record }: { data: SidebarData; subdomain: string; record: StoredUnitApproval }) {
  const { t, locale } = useUnitBillingI18n();
  const { zendesk, settings } = useApp();
  const ticketId = data.ticket.id;
  const [records, setRecords] = useState<Apontamento[] | null>(null);
  const [copied, setCopied] = useState<'copied' | 'copy_failed' | null>(null);
  const [noted, setNoted] = useState(false);

  const apply = useAction(useCallback(async () => setRecords(await applyRepasse(zendesk, ticketId)), [zendesk, ticketId]));
  // Runs once the approval is on record (idempotent: only records still billable are written).
  const { run } = apply;
  useEffect(() => run(), [run, record.commentId]);

  const ticketUrl = `https://${subdomain}.zendesk.com/agent/tickets/${ticketId}`;
  const minutes = (records ?? []).reduce((sum, r) => sum + r.minutes, 0);
  const request = billingRequest({ ticketId, ticketUrl, minutesLogged: minutes, approvalCommentUrl: `${ticketUrl}#comment-${record.commentId ?? ''}`, approval: record.approval, locale });
  const leadEmail = settings.consultoria_protheus_lead_email;

  const note = useAction(
    useCallback(async () => {
      await insertComment(zendesk, request.body, 'internalNote');
      setNoted(true);
    }, [zendesk, request.body]),
  );

  const copy = () => {
    const clipboard = typeof navigator !== 'undefined' ? navigator.clipboard : undefined;
    if (!clipboard) return setCopied('copy_failed');
    clipboard.writeText(request.body).then(
      () => setCopied('copied'),
      () => setCopied('copy_failed'),
    );
  };

  return (
    <section data-testid="unit-billing" style={{ marginTop: 12 }}>
      <MD isBold tag="h4" style={{ margin: 0 }}>
        {t('unit.billing.title')}
      </MD>
      {records === null && !apply.error ? <Skeleton height="96px" aria-hidden /> : null}
      {apply.error ? <ErrorNotice error={apply.error} onRetry={apply.retry} /> : null}
      {records !== null ? (
        <>
          <SM data-testid="unit-repasse-count">{t('unit.billing.repasse_done', { count: records.filter(isRepasse).length })}</SM>
          {records.some((r) => r.billable) ? (
            <SM style={{ color: '#cc3340' }}>
              {t('unit.billing.repasse_pending', { count: records.filter((r) => r.billable).length })}{' '}
              <Button size="small" isLink onClick={() => apply.run()} data-testid="unit-apply-repasse">
                {t('unit.billing.apply_repasse')}
              </Button>
            </SM>
          ) : null}
          <Field style={{ marginTop: 8 }}>
            <Field.Label>{t('unit.billing.text_label')}</Field.Label>
            <Textarea isCompact readOnly minRows={6} maxRows={14} value={request.body} onFocus={(e) => e.target.select()} data-testid="unit-billing-text" />
          </Field>
          <div style={{ display: 'flex', flexWrap: 'wrap', gap: 8, marginTop: 8, alignItems: 'center' }}>
            <Button size="small" onClick={copy} data-testid="unit-copy">
              {t('unit.billing.copy')}
            </Button>
            <Button size="small" aria-disabled={note.running || undefined} onClick={() => note.run()} data-testid="unit-note">
              {t('unit.billing.note')}
            </Button>
            {leadEmail ? (
              <Anchor href={billingRequestMailto({ to: leadEmail, subject: request.subject, body: request.body })} target="_blank" rel="noopener noreferrer" data-testid="unit-mailto">
                {t('unit.billing.mailto')}
              </Anchor>
            ) : (
              <SM style={{ color: '#68737d' }} data-testid="unit-no-lead-email">
                {t('unit.billing.no_lead_email')}
              </SM>
            )}
          </div>
          {copied ? (
            <SM role="status" data-testid={`unit-${copied}`}>
              {t(`unit.billing.${copied}`)}
            </SM>
          ) : null}
          {noted ? <SM role="status" data-testid="unit-noted">{t('unit.billing.noted')}</SM> : null}
          {note.error ? <ErrorNotice error={note.error} onRetry={note.retry} /> : null}
        </>
      ) : null}
    </section>
  );
}
