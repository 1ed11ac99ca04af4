import { Skeleton } from '@zendeskgarden/react-loaders';
import { MD, SM } from '@zendeskgarden/react-typography';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useApp } from '../../app/app-context';
import { sessionCommentText, validateApontamentoDraft } from '../../procedure/apontamento-form';
import type { Apontamento, NotAcceptedReason } from '../../procedure/apontamento-types';
import { DEFAULT_MINIMUM_MINUTES, roundMinutes, ticketTotals, turnNotAccepted, waiverAllowed } from '../../procedure/billing';
import { profileOf } from '../../procedure/profile';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { pickLocale } from '../../ui/i18n';
import { useTimeLogI18n } from './i18n';
import { useAction } from '../../ui/useAction';
import { deleteApontamento } from '../../zendesk/apontamentos';
import { requireAccountSubdomain } from '../../zendesk/current-user';
import type { SidebarData } from '../../zendesk/sidebar-snapshot';
import { apontamentoOf, draftOfRecord, formOf, newDraft } from './draft';
import { RecordsList } from './RecordsList';
import { insertSessionComment } from './session-comment';
import { SessionForm } from './SessionForm';
import { draftKey, outboxKey, timerKey, type Scope } from './storage';
import { TimerCard } from './TimerCard';
import { newRecordKey, useSessionDraft } from './useSessionDraft';
import { useTimer } from './useTimer';
import { useTimeLogData } from './useTimeLogData';
import { Totals } from './Totals';

/** Where the keyboard goes when an action removes the focused control. */
const TIMER_CONTROL = '[data-testid="timer-controls"] button';
const FORM_FIRST_FIELD = '[data-testid="form-start"]';

/**
 * Start, Stop, Save and the like replace the button that was pressed: without this, the focus falls
 * to <body> and a keyboard user starts over from the top of the frame. `moveFocus(selector)` focuses
 * that element of the section once it is drawn (the form appears a render after Stop), unless the
 * agent has moved on meanwhile: focus elsewhere in the frame, or out of it.
 */
function useFocusAfterAction() {
  const sectionRef = useRef<HTMLElement>(null);
  const pending = useRef<string | null>(null);
  useEffect(() => {
    const selector = pending.current;
    const section = sectionRef.current;
    if (!selector || !section) return;
    const active = document.activeElement;
    const lost = active === null || active === document.body || section.contains(active);
    if (!lost || !document.hasFocus()) {
      pending.current = null;
      return;
    }
    const target = section.querySelector<HTMLElement>(selector);
    if (!target) return; // not drawn yet: the next render tries again
    pending.current = null;
    target.focus();
  });
  const moveFocus = useCallback((selector: string) => {
    pending.current = selector;
  }, []);
  // The agent focused something in the section on their own: the pending move is void.
  const dropPendingFocus = useCallback(() => {
    pending.current = null;
  }, []);
  return { sectionRef, moveFocus, dropPendingFocus };
}


/** The session timer, its form, and the ticket's Apontamentos (DOMAIN.md steps 8–9). */
export default function TimeLogSection({ data }: { data: SidebarData }) {
  const { zendesk } = useApp();
  const [subdomain, setSubdomain] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [attempt, setAttempt] = useState(0);
  useEffect(() => {
    let cancelled = false;
    requireAccountSubdomain(zendesk)
      .then((found) => !cancelled && setSubdomain(found))
      .catch((failure: unknown) => !cancelled && setError(failure));
    return () => {
      cancelled = true;
    };
  }, [zendesk, attempt]);
  if (error) return <ErrorNotice error={error} onRetry={() => (setError(null), setAttempt((n) => n + 1))} />;
  if (subdomain === null) return <Skeleton height="120px" aria-hidden />;
  const scope: Scope = { subdomain, ticketId: data.ticket.id, agentId: data.user.id };
  // Keyed: another ticket or agent in the same frame starts from its own stored state.
  return <TimeLog key={timerKey(scope)} data={data} scope={scope} />;
}

