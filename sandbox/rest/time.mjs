/** Zendesk timestamps: ISO 8601, UTC, whole seconds ("2026-01-15T10:30:00Z"). */
export function iso(ms) {
  return new Date(Math.floor(ms / 1000) * 1000).toISOString().replace('.000Z', 'Z');
}

export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;
