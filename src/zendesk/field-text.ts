import * as v from 'valibot';

/**
 * A custom field value (ticket or user field) as the text the procedure compares, like the
 * sidebar's `TicketSnapshot.fields`: numbers and checkboxes become strings, '' and null become
 * null. A multiselect's option tags are joined by spaces, as Zendesk joins tags (tags never hold one).
 */
export const fieldText = v.pipe(
  // The default makes valibot run the pipe for a missing key too (it skips absent keys otherwise).
  v.nullish(v.union([v.string(), v.number(), v.boolean(), v.array(v.string())]), null),
  v.transform((value): string | null => {
    if (value === undefined || value === null) return null;
    const text = Array.isArray(value) ? value.join(' ') : String(value);
    return text === '' ? null : text;
  }),
);

/**
 * A value Zendesk may leave out or send as null, read as `empty` then. The null default makes
 * valibot run the schema for a missing key too (it skips a missing nullish key otherwise).
 */
export const orEmpty = <T>(schema: v.GenericSchema<unknown, T>, empty: T) => v.pipe(v.nullish(schema, null), v.transform((value): T => value ?? empty));

/** A Zendesk timestamp ("2026-11-28T10:00:00Z") as ms; anything else is reported with its text. */
export const timestampMs = v.pipe(
  v.string(),
  v.rawTransform(({ dataset, addIssue, NEVER }) => {
    const text = dataset.value;
    const ms = /^\d{4}-\d{2}-\d{2}T/.test(text) ? Date.parse(text) : NaN;
    if (Number.isFinite(ms)) return ms;
    addIssue({ message: `not a timestamp: ${text.slice(0, 40)}` });
    return NEVER;
  }),
);