function TimeLog({ data, scope }: { data: SidebarData; scope: Scope }) {
  const { zendesk, settings } = useApp();
  const { t } = useTimeLogI18n();
  const timer = useTimer(zendesk, timerKey(scope));
  const [draft, setDraft] = useSessionDraft(draftKey(scope));
  const log = useTimeLogData(zendesk, settings, scope.ticketId, outboxKey(scope));
  const [savedNotice, setSavedNotice] = useState(false);
  const { ticket, user } = data;
  const { sectionRef, moveFocus, dropPendingFocus } = useFocusAfterAction();

  const profile = profileOf(ticket, settings);
  const unitPays = settings.tag_unidade !== null && ticket.tags.includes(settings.tag_unidade);
  const isLead = user.role === 'admin' || Object.values(settings.module_leads ?? {}).some((lead) => lead.lead_id === user.id);

  // A stopped timer opens the form once, prefilled; the key made here is the record's for good.
  const { state } = timer;
  useEffect(() => {
    if (state.status === 'stopped' && draft === null) {
      setDraft(newDraft(newRecordKey(scope.ticketId), { start: state.startedAt, minutes: roundMinutes(timer.elapsedMs) }));
    }
  }, [state, draft, setDraft, scope.ticketId, timer.elapsedMs]);

  const save = useCallback(async () => {
    if (!draft) return;
    const now = Date.now();
    const checked = validateApontamentoDraft(formOf(draft), now);
    if (!checked.ok) return;
    const record = apontamentoOf(draft, checked.value, { ticketId: scope.ticketId, analystId: scope.agentId, unitPays, waiverAllowed: waiverAllowed(profile.id), now });
    if (!draft.editing) {
      const text = sessionCommentText({
        ...checked.value,
        analystName: user.name,
        locale: pickLocale(ticket.requester?.locale ?? undefined),
        timeZone: log.timeZone,
        profileId: profile.id,
      });
      await insertSessionComment(zendesk, text);
    }
    // Stored before it is sent: from here on the record is the outbox's to deliver.
    log.outbox.enqueue(record).catch(() => undefined);
    if (!log.outbox.pending().some((p) => p.key === record.key)) throw new Error('the outbox refused the record');
    setDraft(null);
    if (!draft.editing) {
      timer.reset();
      setSavedNotice(true);
    }
    // The form is gone: the keyboard goes on from the timer's first control (Start after a new session).
    moveFocus(TIMER_CONTROL);
  }, [draft, log.outbox, log.timeZone, scope, unitPays, profile.id, user.name, ticket.requester, zendesk, setDraft, timer, moveFocus]);
  const saveAction = useAction(save);

  const remove = useCallback(
    async (record: Apontamento) => {
      await deleteApontamento(zendesk, record.key);
      log.forget(record.key);
    },
    [zendesk, log],
  );
  const removeAction = useAction(remove);

  const turn = useCallback(
    (record: Apontamento, reason: NotAcceptedReason) => {
      const result = turnNotAccepted(record, reason, { actorIsLead: isLead, now: Date.now() });
      if (result.ok) void log.outbox.enqueue(result.record);
    },
    [isLead, log.outbox],
  );

  const cancel = useCallback(() => {
    setDraft(null);
    if (state.status === 'stopped') timer.reset();
    moveFocus(TIMER_CONTROL);
  }, [setDraft, state.status, timer, moveFocus]);

  const all = useMemo(() => [...(log.records ?? []), ...log.pending.map((p) => p.item)], [log.records, log.pending]);
  const minimumMinutes = settings.billing_minimum_minutes ?? DEFAULT_MINIMUM_MINUTES;
  const totals = ticketTotals(all, { minimumMinutes, pricePerMinuteCents: settings.billing_price_per_minute_cents });

  return (
    <section ref={sectionRef} onFocus={dropPendingFocus} aria-label={t('timelog.title')} data-testid="timelog" style={{ borderTop: '1px solid #d8dcde', paddingTop: 8 }}>
      <MD isBold tag="h2" style={{ margin: 0 }}>
        {t('timelog.title')}
      </MD>
      <TimerCard
        timer={timer}
        formOpen={draft !== null}
        moveFocus={moveFocus}
        onManual={() => {
          setSavedNotice(false);
          setDraft(newDraft(newRecordKey(scope.ticketId), { start: null, minutes: null }));
          moveFocus(FORM_FIRST_FIELD);
        }}
      />
      {draft ? (
        <SessionForm draft={draft} onChange={setDraft} save={saveAction} onCancel={cancel} unitPays={unitPays} waiverAllowed={waiverAllowed(profile.id)} />
      ) : null}
      {savedNotice && !draft ? (
        <SM role="status" style={{ color: '#038153' }} data-testid="timelog-saved">
          {t('timelog.form.saved')}
        </SM>
      ) : null}
      {log.loadError ? (
        <div data-testid="timelog-load-error">
          <SM>{t('timelog.list.load_error')}</SM>
          <ErrorNotice error={log.loadError} onRetry={log.reload} />
        </div>
      ) : null}
      {log.records === null && log.pending.length === 0 ? <Skeleton height="48px" aria-hidden /> : null}
      {log.records !== null || log.pending.length > 0 || log.mirrorPending.length > 0 ? (
        <RecordsList
          records={log.records ?? []}
          pending={log.pending}
          names={log.names}
          userId={user.id}
          isLead={isLead}
          onEdit={(record) => {
            if (draft !== null) return;
            setDraft(draftOfRecord(record));
            moveFocus(FORM_FIRST_FIELD);
          }}
          onDelete={(record) => removeAction.run(record)}
          onTurnNotAccepted={turn}
          onRetry={(key) => void log.outbox.retryNow(key)}
          onDiscard={(key) => log.outbox.discard(key)}
          mirrorPending={log.mirrorPending}
          onRetryMirror={(key) => void log.mirrorOutbox.retryNow(key)}
          onDiscardMirror={(key) => log.mirrorOutbox.discard(key)}
        />
      ) : null}
      {removeAction.error ? <ErrorNotice error={removeAction.error} onRetry={removeAction.retry} /> : null}
      <Totals totals={totals} minimumMinutes={minimumMinutes} closing={log.closing} />
    </section>
  );
}
