import { Button } from '@zendeskgarden/react-buttons';
import { SM } from '@zendeskgarden/react-typography';
import { useState } from 'react';
import { formatWhen } from '../../ui/format';
import { useI18n } from '../../ui/i18n';
import { useChecklist } from './checklist-context';
import { stepNameKey } from './step-names';

/** Who completed each step and when, from the audits: what a lead reviewing the ticket looks at. */
export function HistoryPanel() {
  const { t, locale } = useI18n();
  const { view, extras, nameOf } = useChecklist();
  const [open, setOpen] = useState(false);
  return (
    <section aria-label={t('checklist.history.title')}>
      <Button size="small" isBasic onClick={() => setOpen((o) => !o)} aria-expanded={open} data-testid="history-toggle">
        {t(open ? 'checklist.history.hide' : 'checklist.history.show')}
      </Button>
      {open ? (
        <table data-testid="history" style={{ width: '100%', borderCollapse: 'collapse', marginTop: 4 }}>
          <caption style={{ textAlign: 'start' }}>
            <SM isBold>{t('checklist.history.title')}</SM>
          </caption>
          <tbody>
            {view.steps.map((step) => (
              <tr key={step.id} data-testid={`history-${step.id}`}>
                <th scope="row" style={{ textAlign: 'start', fontWeight: 'normal', padding: '2px 4px 2px 0', verticalAlign: 'top' }}>
                  <SM>{t(stepNameKey(step.id, view.profile.id))}</SM>
                </th>
                <td style={{ padding: '2px 0', verticalAlign: 'top' }}>
                  <SM>{step.done ? `${nameOf(step.done.by) ?? t('checklist.history.unknown_user', { id: step.done.by })} · ${formatWhen(step.done.at, locale)}` : t('checklist.history.pending')}</SM>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      {open && extras.truncated ? <SM>{t('checklist.history.truncated')}</SM> : null}
    </section>
  );
}
