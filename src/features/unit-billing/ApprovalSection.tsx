import { Button } from '@zendeskgarden/react-buttons';
import { Field, Input } from '@zendeskgarden/react-forms';
import { Skeleton } from '@zendeskgarden/react-loaders';
import { MD, SM } from '@zendeskgarden/react-typography';
import { useCallback, useEffect, useRef, useState } from 'react';
import styled from 'styled-components';
import { useApp } from '../../app/app-context';
import { approvalCommentMatches } from '../../procedure/unit-billing';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { formatWhen } from '../../ui/format';
import { useUnitBillingI18n } from './i18n';
import { useAction } from '../../ui/useAction';
import type { SidebarData } from '../../zendesk/sidebar-snapshot';
import { loadTicketComments, type TicketComment } from '../../zendesk/ticket-comments';
import type { StoredUnitApproval } from '../../zendesk/unit-approvals';
import { linkApproval, unlinkApproval } from './actions';

/** A comment's words as TEXT (React escapes them), scrolled when long: focusable, so the keyboard can scroll it too. */
const CommentText = styled.div`
  white-space: pre-wrap;
  overflow-wrap: anywhere;
  max-height: 120px;
  overflow-y: auto;
  font-size: 12px;
  background: ${(p) => p.theme.palette.grey?.[100]};
  padding: 4px 6px;
  margin: 4px 0;
`;

function CommentView({ comment }: { comment: TicketComment }) {
  const { t, locale } = useUnitBillingI18n();
  const author = comment.authorName ?? t('unit.approval.unknown_author');
  return (
    <div data-testid="unit-comment" data-comment-id={comment.id}>
      <SM isBold>
        {author} · {formatWhen(comment.createdAt, locale)}
        {comment.public ? '' : ` · ${t('unit.approval.private')}`}
      </SM>
      <CommentText data-testid="unit-comment-text" tabIndex={0} role="region" aria-label={t('unit.approval.comment_text', { name: author })}>
        {comment.body}
      </CommentText>
    </div>
  );
}

/**
 * The formal approval: the responsible person's comments in the ticket, newest first; the agent links
 * one (or any comment by id). Linking records the comment and adds the approval tag in the editor;
 * until the service starts, a link to the wrong comment can be undone.
 */
