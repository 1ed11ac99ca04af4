import { useCallback, useEffect, useMemo, useState, useSyncExternalStore } from 'react';
import { deadlineClock, type BusinessCalendar, type DeadlineClock } from '../../procedure/periods';
import type { Settings } from '../../procedure/settings';
import type { CurrentUser } from '../../procedure/ticket';
import { loadFieldOptions, loadGroups } from '../../zendesk/account-lookups';
import { loadAccountSubdomain, loadCurrentUser } from '../../zendesk/current-user';
import { loadBusinessCalendar } from '../../zendesk/schedule';
import type { Zendesk } from '../../zendesk/zaf-client';
import { consultingQueryFor, ListLoader, type ListState } from './list-loader';

export type { Gap, ListState } from './list-loader';

export interface Team {
  user: CurrentUser;
  subdomain: string | null;
  groups: Map<number, string>;
  /** The lead groups the list covers: the user's among the module map's, or all of them. */
  groupIds: number[];
  moduleNames: Map<string, string>;
  calendar: BusinessCalendar | null;
  clock: DeadlineClock | null;
  /** Why there is no calendar (so no deadlines): no schedule setting, or the schedule failed to load or build. */
  calendarProblem: { kind: 'unconfigured' } | { kind: 'failed'; error: unknown } | null;
}

export interface TeamState {
  team: Team | null;
  error: unknown;
  retry: () => void;
}

/** Who the lead is, the groups the list covers, the module names and the team's calendar. */
export function useTeam(zendesk: Zendesk, settings: Settings): TeamState {
  const [team, setTeam] = useState<Team | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [attempt, setAttempt] = useState(0);
  useEffect(() => {
    let cancelled = false;
    (async () => {
      const [user, subdomain, groups, moduleNames, schedule] = await Promise.all([
        loadCurrentUser(zendesk),
        loadAccountSubdomain(zendesk),
        loadGroups(zendesk),
        settings.modulo_field_id ? loadFieldOptions(zendesk, settings.modulo_field_id) : Promise.resolve(new Map<string, string>()),
        // A calendar that fails is a notice on the list, not a failed dashboard.
        settings.schedule_id ? loadBusinessCalendar(zendesk, settings.schedule_id, settings.periodo_midday).catch((failure: unknown) => ({ ok: false as const, error: failure })) : null,
      ]);
      const leadGroups = [...new Set(Object.values(settings.module_leads ?? {}).map((l) => l.group_id))];
      const mine = leadGroups.filter((g) => user.groupIds.includes(g));
      const calendar = schedule?.ok ? schedule.calendar : null;
      const calendarProblem: Team['calendarProblem'] = schedule === null ? { kind: 'unconfigured' } : schedule.ok ? null : { kind: 'failed', error: schedule.error };
      if (cancelled) return;
      setTeam({ user, subdomain, groups, groupIds: mine.length > 0 ? mine : leadGroups, moduleNames, calendar, clock: calendar ? deadlineClock(calendar) : null, calendarProblem });
    })().catch((failure: unknown) => !cancelled && setError(failure));
    return () => void (cancelled = true);
  }, [zendesk, settings, attempt]);
  const retry = useCallback(() => {
    setError(null);
    setAttempt((n) => n + 1);
  }, []);
  return { team, error, retry };
}

/**
 * The list for `scope`, loaded by a ListLoader (a new scope starts a new list). `refresh` reads what
 * changed since the last pass, or continues from the page that failed.
 */
export function useDashboardData(zendesk: Zendesk, settings: Settings, team: Team, scope: 'open' | 'all'): ListState & { refresh: () => void; unconfigured: boolean } {
  const loader = useMemo(() => {
    const query = consultingQueryFor(settings, team.groupIds, scope === 'all');
    return query ? new ListLoader({ zendesk, settings, query, scope, calendar: team.calendar }) : null;
  }, [zendesk, settings, team, scope]);
  useEffect(() => {
    if (!loader) return;
    void loader.load();
    return () => loader.dispose();
  }, [loader]);
  const state = useSyncExternalStore(loader?.subscribe ?? noSubscription, loader?.getSnapshot ?? emptySnapshot);
  const refresh = useCallback(() => void loader?.load(), [loader]);
  return { ...state, refresh, unconfigured: loader === null };
}

const EMPTY: ListState = { tickets: [], people: new Map(), records: [], unreadableRecords: 0, closing: null, phase: 'ready', pagesLoaded: 0, loadedAt: null, gaps: [], accountBusy: null };
const emptySnapshot = () => EMPTY;
const noSubscription = () => () => {};
