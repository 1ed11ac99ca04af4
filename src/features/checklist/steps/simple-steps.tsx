import { Paragraph } from '@zendeskgarden/react-typography';
import { useCallback } from 'react';
import { consultingTipoValues } from '../../../procedure/profile';
import { withPrefix } from '../../../procedure/title';
import { pickLocale, useI18n, type MessageKey, type Translate } from '../../../ui/i18n';
import { useAction } from '../../../ui/useAction';
import { ActionButton } from '../ActionButton';
import { useStep } from '../checklist-context';
// Actions load on the first click: the checklist is drawn without them.
import { checklistActions as actions } from '../lazy-extras';
import { StepCard } from '../StepCard';
import { ZendeskError } from '../../../zendesk/errors';
import type { MacroPart, MacroPartlyApplied } from '../../../zendesk/macro-apply';

/** The steps whose action is one click: classify, demand reply, lead, title, Aceite. */

/** The macro action fields (Actions reference) by what the agent calls them. */
const PART_KEYS: Record<string, MessageKey> = {
  subject: 'checklist.classify.part.subject',
  status: 'checklist.classify.part.status',
  priority: 'checklist.classify.part.priority',
  type: 'checklist.classify.part.type',
  group_id: 'checklist.classify.part.assignee',
  assignee_id: 'checklist.classify.part.assignee',
  set_tags: 'checklist.classify.part.tags',
  current_tags: 'checklist.classify.part.tags',
  remove_tags: 'checklist.classify.part.tags',
  comment_value: 'checklist.classify.part.comment',
  comment_value_html: 'checklist.classify.part.comment',
  comment_mode_is_public: 'checklist.classify.part.comment_mode',
};

function partLabel(t: Translate, part: MacroPart): string {
  const custom = /^custom_fields_(\d+)$/.exec(part.field);
  if (part.reason === 'refused' && custom) return t('checklist.classify.part.custom_field', { id: custom[1]! });
  const key = part.reason === 'refused' ? PART_KEYS[part.field] : undefined;
  return key ? t(key) : t('checklist.classify.part.unsupported', { field: part.field });
}

/** What of the macro did not reach the editor, when that is why the action failed. */
const partsLeftOut = (error: unknown): MacroPart[] | null =>
  error instanceof ZendeskError && error.name === 'MacroPartlyApplied' ? (error as MacroPartlyApplied).parts : null;

export function ClassifyStep() {
  const { t } = useI18n();
  const { step, view, data, settings, zendesk, extras, refresh } = useStep('classify');
  const macro = extras.openingMacro;
  const effect = useCallback(
    async () => {
      if (!macro || !settings.tipo_solicitacao_field_id) return;
      await (await actions()).applyOpeningMacro(zendesk, { macroId: macro.id, ticketId: data.ticket.id, tipoFieldId: settings.tipo_solicitacao_field_id, consultingValues: consultingTipoValues(settings) });
    },
    [macro, settings, zendesk, data.ticket.id],
  );
  const action = useAction(effect, refresh);
  const leftOut = partsLeftOut(action.error);
  const done = step.status === 'done';
  const how = done ? (view.phoneOpened ? 'checklist.classify.done' : 'checklist.classify.portal') : view.phoneOpened ? 'checklist.classify.phone' : 'checklist.classify.other';
  return (
    <StepCard step={step} name={t('checklist.classify.name')}>
      <Paragraph size="small">{t(how, { channel: data.ticket.viaChannel })}</Paragraph>
      {!done && macro === null ? <Paragraph size="small" style={{ color: '#cc3340' }}>{t('checklist.classify.macro_missing', { title: settings.opening_macro_title ?? '' })}</Paragraph> : null}
      {leftOut ? (
        <Paragraph size="small" style={{ color: '#cc3340' }} data-testid="macro-left-out">
          {t('checklist.classify.partial', { parts: [...new Set(leftOut.map((part) => partLabel(t, part)))].join(', ') })}
        </Paragraph>
      ) : null}
      {!done ? (
        <ActionButton action={action} args={[]} primary={step.status === 'next'} testId="action-classify" disabled={!macro}>
          {t('checklist.classify.action')}
        </ActionButton>
      ) : null}
    </StepCard>
  );
}

export function RequesterStep() {
  const { t } = useI18n();
  const { step, data } = useStep('requester');
  const name = data.ticket.requester?.name ?? '';
  return (
    <StepCard step={step} name={t('checklist.requester.name')}>
      <Paragraph size="small" style={step.status === 'done' ? undefined : { color: '#cc3340' }}>
        {t(step.status === 'done' ? 'checklist.requester.ok' : 'checklist.requester.no', { name })}
      </Paragraph>
    </StepCard>
  );
}