export function ApprovalSection({ data, record, onLinked }: { data: SidebarData; record: StoredUnitApproval; onLinked: (record: StoredUnitApproval) => void }) {
  const { t, locale } = useUnitBillingI18n();
  const { zendesk, settings } = useApp();
  const ticketId = data.ticket.id;
  const [comments, setComments] = useState<TicketComment[] | null>(null);
  const [loadError, setLoadError] = useState<unknown>(null);
  const [attempt, setAttempt] = useState(0);
  const [byId, setById] = useState('');
  const [notFound, setNotFound] = useState(false);
  // Submitting the ticket adds comments: read them again whenever the snapshot changes.
  const updatedAt = data.ticket.updatedAt;
  useEffect(() => {
    let cancelled = false;
    loadTicketComments(zendesk, ticketId)
      .then((found) => !cancelled && (setComments(found), setLoadError(null)))
      .catch((error: unknown) => !cancelled && setLoadError(error));
    return () => void (cancelled = true);
  }, [zendesk, ticketId, attempt, updatedAt]);

  // Linking replaces the button pressed by the linked comment: the focus follows it there (else it
  // falls to <body>), unless the agent has moved on meanwhile.
  const linkedRef = useRef<HTMLDivElement>(null);
  const sectionRef = useRef<HTMLElement>(null);
  const [focusLinked, setFocusLinked] = useState(false);
  const link = useAction(
    useCallback(
      async (commentId: number) => {
        const tag = settings.tag_unidade_aprovada;
        if (!tag) return;
        onLinked(await linkApproval(zendesk, { ticketId, approval: record.approval, commentId, tag }));
        setFocusLinked(true);
      },
      [settings.tag_unidade_aprovada, zendesk, ticketId, record.approval, onLinked],
    ),
  );
  const unlink = useAction(
    useCallback(async () => {
      const tag = settings.tag_unidade_aprovada;
      if (!tag) return;
      onLinked(await unlinkApproval(zendesk, { ticketId, approval: record.approval, tag }));
    }, [settings.tag_unidade_aprovada, zendesk, ticketId, record.approval, onLinked]),
  );
  useEffect(() => {
    if (!focusLinked || !linkedRef.current) return;
    setFocusLinked(false);
    const active = document.activeElement;
    const lost = active === null || active === document.body || sectionRef.current?.contains(active);
    if (lost && document.hasFocus()) linkedRef.current.focus();
  }, [focusLinked]);

  const linked = record.commentId !== null ? (comments?.find((c) => c.id === record.commentId) ?? null) : null;
  const candidates = (comments ?? []).filter((c) => approvalCommentMatches(c, record.approval, null));
  const tagPending = settings.tag_unidade_aprovada !== null && !data.ticket.tags.includes(settings.tag_unidade_aprovada);
  // Once the service has started on this approval, the link is part of the billing record.
  const started = settings.tag_atendimento !== null && data.ticket.tags.includes(settings.tag_atendimento);

  return (
    <section ref={sectionRef} data-testid="unit-approval-section" style={{ marginTop: 12 }}>
      <MD isBold tag="h4" style={{ margin: 0 }}>
        {t('unit.approval.title')}
      </MD>
      {loadError ? (
        <div data-testid="unit-comments-error">
          <SM>{t('unit.approval.load_error')}</SM>
          <ErrorNotice error={loadError} onRetry={() => setAttempt((n) => n + 1)} />
        </div>
      ) : comments === null ? (
        <Skeleton height="48px" aria-hidden />
      ) : record.commentId !== null ? (
        <div ref={linkedRef} tabIndex={-1} data-testid="unit-linked">
          <SM style={{ color: '#038153' }}>
            {t('unit.approval.linked', { name: linked?.authorName ?? t('unit.approval.unknown_author'), when: linked ? formatWhen(linked.createdAt, locale) : `#${record.commentId}` })}
          </SM>
          {linked ? <CommentView comment={linked} /> : null}
          {tagPending ? <SM>{t('unit.approval.submit_hint')}</SM> : null}
          {started ? null : (
            <Button size="small" isBasic aria-disabled={unlink.running || undefined} onClick={() => unlink.run()} data-testid="unit-unlink" style={{ marginTop: 4 }}>
              {t('unit.approval.unlink')}
            </Button>
          )}
        </div>
      ) : (
        <>
          <SM style={{ color: '#68737d' }}>{t('unit.approval.hint', { email: record.approval.responsible.email })}</SM>
          {candidates.length === 0 ? <SM data-testid="unit-no-candidates">{t('unit.approval.none')}</SM> : null}
          {candidates.map((comment) => (
            <div key={comment.id} data-testid="unit-candidate" style={{ marginTop: 6 }}>
              <CommentView comment={comment} />
              <Button size="small" isPrimary aria-disabled={link.running || undefined} onClick={() => link.run(comment.id)} data-testid="unit-use-comment">
                {t('unit.approval.use')}
              </Button>
            </div>
          ))}
          <Field style={{ marginTop: 8 }}>
            <Field.Label>{t('unit.approval.by_id')}</Field.Label>
            <Input isCompact inputMode="numeric" value={byId} onChange={(e) => (setById(e.target.value), setNotFound(false))} validation={notFound ? 'error' : undefined} data-testid="unit-comment-id" />
            {notFound ? (
              <Field.Message validation="error" data-testid="unit-comment-not-found">
                {t('unit.approval.not_found')}
              </Field.Message>
            ) : null}
          </Field>
          <Button
            size="small"
            aria-disabled={link.running || undefined}
            style={{ marginTop: 4 }}
            data-testid="unit-link-by-id"
            onClick={() => {
              const wanted = Number(byId.trim().replace(/^#/, ''));
              const found = comments.find((c) => c.id === wanted);
              if (!found) return setNotFound(true);
              link.run(found.id);
            }}
          >
            {t('unit.approval.link')}
          </Button>
        </>
      )}
      {link.error ? <ErrorNotice error={link.error} onRetry={link.retry} /> : null}
      {unlink.error ? <ErrorNotice error={unlink.error} onRetry={unlink.retry} /> : null}
    </section>
  );
}
