import { Button } from '@zendeskgarden/react-buttons';
import { SM } from '@zendeskgarden/react-typography';
import { useCallback } from 'react';
import { useApp } from '../../app/app-context';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { useI18n } from '../../ui/i18n';
import { useAction } from '../../ui/useAction';
import { requestUnitFormFocus } from './focus-request';

/** Adds the Unit tag in the editor (the agent submits): the checklist's Unit approval step appears. */
export default function MarkUnitPaysButton({ tag }: { tag: string }) {
  const { t } = useI18n();
  const { zendesk } = useApp();
  const mark = useCallback(async () => {
    await zendesk.invoke('ticket.tags.add', [tag]);
    requestUnitFormFocus();
  }, [zendesk, tag]);
  const action = useAction(mark);
  return (
    <div data-testid="unit-mark">
      <Button size="small" isBasic aria-disabled={action.running || undefined} onClick={() => action.run()} data-testid="action-unit-pays">
        {t('unit.mark.action')}
      </Button>
      <SM style={{ color: '#68737d' }}>{t('unit.mark.hint')}</SM>
      {action.error ? <ErrorNotice error={action.error} onRetry={action.retry} /> : null}
    </div>
  );
}
