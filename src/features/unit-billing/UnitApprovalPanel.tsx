import { Button } from '@zendeskgarden/react-buttons';
import { Skeleton } from '@zendeskgarden/react-loaders';
import { SM } from '@zendeskgarden/react-typography';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useApp } from '../../app/app-context';
import { approvalRequestReply, formatCnpj, resolveRepasseFormats, validateUnitApproval, EMPTY_UNIT_APPROVAL_DRAFT, type UnitApproval, type UnitApprovalDraft, type UnitApprovalField } from '../../procedure/unit-billing';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { useUnitBillingI18n } from './i18n';
import { useAction } from '../../ui/useAction';
import type { SidebarData } from '../../zendesk/sidebar-snapshot';
import { requireAccountSubdomain } from '../../zendesk/current-user';
import { loadUnitApproval, saveUnitApproval, type StoredUnitApproval } from '../../zendesk/unit-approvals';
import { insertComment } from './actions';
import { ApprovalSection } from './ApprovalSection';
import { BillingSection } from './BillingSection';
import { useUnitBillingData } from './data-context';
import { takeUnitFormFocus } from './focus-request';
import { UnitForm } from './UnitForm';
import { unitDraftKey, useUnitDraft } from './useUnitDraft';


/** A saved approval back into the form's strings (the CNPJ with its mask). */
function draftOf(approval: UnitApproval): UnitApprovalDraft {
  const a = approval.alternative;
  return {
    ...EMPTY_UNIT_APPROVAL_DRAFT,
    unitName: approval.unit.name,
    unitCode: approval.unit.code,
    responsibleName: approval.responsible.name,
    responsibleEmail: approval.responsible.email,
    kind: a.kind,
    ...(a.kind === 'faturamento' ? { cnpj: formatCnpj(a.cnpj), razaoSocial: a.razaoSocial, billingEmail: a.billingEmail } : { centroCusto: a.centroCusto, classeValor: a.classeValor, itemContabil: a.itemContabil }),
  };
}

type Loaded = { state: 'loading' } | { state: 'ready'; record: StoredUnitApproval | null } | { state: 'failed'; error: unknown };

/** The Unit approval step's body: the account, then the ticket's approval record, then the form. */
export default function UnitApprovalPanel() {
  const data = useUnitBillingData();
  const { zendesk } = useApp();
  const [subdomain, setSubdomain] = useState<string | null>(null);
  const [loaded, setLoaded] = useState<Loaded>({ state: 'loading' });
  const [attempt, setAttempt] = useState(0);
  const ticketId = data.ticket.id;
  useEffect(() => {
    let cancelled = false;
    Promise.all([requireAccountSubdomain(zendesk), loadUnitApproval(zendesk, ticketId)])
      .then(([found, record]) => {
        if (cancelled) return;
        setSubdomain(found);
        setLoaded({ state: 'ready', record });
      })
      .catch((error: unknown) => !cancelled && setLoaded({ state: 'failed', error }));
    return () => void (cancelled = true);
  }, [zendesk, ticketId, attempt]);
  if (loaded.state === 'failed') return <ErrorNotice error={loaded.error} onRetry={() => (setLoaded({ state: 'loading' }), setAttempt((n) => n + 1))} />;
  if (loaded.state === 'loading' || subdomain === null) return <Skeleton height="160px" aria-hidden data-testid="unit-loading" />;
  return <UnitApprovalFlow key={unitDraftKey(subdomain, ticketId, data.user.id)} data={data} subdomain={subdomain} initial={loaded.record} />;
}

