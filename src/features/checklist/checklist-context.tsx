import { createContext, useContext } from 'react';
import type { Settings } from '../../procedure/settings';
import type { ProcedureView, StepId } from '../../procedure/steps';
import type { SidebarData } from '../../zendesk/sidebar-snapshot';
import type { Zendesk } from '../../zendesk/zaf-client';
import type { ProcedureExtras } from './useProcedureExtras';

/** What every step card of the sidebar reads: the derived procedure and the means to act. */
export interface ChecklistEnv {
  zendesk: Zendesk;
  settings: Settings;
  data: SidebarData;
  view: ProcedureView;
  extras: ProcedureExtras;
  nameOf: (userId: number) => string | null;
  /** Re-read the ticket after an action (events also do it; this makes it immediate). */
  refresh: () => void;
}

export const ChecklistContext = createContext<ChecklistEnv | null>(null);

export function useChecklist(): ChecklistEnv {
  const env = useContext(ChecklistContext);
  if (!env) throw new Error('useChecklist outside the checklist');
  return env;
}

export function useStep(id: StepId) {
  const env = useChecklist();
  const step = env.view.steps.find((s) => s.id === id);
  if (!step) throw new Error(`no step ${id}`);
  return { ...env, step };
}
