import { parseRoster, rankAnalysts, type RankedAnalyst } from '../../procedure/analysts';
import { deadlineClock, type CalendarError, type DeadlineClock } from '../../procedure/periods';
import type { Settings } from '../../procedure/settings';
import { countOpenConsultingTickets, loadAnalystPool } from '../../zendesk/analyst-pool';
import { loadBusinessCalendar } from '../../zendesk/schedule';

/**
 * Everything the checklist fetches after its first paint, in one chunk loaded on demand:
 * the calendar code, the REST loaders and the analyst ranking stay out of the sidebar's first load.
 */
export { loadAudits } from '../../zendesk/audits';
export { findMacro } from '../../zendesk/macros';
export { loadUserNames } from '../../zendesk/users';
import type { Zendesk } from '../../zendesk/zaf-client';

export type ClockResult = { ok: true; clock: DeadlineClock } | { ok: false; error: CalendarError };

/** The team's schedule and holidays, as deadline arithmetic. */
export async function loadDeadlineClock(zendesk: Zendesk, scheduleId: number, middayMinutes: number | null): Promise<ClockResult> {
  const built = await loadBusinessCalendar(zendesk, scheduleId, middayMinutes);
  return built.ok ? { ok: true, clock: deadlineClock(built.calendar) } : built;
}

/** The module's analysts, most senior first (roster setting, else the lead group's user fields). */
export async function rankModuleAnalysts(zendesk: Zendesk, settings: Settings, lead: { groupId: number; leadId: number }, module: string): Promise<RankedAnalyst[]> {
  const roster = settings.analyst_roster ? parseRoster(settings.analyst_roster) : null;
  const pool = roster?.ok
    ? Promise.resolve(roster.roster)
    : loadAnalystPool(zendesk, { groupId: lead.groupId, seniorityFieldKey: settings.seniority_field_key ?? '', modulesFieldKey: settings.modules_field_key ?? '' });
  const [analysts, openTickets] = await Promise.all([pool, countOpenConsultingTickets(zendesk, { groupId: lead.groupId, tag: settings.tag_aceite ?? '' })]);
  return rankAnalysts(analysts, { module, leadId: lead.leadId, openTickets });
}
