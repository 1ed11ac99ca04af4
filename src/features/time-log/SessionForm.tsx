import { Button } from '@zendeskgarden/react-buttons';
import { Checkbox, Field, Fieldset, Input, Radio, Textarea } from '@zendeskgarden/react-forms';
import { MD, SM } from '@zendeskgarden/react-typography';
import { useEffect, useRef, useState, type ReactNode } from 'react';
import { SESSION_CHANNELS, validateApontamentoDraft, type ApontamentoField } from '../../procedure/apontamento-form';
import { WAIVER_REASONS } from '../../procedure/billing';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { useTimeLogI18n } from './i18n';
import type { ActionState } from '../../ui/useAction';
import { formOf, type SessionDraft } from './draft';

export interface SessionFormProps {
  draft: SessionDraft;
  onChange: (draft: SessionDraft) => void;
  save: ActionState<[]>;
  onCancel: () => void;
  unitPays: boolean;
  waiverAllowed: boolean;
}

/**
 * The session's details: start, minutes, channel, what was analysed, outcome. Checked as the agent
 * types (each field once touched; all of them after a Save); saved only when valid.
 */
export function SessionForm({ draft, onChange, save, onCancel, unitPays, waiverAllowed }: SessionFormProps) {
  const { t } = useTimeLogI18n();
  const [touched, setTouched] = useState<Partial<Record<ApontamentoField, boolean>>>({});
  const [submitted, setSubmitted] = useState(false);
  // "now" of the last keystroke: a start typed as future stays future until the agent edits again.
  const [now, setNow] = useState(() => Date.now());
  const validation = validateApontamentoDraft(formOf(draft), now);
  const errorOf = (field: ApontamentoField): string | null => {
    if (validation.ok || !(submitted || touched[field])) return null;
    const key = validation.errors[field];
    return key ? t(key) : null;
  };
  const edit = (field: ApontamentoField, change: Partial<SessionDraft>) => {
    setTouched((s) => ({ ...s, [field]: true }));
    setNow(Date.now());
    onChange({ ...draft, ...change });
  };
  const message = (field: ApontamentoField): ReactNode => {
    const error = errorOf(field);
    return error ? (
      <Field.Message validation="error" data-testid={`error-${field}`}>
        {error}
      </Field.Message>
    ) : null;
  };
  const state = (field: ApontamentoField) => (errorOf(field) ? ('error' as const) : undefined);
  // A refused Save takes the keyboard to the first field to fix (Garden marks them aria-invalid).
  const sectionRef = useRef<HTMLElement>(null);
  const [refused, setRefused] = useState(0);
  useEffect(() => {
    if (refused > 0) sectionRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [refused]);

  return (
    <section ref={sectionRef} aria-label={t('timelog.form.title')} data-testid="session-form" style={{ display: 'flex', flexDirection: 'column', gap: 8, marginTop: 8 }}>
      <MD isBold tag="h3" style={{ margin: 0 }}>
        {t(draft.editing ? 'timelog.form.editing' : 'timelog.form.title')}
      </MD>
      {unitPays ? (
        <SM style={{ color: '#ad5918' }} data-testid="unit-pays">
          {t('timelog.form.unit_pays')}
        </SM>
      ) : null}
      <Field>
        <Field.Label>{t('timelog.form.start')}</Field.Label>
        <Input isCompact type="datetime-local" value={draft.startText} onChange={(e) => edit('start', { startText: e.target.value })} validation={state('start')} data-testid="form-start" />
        {message('start')}
      </Field>
      <Field>
        <Field.Label>{t('timelog.form.minutes')}</Field.Label>
        <Input isCompact inputMode="numeric" value={draft.minutes} onChange={(e) => edit('minutes', { minutes: e.target.value })} validation={state('minutes')} data-testid="form-minutes" />
        {message('minutes')}
      </Field>
      <Fieldset>
        <Fieldset.Legend>{t('timelog.form.channel')}</Fieldset.Legend>
        {SESSION_CHANNELS.map((channel) => (
          <Field key={channel}>
            <Radio name={`channel-${draft.key}`} value={channel} checked={draft.channel === channel} onChange={() => edit('channel', { channel })} aria-invalid={errorOf('channel') ? true : undefined} data-testid={`form-channel-${channel}`}>
              <Field.Label>{t(`timelog.channel.${channel}`)}</Field.Label>
            </Radio>
          </Field>
        ))}
        {errorOf('channel') ? (
          <SM style={{ color: '#cc3340' }} data-testid="error-channel">
            {errorOf('channel')}
          </SM>
        ) : null}
      </Fieldset>
      <Field>
        <Field.Label>{t('timelog.form.description')}</Field.Label>
        <Textarea isCompact minRows={2} maxRows={8} value={draft.description} onChange={(e) => edit('description', { description: e.target.value })} validation={state('description')} data-testid="form-description" />
        {message('description')}
      </Field>
      <Field>
        <Field.Label>{t('timelog.form.outcome')}</Field.Label>
        <Textarea isCompact minRows={2} maxRows={6} value={draft.outcome} onChange={(e) => edit('outcome', { outcome: e.target.value })} validation={state('outcome')} data-testid="form-outcome" />
        {message('outcome')}
      </Field>
      {waiverAllowed && !unitPays ? (
        <Field>
          <Checkbox checked={draft.waived} onChange={(e) => onChange({ ...draft, waived: e.target.checked })} data-testid="form-waive">
            <Field.Label>{t('timelog.form.waive')}</Field.Label>
          </Checkbox>
          {draft.waived
            ? WAIVER_REASONS.map((reason) => (
                <Radio key={reason} name={`waiver-${draft.key}`} value={reason} checked={draft.waiverReason === reason} onChange={() => onChange({ ...draft, waiverReason: reason })} data-testid={`form-waiver-${reason}`}>
                  <Field.Label>{reason}</Field.Label>
                </Radio>
              ))
            : null}
        </Field>
      ) : null}
      <div>
        <Button
          size="small"
          isPrimary
          // Not `disabled` while saving: a disabled button drops the keyboard focus to <body>;
          // a second press meanwhile is ignored by the action itself (one save at a time).
          aria-disabled={save.running || undefined}
          data-testid="form-save"
          onClick={() => {
            setSubmitted(true);
            if (validateApontamentoDraft(formOf(draft), Date.now()).ok) save.run();
            else setRefused((n) => n + 1);
          }}
          style={{ marginInlineEnd: 8 }}
        >
          {t('timelog.form.save')}
        </Button>
        <Button size="small" isBasic onClick={onCancel} data-testid="form-cancel">
          {t('timelog.form.cancel')}
        </Button>
      </div>
      {save.error ? <ErrorNotice error={save.error} onRetry={save.retry} /> : null}
    </section>
  );
}