function UnitApprovalFlow({ data, subdomain, initial }: { data: SidebarData; subdomain: string; initial: StoredUnitApproval | null }) {
  const { t, locale } = useUnitBillingI18n();
  const { zendesk, settings } = useApp();
  const ticketId = data.ticket.id;
  const [record, setRecord] = useState(initial);
  const { draft, setDraft, stored } = useUnitDraft(unitDraftKey(subdomain, ticketId, data.user.id));
  const [touched, setTouched] = useState<Partial<Record<UnitApprovalField, boolean>>>({});
  const [submitted, setSubmitted] = useState(false);
  const [notice, setNotice] = useState<'saved' | 'requested' | null>(null);
  const { formats, invalid } = useMemo(() => resolveRepasseFormats(settings.repasse_formats), [settings.repasse_formats]);
  // Drawn because "A Unidade paga" was just pressed: its first field takes the focus the button had.
  const rootRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!takeUnitFormFocus()) return;
    const active = document.activeElement;
    if ((active === null || active === document.body) && document.hasFocus()) rootRef.current?.querySelector<HTMLElement>('[data-testid="unit-form"] input')?.focus();
  }, []);

  const form = draft ?? (record ? draftOf(record.approval) : EMPTY_UNIT_APPROVAL_DRAFT);
  const validation = validateUnitApproval(form, formats);
  const shown = validation.ok ? {} : Object.fromEntries(Object.entries(validation.errors).filter(([field]) => submitted || touched[field as UnitApprovalField]));
  const approved = record?.commentId != null;

  const change = (field: UnitApprovalField, value: string) => {
    setTouched((s) => ({ ...s, [field]: true }));
    setNotice(null);
    setDraft({ ...form, [field]: value });
  };

  /** Saves the form when it changed (or was never saved); returns the approval on record. */
  const saveIfNeeded = useCallback(async (): Promise<UnitApproval | null> => {
    setSubmitted(true);
    const checked = validateUnitApproval(form, formats);
    if (!checked.ok) return null;
    if (record && draft === null) return record.approval;
    const saved = await saveUnitApproval(zendesk, { ticketId, approval: checked.value });
    setRecord(saved);
    // Saved: the record is now the source; the local copy would only go stale.
    setDraft(null);
    return saved.approval;
  }, [form, formats, record, draft, zendesk, ticketId, setDraft]);

  const save = useAction(
    useCallback(async () => {
      if (await saveIfNeeded()) setNotice('saved');
    }, [saveIfNeeded]),
  );
  const request = useAction(
    useCallback(async () => {
      const approval = await saveIfNeeded();
      if (!approval) return;
      const reply = approvalRequestReply({ ...approval, locale });
      // The paragraph naming the responsible person's e-mail tells an earlier insertion apart.
      await insertComment(zendesk, reply, 'publicReply', reply.split('\n\n')[2] ?? reply);
      setNotice('requested');
    }, [saveIfNeeded, locale, zendesk]),
  );

  return (
    <div ref={rootRef} data-testid="unit-approval">
      {invalid.length > 0 ? <SM style={{ color: '#ad5918' }}>{t('unit.form.formats_invalid', { fields: invalid.join(', ') })}</SM> : null}
      <UnitForm draft={form} onChange={change} errors={shown} formats={formats} readOnly={approved} />
      {draft !== null ? (
        <SM style={{ color: '#68737d' }} data-testid="unit-unsaved">
          {t(stored ? 'unit.form.unsaved' : 'unit.form.no_storage')}
        </SM>
      ) : null}
      {!approved ? (
        <div style={{ marginTop: 8 }}>
          {/* aria-disabled, not disabled, while running: a disabled button drops the keyboard focus to
              <body>; the action ignores a second press meanwhile. */}
          <Button size="small" aria-disabled={save.running || undefined} onClick={() => save.run()} data-testid="unit-save" style={{ marginInlineEnd: 8 }}>
            {t('unit.form.save')}
          </Button>
          <Button size="small" aria-disabled={request.running || undefined} onClick={() => request.run()} data-testid="unit-request">
            {t('unit.form.request')}
          </Button>
        </div>
      ) : null}
      {notice ? (
        <SM role="status" style={{ color: '#038153' }} data-testid={`unit-${notice}`}>
          {t(notice === 'saved' ? 'unit.form.saved' : 'unit.form.requested')}
        </SM>
      ) : null}
      {save.error ? <ErrorNotice error={save.error} onRetry={save.retry} /> : null}
      {request.error ? <ErrorNotice error={request.error} onRetry={request.retry} /> : null}
      {record ? <ApprovalSection data={data} record={record} onLinked={setRecord} /> : null}
      {record && approved ? <BillingSection data={data} subdomain={subdomain} record={record} /> : null}
    </div>
  );
}
