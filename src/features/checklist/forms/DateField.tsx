import { DatePicker } from '@zendeskgarden/react-datepickers';
import { Field, Input } from '@zendeskgarden/react-forms';
import { format, isValid, parse } from 'date-fns';
import { useState } from 'react';

export interface DateFieldProps {
  label: string;
  hint: string;
  invalidMessage: string;
  value: Date | undefined;
  onChange: (date: Date) => void;
  locale: 'pt-BR' | 'en-US';
  disabled: boolean;
  testId: string;
}

/** What agents type: day first in Brazil, month first in English. */
const patterns = { 'pt-BR': 'dd/MM/yyyy', 'en-US': 'MM/dd/yyyy' } as const;

/**
 * Garden's form field and date picker (with date-fns and floating-ui) load on demand: they are a
 * third of the sidebar's weight and the checklist can be read without them.
 */
export default function DateField({ label, hint, invalidMessage, value, onChange, locale, disabled, testId }: DateFieldProps) {
  const [invalid, setInvalid] = useState(false);
  const pattern = patterns[locale];
  const parseTyped = (text: string) => parse(text.trim(), pattern, new Date());
  return (
    <Field>
      <Field.Label>{label}</Field.Label>
      <Field.Hint>{hint}</Field.Hint>
      <DatePicker
        value={value}
        onChange={(date) => {
          setInvalid(false);
          onChange(date);
        }}
        locale={locale}
        formatDate={(date) => format(date, pattern)}
        customParseDate={parseTyped}
        isCompact
      >
        <Input
          data-testid={testId}
          isCompact
          disabled={disabled}
          validation={invalid ? 'error' : undefined}
          onBlur={(event) => setInvalid(event.target.value.trim() !== '' && !isValid(parseTyped(event.target.value)))}
        />
      </DatePicker>
      {invalid ? <Field.Message validation="error">{invalidMessage}</Field.Message> : null}
    </Field>
  );
}
