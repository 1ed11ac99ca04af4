import { Field, Textarea } from '@zendeskgarden/react-forms';

export interface TextAreaFieldProps {
  label: string;
  hint?: string;
  value: string;
  onChange: (value: string) => void;
  error?: string | null;
  testId: string;
  maxLength?: number;
  /** Takes the focus when drawn: for a field the agent has just asked for. */
  autoFocus?: boolean;
}

/** A Garden textarea with its label, hint and validation message (loaded with the other form pieces). */
export default function TextAreaField({ label, hint, value, onChange, error, testId, maxLength, autoFocus }: TextAreaFieldProps) {
  return (
    <Field>
      <Field.Label>{label}</Field.Label>
      {hint ? <Field.Hint>{hint}</Field.Hint> : null}
      <Textarea isCompact minRows={2} maxRows={8} value={value} onChange={(e) => onChange(e.target.value)} validation={error ? 'error' : undefined} data-testid={testId} maxLength={maxLength} autoFocus={autoFocus} />
      {error ? <Field.Message validation="error">{error}</Field.Message> : null}
    </Field>
  );
}
