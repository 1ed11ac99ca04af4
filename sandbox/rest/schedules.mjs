/** Business hours: schedules (intervals in minutes from Sunday 00:00) and their holidays. */
import { requireAgent } from './permissions.mjs';
import { fail, json, notFound } from './responses.mjs';

function findSchedule(ctx, id) {
  const schedule = ctx.state.schedules.find((s) => s.id === Number(id));
  if (!schedule) throw fail(notFound());
  return schedule;
}

function holidaysOf(ctx, scheduleId) {
  return ctx.state.holidays[scheduleId] ?? [];
}

export const scheduleRoutes = [
  ['GET', '/api/v2/business_hours/schedules', (ctx) => (requireAgent(ctx), json({ schedules: structuredClone(ctx.state.schedules) }))],
  ['GET', '/api/v2/business_hours/schedules/:id', (ctx) => (requireAgent(ctx), json({ schedule: structuredClone(findSchedule(ctx, ctx.params.id)) }))],
  [
    'GET',
    '/api/v2/business_hours/schedules/:id/holidays',
    (ctx) => {
      requireAgent(ctx);
      const schedule = findSchedule(ctx, ctx.params.id);
      return json({ holidays: structuredClone(holidaysOf(ctx, schedule.id)) });
    },
  ],
  [
    'GET',
    '/api/v2/business_hours/schedules/:id/holidays/:holidayId',
    (ctx) => {
      requireAgent(ctx);
      const schedule = findSchedule(ctx, ctx.params.id);
      const holiday = holidaysOf(ctx, schedule.id).find((h) => h.id === Number(ctx.params.holidayId));
      if (!holiday) throw fail(notFound());
      return json({ holiday: { ...holiday } });
    },
  ],
];
