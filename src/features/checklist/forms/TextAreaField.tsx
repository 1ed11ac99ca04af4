import { Field, Textarea } from '@zendeskgarden/react-forms';

export interface TextAreaFieldProps {
  label: string;
  hint?: string;
  value: string;
  onChange: (value: string) => void;
  error?: string | null;
  testId: string;
  maxLength?: number;
}

/** A Garden textarea with its label, hint and validation message (loaded with the other form pieces). */
export default function TextAreaField({ label, hint, value, onChange, error, testId, maxLength }: TextAreaFieldProps) {
  return (
    <Field>
      <Field.Label>{label}</Field.Label>
      {hint ? <Field.Hint>{hint}</Field.Hint> : null}
      <Textarea isCompact minRows={2} maxRows={8} value={value} onChange={(e) => onChange(e.target.value)} validation={error ? 'error' : undefined} data-testid={testId} maxLength={maxLength} />
      {error ? <Field.Message validation="error">{error}</Field.Message> : null}
    </Field>
  );
}
