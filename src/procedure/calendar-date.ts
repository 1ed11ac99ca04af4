/**
 * Zendesk date fields hold a calendar date, "YYYY-MM-DD", with no time and no zone. Kept as
 * that string everywhere; turned into a local Date only to show or pick it.
 */
const pattern = /^(\d{4})-(\d{2})-(\d{2})$/;

export function isCalendarDate(value: string): boolean {
  const match = pattern.exec(value);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(year, month - 1, day);
  return date.getFullYear() === year && date.getMonth() === month - 1 && date.getDate() === day;
}

/** The local-midnight Date a date picker shows for it, or undefined for anything else. */
export function calendarDateToLocal(value: string | null): Date | undefined {
  if (!value || !isCalendarDate(value)) return undefined;
  const [year, month, day] = value.split('-').map(Number) as [number, number, number];
  return new Date(year, month - 1, day);
}

/** The calendar date a picked local Date stands for. */
export function localToCalendarDate(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}
