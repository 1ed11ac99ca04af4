import * as v from 'valibot';
import { buildCalendar, type BuildCalendarResult, type ZendeskHoliday, type ZendeskSchedule } from '../procedure/periods';
import { type RestClient, zendeskId } from './pages';

// Types only: what the minutes and dates mean (ranges, order, real dates) is buildCalendar's
// check, which names the problem for the admin.
const minute = v.pipe(v.number(), v.finite());
const isoDate = v.string();

const scheduleSchema = v.object({
  schedule: v.object({
    id: zendeskId,
    name: v.nullish(v.string()),
    time_zone: v.string(),
    intervals: v.array(v.object({ start_time: minute, end_time: minute })),
  }),
});

const holidaysSchema = v.object({
  holidays: v.array(v.object({ id: zendeskId, name: v.nullish(v.string()), start_date: isoDate, end_date: isoDate })),
});

export interface LoadedSchedule {
  schedule: ZendeskSchedule;
  holidays: ZendeskHoliday[];
}

/** Loaded schedules per client: the checklist and the time log both need it, once per frame. */
const loaded = new WeakMap<RestClient, Map<number, Promise<LoadedSchedule>>>();

/**
 * The business-hours schedule and its holidays (two GETs in parallel), shaped for
 * `buildCalendar(schedule, holidays)`. Fetched once per client and schedule; a failure is not
 * kept, so a retry asks Zendesk again.
 */
export function loadSchedule(zendesk: RestClient, scheduleId: number): Promise<LoadedSchedule> {
  const byId = loaded.get(zendesk) ?? new Map<number, Promise<LoadedSchedule>>();
  loaded.set(zendesk, byId);
  let pending = byId.get(scheduleId);
  if (!pending) {
    pending = fetchSchedule(zendesk, scheduleId);
    byId.set(scheduleId, pending);
    pending.catch(() => byId.delete(scheduleId));
  }
  return pending;
}

async function fetchSchedule(zendesk: RestClient, scheduleId: number): Promise<LoadedSchedule> {
  const base = `/api/v2/business_hours/schedules/${scheduleId}`;
  const [{ schedule }, { holidays }] = await Promise.all([
    zendesk.request({ url: `${base}.json` }, scheduleSchema),
    zendesk.request({ url: `${base}/holidays.json` }, holidaysSchema),
  ]);
  return {
    schedule: {
      id: schedule.id,
      ...(schedule.name != null ? { name: schedule.name } : {}),
      time_zone: schedule.time_zone,
      intervals: schedule.intervals.map(({ start_time, end_time }) => ({ start_time, end_time })),
    },
    holidays: holidays.map((h) => ({ id: h.id, ...(h.name != null ? { name: h.name } : {}), start_date: h.start_date, end_date: h.end_date })),
  };
}

/** The team's schedule and holidays as a business calendar (split at `middayMinutes`), or why it cannot be one. */
export async function loadBusinessCalendar(zendesk: RestClient, scheduleId: number, middayMinutes: number | null): Promise<BuildCalendarResult> {
  const { schedule, holidays } = await loadSchedule(zendesk, scheduleId);
  return buildCalendar(schedule, holidays, { middayMinutes: middayMinutes ?? undefined });
}
