import * as z from 'zod/mini';

/**
 * A custom field value (ticket or user field) as the text the procedure compares, like the
 * sidebar's `TicketSnapshot.fields`: numbers and checkboxes become strings, '' and null become
 * null. A multiselect's option tags are joined by spaces, as Zendesk joins tags (tags never hold one).
 */
export const fieldText = z.pipe(
  z.nullish(z.union([z.string(), z.number(), z.boolean(), z.array(z.string())])),
  z.transform((value): string | null => {
    if (value === undefined || value === null) return null;
    const text = Array.isArray(value) ? value.join(' ') : String(value);
    return text === '' ? null : text;
  }),
);

/** A Zendesk timestamp ("2026-11-28T10:00:00Z") as ms; anything else is reported with its text. */
export const timestampMs = z.pipe(
  z.string(),
  z.transform((text, ctx) => {
    const ms = /^\d{4}-\d{2}-\d{2}T/.test(text) ? Date.parse(text) : NaN;
    if (Number.isFinite(ms)) return ms;
    ctx.issues.push({ code: 'custom', message: `not a timestamp: ${text.slice(0, 40)}`, input: text });
    return 0;
  }),
);
