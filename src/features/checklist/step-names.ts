import type { StepId } from '../../procedure/steps';
import type { MessageKey } from '../../ui/i18n';

/** The translated name of each step (the date step is named after its profile's field). */
export function stepNameKey(id: StepId, profile: 'tecnica' | 'modulo'): MessageKey {
  if (id === 'date') return profile === 'modulo' ? 'checklist.date_step.name_modulo' : 'checklist.date_step.name_tecnica';
  if (id === 'title') return 'checklist.title_step.name';
  return `checklist.${id}.name`;
}
