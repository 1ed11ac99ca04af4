import type { CurrentStep, DashboardRow } from '../../procedure/dashboard/rows';
import type { CellText } from '../../procedure/dashboard/table';
import type { DeadlineView } from '../../procedure/steps';
import type { DashboardKey, DashboardT } from './i18n';

const intlLocale = (locale: string) => (locale === 'en' ? 'en-US' : 'pt-BR');

export interface Names {
  users: ReadonlyMap<number, string>;
  modules: ReadonlyMap<string, string>;
}

/** How the dashboard words each value: the table, the text filter, the sort and the CSV all use it. */
export function cellTextFor(t: DashboardT, locale: string, names: Names, timeZone: string | null): CellText {
  const when = new Intl.DateTimeFormat(intlLocale(locale), { day: '2-digit', month: '2-digit', year: '2-digit', hour: '2-digit', minute: '2-digit', ...(timeZone ? { timeZone } : {}) });
  return {
    user: (id) => (id === null ? t('table.unassigned') : (names.users.get(id) ?? t('table.unknown_user', { id }))),
    module: (value) => (value === null ? t('table.no_module') : (names.modules.get(value) ?? value)),
    status: (status) => (isStatus(status) ? t(`statuses.${status}`) : status),
    step: (step: CurrentStep) => t(`steps.${step}`),
    instant: (ms) => (ms === null ? '' : when.format(ms)),
    minutes: (minutes) => formatHours(minutes),
  };
}

const STATUSES = ['new', 'open', 'pending', 'hold', 'solved', 'closed'] as const;
const isStatus = (s: string): s is (typeof STATUSES)[number] => (STATUSES as readonly string[]).includes(s);

/** "2:05" — hours and minutes, the way the billing team reads Apontamentos. */
export function formatHours(minutes: number): string {
  return `${Math.floor(minutes / 60)}:${String(minutes % 60).padStart(2, '0')}`;
}

/** "faltam 2 h 10 min" / "atrasado 35 min" / "pausado" / "cumprido", in business time. */
export function deadlineWords(d: DeadlineView | null, t: DashboardT): { text: string; tone: 'late' | 'soon' | 'ok' | 'neutral' } {
  if (d === null) return { text: t('deadline.none'), tone: 'neutral' };
  if (d.metAt !== null) return { text: t(d.breached ? 'deadline.breached' : 'deadline.met'), tone: d.breached ? 'late' : 'ok' };
  if (d.paused) return { text: t('deadline.paused'), tone: 'neutral' };
  const minutes = Math.round(Math.abs(d.businessMsLeft) / 60_000);
  // Past ten hours the minutes are noise ("atrasado 642 h").
  const span = minutes >= 600 ? `${Math.floor(minutes / 60)} h` : minutes >= 60 ? `${Math.floor(minutes / 60)} h ${minutes % 60} min` : `${minutes} min`;
  return d.overdue ? { text: t('deadline.late', { time: span }), tone: 'late' } : { text: t('deadline.left', { time: span }), tone: 'ok' };
}

export function stepLabel(row: DashboardRow, t: DashboardT): string {
  const name = t(`steps.${row.currentStep}`);
  const state: DashboardKey | null = row.currentStatus === 'blocked' ? 'step_state.blocked' : row.currentStatus === 'unavailable' ? 'step_state.unavailable' : null;
  return state ? `${name} (${t(state)})` : name;
}
