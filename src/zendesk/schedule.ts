import * as z from 'zod/mini';
import type { ZendeskHoliday, ZendeskSchedule } from '../procedure/periods';
import { type RestClient, zendeskId } from './pages';

// Types only: what the minutes and dates mean (ranges, order, real dates) is buildCalendar's
// check, which names the problem for the admin.
const minute = z.number();
const isoDate = z.string();

const scheduleSchema = z.object({
  schedule: z.object({
    id: zendeskId,
    name: z.nullish(z.string()),
    time_zone: z.string(),
    intervals: z.array(z.object({ start_time: minute, end_time: minute })),
  }),
});

const holidaysSchema = z.object({
  holidays: z.array(z.object({ id: zendeskId, name: z.nullish(z.string()), start_date: isoDate, end_date: isoDate })),
});

export interface LoadedSchedule {
  schedule: ZendeskSchedule;
  holidays: ZendeskHoliday[];
}

/**
 * The business-hours schedule and its holidays (two GETs in parallel), shaped for
 * `buildCalendar(schedule, holidays)`.
 */
export async function loadSchedule(zendesk: RestClient, scheduleId: number): Promise<LoadedSchedule> {
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
