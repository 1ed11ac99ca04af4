import { Field, Fieldset, Input, Radio } from '@zendeskgarden/react-forms';
import { MD } from '@zendeskgarden/react-typography';
import { formatCnpj, type RepasseFormats, type UnitApprovalDraft, type UnitApprovalField, type UnitErrorKey } from '../../procedure/unit-billing';
import { useUnitBillingI18n, type UnitBillingKey } from './i18n';

export interface UnitFormProps {
  draft: UnitApprovalDraft;
  onChange: (field: UnitApprovalField, value: string) => void;
  /** Errors to show now (touched fields, or all after a save attempt). */
  errors: Partial<Record<UnitApprovalField, UnitErrorKey>>;
  formats: RepasseFormats;
  readOnly: boolean;
}

const CNPJ_TYPING = /^[0-9A-Za-z.\-/]*$/;

/**
 * The CNPJ is shown with its mask as it is typed — but only while the input could be a CNPJ:
 * anything else (too long, emoji, HTML) is kept exactly as typed, so the agent sees the message and loses nothing.
 */
export function maskAsTyped(value: string): string {
  const characters = value.replace(/[^0-9A-Za-z]/g, '');
  return CNPJ_TYPING.test(value) && characters.length <= 14 ? formatCnpj(value) : value;
}

/** The Unit, its responsible person and how it pays, in Garden fields with the translated unit.error.* messages. */
export function UnitForm({ draft, onChange, errors, formats, readOnly }: UnitFormProps) {
  const { t } = useUnitBillingI18n();
  const text = (field: UnitApprovalField, label: UnitBillingKey, options: { hint?: string; inputMode?: 'email'; mask?: (v: string) => string } = {}) => {
    const error = errors[field];
    return (
      <Field>
        <Field.Label>{t(label)}</Field.Label>
        {options.hint ? <Field.Hint>{options.hint}</Field.Hint> : null}
        <Input
          isCompact
          inputMode={options.inputMode}
          value={draft[field]}
          readOnly={readOnly}
          onChange={(e) => onChange(field, options.mask ? options.mask(e.target.value) : e.target.value)}
          validation={error ? 'error' : undefined}
          data-testid={`unit-${field}`}
        />
        {error ? (
          <Field.Message validation="error" data-testid={`unit-error-${field}`}>
            {t(error)}
          </Field.Message>
        ) : null}
      </Field>
    );
  };
  const example = (field: keyof RepasseFormats) => t('unit.form.format_example', { example: formats[field].example });
  return (
    <div data-testid="unit-form" style={{ display: 'flex', flexDirection: 'column', gap: 8, marginTop: 8 }}>
      <MD isBold tag="h4" style={{ margin: 0 }}>
        {t('unit.form.title')}
      </MD>
      {text('unitName', 'unit.form.unit_name')}
      {text('unitCode', 'unit.form.unit_code')}
      {text('responsibleName', 'unit.form.responsible_name')}
      {text('responsibleEmail', 'unit.form.responsible_email', { inputMode: 'email' })}
      <Fieldset>
        <Fieldset.Legend>{t('unit.form.kind')}</Fieldset.Legend>
        {(['faturamento', 'repasse'] as const).map((kind) => (
          <Field key={kind}>
            <Radio name="unit-kind" value={kind} checked={draft.kind === kind} disabled={readOnly} onChange={() => onChange('kind', kind)} data-testid={`unit-kind-${kind}`}>
              <Field.Label>{t(`unit.form.${kind}`)}</Field.Label>
            </Radio>
          </Field>
        ))}
        {errors.kind ? (
          <Field.Message validation="error" data-testid="unit-error-kind">
            {t(errors.kind)}
          </Field.Message>
        ) : null}
      </Fieldset>
      {draft.kind === 'faturamento' ? (
        <>
          {text('cnpj', 'unit.form.cnpj', { hint: t('unit.form.cnpj_hint'), mask: maskAsTyped })}
          {text('razaoSocial', 'unit.form.razao_social')}
          {text('billingEmail', 'unit.form.billing_email', { inputMode: 'email' })}
        </>
      ) : null}
      {draft.kind === 'repasse' ? (
        <>
          {text('centroCusto', 'unit.form.centro_custo', { hint: example('centroCusto') })}
          {text('classeValor', 'unit.form.classe_valor', { hint: example('classeValor') })}
          {text('itemContabil', 'unit.form.item_contabil', { hint: example('itemContabil') })}
        </>
      ) : null}
    </div>
  );
}
