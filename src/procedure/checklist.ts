import type { SettingName, Settings } from './settings';
import type { TicketSnapshot } from './ticket';
import { hasExactPrefix } from './title';

export type StepId = 'title' | 'data_controle';

/**
 * done: nothing left to do; next: the first open step (the primary action); open: to do later;
 * unavailable: the app cannot serve it until an admin fixes the named settings.
 */
export type StepStatus = 'done' | 'next' | 'open' | 'unavailable';

export interface Step {
  id: StepId;
  status: StepStatus;
  /** Settings that must be fixed before the step can be served. */
  needsSettings: SettingName[];
}

interface StepRule {
  id: StepId;
  needs: SettingName[];
  isDone: (ticket: TicketSnapshot, settings: Settings) => boolean;
}

const rules: StepRule[] = [
  {
    id: 'title',
    needs: ['title_prefix'],
    isDone: (ticket, settings) => hasExactPrefix(ticket.subject, settings.title_prefix ?? ''),
  },
  {
    id: 'data_controle',
    needs: ['data_controle_field_id'],
    isDone: (ticket, settings) => Boolean(settings.data_controle_field_id && ticket.fields[settings.data_controle_field_id]),
  },
];

/** The step list, derived from the ticket every time: there is no second copy of the state. */
export function deriveChecklist(ticket: TicketSnapshot, settings: Settings): Step[] {
  let nextGiven = false;
  return rules.map((rule) => {
    const needsSettings = rule.needs.filter((name) => settings[name] === null);
    if (needsSettings.length > 0) return { id: rule.id, status: 'unavailable', needsSettings };
    if (rule.isDone(ticket, settings)) return { id: rule.id, status: 'done', needsSettings };
    const status: StepStatus = nextGiven ? 'open' : 'next';
    nextGiven = true;
    return { id: rule.id, status, needsSettings };
  });
}
