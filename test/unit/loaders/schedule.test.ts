import { buildCalendar } from '../../../src/procedure/periods';
import { loadSchedule } from '../../../src/zendesk/schedule';
import { emulatorZendesk } from '../../support/emulator-transport';

describe('loadSchedule', () => {
  it('loads the schedule and its holidays in parallel, ready for buildCalendar', async () => {
    const setup = emulatorZendesk();
    const { schedule, holidays } = await loadSchedule(setup.zendesk, 6001);
    expect(setup.transport.calls).toEqual(['GET /api/v2/business_hours/schedules/6001.json', 'GET /api/v2/business_hours/schedules/6001/holidays.json']);
    expect(schedule).toMatchObject({ id: 6001, name: 'Suporte Protheus', time_zone: 'Brasilia' });
    expect(schedule.intervals).toHaveLength(10);
    expect(schedule.intervals[0]).toEqual({ start_time: 1440 + 480, end_time: 1440 + 720 });
    expect(holidays.length).toBeGreaterThan(10);
    expect(holidays).toContainEqual(expect.objectContaining({ start_date: '2026-12-25', end_date: '2026-12-25' }));
    const built = buildCalendar(schedule, holidays);
    expect(built.ok).toBe(true);
  });

  it('fails with ZendeskError: not_found for an unknown schedule, malformed for a schedule of the wrong shape', async () => {
    const setup = emulatorZendesk();
    await expect(loadSchedule(setup.zendesk, 6999)).rejects.toMatchObject({ name: 'ZendeskError', kind: 'not_found' });
    (setup.emulator.state.schedules[0] as { intervals: unknown }).intervals = 'Mon-Fri 8-18';
    await expect(loadSchedule(setup.zendesk, 6001)).rejects.toMatchObject({ kind: 'malformed', detail: expect.stringContaining('intervals') });
  });
});