export function DemandReplyStep() {
  const { t } = useI18n();
  const { step, data, settings, zendesk, refresh } = useStep('demand_reply');
  // Written to the client: in the client's language, not the agent's.
  const locale = pickLocale(data.ticket.requester?.locale ?? undefined);
  const effect = useCallback(
    async () => (await actions()).insertDemandReply(zendesk, { requesterName: data.ticket.requester?.name ?? '', moduleName: data.moduleName ?? '', locale, tag: settings.tag_demanda ?? '' }),
    [zendesk, data.ticket.requester, data.moduleName, locale, settings.tag_demanda],
  );
  const action = useAction(effect, refresh);
  const done = step.status === 'done';
  return (
    <StepCard step={step} name={t('checklist.demand_reply.name')}>
      <Paragraph size="small">{t(done ? 'checklist.demand_reply.done' : 'checklist.demand_reply.todo')}</Paragraph>
      {!done ? (
        <ActionButton action={action} args={[]} primary={step.status === 'next'} testId="action-demand-reply">
          {t('checklist.demand_reply.action')}
        </ActionButton>
      ) : null}
    </StepCard>
  );
}

export function AssignLeadStep() {
  const { t } = useI18n();
  const { step, view, data, zendesk, nameOf, refresh } = useStep('assign_lead');
  const lead = view.lead;
  const effect = useCallback(async () => {
    if (lead) await (await actions()).assignTo(zendesk, lead.groupId, lead.leadId);
  }, [zendesk, lead]);
  const action = useAction(effect, refresh);
  const done = step.status === 'done';
  return (
    <StepCard step={step} name={t('checklist.assign_lead.name')}>
      {step.reason === 'no_lead_for_module' ? <Paragraph size="small">{t('checklist.reason.no_lead_for_module', { module: data.moduleName ?? '' })}</Paragraph> : null}
      {lead && !done ? <Paragraph size="small">{t('checklist.assign_lead.todo', { module: data.moduleName ?? '', lead: nameOf(lead.leadId) ?? `#${lead.leadId}` })}</Paragraph> : null}
      {done ? <Paragraph size="small">{t('checklist.assign_lead.done')}</Paragraph> : null}
      {!done && lead ? (
        <ActionButton action={action} args={[]} primary={step.status === 'next'} testId="action-assign-lead" disabled={step.status === 'blocked'}>
          {t('checklist.assign_lead.action')}
        </ActionButton>
      ) : null}
    </StepCard>
  );
}

export function TitleStep() {
  const { t } = useI18n();
  const { step, view, data, zendesk, refresh } = useStep('title');
  const prefix = view.profile.prefix ?? '';
  const effect = useCallback(async () => (await actions()).prefixSubject(zendesk, prefix), [zendesk, prefix]);
  const action = useAction(effect, refresh);
  const done = step.status === 'done';
  return (
    <StepCard step={step} name={t('checklist.title_step.name')}>
      <Paragraph size="small">{t(done ? 'checklist.title_step.done' : 'checklist.title_step.todo', { prefix })}</Paragraph>
      {done ? null : (
        <>
          <Paragraph size="small" style={{ color: '#68737d', overflowWrap: 'anywhere' }}>
            {t('checklist.title_step.preview', { subject: withPrefix(data.ticket.subject, prefix) })}
          </Paragraph>
          <ActionButton action={action} args={[]} primary={step.status === 'next'} testId="action-title-prefix">
            {t('checklist.title_step.action')}
          </ActionButton>
        </>
      )}
    </StepCard>
  );
}

export function AceiteStep() {
  const { t } = useI18n();
  const { step, settings, data, zendesk, refresh } = useStep('aceite');
  // One return at a time: starting the service clears the return tag, so the next return sets it again.
  const inReturn = settings.tag_retorno !== null && data.ticket.tags.includes(settings.tag_retorno);
  const recordAceite = useCallback(async () => (await actions()).addTags(zendesk, [settings.tag_aceite ?? '']), [zendesk, settings.tag_aceite]);
  // A return restarts the clock: the slots and the start of the previous round no longer count.
  const recordReturn = useCallback(
    async () => (await actions()).addTags(zendesk, [settings.tag_retorno ?? ''], [settings.tag_horarios, settings.tag_atendimento, settings.tag_sem_disponibilidade].filter((x): x is string => x !== null)),
    [zendesk, settings],
  );
  const aceite = useAction(recordAceite, refresh);
  const clientReturn = useAction(recordReturn, refresh);
  const done = step.status === 'done';
  return (
    <StepCard step={step} name={t('checklist.aceite.name')}>
      <Paragraph size="small">{t(done ? 'checklist.aceite.done' : 'checklist.aceite.todo')}</Paragraph>
      {!done ? (
        <ActionButton action={aceite} args={[]} primary={step.status === 'next'} testId="action-aceite" disabled={step.status === 'blocked'}>
          {t('checklist.aceite.action')}
        </ActionButton>
      ) : !step.unsaved && !inReturn ? (
        <>
          <Paragraph size="small" style={{ color: '#68737d', marginTop: 8 }}>
            {t('checklist.aceite.return_hint')}
          </Paragraph>
          <ActionButton action={clientReturn} args={[]} primary={false} testId="action-client-return">
            {t('checklist.aceite.return_action')}
          </ActionButton>
        </>
      ) : null}
    </StepCard>
  );
}
