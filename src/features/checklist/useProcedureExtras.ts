import { useCallback, useEffect, useRef, useState } from 'react';
import type { TicketAudit } from '../../procedure/audit';
import type { DeadlineClock } from '../../procedure/periods/clock';
import type { Settings } from '../../procedure/settings';
import type { MacroRef } from '../../zendesk/macros';
import { useAfterPaint } from '../../ui/useAfterPaint';
import type { Zendesk } from '../../zendesk/zaf-client';
import { extrasLoaders } from './lazy-extras';

export type CalendarState = { state: 'loading' } | { state: 'ready'; clock: DeadlineClock } | { state: 'failed'; error: unknown } | { state: 'unconfigured' };

export interface ProcedureExtras {
  audits: TicketAudit[] | null;
  truncated: boolean;
  auditsError: unknown;
  calendar: CalendarState;
  /** undefined while looking it up; null when no active macro has the configured title. */
  openingMacro: MacroRef | null | undefined;
  macroError: unknown;
  /** Audits are being (re)read: deadlines and history may change in a moment. */
  auditsLoading: boolean;
  reloadAudits: () => void;
  retryAll: () => void;
}

/**
 * What the checklist needs beyond the batched `get`, fetched over REST after the first paint:
 * the audits (history, Aceite time, pauses), the business-hours calendar and the opening macro.
 * Audits are read again after every save; the schedule and the macro once per frame.
 */
export function useProcedureExtras(zendesk: Zendesk, settings: Settings, ticketId: number | null): ProcedureExtras {
  const [audits, setAudits] = useState<{ list: TicketAudit[]; truncated: boolean } | null>(null);
  const [auditsError, setAuditsError] = useState<unknown>(null);
  const [auditsLoading, setAuditsLoading] = useState(true);
  const [calendar, setCalendar] = useState<CalendarState>({ state: 'loading' });
  const [openingMacro, setOpeningMacro] = useState<MacroRef | null | undefined>(undefined);
  const [macroError, setMacroError] = useState<unknown>(null);
  const [attempt, setAttempt] = useState(0);
  const generation = useRef(0);
  // The REST reads start once the checklist is on screen: their chunk's code never delays it.
  const afterPaint = useAfterPaint();

  const reloadAudits = useCallback(() => {
    if (ticketId === null) return;
    const mine = ++generation.current;
    queueMicrotask(() => mine === generation.current && setAuditsLoading(true));
    extrasLoaders()
      .then(({ loadAudits }) => loadAudits(zendesk, ticketId))
      .then((loaded) => {
        if (mine !== generation.current) return;
        setAudits({ list: loaded.audits, truncated: loaded.truncated });
        setAuditsError(null);
      })
      .catch((error: unknown) => {
        if (mine === generation.current) setAuditsError(error);
      })
      .finally(() => mine === generation.current && setAuditsLoading(false));
  }, [zendesk, ticketId]);

  useEffect(() => {
    if (!afterPaint) return;
    reloadAudits();
    const offs = ['ticket.submit.done', 'ticket.updated'].map((event) => zendesk.on(event, () => reloadAudits()));
    return () => offs.forEach((off) => off());
  }, [zendesk, reloadAudits, attempt, afterPaint]);

  useEffect(() => {
    if (!afterPaint) return;
    let cancelled = false;
    const scheduleId = settings.schedule_id;
    if (scheduleId === null) {
      queueMicrotask(() => !cancelled && setCalendar({ state: 'unconfigured' }));
      return () => void (cancelled = true);
    }
    extrasLoaders()
      .then(({ loadDeadlineClock }) => loadDeadlineClock(zendesk, scheduleId, settings.periodo_midday))
      .then((built) => {
        if (!cancelled) setCalendar(built.ok ? { state: 'ready', clock: built.clock } : { state: 'failed', error: built.error });
      })
      .catch((error: unknown) => !cancelled && setCalendar({ state: 'failed', error }));
    return () => void (cancelled = true);
  }, [zendesk, settings.schedule_id, settings.periodo_midday, attempt, afterPaint]);

  useEffect(() => {
    if (!afterPaint) return;
    let cancelled = false;
    const title = settings.opening_macro_title;
    if (!title) return;
    extrasLoaders()
      .then(({ findMacro }) => findMacro(zendesk, { id: settings.opening_macro_id, title, alternativeTitles: settings.opening_macro_old_title ? [settings.opening_macro_old_title] : [] }))
      .then((macro) => {
        if (cancelled) return;
        setOpeningMacro(macro);
        setMacroError(null);
      })
      .catch((error: unknown) => !cancelled && setMacroError(error));
    return () => void (cancelled = true);
  }, [zendesk, settings.opening_macro_id, settings.opening_macro_title, settings.opening_macro_old_title, attempt, afterPaint]);

  const retryAll = useCallback(() => setAttempt((n) => n + 1), []);
  return { audits: audits?.list ?? null, truncated: audits?.truncated ?? false, auditsError, auditsLoading, calendar, openingMacro, macroError, reloadAudits, retryAll };
}
