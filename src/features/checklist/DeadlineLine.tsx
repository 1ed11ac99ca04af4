import { SM } from '@zendeskgarden/react-typography';
import type { DeadlineView } from '../../procedure/steps';
import { formatDuration, formatWhen } from '../../ui/format';
import { useI18n } from '../../ui/i18n';

/** "Prazo (1 período): seg., 23/11, 15:30 · faltam 2 h 10 min úteis" — or paused, met, late. */
export function DeadlineLine({ deadline }: { deadline: DeadlineView }) {
  const { t, locale } = useI18n();
  const dueKey = deadline.periodos === 1 ? 'checklist.deadline.due' : 'checklist.deadline.due_plural';
  let text: string;
  if (deadline.metAt !== null) {
    text = deadline.breached
      ? t('checklist.deadline.met_late', { when: formatWhen(deadline.metAt, locale), due: formatWhen(deadline.due, locale) })
      : t('checklist.deadline.met', { when: formatWhen(deadline.metAt, locale) });
  } else if (deadline.paused) {
    text = t('checklist.deadline.paused');
  } else {
    const left = formatDuration(deadline.businessMsLeft, t);
    text = `${t(dueKey, { n: deadline.periodos, when: formatWhen(deadline.due, locale) })} · ${deadline.overdue ? t('checklist.deadline.late', { time: left }) : t('checklist.deadline.left', { time: left })}`;
  }
  const color = deadline.overdue || deadline.breached ? '#cc3340' : '#49545c';
  const state = deadline.metAt !== null ? 'met' : deadline.paused ? 'paused' : deadline.overdue ? 'overdue' : 'running';
  return (
    <SM tag="p" style={{ margin: '4px 0 0', color }} data-testid="deadline" data-state={state} data-due={Number.isFinite(deadline.due) ? new Date(deadline.due).toISOString() : undefined}>
      {text}
    </SM>
  );
}
