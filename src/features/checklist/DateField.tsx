import { DatePicker } from '@zendeskgarden/react-datepickers';
import { Field, Input } from '@zendeskgarden/react-forms';

export interface DateFieldProps {
  label: string;
  hint: string;
  value: Date | undefined;
  onChange: (date: Date) => void;
  locale: string;
  disabled: boolean;
  testId: string;
}

/**
 * Garden's form field and date picker (with date-fns and floating-ui) load on demand: they are a
 * third of the sidebar's weight and the checklist can be read without them.
 */
export default function DateField({ label, hint, value, onChange, locale, disabled, testId }: DateFieldProps) {
  return (
    <Field>
      <Field.Label>{label}</Field.Label>
      <Field.Hint>{hint}</Field.Hint>
      <DatePicker value={value} onChange={onChange} locale={locale} isCompact>
        <Input data-testid={testId} isCompact disabled={disabled} />
      </DatePicker>
    </Field>
  );
}
