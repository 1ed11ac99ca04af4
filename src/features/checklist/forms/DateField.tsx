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
  /** A save is running: the field takes no input meanwhile, but keeps the keyboard focus. */
  disabled: boolean;
  testId: string;
}

/** What agents type: day first in Brazil, month first in English. */
const patterns = { 'pt-BR': 'dd/MM/yyyy', 'en-US': 'MM/dd/yyyy' } as const;
/**
 * A whole date as the pattern writes it (two-digit day and month, four-digit year). Garden parses on
 * every keystroke, and date-fns reads "10/12/2" as the year 2: without this, typing a date key by
 * key saved a date of the year 2 at the first digit of the year.
 */
const WHOLE_DATE = /^\d{2}\/\d{2}\/\d{4}$/;

/**
 * Garden's form field and date picker (with date-fns and floating-ui) load on demand: they are a
 * third of the sidebar's weight and the checklist can be read without them.
 */
export default function DateField({ label, hint, invalidMessage, value, onChange, locale, disabled, testId }: DateFieldProps) {
  const [invalid, setInvalid] = useState(false);
  // What the picker shows: the ticket's date, or the one just typed until the ticket's catches up.
  // Escape, Enter and blur redraw the input from the picker's value, and the saved one is still the
  // old one for a moment (or for good, if the save fails): the typed date would vanish. Held in state
  // also because the step passes a new Date object on every render, and each new object makes the
  // picker rewrite the input, wiping a date half typed.
  const [shown, setShown] = useState({ date: value, saved: value });
  if (shown.saved?.getTime() !== value?.getTime()) setShown({ date: value, saved: value });
  const pattern = patterns[locale];
  const parseTyped = (text: string) => {
    const trimmed = text.trim();
    return WHOLE_DATE.test(trimmed) ? parse(trimmed, pattern, new Date()) : new Date(NaN);
  };
  return (
    <Field>
      <Field.Label>{label}</Field.Label>
      <Field.Hint>{hint}</Field.Hint>
      <DatePicker
        value={shown.date}
        onChange={(date) => {
          setInvalid(false);
          setShown((s) => ({ ...s, date }));
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
          // Read-only rather than disabled while saving: a disabled input loses the focus to <body>.
          readOnly={disabled}
          aria-disabled={disabled || undefined}
          validation={invalid ? 'error' : undefined}
          onBlur={(event) => setInvalid(event.target.value.trim() !== '' && !isValid(parseTyped(event.target.value)))}
        />
      </DatePicker>
      {invalid ? <Field.Message validation="error">{invalidMessage}</Field.Message> : null}
    </Field>
  );
}
